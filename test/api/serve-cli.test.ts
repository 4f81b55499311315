/** `linkpace token|workspace|serve` as subprocesses: tokens printed once, workspaces, SIGTERM stops the server cleanly. */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { CLI, runCli, tempDir } from "../support/cli.js";

describe("linkpace token and workspace", () => {
  it("creates a token once, lists it without the secret, revokes it; tokens may belong to another workspace", async () => {
    const dir = tempDir("linkpace-token-");
    const created = runCli(["token", "create", "--name", "laptop", "--json"], { cwd: dir });
    expect(created.code).toBe(0);
    const token = (created.json() as { token: { id: number; secret: string; workspace: string } }).token;
    expect(token.secret).toMatch(/^lp_/);
    expect(token.workspace).toBe("default");
    expect(runCli(["token", "create", "--name", "x", "--workspace", "acme"], { cwd: dir }).code).toBe(2);
    expect(runCli(["workspace", "create", "acme"], { cwd: dir }).code).toBe(0);
    expect(runCli(["workspace", "create", "acme"], { cwd: dir }).code).toBe(2);
    expect(runCli(["token", "create", "--name", "client", "--workspace", "acme"], { cwd: dir }).stdout).toMatch(/for workspace acme:\nlp_/);
    const list = runCli(["token", "list", "--json"], { cwd: dir });
    expect(list.stdout).not.toContain(token.secret);
    expect((list.json() as { tokens: Array<{ name: string; workspace: string }> }).tokens.map((t) => `${t.name}@${t.workspace}`)).toEqual(["laptop@default", "client@acme"]);
    expect(runCli(["token", "revoke", String(token.id)], { cwd: dir }).code).toBe(0);
    expect(runCli(["token", "revoke", String(token.id)], { cwd: dir }).code).toBe(2);
    expect((runCli(["token", "list", "--json"], { cwd: dir }).json() as { tokens: Array<{ revokedAt: string | null }> }).tokens[0]!.revokedAt).not.toBeNull();
  });
});

describe("linkpace serve", () => {
  it("listens where it is told, answers /healthz, and exits 0 on SIGTERM after closing", async () => {
    const dir = tempDir("linkpace-serve-");
    const child = spawn(process.execPath, [CLI, "serve", "--port", "0"], { cwd: dir, env: { ...process.env, LINKPACE_DB: undefined }, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(stderr);
        if (m) resolve(m[1]!);
      });
      child.once("exit", () => reject(new Error(`serve exited early: ${stderr}`)));
    });
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: "ok" });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stderr).toContain('"msg":"stopped"');
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it("refuses a port that is not one", () => {
    const r = runCli(["serve", "--port", "http"], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--port/);
  });
});
