/**
 * The workers benchmark's messages and results (workers.ts starts the children, workers-*-child.ts are them).
 */

/** What the parent sends a child once every child is ready: start now, for at most `seconds`. */
export interface GoMessage {
  type: "go";
}

export type WorkersChildMessage =
  { type: "ready" } | { type: "done"; performed: number; ms: number; transactions?: number } | { type: "error"; message: string };

/** A linkpace worker child's task: the database (schema URL) and the virtual span it may run through. */
export interface LinkpaceWorkerSpec {
  url: string;
  /** The scenario's start and end (virtual clock, ms). */
  start: number;
  end: number;
  /** Wall-clock seconds to run for at most, from "go". */
  seconds: number;
}

/** A graphile-worker child's task: the database and its schema, and the concurrency of its one runner. */
export interface GraphileWorkerSpec {
  url: string;
  schema: string;
  concurrency: number;
}

export interface LinkpaceWorkersResult {
  processes: number;
  accounts: number;
  prospects: number;
  /** Prospects enrolled by the setup, and how long the setup took (not in the rate). */
  enrolled: number;
  setupMs: number;
  /** Actions performed by each process, and the wall time from "go" to the last process's end. */
  performed: number[];
  transactions: number[];
  wallMs: number;
  actionsPerSecond: number;
  /** Actions logged twice for one step (must be 0), from the event log after the run. */
  duplicates: number;
}

export interface GraphileWorkersResult {
  version: string;
  processes: number;
  concurrency: number;
  jobs: number;
  /** From "go" to the queue found empty (polled every POLL_MS). */
  wallMs: number;
  jobsPerSecond: number;
}

export interface WorkersRun {
  measuredAt: string;
  loadAverage: number[];
  pgVersion: string;
  linkpace: LinkpaceWorkersResult | { error: string };
  graphile: GraphileWorkersResult | { error: string };
}
