/**
 * The load benchmark: `linkpace serve` on loopback with the engine running, under sustained requests to the
 * status and task routes for a fixed time, once on SQLite and once on PostgreSQL (unless --skip-pg). The
 * server runs in a child process (load-server.ts); the clients run here (load-clients.ts). Each case seeds a
 * workspace through the API, loads it for a warm-up and then for the measured window, and checks the event
 * log against what the runners were told (load-checks.ts).
 */
import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import type { BenchOptions } from "./bench-options.js";
import {
  accountName,
  ApiClient,
  Recorder,
  ROUTES,
  runReader,
  runRunner,
  seedWorkspace,
  type RunnerTally,
  type Stop,
} from "./load-clients.js";
import { loadChecks } from "./load-checks.js";
import type { LoadBackend, LoadCaseSpec, LoadOutcome, LoadResult, LoadSettings, ParentMessage, ServerMessage } from "./load-types.js";
import { dropSchema, freshSchemaName } from "./pg-admin.js";

export interface LoadRun {
  settings: LoadSettings;
  outcomes: LoadOutcome[];
}

const CHILD = fileURLToPath(new URL("./load-server.js", import.meta.url));
/** High enough that the server's per-credential limiter never answers 429 during the run. */
export const LOAD_RATE_LIMIT = { burst: 1_000_000, perSecond: 1_000_000 };

export function loadSettings(quick: boolean): LoadSettings {
  return quick
    ? { accounts: 4, prospectsPerAccount: 250, runners: 4, statusReaders: 2, taskReaders: 2, warmupMs: 1000, durationMs: 5000 }
    : { accounts: 8, prospectsPerAccount: 500, runners: 8, statusReaders: 4, taskReaders: 4, warmupMs: 3000, durationMs: 20_000 };
}

export function isLoadResult(o: LoadOutcome): o is LoadResult {
  return !("error" in o);
}

export function loadCaseLabel(backend: LoadBackend): string {
  return backend === "sqlite" ? "SQLite (durable, WAL)" : "PostgreSQL";
}

/**
 * CPU seconds the whole machine has been busy (user, nice, system, irq, softirq in /proc/stat, at 100 ticks a
 * second), or null off Linux: with the server's and the clients' own CPU it shows how much other work ran.
 */
function machineBusySeconds(): number | null {
  try {
    const f = readFileSync("/proc/stat", "utf8").split("\n")[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0] = f;
    return (user + nice + system + irq + softirq) / 100;
  } catch {
    return null;
  }
}

/** The server process's messages, taken in order by type; an error or an early exit rejects. */
class Inbox {
  private readonly queue: ServerMessage[] = [];
  private waiter: (() => void) | null = null;
  private failure: Error | null = null;

  constructor(readonly child: ChildProcess) {
    child.on("message", (m) => this.push(m as ServerMessage));
    child.on("error", (e) => this.fail(e));
    // "close", not "exit": every message the process sent has been delivered by then.
    child.on("close", (code, signal) => this.fail(new Error(`the server process exited with ${signal ?? `code ${code}`}`)));
  }

  send(m: ParentMessage): void {
    this.child.send(m);
  }

