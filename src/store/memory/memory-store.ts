/**
 * The in-memory Store: a third backend next to SQLite and PostgreSQL, for simulations (`linkpace sim` without
 * --db) and tests. It passes the same contract suite (test/store/store-contract.test.ts) and gives the same ids,
 * orders and so the same event-log bytes for the same calls; nothing is kept when the process ends.
 *
 * How it is built (for whoever writes a missing method):
 * - database.ts: one Table per SQL table, rows shaped like schema.ts's (snake_case, JSON as text), autoincrement
 *   ids, and the secondary indexes the hot paths need, named after the SQL indexes they stand for.
 * - tables.ts: Table (insert/update/delete, unique checks before any change, undo journal) and the indexes.
 * - context.ts: MemoryContext and transactions: one writer at a time (a mutex, like SQLite's one connection),
 *   `run` for each method's body, rollback by undo journal, `conflict` for unique violations.
 * - one file per concept, mirroring the Kysely modules (accounts.ts here and ../accounts.ts there), each a
 *   function of the context returning that concept's methods, assembled below as kysely-store.ts does.
 *   Methods not written yet come from placeholders() and throw "memory store: NAME not implemented".
 *
 * Rules for a method: read and write only inside `ctx.run((db) => …)`, whose body is synchronous; turn rows into
 * Store rows with the mappers of ../rows.ts (they copy, so callers never hold a stored object); order every list
 * exactly as the SQL's ORDER BY (ids, then the documented columns; NULLs first ascending on SQLite, which the SQL
 * avoids relying on); throw the same LinkpaceError codes and messages as the SQL module.
 */
import { accountMethods } from "./accounts.js";
import { alertMethods } from "./alerts.js";
import { apiMetricsMethods } from "./api-metrics.js";
import { apiTokenMethods } from "./api-tokens.js";
import { campaignMethods } from "./campaigns.js";
import { MemoryDatabase } from "./database.js";
import { Mutex, outerContext, runTransaction, transactionContext, type MemoryContext, type MemoryShared } from "./context.js";
import { enrollmentQueueMethods } from "./enrollment-queue.js";
import { enrollmentReportMethods } from "./enrollment-reports.js";
import { enrollmentMethods } from "./enrollments.js";
import { exportMethods } from "./exports.js";
import { forgetMethods } from "./forget.js";
import { invitationOutcomeMethods } from "./invitation-outcomes.js";
import { listingMethods } from "./listings.js";
import { logMethods } from "./log.js";
import { notificationMethods } from "./notifications.js";
import { personMethods } from "./persons.js";
import { removalMethods } from "./removals.js";
import { replyMethods } from "./replies.js";
import { sessionMethods } from "./sessions.js";
import { suppressionMethods } from "./suppressions.js";
import { taskMethods } from "./tasks.js";
import { unreachableMethods } from "./unreachable.js";
import { variantMethods } from "./variants.js";
import { webhookMethods } from "./webhooks.js";
import type { Store } from "../store.js";

/** A memory store over a new, empty database (with the default workspace, as a migrated SQL database has). */
export function openMemoryStore(): Store {
  return openMemoryStoreOver({ db: new MemoryDatabase(), mutex: new Mutex() });
}

/** Another store over the same database as `store` (the memory counterpart of a second connection). */
export function openAnotherMemoryStore(store: Store): Store {
  const shared = sharedOf.get(store);
  if (!shared) throw new Error("openAnotherMemoryStore: not a memory store, or one bound to a transaction");
  return openMemoryStoreOver(shared);
}

/** The database under a memory store (tests read every table of it, as they read a SQL database's catalog). */
export function memoryDatabaseOf(store: Store): MemoryDatabase {
  const shared = sharedOf.get(store);
  if (!shared) throw new Error("memoryDatabaseOf: not a memory store, or one bound to a transaction");
  return shared.db;
}

const sharedOf = new WeakMap<Store, MemoryShared>();
const txStores = new WeakMap<MemoryShared, Store>();

function openMemoryStoreOver(shared: MemoryShared): Store {
  let closed = false;
  const ctx = outerContext(shared, () => closed);
  const store: Store = {
    ...methods(ctx),
    dialect: "memory",
    transaction: (fn) => {
      if (closed) return Promise.reject(new Error("memory store: the store is closed"));
      return runTransaction(shared, () => fn(transactionStore(shared)));
    },
    // Never waits behind a transaction: the memory database always answers while its store is open.
    ping: () => (closed ? Promise.reject(new Error("memory store: the store is closed")) : Promise.resolve()),
    close: () => {
      closed = true;
      return Promise.resolve();
    },
  };
  sharedOf.set(store, shared);
  return store;
}

/**
 * The store bound to the transaction in progress: its own `transaction` reuses it. One per database, built once
 * (a transaction per action would otherwise build a hundred closures): only one transaction runs at a time.
 */
function transactionStore(shared: MemoryShared): Store {
  const cached = txStores.get(shared);
  if (cached) return cached;
  const tx: Store = {
    ...methods(transactionContext(shared.db)),
    dialect: "memory",
    transaction: (fn) => fn(tx),
    ping: () => Promise.resolve(),
    close: () => Promise.reject(new Error("Store.close() called inside a transaction: close the store that opened it")),
  };
  txStores.set(shared, tx);
  return tx;
}

type Methods = Omit<Store, "dialect" | "transaction" | "ping" | "close">;

function methods(ctx: MemoryContext): Methods {
  return {
    ...accountMethods(ctx),
    ...campaignMethods(ctx),
    ...personMethods(ctx),
    ...enrollmentMethods(ctx),
    ...enrollmentQueueMethods(ctx),
    ...enrollmentReportMethods(ctx),
    ...exportMethods(ctx),
    ...listingMethods(ctx),
    ...logMethods(ctx),
    ...notificationMethods(ctx),
    ...taskMethods(ctx),
    ...webhookMethods(ctx),
    ...alertMethods(ctx),
    ...apiTokenMethods(ctx),
    ...sessionMethods(ctx),
    ...apiMetricsMethods(ctx),
    ...unreachableMethods(ctx),
    ...replyMethods(ctx),
    ...removalMethods(ctx),
    ...suppressionMethods(ctx),
    ...variantMethods(ctx),
    ...invitationOutcomeMethods(ctx),
    ...forgetMethods(ctx),
  };
}
