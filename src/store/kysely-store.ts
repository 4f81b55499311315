/**
 * The one implementation of the Store port, over Kysely. Backends (sqlite/, postgres/) only build the Kysely
 * instance and run the migrations; every query lives in the concept modules assembled here.
 *
 * Transactions: `transaction(fn)` runs `fn` with a store bound to a Kysely transaction; that store's own
 * `transaction` reuses it, so helpers can open one without caring whether their caller did. Inside `fn`, use
 * the store it is given, not the outer one: on SQLite the outer store waits for the single connection the
 * transaction holds (it would wait forever), and on PostgreSQL it would run outside the transaction.
 */
import { sql, type Kysely } from "kysely";
import { accountQueries } from "./accounts.js";
import { alertQueries } from "./alerts.js";
import { apiMetricsQueries } from "./api-metrics.js";
import { apiTokenQueries } from "./api-tokens.js";
import { campaignQueries } from "./campaigns.js";
import { enrollmentQueueQueries } from "./enrollment-queue.js";
import { enrollmentReportQueries } from "./enrollment-reports.js";
import { enrollmentQueries } from "./enrollments.js";
import { exportQueries } from "./exports.js";
import { forgetQueries } from "./forget.js";
import { listingQueries } from "./listings.js";
import { logQueries } from "./log.js";
import { notificationQueries } from "./notifications.js";
import { taskQueries } from "./tasks.js";
import { webhookQueries } from "./webhooks.js";
import { personQueries } from "./persons.js";
import { removalQueries } from "./removals.js";
import { replyQueries } from "./replies.js";
import { sessionQueries } from "./sessions.js";
import { suppressionQueries } from "./suppressions.js";
import { variantQueries } from "./variants.js";
import { invitationOutcomeQueries } from "./invitation-outcomes.js";
import { unreachableQueries } from "./unreachable.js";
import { PreparedQueries } from "./prepared.js";
import type { Database } from "./schema.js";
import type { StoreContext, StoreDialect } from "./store-context.js";
import type { Store } from "./store.js";

export function createKyselyStore(db: Kysely<Database>, dialect: StoreDialect): Store {
  return assemble({ db, dialect, inTransaction: false, prepared: new PreparedQueries() }, { transactions: 0 });
}

/** Transactions opened by `transaction` and not yet ended, across the store and its transactions. */
interface OpenTransactions {
  transactions: number;
}

function assemble(ctx: StoreContext, open: OpenTransactions): Store {
  const store: Store = {
    dialect: ctx.dialect,
    transaction: ctx.inTransaction
      ? (fn) => fn(store)
      : async (fn) => {
          open.transactions++;
          try {
            return await ctx.db.transaction().execute((trx) => fn(assemble({ ...ctx, db: trx, inTransaction: true }, open)));
          } finally {
            open.transactions--;
          }
        },
    ping: async () => {
      if (ctx.dialect === "sqlite" && !ctx.inTransaction && open.transactions > 0) return;
      await sql`select 1`.execute(ctx.db);
    },
    close: ctx.inTransaction
      ? () => Promise.reject(new Error("Store.close() called inside a transaction: close the store that opened it"))
      : () => ctx.db.destroy(),
    ...accountQueries(ctx),
    ...campaignQueries(ctx),
    ...personQueries(ctx),
    ...enrollmentQueries(ctx),
    ...enrollmentQueueQueries(ctx),
    ...enrollmentReportQueries(ctx),
    ...exportQueries(ctx),
    ...listingQueries(ctx),
    ...logQueries(ctx),
    ...notificationQueries(ctx),
    ...taskQueries(ctx),
    ...webhookQueries(ctx),
    ...alertQueries(ctx),
    ...apiTokenQueries(ctx),
    ...sessionQueries(ctx),
    ...apiMetricsQueries(ctx),
    ...unreachableQueries(ctx),
    ...replyQueries(ctx),
    ...removalQueries(ctx),
    ...suppressionQueries(ctx),
    ...variantQueries(ctx),
    ...invitationOutcomeQueries(ctx),
    ...forgetQueries(ctx),
  };
  return store;
}
