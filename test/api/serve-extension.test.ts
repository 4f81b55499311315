/** `linkpace serve --extension-id ID` and LINKPACE_EXTENSION_IDS as a subprocess: those ids are accepted, others refused. */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { CLI, initDir, runCli } from "../support/cli.js";

const FLAG_ID = "lblagggiheedoccidilhaaapjgdelelj";
const ENV_ID = "abcdefghijklmnopabcdefghijklmnop";
const UNKNOWN = "ppppppppppppppppppppppppppppppppp".slice(1);

describe("linkpace serve --extension-id", () => {
  it("accepts the extensions named by the flag and LINKPACE_EXTENSION_IDS, with a token, and refuses others", async () => {
    const dir = initDir("linkpace-serve-ext-");
    const token = (runCli(["token", "create", "--name", "companion", "--json"], { cwd: dir }).json() as { token: { secret: string } }).token
      .secret;
    const child = spawn(process.execPath, [CLI, "serve", "--port", "0", "--extension-id", FLAG_ID], {
      cwd: dir,
      env: { ...process.env, LINKPACE_DB: undefined, LINKPACE_EXTENSION_IDS: ENV_ID },
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
    try {
      const from = (id: string) =>
        fetch(`${url}/v1/tasks`, { headers: { origin: `chrome-extension://${id}`, authorization: `Bearer ${token}` } });
      for (const id of [FLAG_ID, ENV_ID]) {
        const r = await from(id);
        expect(r.status).toBe(200);
        expect(r.headers.get("access-control-allow-origin")).toBe(`chrome-extension://${id}`);
      }
      expect((await from(UNKNOWN)).status).toBe(403);
      const preflight = await fetch(`${url}/v1/tasks/next`, {
        method: "OPTIONS",
        headers: { origin: `chrome-extension://${FLAG_ID}`, "access-control-request-method": "POST" },
      });
      expect(preflight.status).toBe(204);
    } finally {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
  });

  it("refuses an id that is not an extension id (exit 2, naming the flag)", () => {
    const dir = initDir("linkpace-serve-ext-bad-");
    const r = runCli(["serve", "--port", "0", "--extension-id", "chrome-extension://x"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--extension-id");
    const env = runCli(["serve", "--port", "0"], { cwd: dir, env: { LINKPACE_EXTENSION_IDS: "nope" } });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain("LINKPACE_EXTENSION_IDS");
  });
});
