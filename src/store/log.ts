/**
 * The log of actions and network events (the event log's source). An action row is appended when it is claimed, with
 * a null result, and gets its result when it arrives; readers only see rows whose outcome is known.
 */
import type { ActionResult } from "../core/model.js";
import type { Instant } from "../core/time.js";
import { rowOf, runDeferrable, runPrepared, runPreparedFirst, valuesOf } from "./prepared.js";
import { actionFromDb, LOG_INSERT_COLUMNS, logFromDb, logToDb } from "./rows.js";
import type { StoreContext } from "./store-context.js";
import type { LogLine, Store } from "./store.js";

export type LogQueries = Pick<Store, "appendLog" | "appendLogDeferrable" | "setLogResult" | "getLogRow" | "readLog" | "accountActions">;

export function logQueries(ctx: StoreContext): LogQueries {
  const { db } = ctx;
  return {
    async appendLog(row) {
      const r = await runPreparedFirst(
        ctx,
        "log.append",
        (...args: unknown[]) => db.insertInto("log").values(rowOf(LOG_INSERT_COLUMNS, args)).returning("id"),
        ...valuesOf(LOG_INSERT_COLUMNS, logToDb(row)),
      );
      return (r as { id: number }).id;
    },

    async appendLogDeferrable(row) {
      await runDeferrable(
        ctx,
        { table: "log", key: "new" },
        "log.appendDeferrable",
        (...args: unknown[]) => db.insertInto("log").values(rowOf(LOG_INSERT_COLUMNS, args)),
        ...valuesOf(LOG_INSERT_COLUMNS, logToDb(row)),
      );
    },

    async setLogResult(id, result) {
      // Guarded: a result, once written, is never replaced (two answers for one action, see Engine.recordResult).
      const rows = await runPrepared(
        ctx,
        "log.setResult",
        (i: number, res: ActionResult) =>
          db
            .updateTable("log")
            .set({ result: res })
            .where("id", "=", i)
            .where("type", "=", "action")
            .where("result", "is", null)
            .returning("id"),
        id,
        result,
      );
      return rows.length === 1;
    },

    async getLogRow(id) {
      const r = await runPreparedFirst(ctx, "log.byId", (i: number) => db.selectFrom("log").selectAll().where("id", "=", i), id);
      return r ? logFromDb(r) : null;
    },

    async readLog(workspaceId, after, limit) {
      const page = (w: number, max: number, afterAt: Instant | null, afterId: number | null) =>
        db
          .selectFrom("log as l")
          .innerJoin("accounts as a", "a.id", "l.account_id")
          .leftJoin("campaigns as c", "c.id", "l.campaign_id")
          .selectAll("l")
          .select(["a.name as account_name", "c.name as campaign_name"])
          .where("l.workspace_id", "=", w)
          .where((eb) => eb.or([eb("l.type", "=", "event"), eb("l.result", "is not", null)]))
          .$if(afterAt !== null, (q) =>
            q.where((eb) => eb(eb.refTuple("l.at", "l.id"), ">", eb.tuple(afterAt as number, afterId as number))),
          )
          .orderBy("l.at")
          .orderBy("l.id")
          .limit(max);
      const rows =
        after === null
          ? await page(workspaceId, limit, null, null).execute()
          : await runPrepared(ctx, "log.page", page, workspaceId, limit, after.at, after.id);
      return rows.map((r): LogLine => ({ ...logFromDb(r), accountName: r.account_name, campaignName: r.campaign_name }));
    },

    async accountActions(accountId, from, to) {
      const rows = await runPrepared(
        ctx,
        "log.accountActions",
        (account: number, start: Instant, end: Instant) =>
          db
            .selectFrom("log")
            .selectAll()
            .where("account_id", "=", account)
            .where("type", "=", "action")
            .where("result", "is not", null)
            .where("at", ">=", start)
            .where("at", "<", end)
            .orderBy("at")
            .orderBy("id"),
        accountId,
        from,
        to,
      );
      return rows.map(actionFromDb);
    },
  };
}
