/**
 * Assisted tasks of the memory store (../tasks.ts is the SQL one, which explains leases and reconciling): in-flight
 * actions (log rows with a null result) per account in the index logOpenTasks, and the actions put back without
 * a result in released_actions.
 */
import type { ActionKind } from "../../core/model.js";
import { actionFromDb } from "../rows.js";
import type { ReleaseReason, TaskRow } from "../store.js";
import type { MemoryContext } from "./context.js";
import type { LogDbRow, MemoryDatabase, ReleasedActionDbRow } from "./database.js";
import { ascending } from "./rows.js";
import type { TaskQueries } from "../tasks.js";

const taskFromDb = (r: LogDbRow): TaskRow => ({
  ...actionFromDb(r),
  claimedBy: r.claimed_by,
  leaseUntil: r.lease_until,
  reconcile: Number(r.reconcile) === 1,
});

/** The account's in-flight actions, by id. */
const openTasksOf = (db: MemoryDatabase, accountId: number): TaskRow[] =>
  ascending(db.logOpenTasks.get(accountId)).map((id) => taskFromDb(db.log.get(id) as LogDbRow));

export function taskMethods(ctx: MemoryContext): TaskQueries {
  return {
    openTasks: (accountId) => ctx.run((db) => openTasksOf(db, accountId)),

    openTasksByAccount: (accountIds) =>
      ctx.run((db) => {
        const out = new Map<number, TaskRow[]>(accountIds.map((id) => [id, []]));
        for (const id of new Set(accountIds)) out.set(id, openTasksOf(db, id));
        return out;
      }),

    takeTask: (actionId, { by, until, now, repeat }) =>
      ctx.run((db) => {
        const r = db.log.get(actionId);
        // SQL comparisons with NULL are never true: a null lease_until has not "ended before now".
        const ended = r?.lease_until != null && r.lease_until < now;
        if (!r || r.result !== null || !(r.claimed_by === null || r.claimed_by === by || ended)) return null;
        // A lease (even one let go of) means it was shown; the row as it was decides.
        const shown = r.lease_until !== null && (r.claimed_by === null || r.claimed_by !== by || ended || repeat === "restart");
        return taskFromDb(db.log.update(actionId, { claimed_by: by, lease_until: until, reconcile: shown ? 1 : r.reconcile }) as LogDbRow);
      }),

    letGoTask: (actionId, by) =>
      ctx.run((db) => {
        const r = db.log.get(actionId);
        if (!r || r.claimed_by !== by || r.result !== null) return false;
        // lease_until stays: it records that the task was shown, so it is never taken for one nobody saw.
        db.log.update(actionId, { claimed_by: null });
        return true;
      }),

    releaseOpenAction: (actionId, { which, at, reason, forgetBefore }) =>
      ctx.run((db) => {
        const r = db.log.get(actionId);
        if (!r || r.result !== null || r.type !== "action") return false;
        if (which === "unheld" && (r.claimed_by !== null || r.lease_until !== null)) return false;
        db.log.delete(actionId);
        for (const old of [...db.releasedByAccount.get(r.account_id)]) {
          if ((db.releasedActions.get(old) as ReleasedActionDbRow).released_at < forgetBefore) db.releasedActions.delete(old);
        }
        db.releasedActions.insert({
          action_id: actionId,
          workspace_id: r.workspace_id,
          account_id: r.account_id,
          kind: r.kind,
          released_at: at,
          reason,
        });
        return true;
      }),

    getReleasedAction: (actionId) =>
      ctx.run((db) => {
        const r = db.releasedActions.get(actionId);
        if (!r) return null;
        return {
          actionId: r.action_id,
          workspaceId: r.workspace_id,
          accountId: r.account_id,
          kind: r.kind as ActionKind,
          at: r.released_at,
          reason: r.reason as ReleaseReason,
        };
      }),
  };
}
