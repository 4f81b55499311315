/**
 * better-sqlite3 compiles a statement on every `prepare`, and Kysely prepares on every query. The hot queries
 * have a handful of distinct SQL texts, so keeping their statements saves the compile (about 6 µs a query,
 * half of a simple query's cost). Bounded, so queries with variable IN lists cannot grow it without end.
 */
import type { SqliteDatabase, SqliteStatement } from "kysely";
import { countStatement } from "../statement-counter.js";

const MAX_STATEMENTS = 500;

export function withStatementCache(database: SqliteDatabase): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    // Kysely prepares once per statement it executes (BEGIN and COMMIT too): each is counted.
    prepare(sql: string): SqliteStatement {
      countStatement();
      const cached = statements.get(sql);
      if (cached !== undefined) return cached;
      const statement = database.prepare(sql);
      if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value as string);
      statements.set(sql, statement);
      return statement;
    },
  };
}
