/**
 * Assisted tasks: an in-flight action (a log row whose result is still null) shown to the account's owner by a
 * runner. A runner holds a task through a lease (claimed_by, lease_until) so that two runners never show the
 * same task at once; a lease that ran out (a runner killed mid-task) lets another runner take the task, which
 * then asks the owner whether it was done: an in-flight action is never silently put back in the queue.
 */
import type { Selectable } from "kysely";
import { logFromDb } from "./rows.js";
import type { LogTable } from "./schema.js";
import { chunks, type StoreContext } from "./store-context.js";
import type { Store, TaskRow } from "./store.js";

type TaskQueries = Pick<Store, "openTasks" | "openTasksByAccount" | "takeTask" | "letGoTask" | "deleteOpenAction">;

/** Account ids per openTasksByAccount query (SQL parameters stay few). */
const ACCOUNTS_PER_QUERY = 500;

const taskFromDb = (r: Selectable<LogTable>): TaskRow => ({ ...logFromDb(r), claimedBy: r.claimed_by, leaseUntil: r.lease_until });

export function taskQueries({ db }: StoreContext): TaskQueries {
  return {
    async openTasks(accountId) {
      const rows = await db.selectFrom("log").selectAll().where("account_id", "=", accountId).where("result", "is", null).where("type", "=", "action").orderBy("id").execute();
      return rows.map(taskFromDb);
    },

    async openTasksByAccount(accountIds) {
      const out = new Map<number, TaskRow[]>(accountIds.map((id) => [id, []]));
      for (const ids of chunks([...new Set(accountIds)], ACCOUNTS_PER_QUERY)) {
        const rows = await db.selectFrom("log").selectAll().where("account_id", "in", ids).where("result", "is", null).where("type", "=", "action").orderBy("id").execute();
        for (const r of rows) out.get(r.account_id)?.push(taskFromDb(r));
      }
      return out;
    },

    async takeTask(actionId, by, until, now) {
      const r = await db
        .updateTable("log")
        .set({ claimed_by: by, lease_until: until })
        .where("id", "=", actionId)
        .where("result", "is", null)
        .where((eb) => eb.or([eb("claimed_by", "is", null), eb("claimed_by", "=", by), eb("lease_until", "<", now)]))
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async letGoTask(actionId, by) {
      // lease_until stays: it records that the task was shown, so it is never taken for one nobody saw.
      await db.updateTable("log").set({ claimed_by: null }).where("id", "=", actionId).where("claimed_by", "=", by).where("result", "is", null).execute();
    },

    async deleteOpenAction(actionId) {
      const r = await db.deleteFrom("log").where("id", "=", actionId).where("result", "is", null).executeTakeFirst();
      return Number(r.numDeletedRows) === 1;
    },
  };
}
