/**
 * Assisted tasks: an in-flight action (a log row whose result is still null) shown to the account's owner by a
 * runner. A runner holds a task through a lease (claimed_by, lease_until) so that two runners never show the
 * same task at once; a lease that ran out (a runner killed mid-task) lets another runner take the task, which
 * then asks the owner whether it was done: an in-flight action is never silently put back in the queue.
 * One that was never performed (skipped) is put back by deleting its log row; a row in released_actions
 * (migration 010) remembers it (a month: Engine.releaseTask), so that a late answer for it is told it was skipped.
 */
import type { Selectable } from "kysely";
import type { ActionKind } from "../core/model.js";
import { actionFromDb } from "./rows.js";
import type { LogTable } from "./schema.js";
import { atomically, chunks, type StoreContext } from "./store-context.js";
import type { ReleaseReason, Store, TaskRow } from "./store.js";

export type TaskQueries = Pick<
  Store,
  "openTasks" | "openTasksByAccount" | "takeTask" | "letGoTask" | "releaseOpenAction" | "getReleasedAction"
>;

/** Account ids per openTasksByAccount query (SQL parameters stay few). */
const ACCOUNTS_PER_QUERY = 500;

const taskFromDb = (r: Selectable<LogTable>): TaskRow => ({
  ...actionFromDb(r),
  claimedBy: r.claimed_by,
  leaseUntil: r.lease_until,
  reconcile: Number(r.reconcile) === 1,
});

export function taskQueries(ctx: StoreContext): TaskQueries {
  const { db } = ctx;
  return {
    async openTasks(accountId) {
      const rows = await db
        .selectFrom("log")
        .selectAll()
        .where("account_id", "=", accountId)
        .where("result", "is", null)
        .where("type", "=", "action")
        .orderBy("id")
        .execute();
      return rows.map(taskFromDb);
    },

    async openTasksByAccount(accountIds) {
      const out = new Map<number, TaskRow[]>(accountIds.map((id) => [id, []]));
      for (const ids of chunks([...new Set(accountIds)], ACCOUNTS_PER_QUERY)) {
        const rows = await db
          .selectFrom("log")
          .selectAll()
          .where("account_id", "in", ids)
          .where("result", "is", null)
          .where("type", "=", "action")
          .orderBy("id")
          .execute();
        for (const r of rows) out.get(r.account_id)?.push(taskFromDb(r));
      }
      return out;
    },

    async takeTask(actionId, { by, until, now, repeat }) {
      const r = await db
        .updateTable("log")
        .set((eb) => ({
          claimed_by: by,
          lease_until: until,
          // A lease (even one let go of) means it was shown; the SET expressions read the row as it was.
          reconcile: eb
            .case()
            .when(
              eb.and([
                eb("lease_until", "is not", null),
                eb.or([
                  eb("claimed_by", "is", null),
                  eb("claimed_by", "!=", by),
                  eb("lease_until", "<", now),
                  eb.lit(repeat === "restart"),
                ]),
              ]),
            )
            .then(1)
            .else(eb.ref("reconcile"))
            .end(),
        }))
        .where("id", "=", actionId)
        .where("result", "is", null)
        .where((eb) => eb.or([eb("claimed_by", "is", null), eb("claimed_by", "=", by), eb("lease_until", "<", now)]))
        .returningAll()
        .executeTakeFirst();
      return r ? taskFromDb(r) : null;
    },

    async letGoTask(actionId, by) {
      // lease_until stays: it records that the task was shown, so it is never taken for one nobody saw.
      const r = await db
        .updateTable("log")
        .set({ claimed_by: null })
        .where("id", "=", actionId)
        .where("claimed_by", "=", by)
        .where("result", "is", null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    releaseOpenAction(actionId, { which, at, reason, forgetBefore }) {
      return atomically(ctx, async (tx) => {
        const gone = await tx
          .deleteFrom("log")
          .where("id", "=", actionId)
          .where("result", "is", null)
          .where("type", "=", "action")
          .$if(which === "unheld", (q) => q.where("claimed_by", "is", null).where("lease_until", "is", null))
          .returning(["workspace_id", "account_id", "kind"])
          .executeTakeFirst();
        if (!gone) return false;
        await tx.deleteFrom("released_actions").where("account_id", "=", gone.account_id).where("released_at", "<", forgetBefore).execute();
        await tx
          .insertInto("released_actions")
          .values({ action_id: actionId, ...gone, released_at: at, reason })
          .execute();
        return true;
      });
    },

    async getReleasedAction(actionId) {
      const r = await db.selectFrom("released_actions").selectAll().where("action_id", "=", actionId).executeTakeFirst();
      if (!r) return null;
      return {
        actionId: r.action_id,
        workspaceId: r.workspace_id,
        accountId: r.account_id,
        kind: r.kind as ActionKind,
        at: r.released_at,
        reason: r.reason as ReleaseReason,
      };
    },
  };
}
