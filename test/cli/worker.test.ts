/** `linkpace worker` as a subprocess on SQLite: says what it does and where, stops cleanly on SIGTERM and SIGINT. */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { CLI, initDir, runCli, tempDir } from "../support/cli.js";

function startWorker(dir: string) {
  const child = spawn(process.execPath, [CLI, "worker"], {
    cwd: dir,
    env: { ...process.env, LINKPACE_DB: undefined },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const working = new Promise<void>((resolve, reject) => {
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
      if (stderr.includes('"msg":"working"')) resolve();
    });
    void exited.then(() => reject(new Error(`worker exited early: ${stderr}`)));
  });
  return { child, working, exited, stdout: () => stdout, stderr: () => stderr };
}

describe("linkpace worker", () => {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`runs on SQLite, logs JSON lines on stderr, and exits 0 on ${signal} once stopped`, async () => {
      const dir = initDir("linkpace-worker-");
      const w = startWorker(dir);
      await w.working;
      expect(w.stdout()).toMatch(
        /^linkpace worker: running the engine and webhook delivery \(no HTTP\) on SQLite \.\/linkpace\.db\. .*several workers need PostgreSQL/,
      );
      expect(JSON.parse(w.stderr().split("\n")[0]!)).toMatchObject({ level: "info", db: "SQLite ./linkpace.db", msg: "working" });
      w.child.kill(signal);
      expect(await w.exited).toBe(0);
      expect(w.stderr()).toContain('"msg":"stopped"');
    });
  }

  it("refuses a SQLite file that does not exist, and --workspace", () => {
    const missing = runCli(["worker"], { cwd: tempDir() });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no database at \.\/linkpace\.db: run `linkpace init` first/);
    const ws = runCli(["worker", "--workspace", "acme"], { cwd: initDir() });
    expect(ws.code).toBe(2);
    expect(ws.stderr).toMatch(/--workspace: linkpace worker does not take it/);
  });

  it("--help says what it runs, that several need PostgreSQL, and where deployment is described", () => {
    const help = runCli(["worker", "--help"]).stdout;
    expect(help).toMatch(/serve --no-engine/);
    expect(help).toMatch(/PostgreSQL/);
    expect(help).toContain("docs/operations.md");
  });
});
