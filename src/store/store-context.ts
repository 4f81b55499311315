/**
 * What every query module of the Kysely store shares: the Kysely instance (or the transaction it runs in) and
 * which backend it talks to. One plain object, passed to each concept's query factory.
 */
import type { Kysely } from "kysely";
import type { PreparedQueries } from "./prepared.js";
import type { Database } from "./schema.js";

export type StoreDialect = "sqlite" | "postgres";

export interface StoreContext {
  /** The database, or the transaction when the store is bound to one (Transaction extends Kysely). */
  readonly db: Kysely<Database>;
  readonly dialect: StoreDialect;
  /** Whether `db` is a transaction: writes of several statements then need no transaction of their own. */
  readonly inTransaction: boolean;
  /** Compiled query templates, shared by the store and every transaction it opens. */
  readonly prepared: PreparedQueries;
}

/** Runs several statements as one unit: in the caller's transaction if there is one, else in a new one. */
export function atomically<T>(ctx: StoreContext, fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  return ctx.inTransaction ? fn(ctx.db) : ctx.db.transaction().execute(fn);
}

/** SQLite's limit on bound parameters is 32766; PostgreSQL's 65535. Batches stay well under both. */
export const MAX_PARAMS = 30_000;

/** Splits a list into chunks of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
