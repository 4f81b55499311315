/**
 * The counts behind `/metrics` (api/metrics.ts): actions by kind and result, and the queue of due work. Each
 * is one grouped query, so a scrape costs the same whatever the size of the log.
 */
import type { Instant } from "../core/time.js";
import type { StoreContext } from "./store-context.js";
import type { WorkspaceId } from "./store.js";

export interface ActionCount {
  kind: string;
  /** null: in flight. */
  result: string | null;
  count: number;
}

export interface ApiMetricsStore {
  /** Actions of the workspace's log grouped by (kind, result), in that order (a NULL result first). */
  actionCounts(workspaceId: WorkspaceId): Promise<ActionCount[]>;
  /** Enrollments whose next step is due at `now` (ready or an invitation to withdraw), and those in flight. */
  queueDepth(workspaceId: WorkspaceId, now: Instant): Promise<{ due: number; inFlight: number }>;
}

/** By kind, then result with NULL (in flight) first; text by code unit, as SQLite's BINARY and PostgreSQL's C order ASCII. */
export function byKindResult(a: ActionCount, b: ActionCount): number {
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  if (a.result === b.result) return 0;
  if (a.result === null || b.result === null) return a.result === null ? -1 : 1;
  return a.result < b.result ? -1 : 1;
}

export function apiMetricsQueries({ db }: StoreContext): ApiMetricsStore {
  return {
    async actionCounts(workspaceId) {
      const rows = await db
        .selectFrom("log")
        .select(["kind", "result", (eb) => eb.fn.countAll<number>().as("n")])
        .where("workspace_id", "=", workspaceId)
        .where("type", "=", "action")
        .groupBy(["kind", "result"])
        .execute();
      // Ordered here: SQL puts NULL (in flight) first on SQLite and last on PostgreSQL; here it is first on both.
      return rows.map((r) => ({ kind: r.kind, result: r.result, count: Number(r.n) })).sort(byKindResult);
    },
    async queueDepth(workspaceId, now) {
      const due = await db
        .selectFrom("enrollments")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("workspace_id", "=", workspaceId)
        .where("ready_at", "<=", now)
        .where((eb) => eb.or([eb("status", "=", "ready"), eb.and([eb("status", "=", "invited"), eb("next_kind", "=", "withdraw")])]))
        .executeTakeFirstOrThrow();
      const inFlight = await db
        .selectFrom("enrollments")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("workspace_id", "=", workspaceId)
        .where("status", "=", "in_flight")
        .executeTakeFirstOrThrow();
      return { due: Number(due.n), inFlight: Number(inFlight.n) };
    },
  };
}
