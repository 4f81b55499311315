import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** src/core stays deterministic: no I/O, no clock, no ambient randomness, no timers. */
const FORBIDDEN: Array<[RegExp, string]> = [
  [/from\s+["']node:/, "a node: import"],
  [/require\(/, "require()"],
  [/Date\.now\(/, "Date.now()"],
  [/new Date\(\)/, "new Date() without an instant"],
  [/Math\.random\(/, "Math.random()"],
  [/\bset(Timeout|Interval|Immediate)\(/, "a timer"],
  [/\bprocess\./, "process"],
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("src/core purity", () => {
  const sources = files("src/core");
  it("has sources to check", () => expect(sources.length).toBeGreaterThan(20));
  it.each(sources)("%s has no I/O, clock, randomness or timers", (path) => {
    const text = readFileSync(path, "utf8").replace(/^\s*(\/\/|\*).*$/gm, "");
    const found = FORBIDDEN.filter(([re]) => re.test(text)).map(([, what]) => what);
    expect(found).toEqual([]);
  });
});
