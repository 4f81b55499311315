/**
 * Accounts of the memory store (../accounts.ts is the SQL one). Claiming needs no row lock: one transaction runs
 * at a time (context.ts), as on SQLite.
 */
import { LinkpaceError } from "../../core/errors.js";
import { accountFromDb, toJson } from "../rows.js";
import type { Store } from "../store.js";
import { conflict, type MemoryContext } from "./context.js";
import { key, type AccountDbRow, type MemoryDatabase } from "./database.js";

type AccountQueries = Pick<
  Store,
  | "insertAccount"
  | "updateAccount"
  | "getAccount"
  | "getAccountById"
  | "listAccounts"
  | "claimDueAccount"
  | "lockAccount"
  | "nextWakeAt"
  | "setAccountWake"
>;

const byName = (db: MemoryDatabase, workspaceId: number, name: string) => {
  const id = db.accountsByName.get(key(workspaceId, name));
  return id === undefined ? undefined : db.accounts.get(id);
};

/** The smallest wake_at of accountsWake other than account `self`'s (accounts_wake is ordered by (wake_at, id)). */
function earliestWake(db: MemoryDatabase, self: number | null): number | null {
  const list = db.accountsWake.group(0);
  if (!list) return null;
  for (const { sort, id } of list.entries()) if (id !== self) return sort;
  return null;
}

export function accountMethods(ctx: MemoryContext): AccountQueries {
  return {
    insertAccount: (row) =>
      ctx.run((db) => {
        const what = `account "${row.name}" in workspace ${row.workspaceId}`;
        if (byName(db, row.workspaceId, row.name)) throw new LinkpaceError("conflict", `${what} already exists (choose another name)`);
        const inserted = conflict(`${what} already exists`, () =>
          db.accounts.insertWithId({
            workspace_id: row.workspaceId,
            name: row.name,
            doc: toJson(row.doc),
            state: toJson(row.state),
            wake_at: row.wakeAt,
            created_at: row.createdAt,
          }),
        );
        return accountFromDb(inserted);
      }),

    updateAccount: (id, patch) =>
      ctx.run((db) => {
        const set: Partial<AccountDbRow> = {};
        if (patch.doc !== undefined) set.doc = toJson(patch.doc);
        if (patch.state !== undefined) set.state = toJson(patch.state);
        if (patch.wakeAt !== undefined) set.wake_at = patch.wakeAt;
        if (Object.keys(set).length > 0) db.accounts.update(id, set);
      }),

    getAccount: (workspaceId, name) =>
      ctx.run((db) => {
        const r = byName(db, workspaceId, name);
        return r ? accountFromDb(r) : null;
      }),

    getAccountById: (id) =>
      ctx.run((db) => {
        const r = db.accounts.get(id);
        return r ? accountFromDb(r) : null;
      }),

    listAccounts: (workspaceId) =>
      ctx.run((db) =>
        [...db.accountsByWorkspace.get(workspaceId)]
          .sort((a, b) => (a as number) - (b as number))
          .map((id) => accountFromDb(db.accounts.get(id) as AccountDbRow)),
      ),

    claimDueAccount: (now) =>
      ctx.run((db) => {
        const first = db.accountsWake.group(0)?.first();
        return first !== undefined && first.sort <= now ? accountFromDb(db.accounts.get(first.id) as AccountDbRow) : null;
      }),

    lockAccount: (id) =>
      ctx.run((db) => {
        const r = db.accounts.get(id);
        if (!r) throw new LinkpaceError("not_found", `account ${id} does not exist`);
        return accountFromDb(r);
      }),

    nextWakeAt: () => ctx.run((db) => earliestWake(db, null)),

    setAccountWake: (id, state, wakeAt) =>
      ctx.run((db) => {
        if (!db.accounts.update(id, { state: toJson(state), wake_at: wakeAt })) {
          throw new LinkpaceError("not_found", `account ${id} does not exist`);
        }
        const others = earliestWake(db, id);
        return wakeAt === null ? others : others === null ? wakeAt : Math.min(wakeAt, others);
      }),
  };
}
