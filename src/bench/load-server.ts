/**
 * The server of the load benchmark, in a process of its own so that the clients (load.ts) do not share its
 * event loop and its RSS, CPU and loop delay are its alone. It runs `linkpace serve` as the command does:
 * startServer on 127.0.0.1 (port 0), the engine loop running, the real clock, a durable SQLite file (WAL) or a
 * fresh PostgreSQL schema; request logs go to a file as pino JSON, as `linkpace serve 2>file` would write them.
 *
 * Protocol (IPC): started with a LoadCaseSpec as JSON in argv[2]; sends `ready` with the URL and tokens; on
 * `measure-start` resets its meters, on `measure-end` sends a `sample`; on `finish` reads the event log back,
 * closes the server gracefully and sends `finished`.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay, performance, type EventLoopUtilization } from "node:perf_hooks";
import { pino } from "pino";
import { createToken } from "../api/auth.js";
import type { Logger } from "../api/logger.js";
import { startServer } from "../api/server.js";
import type { Clock } from "../core/time.js";
import { openStore } from "../store/open-store.js";
import { DEFAULT_WORKSPACE, type Store } from "../store/store.js";
import type { LoadCaseSpec, LogSummary, ParentMessage, ServerMessage, ServerSample } from "./load-types.js";
import { schemaUrl } from "./pg-admin.js";

const LAG_SAMPLE_MS = 1000;

function fileLogger(path: string): Logger {
  return pino(
    { base: null, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } },
    pino.destination({ dest: path, sync: true }),
  );
}

/** Meters of the measured window: event-loop delay and utilisation, CPU, and the engine's lag. */
class Meters {
  private readonly delay = monitorEventLoopDelay({ resolution: 10 });
  private elu: EventLoopUtilization = performance.eventLoopUtilization();
  private cpu = process.cpuUsage();
  private t0 = performance.now();
  private lags: number[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  start(): void {
    this.delay.reset();
    this.delay.enable();
    this.elu = performance.eventLoopUtilization();
    this.cpu = process.cpuUsage();
    this.t0 = performance.now();
    this.lags = [];
    this.timer = setInterval(() => {
      void this.store.nextWakeAt().then(
        (wake) => this.lags.push(wake === null ? 0 : Math.max(0, (this.clock.now() - wake) / 1000)),
        () => {},
      );
    }, LAG_SAMPLE_MS);
  }

  stop(): ServerSample {
    if (this.timer) clearInterval(this.timer);
    this.delay.disable();
    const wallMs = performance.now() - this.t0;
    const cpu = process.cpuUsage(this.cpu);
    const ms = (ns: number): number => (Number.isFinite(ns) ? ns / 1e6 : 0);
    const lagSum = this.lags.reduce((s, x) => s + x, 0);
    return {
      rssMB: Math.round(process.memoryUsage().rss / 2 ** 20),
      maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      loopDelay: { p50: ms(this.delay.percentile(50)), p99: ms(this.delay.percentile(99)), max: ms(this.delay.max) },
      loopUtilization: performance.eventLoopUtilization(this.elu).utilization,
      cpuCores: (cpu.user + cpu.system) / 1000 / wallMs,
      engineLag: { mean: this.lags.length ? lagSum / this.lags.length : 0, max: Math.max(0, ...this.lags), samples: this.lags.length },
    };
  }
}

/** Every action of the default workspace, as the correctness checks need them. */
async function readLogSummary(store: Store, logPath: string): Promise<LogSummary> {
  const okActions: LogSummary["okActions"] = [];
  let otherResults = 0;
  let after: { at: number; id: number } | null = null;
  for (;;) {
    const page = await store.readLog(DEFAULT_WORKSPACE, after, 5000);
    for (const row of page) {
      if (row.type !== "action") continue;
      if (row.result === "ok") okActions.push([row.id, row.kind, row.enrollmentId]);
      else otherResults++;
    }
    const last = page[page.length - 1];
    if (!last || page.length < 5000) break;
    after = { at: last.at, id: last.id };
  }
  let inFlight = 0;
  for (const a of await store.listAccounts(DEFAULT_WORKSPACE)) inFlight += (await store.openTasks(a.id)).length;
  const errorLogLines = readFileSync(logPath, "utf8")
    .split("\n")
    .filter((l) => l.includes('"level":"error"')).length;
  return { okActions, inFlight, otherResults, errorLogLines };
}

function send(message: ServerMessage): Promise<void> {
  return new Promise((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));
}

async function main(spec: LoadCaseSpec): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "linkpace-load-"));
  const logPath = join(dir, "server.log");
  const clock: Clock = { now: () => Date.now() };
  try {
    const target = spec.backend === "postgres" ? schemaUrl(spec.pgUrl as string, spec.schema as string) : join(dir, "load.db");
    const store = await openStore(target);
    const tokens: string[] = [];
    for (let i = 0; i < spec.tokens; i++)
      tokens.push((await createToken(store, { workspaceId: DEFAULT_WORKSPACE, name: `load-${i}`, now: clock.now() })).token);
    const running = await startServer({ store, clock, host: "127.0.0.1", port: 0, rateLimit: spec.rateLimit, logger: fileLogger(logPath) });
    const meters = new Meters(store, clock);
    await new Promise<void>((resolve, reject) => {
      process.on("message", (m: ParentMessage) => {
        if (m.type === "measure-start") meters.start();
        else if (m.type === "measure-end") void send({ type: "sample", sample: meters.stop() });
        else if (m.type === "finish") {
          void (async () => {
            const log = await readLogSummary(store, logPath);
            const t0 = performance.now();
            await running.close();
            await send({ type: "finished", log, closeMs: performance.now() - t0 });
          })().then(resolve, reject);
        }
      });
      process.on("disconnect", () => reject(new Error("the benchmark process went away")));
      void send({ type: "ready", url: running.url, tokens });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const spec = JSON.parse(process.argv[2] ?? "null") as LoadCaseSpec | null;
if (spec === null || !process.send) {
  process.stderr.write("load-server: expected a case as JSON in the first argument and an IPC channel (started by dist/bench/run.js)\n");
  process.exit(2);
}
try {
  await main(spec);
  process.exit(0);
} catch (e) {
  await send({ type: "error", message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  process.exit(3);
}
