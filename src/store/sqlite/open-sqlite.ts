/**
 * Opens (creating if needed) a SQLite database file as a Store, migrated to the latest schema.
 * WAL lets readers (a status command, the web UI) run while the engine writes; synchronous=NORMAL is durable
 * across application crashes and much faster than FULL under WAL; busy_timeout makes a second process wait
 * for the write lock instead of failing at once. ":memory:" gives a private in-memory database.
 */
import Database from "better-sqlite3";
import { Kysely } from "kysely";
import { LinkpaceError } from "../../core/errors.js";
import { createKyselyStore } from "../kysely-store.js";
import { VALID_DB_TARGETS } from "../open-store.js";
import { migrateToLatest } from "../migrations/migrate.js";
import type { Database as Schema } from "../schema.js";
import type { Store } from "../store.js";
import { ImmediateSqliteDialect } from "./immediate-sqlite-dialect.js";
import { withStatementCache } from "./statement-cache.js";

const BUSY_TIMEOUT_MS = 10_000;

export interface SqliteOptions {
  /**
   * A throwaway database (a simulation's temporary file): no journal and no syncing, since a crash loses
   * nothing anyone keeps. About a quarter faster for write-heavy runs.
   */
  scratch?: boolean;
}

export async function openSqliteStore(path: string, opts: SqliteOptions = {}): Promise<Store> {
  let raw: Database.Database;
  try {
    raw = new Database(path);
    raw.pragma(opts.scratch ? "journal_mode = OFF" : "journal_mode = WAL");
    raw.pragma(opts.scratch ? "synchronous = OFF" : "synchronous = NORMAL");
    if (opts.scratch) {
      // One process owns a scratch file: keep the lock (no lock syscalls per transaction) and a larger cache.
      raw.pragma("locking_mode = EXCLUSIVE");
      raw.pragma("cache_size = -65536");
    }
    raw.pragma("foreign_keys = ON");
    raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new LinkpaceError("invalid_input", `cannot open SQLite database ${path}: ${reason} (${VALID_DB_TARGETS})`);
  }
  const db = new Kysely<Schema>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(raw) }) });
  try {
    await migrateToLatest(db as Kysely<unknown>, { dialect: "sqlite", where: `SQLite database ${path}` });
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return createKyselyStore(db, "sqlite");
}
