/** `linkpace sim` without --db runs in memory: the same event log bytes as on a SQLite file, and nothing on disk. */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";

describe("linkpace sim without --db", () => {
  const scenario = resolve("test/fixtures/sim/scenario.json");

  it("runs in memory: SQLite's event log bytes, and no database file written, not even a temporary one", () => {
    const dir = tempDir();
    // A temporary directory that does not exist: a scratch database file (before the memory store) could not be made.
    const tmp = join(dir, "no-such-tmp");
    const memory = runCli(["sim", scenario, "--events", "memory.jsonl", "--json"], { cwd: dir, env: { TMPDIR: tmp } });
    expect(memory.code, memory.stderr).toBe(0);
    expect(readdirSync(dir)).toEqual(["memory.jsonl"]);
    const lite = runCli(["sim", scenario, "--db", join(dir, "sim.db"), "--events", "lite.jsonl", "--json"], { cwd: dir });
    expect(lite.code, lite.stderr).toBe(0);
    const bytes = readFileSync(join(dir, "lite.jsonl"), "utf8");
    expect(bytes.split("\n").length).toBeGreaterThan(200);
    expect(readFileSync(join(dir, "memory.jsonl"), "utf8")).toBe(bytes);
    expect(memory.json()).toEqual(lite.json());
  });
});
