/**
 * The log of actions and network events (CONTRACTS.md §6). An action row is appended when it is claimed, with
 * a null result, and gets its result when it arrives; readers only see rows whose outcome is known.
 */
import { logFromDb, logToDb } from "./rows.js";
import type { StoreContext } from "./store-context.js";
import type { LogLine, Store } from "./store.js";

type LogQueries = Pick<Store, "appendLog" | "setLogResult" | "getLogRow" | "readLog" | "accountActions">;

export function logQueries({ db }: StoreContext): LogQueries {
  return {
    async appendLog(row) {
      const r = await db.insertInto("log").values(logToDb(row)).returning("id").executeTakeFirstOrThrow();
      return r.id;
    },

    async setLogResult(id, result) {
      await db.updateTable("log").set({ result }).where("id", "=", id).execute();
    },

    async getLogRow(id) {
      const r = await db.selectFrom("log").selectAll().where("id", "=", id).executeTakeFirst();
      return r ? logFromDb(r) : null;
    },

    async readLog(workspaceId, after, limit) {
      const rows = await db
        .selectFrom("log as l")
        .innerJoin("accounts as a", "a.id", "l.account_id")
        .leftJoin("campaigns as c", "c.id", "l.campaign_id")
        .selectAll("l")
        .select(["a.name as account_name", "c.name as campaign_name"])
        .where("l.workspace_id", "=", workspaceId)
        .where((eb) => eb.or([eb("l.type", "=", "event"), eb("l.result", "is not", null)]))
        .$if(after !== null, (q) =>
          q.where((eb) => eb(eb.refTuple("l.at", "l.id"), ">", eb.tuple(after?.at ?? 0, after?.id ?? 0))),
        )
        .orderBy("l.at")
        .orderBy("l.id")
        .limit(limit)
        .execute();
      return rows.map((r): LogLine => ({ ...logFromDb(r), accountName: r.account_name, campaignName: r.campaign_name }));
    },

    async accountActions(accountId, from, to) {
      const rows = await db
        .selectFrom("log")
        .selectAll()
        .where("account_id", "=", accountId)
        .where("type", "=", "action")
        .where("result", "is not", null)
        .where("at", ">=", from)
        .where("at", "<", to)
        .orderBy("at")
        .orderBy("id")
        .execute();
      return rows.map(logFromDb);
    },
  };
}
