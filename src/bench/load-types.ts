/**
 * What the load benchmark's parent (load.ts, the clients) and its server process (load-server.ts) exchange,
 * and what a load case reports.
 */
import type { LatencySummary } from "./latency-stats.js";

export type LoadBackend = "sqlite" | "postgres";

export interface LoadCaseSpec {
  id: string;
  backend: LoadBackend;
  /** Tokens the server process creates: one for the readers, one per runner (a runner's credential is its id). */
  tokens: number;
  /** The request rate limit given to startServer, per credential. */
  rateLimit: { burst: number; perSecond: number };
  /** postgres only: the server and a fresh schema for this run. */
  pgUrl?: string;
  schema?: string;
}

/** The load, as configured. */
export interface LoadSettings {
  accounts: number;
  prospectsPerAccount: number;
  runners: number;
  statusReaders: number;
  taskReaders: number;
  warmupMs: number;
  durationMs: number;
}

/** The server process's own view of the measured window. */
export interface ServerSample {
  /** RSS at the end of the window, and the process's peak RSS so far (kernel maxRSS). */
  rssMB: number;
  maxRssMB: number;
  /** Event-loop delay over the window (perf_hooks monitorEventLoopDelay), in ms. */
  loopDelay: { p50: number; p99: number; max: number };
  /** Share of the window the event loop was busy (performance.eventLoopUtilization). */
  loopUtilization: number;
  /** CPU time of the server process ÷ wall time of the window (1 = one core fully used). */
  cpuCores: number;
  /** How far behind its earliest due account the engine was (the /metrics gauge), sampled every second, in s. */
  engineLag: { mean: number; max: number; samples: number };
}

/** The event log as the server process read it after the load stopped: what the correctness checks need. */
export interface LogSummary {
  /** Actions recorded ok, as [actionId, kind, enrollmentId]. */
  okActions: Array<[number, string, number | null]>;
  /** Actions still in flight (handed over, not reported). */
  inFlight: number;
  /** Actions with another result. */
  otherResults: number;
  /** Lines the server logged at level error (failed requests, engine loop failures). */
  errorLogLines: number;
}

export type ParentMessage = { type: "measure-start" } | { type: "measure-end" } | { type: "finish" };

export type ServerMessage =
  | { type: "ready"; url: string; tokens: string[] }
  | { type: "sample"; sample: ServerSample }
  | { type: "finished"; log: LogSummary; closeMs: number }
  | { type: "error"; message: string };

export interface RouteResult {
  route: string;
  requests: number;
  /** Non-2xx answers and requests that failed without an answer. */
  errors: number;
  serverErrors: number;
  statuses: Record<string, number>;
  perSecond: number;
  latencyMs: LatencySummary;
}

export interface LoadCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface LoadResult {
  spec: LoadCaseSpec;
  settings: LoadSettings;
  measuredAt: string;
  loadAverageBefore: number[];
  /** The 1-minute load average at the end of the measured window (other work shares the 2 cores). */
  loadAverageAfter: number;
  seedMs: { accounts: number; campaigns: number; imports: number };
  enrolled: number;
  windowMs: number;
  routes: RouteResult[];
  total: RouteResult;
  /** POST /v1/tasks/next answers by type. */
  nextAnswers: Record<string, number>;
  /** Tasks reported done within the window, and per second. */
  tasksDone: number;
  tasksPerSecond: number;
  /** All tasks reported done, warm-up included (what the checks compare). */
  tasksDoneAll: number;
  server: ServerSample;
  /** CPU time of the benchmark's own process (the clients) ÷ wall time of the window. */
  clientCpuCores: number;
  /** CPU busy on the whole machine (/proc/stat) ÷ wall time of the window; null where /proc/stat is not there. */
  machineCpuCores: number | null;
  checks: LoadCheck[];
  closeMs: number;
}

export type LoadOutcome = LoadResult | { spec: LoadCaseSpec; error: string };
