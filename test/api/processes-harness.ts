/**
 * linkpace processes (`worker`, `serve --no-engine`) on one throwaway PostgreSQL schema, for the tests of
 * several processes. Each process's stdout and stderr are kept; `waitFor` polls them (or any condition) with a
 * deadline; every process still running when the test ends is killed, and the schema is dropped if it passed.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { CLI } from "../support/cli.js";

export interface Proc {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

export interface PgProcesses {
  url: string;
  schema: string;
  /** The URL with ?schema=: what --db and LINKPACE_DB take. */
  db: string;
  start(args: string[], env?: Record<string, string>): Proc;
  /** serve --port 0 (with `args`), resolved once it listens, with its URL. */
  serve(args?: string[], env?: Record<string, string>): Promise<Proc & { url: string }>;
  sql<T extends pg.QueryResultRow>(text: string, params?: unknown[]): Promise<T[]>;
  dispose(passed: boolean): Promise<void>;
}

/** Polls `check` until it returns a value other than undefined, or fails after `ms`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function pgProcesses(url: string): PgProcesses {
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const db = `${url}${url.includes("?") ? "&" : "?"}schema=${schema}`;
  const procs: Proc[] = [];
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  let connected: Promise<unknown> | null = null;
  const start = (args: string[], env: Record<string, string> = {}): Proc => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, LINKPACE_DB: db, LINKPACE_WORKSPACE: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr!.on("data", (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const proc: Proc = {
      child,
      stdout: () => out,
      stderr: () => err,
      stop: async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
        return exited;
      },
    };
    procs.push(proc);
    return proc;
  };
  return {
    url,
    schema,
    db,
    start,
    async serve(args = [], env = {}) {
      const p = start(["serve", "--port", "0", ...args], env);
      const served = await waitFor(`serve ${args.join(" ")} to listen`, () => {
        if (p.child.exitCode !== null) throw new Error(`serve exited (${p.child.exitCode}): ${p.stderr()}`);
        return /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(p.stderr())?.[1];
      });
      return Object.assign(p, { url: served });
    },
    async sql(text, params = []) {
      connected ??= client.connect();
      await connected;
      return (await client.query(text, params)).rows;
    },
    async dispose(passed) {
      for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill("SIGKILL");
      if (connected) await client.end();
      if (!passed) {
        console.error(`test failed: kept PostgreSQL schema ${schema} in ${url}`);
        return;
      }
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await c.end();
      }
    },
  };
}
