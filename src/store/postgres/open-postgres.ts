/**
 * Opens a PostgreSQL database as a Store, migrated to the latest schema.
 *
 * `schema` (tests use one throwaway schema per test) is created if missing and becomes the pool's only
 * search_path entry, so every table, index and Kysely's migration bookkeeping lives in it. BIGINT (int8) values
 * come back as JS numbers for this pool only: instants and ids are far below 2^53, and a value that is not
 * fails loudly rather than silently rounding.
 */
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { LinkpaceError } from "../../core/errors.js";
import { createKyselyStore } from "../kysely-store.js";
import { migrateToLatest } from "../migrations/migrate.js";
import type { Database } from "../schema.js";
import type { Store } from "../store.js";
import { VALID_DB_TARGETS } from "../open-store.js";
import { describeError, redactUrl } from "./connection-errors.js";
import { withNamedStatements } from "./named-statements.js";

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const CONNECT_TIMEOUT_MS = 10_000;

export interface PostgresStoreOptions {
  /** A schema of lower-case letters, digits and `_`, created if missing; default: the server's search_path. */
  schema?: string;
  /** false: commits do not wait for the WAL flush (synchronous_commit off; see OpenStoreOptions.rehearsal). */
  synchronousCommit?: boolean;
}

export async function openPostgresStore(url: string, opts: PostgresStoreOptions = {}): Promise<Store> {
  const { schema, synchronousCommit } = opts;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new LinkpaceError("invalid_input", `PostgreSQL schema "${schema}": use lower-case letters, digits and _ (at most 63)`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    types: { getTypeParser: typeParser as typeof pg.types.getTypeParser },
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    ...sessionOptions({ schema, synchronousCommit }),
  });
  // An idle connection that dies (server restart) is replaced by the pool; the next query reports any outage.
  pool.on("error", () => {});
  const home = await connect(pool, url, schema);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: withNamedStatements(pool) }) });
  try {
    await migrateToLatest(db as Kysely<unknown>, { dialect: "postgres", schema: home, where: `PostgreSQL at ${redactUrl(url)}` });
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return createKyselyStore(db, "postgres");
}

/** The pool's session settings (libpq's `options`): the schema as the only search_path entry, the commit mode. */
export function sessionOptions(opts: PostgresStoreOptions): { options?: string } {
  const settings = [
    ...(opts.schema !== undefined ? [`-c search_path=${opts.schema}`] : []),
    ...(opts.synchronousCommit === false ? ["-c synchronous_commit=off"] : []),
  ];
  return settings.length > 0 ? { options: settings.join(" ") } : {};
}

/**
 * Checks that the server answers (for a message that says so when it does not), creates the schema, and
 * returns the schema the tables live in: the given one, or the first of the server's search_path.
 */
async function connect(pool: pg.Pool, url: string, schema: string | undefined): Promise<string> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (e) {
    await pool.end();
    throw new LinkpaceError(
      "invalid_input",
      `cannot reach PostgreSQL at ${redactUrl(url)}: ${describeError(e)} (${VALID_DB_TARGETS} of a running server)`,
    );
  }
  try {
    if (schema !== undefined) await createSchema(client, schema);
    const r = await client.query<{ schema: string | null }>("select current_schema() as schema");
    const home = r.rows[0]?.schema;
    if (!home) throw new Error("no schema of the search_path exists (create one, or set search_path)");
    client.release();
    return home;
  } catch (e) {
    client.release();
    await pool.end();
    throw new LinkpaceError(
      "internal",
      `PostgreSQL at ${redactUrl(url)}: cannot use schema ${schema ?? "(search_path)"}: ${describeError(e)}`,
    );
  }
}

/**
 * `create schema if not exists` is not safe against itself: of processes that start together on a new schema,
 * all but one can fail with a unique violation on pg_namespace (the check and the insert are not atomic). The
 * schema then exists, which is all that was asked.
 */
async function createSchema(client: pg.PoolClient, schema: string): Promise<void> {
  try {
    await client.query(`create schema if not exists "${schema}"`);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code !== "23505" && code !== "42P06") throw e; // unique_violation, duplicate_schema
  }
}

function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new Error(`PostgreSQL returned the BIGINT ${text}, beyond JavaScript's safe integers`);
  return n;
}

function typeParser(oid: number, format?: "text" | "binary"): unknown {
  if (oid === pg.types.builtins.INT8 && format !== "binary") return parseInt8;
  return format === "binary" ? pg.types.getTypeParser(oid, "binary") : pg.types.getTypeParser(oid);
}
