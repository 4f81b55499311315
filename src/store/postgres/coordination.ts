/**
 * What several processes on one PostgreSQL database agree on outside the Store's transactions: the API's rate
 * limits (token buckets in `rate_buckets`, migration 018) and named locks (advisory locks) for work that must
 * happen once, such as a first start's token.
 *
 * A take is one statement: an upsert that refills the bucket from the time it was last touched, takes a token if
 * there is one, and says whether it did, so that two processes taking at once are serialised by the row lock and
 * never both get the last token. Instants come from the caller's clock (injected, so tests never sleep); a clock
 * behind the bucket's time refills nothing and never moves the time back.
 *
 * Its own small pool (POOL_SIZE connections), apart from the Store's, so that a limit check never waits behind
 * the engine's transactions. Buckets untouched for SWEEP_AFTER are full again and deleted, at most once a
 * minute per process.
 */
import pg from "pg";
import type { Instant } from "../../core/time.js";

export interface BucketLimit {
  burst: number;
  perSecond: number;
}

export interface Coordination {
  /** Takes one token from `key`'s bucket: 0 when allowed, else the milliseconds until one is back. */
  take(key: string, limit: BucketLimit, now: Instant): Promise<number>;
  /** The milliseconds until `key` could take a token (0: now), taking none. */
  wait(key: string, limit: BucketLimit, now: Instant): Promise<number>;
  /** Runs `fn` while holding the lock `name` (an advisory lock of this schema), waiting for it if another process holds it. */
  withLock<T>(name: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const POOL_SIZE = 4;
const SWEEP_EVERY = 60_000;
const SWEEP_AFTER = 10 * 60_000;

/** `current` tokens: what the bucket held at `at`, refilled up to `now` (never back in time), at most the burst. */
const REFILLED = "least($2::float8, b.tokens + greatest(0, $4::bigint - b.at) * $3::float8 / 1000.0)";

const TAKE = `INSERT INTO rate_buckets AS b (key, tokens, at, allowed) VALUES ($1, $2::float8 - 1, $4::bigint, true)
ON CONFLICT (key) DO UPDATE SET
  tokens = CASE WHEN ${REFILLED} >= 1 THEN ${REFILLED} - 1 ELSE ${REFILLED} END,
  at = greatest(b.at, $4::bigint),
  allowed = ${REFILLED} >= 1
RETURNING tokens, allowed`;

export function openCoordination(url: string, schema: string | null): Coordination {
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    ...(schema !== null ? { options: `-c search_path=${schema}` } : {}),
  });
  pool.on("error", () => {}); // an idle connection that dies is replaced; the next query reports an outage
  let sweptAt = 0;
  const untilOne = (tokens: number, limit: BucketLimit) => Math.ceil(((1 - tokens) / limit.perSecond) * 1000);
  return {
    async take(key, limit, now) {
      if (now - sweptAt >= SWEEP_EVERY) {
        sweptAt = now;
        await pool.query("DELETE FROM rate_buckets WHERE at < $1", [now - SWEEP_AFTER]);
      }
      const r = await pool.query<{ tokens: number; allowed: boolean }>(TAKE, [key, limit.burst, limit.perSecond, now]);
      const row = r.rows[0]!;
      return row.allowed ? 0 : untilOne(row.tokens, limit);
    },
    async wait(key, limit, now) {
      const r = await pool.query<{ tokens: number }>(`SELECT ${REFILLED} AS tokens FROM rate_buckets b WHERE key = $1`, [
        key,
        limit.burst,
        limit.perSecond,
        now,
      ]);
      const tokens = r.rows[0]?.tokens ?? limit.burst;
      return tokens >= 1 ? 0 : untilOne(tokens, limit);
    },
    async withLock(name, fn) {
      const client = await pool.connect();
      // Advisory locks are the whole database's: the schema's name keeps two installations' (or tests') apart.
      const lockKey = "select hashtext(current_schema() || ':' || $1::text) as k";
      try {
        await client.query(`select pg_advisory_lock((${lockKey}))`, [name]);
        try {
          return await fn();
        } finally {
          await client.query(`select pg_advisory_unlock((${lockKey}))`, [name]);
        }
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
