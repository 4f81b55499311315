/** AccountQueries of the memory store (../accounts.ts is the SQL one). */
import type { Store } from "../store.js";
import type { MemoryContext } from "./context.js";
import { placeholders } from "./placeholders.js";

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

export function accountMethods(_ctx: MemoryContext): AccountQueries {
  return placeholders<AccountQueries>({
    insertAccount: true,
    updateAccount: true,
    getAccount: true,
    getAccountById: true,
    listAccounts: true,
    claimDueAccount: true,
    lockAccount: true,
    nextWakeAt: true,
    setAccountWake: true,
  });
}
