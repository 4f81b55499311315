/**
 * Accounts: the senders, their governor state and when the engine should next look at them.
 *
 * Claiming: on PostgreSQL `claimDueAccount` is `FOR UPDATE SKIP LOCKED`, so workers in several transactions
 * each get a different due account; `lockAccount` is `FOR UPDATE` and waits. SQLite has no row locks: a write
 * transaction (BEGIN IMMEDIATE, see sqlite/immediate-sqlite-dialect.ts) already holds the whole database, so a
 * plain select inside it is equally exclusive.
 */
import type { ExpressionBuilder, Updateable } from "kysely";
import { LinkpaceError } from "../core/errors.js";
import type { Instant } from "../core/time.js";
import { rowOf, runPrepared, runPreparedFirst, valuesOf } from "./prepared.js";
import { accountFromDb, toJson } from "./rows.js";
import { readyWithBacklogColumns, readyWithBacklogFromRow } from "./enrollment-queue.js";
import type { AccountsTable, Database } from "./schema.js";
import type { StoreContext } from "./store-context.js";
import { mapConflict } from "./store-errors.js";
import type { Store, WorkspaceId } from "./store.js";

type AccountQueries = Pick<
  Store,
  | "insertAccount"
  | "updateAccount"
  | "getAccount"
  | "getAccountById"
  | "listAccounts"
  | "claimDueAccount"
  | "claimDueAccounts"
  | "lockAccount"
  | "nextWakeAt"
  | "setAccountWake"
>;

export function accountQueries(ctx: StoreContext): AccountQueries {
  const { db } = ctx;
  const locking = ctx.dialect === "postgres";
  const byName = (workspaceId: WorkspaceId, name: string) =>
    runPreparedFirst(
      ctx,
      "account.byName",
      (w: number, n: string) => db.selectFrom("accounts").selectAll().where("workspace_id", "=", w).where("name", "=", n),
      workspaceId,
      name,
    );

  return {
    async insertAccount(row) {
      const what = `account "${row.name}" in workspace ${row.workspaceId}`;
      if (await byName(row.workspaceId, row.name)) throw new LinkpaceError("conflict", `${what} already exists (choose another name)`);
      const inserted = await mapConflict(`${what} already exists`, () =>
        db
          .insertInto("accounts")
          .values({
            workspace_id: row.workspaceId,
            name: row.name,
            doc: toJson(row.doc),
            state: toJson(row.state),
            wake_at: row.wakeAt,
            created_at: row.createdAt,
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return accountFromDb(inserted);
    },

    async updateAccount(id, patch) {
      const set: Updateable<AccountsTable> = {};
      if (patch.doc !== undefined) set.doc = toJson(patch.doc);
      if (patch.state !== undefined) set.state = toJson(patch.state);
      if (patch.wakeAt !== undefined) set.wake_at = patch.wakeAt;
      const columns = Object.keys(set) as Array<keyof typeof set>;
      if (columns.length === 0) return;
      await runPrepared(
        ctx,
        `account.update:${columns.join(",")}`,
        (target: number, ...values: unknown[]) => db.updateTable("accounts").set(rowOf(columns, values)).where("id", "=", target),
        id,
        ...valuesOf(columns, set),
      );
    },

    async getAccount(workspaceId, name) {
      const r = await byName(workspaceId, name);
      return r ? accountFromDb(r) : null;
    },

    async getAccountById(id) {
      const r = await runPreparedFirst(ctx, "account.byId", (i: number) => db.selectFrom("accounts").selectAll().where("id", "=", i), id);
      return r ? accountFromDb(r) : null;
    },

    async listAccounts(workspaceId) {
      const rows = await db.selectFrom("accounts").selectAll().where("workspace_id", "=", workspaceId).orderBy("id").execute();
      return rows.map(accountFromDb);
    },

    async claimDueAccount(now) {
      const r = await runPreparedFirst(
        ctx,
        "account.claimDue",
        (at: Instant) =>
          db
            .selectFrom("accounts")
            .selectAll()
            .where("wake_at", "<=", at)
            .orderBy("wake_at")
            .orderBy("id")
            .limit(1)
            .$if(locking, (q) => q.forUpdate().skipLocked()),
        now,
      );
      return r ? accountFromDb(r) : null;
    },

    async claimDueAccounts(now, limit) {
      const rows = await runPrepared(
        ctx,
        "account.claimDueManyWithReady",
        (at: Instant, n: number) =>
          db
            .selectFrom("accounts")
            .selectAll()
            .select((eb) => readyWithBacklogColumns(eb as unknown as ExpressionBuilder<Database, never>, eb.ref("accounts.id"), "connect"))
            .where("wake_at", "<=", at)
            .orderBy("wake_at")
            .orderBy("id")
            .limit(n)
            .$if(locking, (q) => q.forUpdate().skipLocked()),
        now,
        limit,
      );
      return rows.map((r) => ({ account: accountFromDb(r), ready: readyWithBacklogFromRow(r) }));
    },

    async lockAccount(id) {
      const r = await runPreparedFirst(
        ctx,
        "account.lock",
        (i: number) =>
          db
            .selectFrom("accounts")
            .selectAll()
            .where("id", "=", i)
            .$if(locking, (q) => q.forUpdate()),
        id,
      );
      if (!r) throw new LinkpaceError("not_found", `account ${id} does not exist`);
      return accountFromDb(r);
    },

    async nextWakeAt() {
      // ORDER BY … LIMIT 1 rather than MIN(): one seek in accounts_wake even before the planner has statistics.
      const r = await runPreparedFirst(ctx, "account.nextWake", () =>
        db.selectFrom("accounts").select("wake_at").where("wake_at", "is not", null).orderBy("wake_at").limit(1),
      );
      return r?.wake_at ?? null;
    },

    async setAccountWake(id, state, wakeAt) {
      // The earliest wake of the other accounts comes back with the update (a subquery in RETURNING, which both
      // backends run), from accounts_wake as nextWakeAt does; this account's own is the one just set.
      const r = await runPreparedFirst(
        ctx,
        "account.setWake",
        (target: number, s: string, at: Instant | null, self: number) =>
          db
            .updateTable("accounts")
            .set({ state: s, wake_at: at })
            .where("id", "=", target)
            .returning((eb) =>
              eb
                .selectFrom("accounts as other")
                .select("other.wake_at")
                .where("other.wake_at", "is not", null)
                .where("other.id", "<>", self)
                .orderBy("other.wake_at")
                .limit(1)
                .as("others_wake"),
            ),
        id,
        toJson(state),
        wakeAt,
        id,
      );
      if (!r) throw new LinkpaceError("not_found", `account ${id} does not exist`);
      const others = r.others_wake ?? null;
      return wakeAt === null ? others : others === null ? wakeAt : Math.min(wakeAt, others);
    },
  };
}
