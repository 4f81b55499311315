/**
 * The chaos run's processes: `linkpace worker`s and `linkpace serve --no-engine`s as children on one PostgreSQL
 * database, each API server on a free port of 127.0.0.1. `kill` is kill -9 (SIGKILL) followed by a restart (an
 * API server comes back on a new port: `serverUrls()` is the list now). A child that exits without being killed
 * is recorded in `crashes`. `killAll()` is synchronous, for teardown on any path.
 */
import { spawn, type ChildProcess } from "node:child_process";

export type ProcessKind = "worker" | "server";

interface Child {
  kind: ProcessKind;
  /** Which of its kind (worker 1, server 2), kept across restarts. */
  index: number;
  proc: ChildProcess;
  url: string | null;
  ready: boolean;
  killed: boolean;
  output: string;
}

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;
const OUTPUT_KEPT = 4000;

export class ChaosCluster {
  private readonly children: Child[] = [];
  /** Children that exited on their own (not killed, not stopped): their kind, code and last output. */
  readonly crashes: string[] = [];
  /** Children started again after a kill (and ready). */
  restarts = 0;
  private readonly restarting = new Set<Promise<void>>();
  private readonly started: ChildProcess[] = [];
  private stopping = false;

  constructor(
    /** dist/cli/main.js */
    private readonly cli: string,
    /** The database, as --db takes it (postgres://…?schema=…). */
    private readonly db: string,
  ) {}

  async start(workers: number, servers: number): Promise<void> {
    const starts: Array<Promise<void>> = [];
    for (let i = 1; i <= workers; i++) starts.push(this.spawn("worker", i));
    for (let i = 1; i <= servers; i++) starts.push(this.spawn("server", i));
    await Promise.all(starts);
  }

  serverUrls(): string[] {
    return this.children.filter((c) => c.kind === "server" && c.ready && !c.killed).map((c) => c.url as string);
  }

  /**
   * kill -9 of one running child (of kind `only` when given) chosen with `pick` (0 ≤ pick < 1), once it has exited; its restart goes on in
   * the background (`restarted()` waits for every one). What was killed, or null when every child is starting.
   */
  async killAndRestart(pick: number, only?: ProcessKind): Promise<{ kind: ProcessKind; index: number; pid: number } | null> {
    const live = this.children.filter((c) => !c.killed && c.ready && (only === undefined || c.kind === only));
    if (live.length === 0) return null;
    const victim = live[Math.floor(pick * live.length)] as Child;
    const pid = victim.proc.pid as number;
    victim.killed = true;
    const exited = new Promise<void>((resolve) => victim.proc.once("exit", () => resolve()));
    if (victim.proc.exitCode === null && victim.proc.signalCode === null) victim.proc.kill("SIGKILL");
    await exited;
    this.children.splice(this.children.indexOf(victim), 1);
    if (this.stopping) return { kind: victim.kind, index: victim.index, pid };
    const restart = this.spawn(victim.kind, victim.index).then(
      () => {
        this.restarts++;
      },
      (e: unknown) => {
        this.crashes.push(`${victim.kind} ${victim.index}: restart failed: ${e instanceof Error ? e.message : String(e)}`);
      },
    );
    this.restarting.add(restart);
    void restart.finally(() => this.restarting.delete(restart));
    return { kind: victim.kind, index: victim.index, pid };
  }

  /** Waits for the restarts in progress. */
  async restarted(): Promise<void> {
    while (this.restarting.size > 0) await Promise.all([...this.restarting]);
  }

  /** SIGTERM to every child of `kind` (all when absent), waiting for each to exit (SIGKILL after a timeout). */
  async stop(kind?: ProcessKind): Promise<void> {
    await this.restarted();
    this.stopping = true;
    const mine = this.children.filter((c) => kind === undefined || c.kind === kind);
    await Promise.all(
      mine.map(async (c) => {
        c.killed = true;
        if (c.proc.exitCode !== null || c.proc.signalCode !== null) return;
        const exited = new Promise<void>((resolve) => c.proc.once("exit", () => resolve()));
        c.proc.kill("SIGTERM");
        const timer = setTimeout(() => c.proc.kill("SIGKILL"), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      }),
    );
    for (const c of mine) this.children.splice(this.children.indexOf(c), 1);
  }

  /** SIGKILL to every child still running: for teardown, whatever happened. */
  killAll(): void {
    this.stopping = true;
    for (const c of this.children) c.killed = true;
    for (const p of this.started) if (p.exitCode === null && p.signalCode === null) p.kill("SIGKILL");
  }

  /** Every child ever started that has not exited (for the teardown check that none survives). */
  pids(): number[] {
    return this.started.filter((p) => p.exitCode === null && p.signalCode === null).map((p) => p.pid as number);
  }

  private spawn(kind: ProcessKind, index: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    const args = kind === "worker" ? ["worker"] : ["serve", "--no-engine", "--host", "127.0.0.1", "--port", "0"];
    const env: NodeJS.ProcessEnv = { ...process.env, LINKPACE_DB: this.db };
    delete env.LINKPACE_NOW;
    delete env.LINKPACE_WORKSPACE;
    const proc = spawn(process.execPath, [this.cli, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    this.started.push(proc);
    const child: Child = { kind, index, proc, url: null, ready: false, killed: false, output: "" };
    this.children.push(child);
    const keep = (chunk: Buffer): void => {
      child.output = (child.output + chunk.toString()).slice(-OUTPUT_KEPT);
    };
    proc.stderr?.on("data", keep);
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (!child.ready) reject(new Error(`${kind} ${index} did not start within ${READY_TIMEOUT_MS} ms: ${child.output}`));
      }, READY_TIMEOUT_MS);
      proc.stdout?.on("data", (chunk: Buffer) => {
        keep(chunk);
        if (child.ready) return;
        const m = /serving at (http:\/\/127\.0\.0\.1:\d+)/.exec(child.output);
        if (kind === "server" ? m !== null : child.output.includes("linkpace worker: running")) {
          child.ready = true;
          child.url = m?.[1] ?? null;
          clearTimeout(timer);
          resolve();
        }
      });
      proc.once("exit", (code, signal) => {
        clearTimeout(timer);
        if (!child.killed && !this.stopping) this.crashes.push(`${kind} ${index} exited (${code ?? signal}): ${child.output.slice(-1000)}`);
        if (!child.ready) reject(new Error(`${kind} ${index} exited before it was ready (${code ?? signal}): ${child.output}`));
      });
    });
  }
}
