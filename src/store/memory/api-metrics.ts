/**
 * The counts behind `/metrics`, of the memory store (../api-metrics.ts is the SQL one). A scrape scans the
 * workspace's log and enrollments: it is no per-action path.
 */
import { byKindResult, type ActionCount, type ApiMetricsStore } from "../api-metrics.js";
import type { MemoryContext } from "./context.js";
import { key, type EnrollmentDbRow } from "./database.js";

export function apiMetricsMethods(ctx: MemoryContext): ApiMetricsStore {
  return {
    actionCounts: (workspaceId) =>
      ctx.run((db) => {
        const counts = new Map<string, ActionCount>();
        for (const r of db.log.values()) {
          if (r.workspace_id !== workspaceId || r.type !== "action") continue;
          const k = key(r.kind, r.result ?? "\u0001null");
          const c = counts.get(k);
          if (c) c.count++;
          else counts.set(k, { kind: r.kind, result: r.result, count: 1 });
        }
        return [...counts.values()].sort(byKindResult);
      }),

    queueDepth: (workspaceId, now) =>
      ctx.run((db) => {
        let due = 0;
        let inFlight = 0;
        for (const accountId of db.accountsByWorkspace.get(workspaceId)) {
          for (const id of db.enrollmentsByAccount.get(accountId)) {
            const e = db.enrollments.get(id) as EnrollmentDbRow;
            if (e.workspace_id !== workspaceId) continue;
            if (e.status === "in_flight") inFlight++;
            else if (
              e.ready_at !== null &&
              e.ready_at <= now &&
              (e.status === "ready" || (e.status === "invited" && e.next_kind === "withdraw"))
            )
              due++;
          }
        }
        return { due, inFlight };
      }),
  };
}
