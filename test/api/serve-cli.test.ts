/** `linkpace token|workspace|serve` as subprocesses: tokens printed once, workspaces, SIGTERM stops the server cleanly. */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { CLI, initDir, runCli, tempDir } from "../support/cli.js";

describe("linkpace token and workspace", () => {
  it("creates a token once, lists it without the secret, revokes it; tokens may belong to another workspace", async () => {
    const dir = initDir("linkpace-token-");
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
    expect((list.json() as { tokens: Array<{ name: string; workspace: string }> }).tokens.map((t) => `${t.name}@${t.workspace}`)).toEqual([
      "laptop@default",
      "client@acme",
    ]);
    expect(runCli(["token", "revoke", String(token.id)], { cwd: dir }).code).toBe(0);
    expect(runCli(["token", "revoke", String(token.id)], { cwd: dir }).code).toBe(2);
    expect(
      (runCli(["token", "list", "--json"], { cwd: dir }).json() as { tokens: Array<{ revokedAt: string | null }> }).tokens[0]!.revokedAt,
    ).not.toBeNull();
  });
});

describe("linkpace serve", () => {
  it("listens where it is told, answers /healthz, and exits 0 on SIGTERM after closing", async () => {
    const dir = tempDir("linkpace-serve-");
    const child = spawn(process.execPath, [CLI, "serve", "--port", "0"], {
      cwd: dir,
      env: { ...process.env, LINKPACE_DB: undefined },
      stdio: ["ignore", "pipe", "pipe"],
    });
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

  it("creates a token on a first start and prints it with a sign-in link; a later start creates none", async () => {
    const dir = tempDir("linkpace-first-");
    const start = async () => {
      const child = spawn(process.execPath, [CLI, "serve", "--port", "0"], {
        cwd: dir,
        env: { ...process.env, LINKPACE_DB: undefined },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
          stdout += chunk.toString();
          const m = /serving at (http:\/\/127\.0\.0\.1:\d+).*Ctrl-C stops it\.\n/.exec(stdout); // one write: the token block comes before
          if (m) resolve(m[1]!);
        });
        child.once("exit", () => reject(new Error(`serve exited early: ${stdout}`)));
      });
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      return { url, stdout: () => stdout, stop: async () => (child.kill("SIGTERM"), exited) };
    };
    const first = await start();
    const link = /(http:\/\/127\.0\.0\.1:\d+)\/#\/sign-in\?token=(lp_[A-Za-z0-9_-]+)/.exec(first.stdout());
    expect(link, first.stdout()).not.toBeNull();
    const token = link![2]!;
    expect(first.stdout()).toContain(`  ${token}\n`);
    const status = await fetch(`${first.url}/v1/status`, { headers: { authorization: `Bearer ${token}` } });
    expect(status.status).toBe(200);
    expect(await first.stop()).toBe(0);
    expect(runCli(["token", "list", "--json"], { cwd: dir }).stdout).toContain('"name": "first-start"');

    const second = await start();
    expect(second.stdout()).not.toContain("lp_");
    expect(await second.stop()).toBe(0);
  });

  it("refuses a port that is not one", () => {
    const r = runCli(["serve", "--port", "http"], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--port/);
  });
});