  async next<T extends ServerMessage["type"]>(type: T): Promise<Extract<ServerMessage, { type: T }>> {
    for (;;) {
      const i = this.queue.findIndex((m) => m.type === type || m.type === "error");
      if (i >= 0) {
        const m = this.queue.splice(i, 1)[0] as ServerMessage;
        if (m.type === "error") throw new Error(`server process: ${m.message}`);
        return m as Extract<ServerMessage, { type: T }>;
      }
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }

  private push(m: ServerMessage): void {
    this.queue.push(m);
    this.wake();
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.wake();
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = null;
    w?.();
  }
}

async function runCase(spec: LoadCaseSpec, s: LoadSettings): Promise<LoadResult> {
  const label = `[load ${loadCaseLabel(spec.backend)}]`;
  const loadAverageBefore = loadavg().map((l) => Math.round(l * 100) / 100);
  const measuredAt = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  const child = fork(CHILD, [JSON.stringify(spec)], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  const inbox = new Inbox(child);
  try {
    const { url, tokens } = await inbox.next("ready");
    const recorder = new Recorder();
    const reader = new ApiClient(url, tokens[0] as string, recorder);
    process.stderr.write(
      `${label} server at ${url}; seeding ${s.accounts} accounts × ${s.prospectsPerAccount} prospects through the API\n`,
    );
    const seed = await seedWorkspace(reader, s.accounts, s.prospectsPerAccount);
    const stop: Stop = { stopped: false };
    const tally: RunnerTally = { done: [], doneInWindow: 0, answers: {} };
    const clients = [
      ...Array.from({ length: s.runners }, (_, i) =>
        runRunner(new ApiClient(url, tokens[1 + i] as string, recorder), accountName(i % s.accounts), recorder, tally, stop),
      ),
      ...Array.from({ length: s.statusReaders }, () => runReader(reader, "GET /v1/status", stop)),
      ...Array.from({ length: s.taskReaders }, () => runReader(reader, "GET /v1/tasks", stop)),
    ];
    process.stderr.write(`${label} ${clients.length} clients: ${s.warmupMs / 1000} s warm-up, then ${s.durationMs / 1000} s measured\n`);
    await sleep(s.warmupMs);
    inbox.send({ type: "measure-start" });
    recorder.recording = true;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const busy0 = machineBusySeconds();
    await sleep(s.durationMs);
    recorder.recording = false;
    const windowMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const busy1 = machineBusySeconds();
    const loadAverageAfter = Math.round((loadavg()[0] ?? 0) * 100) / 100;
    inbox.send({ type: "measure-end" });
    stop.stopped = true;
    await Promise.all(clients);
    const { sample } = await inbox.next("sample");
    const invitations = await reader.call(null, "GET", "/v1/invitations?perPage=1");
    const invitationsTotal = invitations?.status === 200 ? (invitations.body as { page: { total: number } }).page.total : null;
    inbox.send({ type: "finish" });
    const { log, closeMs } = await inbox.next("finished");
    await exited;
    const checks = loadChecks({ done: tally.done, log, requests: recorder.allRuns, invitationsTotal });
    const total = recorder.result("all", windowMs);
    process.stderr.write(
      `${label} ${total.requests} requests in ${(windowMs / 1000).toFixed(1)} s (${total.perSecond.toFixed(0)}/s), ${tally.doneInWindow} tasks done; checks ${checks.every((c) => c.ok) ? "passed" : "FAILED"}\n`,
    );
    return {
      spec,
      settings: s,
      measuredAt,
      loadAverageBefore,
      loadAverageAfter,
      seedMs: { accounts: seed.accounts, campaigns: seed.campaigns, imports: seed.imports },
      enrolled: seed.enrolled,
      windowMs,
      routes: ROUTES.map((r) => recorder.result(r, windowMs)),
      total,
      nextAnswers: tally.answers,
      tasksDone: tally.doneInWindow,
      tasksPerSecond: tally.doneInWindow / (windowMs / 1000),
      tasksDoneAll: tally.done.length,
      server: sample,
      clientCpuCores: (cpu.user + cpu.system) / 1000 / windowMs,
      machineCpuCores: busy0 !== null && busy1 !== null ? (busy1 - busy0) / (windowMs / 1000) : null,
      checks,
      closeMs,
    };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill();
    await exited;
  }
}

async function runOne(spec: LoadCaseSpec, s: LoadSettings, opts: BenchOptions): Promise<LoadOutcome> {
  process.stderr.write(`\n[load] starting ${spec.id}: ${loadCaseLabel(spec.backend)}\n`);
  try {
    return await runCase(spec, s);
  } catch (e) {
    const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
    process.stderr.write(`[load] ${spec.id} failed: ${error}\n`);
    return { spec, error };
  } finally {
    if (spec.backend === "postgres") {
      try {
        await dropSchema(opts.pg, spec.schema as string);
      } catch (e) {
        process.stderr.write(`[load] could not drop schema ${spec.schema}: ${(e as Error).message}\n`);
      }
    }
  }
}

export async function runLoad(opts: BenchOptions, onCase?: (soFar: LoadRun) => void): Promise<LoadRun> {
  const settings = loadSettings(opts.quick);
  const tokens = 1 + settings.runners;
  const specs: LoadCaseSpec[] = [{ id: "load-sqlite", backend: "sqlite", tokens, rateLimit: LOAD_RATE_LIMIT }];
  if (!opts.skipPg)
    specs.push({
      id: "load-postgres",
      backend: "postgres",
      tokens,
      rateLimit: LOAD_RATE_LIMIT,
      pgUrl: opts.pg,
      schema: freshSchemaName("load"),
    });
  const run: LoadRun = { settings, outcomes: [] };
  for (const spec of specs) {
    run.outcomes.push(await runOne(spec, settings, opts));
    onCase?.(run);
  }
  return run;
}
