/**
 * Kysely's SQLite dialect with two changes:
 * - transactions start with BEGIN IMMEDIATE: a transaction takes the write lock when it begins, not at its
 *   first write, so two processes on one file never both read and then deadlock upgrading (SQLITE_BUSY that
 *   busy_timeout cannot resolve); a second writer waits up to busy_timeout instead.
 * - migrations run in a transaction (SQLite's DDL is transactional; Kysely assumes it is not), so a migration
 *   that fails leaves no half-built schema and two processes opening a new file do not migrate it twice.
 */
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type SqliteDialectConfig,
} from "kysely";

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
