/** What the scale benchmark's parent hands each child process, and what the child sends back. */

export type ScaleBackend = "memory" | "sqlite-scratch" | "sqlite-durable" | "postgres";

export interface ScaleCaseSpec {
  id: string;
  backend: ScaleBackend;
  accounts: number;
  prospects: number;
  days: number;
  seed: number;
  /** postgres only: the server and a fresh schema for this run. */
  pgUrl?: string;
  schema?: string;
  /** Set when the case runs fewer days than planned, and why. */
  shortened?: string;
}

export interface ScaleResult {
  spec: ScaleCaseSpec;
  /** Performed actions, every result included (report.actions). */
  actions: number;
  invitesSent: number;
  accepted: number;
  messagesSent: number;
  withdrawn: number;
  limitSignals: number;
  restrictions: number;
  enrolled: number;
  refused: number;
  /** Generating the scenario in memory: the benchmark's own cost, not linkpace's. */
  generateMs: number;
  /** Opening (and migrating) the store. */
  openMs: number;
  /** runSimulation from its call to the end of its first engine tick: accounts, campaigns, enrolling every prospect. */
  setupMs: number;
  /** First to last engine tick: the simulated days. */
  loopMs: number;
  /**
   * Statements sent to the database from the first to the last engine tick (store/statement-counter.ts: each a
   * round trip on PostgreSQL; 0 in memory); absent in results saved before this field existed.
   */
  loopStatements?: number;
  /** After the last tick: the report, read back from the event log. */
  reportMs: number;
  /** The whole runSimulation call (setup + loop + report). */
  runMs: number;
  maxRssMB: number;
  heapPeakMB: number;
  loadAverageBefore: number[];
  /** dayMarks[d]: engine-loop ms (from the first tick) when simulated day d was first reached. */
  dayMarks?: number[];
  /** When the case started (UTC, ISO 8601); absent in results saved before this field existed. */
  measuredAt?: string;
  /** PostgreSQL without autovacuum: the benchmark vacuumed and analyzed the case's tables as autovacuum would. */
  vacuumStandIn?: boolean;
}

export type ChildMessage = { type: "result"; result: ScaleResult } | { type: "error"; message: string };

export function backendLabel(backend: ScaleBackend): string {
  return {
    memory: "Memory (sim's default)",
    "sqlite-scratch": "SQLite (scratch)",
    "sqlite-durable": "SQLite (durable, WAL)",
    postgres: "PostgreSQL",
  }[backend];
}

export function scaleCaseLabel(spec: ScaleCaseSpec): string {
  return `${backendLabel(spec.backend)}, ${spec.prospects.toLocaleString("en-US")} prospects`;
}
