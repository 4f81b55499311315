/**
 * An enrollment's status is written only through the state machine (core/enrollment/transition.ts), by its one
 * adapter (engine/transitions.ts). Checked on the sources: a new writer that patches an enrollment by itself, or
 * spells a status in a row it writes, fails here.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ADAPTER = "src/engine/transitions.ts";
/** Forwards the adapter's writes to the store, noting where each enrollment goes (the engine's turn ledger). */
const LEDGER = "src/engine/turn-ledger.ts";
const STATUS_LITERAL = /\bstatus:\s*[^,}\n]*["'](ready|in_flight|invited|done)["']/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(path) ? [path] : [];
  });
}

const sources = files("src").map((path) => ({
  path: path.split("\\").join("/"),
  text: readFileSync(path, "utf8").replace(/^\s*(\/\/|\*).*$/gm, ""),
}));
const outside = sources.filter((s) => !s.path.startsWith("src/core/enrollment/") && !s.path.startsWith("src/store/"));

describe("the enrollment state machine is the only writer of an enrollment's status", () => {
  it("has sources to check", () => expect(outside.length).toBeGreaterThan(50));

  it("only the adapter calls updateEnrollment outside the store (and the ledger that forwards its calls)", () => {
    expect(outside.filter((s) => /\.updateEnrollment\(/.test(s.text)).map((s) => s.path)).toEqual([ADAPTER, LEDGER]);
  });

  it("no file that writes enrollments spells a status: new rows take theirs from the state machine", () => {
    const writers = outside.filter((s) => /\.(updateEnrollment|insertEnrollments)\(|\b(EnrollmentPatch|NewEnrollment)\b/.test(s.text));
    expect(writers.length).toBeGreaterThanOrEqual(3);
    expect(writers.filter((s) => STATUS_LITERAL.test(s.text)).map((s) => s.path)).toEqual([]);
  });

  it("the store sets an enrollment's status only from the patch it is given", () => {
    const store = sources.filter((s) => s.path.startsWith("src/store/") && !s.path.includes("/migrations/"));
    const direct = /updateTable\(["']enrollments["']\)[\s\S]{0,120}?\.set\(\{[^}]*\bstatus\b/;
    expect(store.filter((s) => direct.test(s.text)).map((s) => s.path)).toEqual([]);
  });
});
