/**
 * The log of actions and network events, of the memory store (../log.ts is the SQL one). Readers see only rows
 * whose outcome is known: events, and actions with a result (the index logVisible, by (at, id)).
 */
import { actionFromDb, logFromDb, logToDb } from "../rows.js";
import type { LogLine } from "../store.js";
import type { MemoryContext } from "./context.js";
import type { LogDbRow } from "./database.js";
import type { LogQueries } from "../log.js";

export function logMethods(ctx: MemoryContext): LogQueries {
  return {
    appendLog: (row) => ctx.run((db) => db.log.insertWithId({ ...logToDb(row), claimed_by: null, lease_until: null, reconcile: 0 }).id),

    appendLogDeferrable: (row) =>
      ctx.run((db) => {
        db.log.insertWithId({ ...logToDb(row), claimed_by: null, lease_until: null, reconcile: 0 });
      }),

    setLogResult: (id, result) =>
      ctx.run((db) => {
        // Guarded: a result, once written, is never replaced (two answers for one action, see Engine.recordResult).
        const r = db.log.get(id);
        if (!r || r.type !== "action" || r.result !== null) return false;
        db.log.update(id, { result });
        return true;
      }),

    getLogRow: (id) =>
      ctx.run((db) => {
        const r = db.log.get(id);
        return r ? logFromDb(r) : null;
      }),

    readLog: (workspaceId, after, limit) =>
      ctx.run((db) => {
        const out: LogLine[] = [];
        const visible = db.logVisible.group(workspaceId);
        if (!visible || limit <= 0) return out;
        for (const id of visible.idsAfter(after === null ? null : { sort: after.at, id: after.id })) {
          const r = db.log.get(id) as LogDbRow;
          const account = db.accounts.get(r.account_id);
          if (!account) continue; // the SQL's inner join
          const campaign = r.campaign_id === null ? undefined : db.campaigns.get(r.campaign_id);
          out.push({ ...logFromDb(r), accountName: account.name, campaignName: campaign?.name ?? null });
          if (out.length >= limit) break;
        }
        return out;
      }),

    accountActions: (accountId, from, to) =>
      ctx.run((db) => (db.logAccountActions.group(accountId)?.range(from, to) ?? []).map((id) => actionFromDb(db.log.get(id) as LogDbRow))),
  };
}
