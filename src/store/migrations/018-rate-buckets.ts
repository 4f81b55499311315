/**
 * Migration 018: `rate_buckets`, the API's rate limits shared by every process on one PostgreSQL database
 * (store/postgres/coordination.ts): one token bucket per limit and key (`request:token:12`,
 * `auth-failure:203.0.113.7`, `sign-in:…`), updated by one atomic upsert per request. `tokens` is what the bucket
 * held at `at` (refilled continuously from then on), `allowed` whether the last take got a token.
 *
 * PostgreSQL only: on SQLite one process serves, and its limits are kept in its memory (api/rate-limit.ts).
 * Written to run again over itself.
 */
import { sql, type Kysely, type Migration } from "kysely";
import type { StoreDialect } from "../store-context.js";

export function rateBucketsMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect !== "postgres") return;
      await sql
        .raw(
          "CREATE TABLE IF NOT EXISTS rate_buckets (key text PRIMARY KEY, tokens double precision NOT NULL, at bigint NOT NULL, allowed boolean NOT NULL)",
        )
        .execute(db);
      // The sweep deletes buckets untouched for a while (full again by then).
      await sql.raw("CREATE INDEX IF NOT EXISTS rate_buckets_at ON rate_buckets (at)").execute(db);
    },
  };
}
