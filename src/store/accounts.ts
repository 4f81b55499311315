/**
 * Accounts: the senders, their governor state and when the engine should next look at them.
 *
 * Claiming: on PostgreSQL `claimDueAccount` is `FOR UPDATE SKIP LOCKED`, so workers in several transactions
 * each get a different due account; `lockAccount` is `FOR UPDATE` and waits. SQLite has no row locks: a write
 * transaction (BEGIN IMMEDIATE, see sqlite/immediate-sqlite-dialect.ts) already holds the whole database, so a
 * plain select inside it is equally exclusive.
 */
import type { Updateable } from "kysely";
import { LinkpaceError } from "../core/errors.js";
import { accountFromDb, toJson } from "./rows.js";
import type { AccountsTable } from "./schema.js";
import type { StoreContext } from "./store-context.js";
import { mapConflict } from "./store-errors.js";
import type { Store } from "./store.js";

type AccountQueries = Pick<
  Store,
  "insertAccount" | "updateAccount" | "getAccount" | "getAccountById" | "listAccounts" | "claimDueAccount" | "lockAccount" | "nextWakeAt"
>;

export function accountQueries({ db, dialect }: StoreContext): AccountQueries {
  const locking = dialect === "postgres";

  return {
    async insertAccount(row) {
      const what = `account "${row.name}" in workspace ${row.workspaceId}`;
      const existing = await db
        .selectFrom("accounts")
        .select("id")
        .where("workspace_id", "=", row.workspaceId)
        .where("name", "=", row.name)
        .executeTakeFirst();
      if (existing) throw new LinkpaceError("conflict", `${what} already exists (choose another name)`);
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
      if (Object.keys(set).length === 0) return;
      await db.updateTable("accounts").set(set).where("id", "=", id).execute();
    },

    async getAccount(workspaceId, name) {
      const r = await db
        .selectFrom("accounts")
        .selectAll()
        .where("workspace_id", "=", workspaceId)
        .where("name", "=", name)
        .executeTakeFirst();
      return r ? accountFromDb(r) : null;
    },

    async getAccountById(id) {
      const r = await db.selectFrom("accounts").selectAll().where("id", "=", id).executeTakeFirst();
      return r ? accountFromDb(r) : null;
    },

    async listAccounts(workspaceId) {
      const rows = await db.selectFrom("accounts").selectAll().where("workspace_id", "=", workspaceId).orderBy("id").execute();
      return rows.map(accountFromDb);
    },

    async claimDueAccount(now) {
      const r = await db
        .selectFrom("accounts")
        .selectAll()
        .where("wake_at", "<=", now)
        .orderBy("wake_at")
        .orderBy("id")
        .limit(1)
        .$if(locking, (q) => q.forUpdate().skipLocked())
        .executeTakeFirst();
      return r ? accountFromDb(r) : null;
    },

    async lockAccount(id) {
      const r = await db
        .selectFrom("accounts")
        .selectAll()
        .where("id", "=", id)
        .$if(locking, (q) => q.forUpdate())
        .executeTakeFirst();
      if (!r) throw new LinkpaceError("not_found", `account ${id} does not exist`);
      return accountFromDb(r);
    },

    async nextWakeAt() {
      const r = await db
        .selectFrom("accounts")
        .select((eb) => eb.fn.min("wake_at").as("next"))
        .executeTakeFirst();
      return r?.next ?? null;
    },
  } satisfies AccountQueries;
}
