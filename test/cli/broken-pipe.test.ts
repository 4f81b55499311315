/** Output piped into a reader that stops early (`linkpace --help | head -3`): a quiet exit, never a stack trace. */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { CLI, tempDir } from "../support/cli.js";

/** Runs the CLI with stdout into a pipe that is closed after the first chunk, as `| head -1` does. */
function runIntoClosedPipe(args: string[]): Promise<{ code: number | null; stderr: string; first: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: tempDir("linkpace-pipe-"), stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    let first = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.stdout.once("data", (c: Buffer) => {
      first = c.toString();
      child.stdout.destroy();
    });
    child.once("close", (code) => resolve({ code, stderr, first }));
  });
}

describe("a closed stdout", () => {
  // The top-level help is written in several pieces, so the pipe closes while it is still writing (this failed
  // with an EPIPE stack before main.ts handled it).
  it("linkpace --help exits 0 without a stack trace", async () => {
    const r = await runIntoClosedPipe(["--help"]);
    expect(r.first).toMatch(/Usage: linkpace/);
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled 'error'|at /);
    expect(r.code).toBe(0);
  });
});
