/**
 * The PostgreSQL housekeeping of the benchmarks: a fresh schema name per run, the URL that makes linkpace use
 * (and create) it, and dropping it afterwards. Only the server named by --pg is ever contacted.
 */
import pg from "pg";

export function freshSchemaName(label: string): string {
  const suffix = `${Date.now().toString(36)}_${process.pid}`;
  return `bench_${label.replace(/[^a-z0-9]+/gi, "_").toLowerCase()}_${suffix}`.slice(0, 63);
}

/** `postgres://…/db` with linkpace's `schema` parameter added. */
export function schemaUrl(base: string, schema: string): string {
  return `${base}${base.includes("?") ? "&" : "?"}schema=${encodeURIComponent(schema)}`;
}

async function withClient<T>(base: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: base, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function pgServerVersion(base: string): Promise<string> {
  return withClient(base, async (c) => {
    const r = await c.query<{ server_version: string }>("SHOW server_version");
    return r.rows[0]?.server_version ?? "unknown";
  });
}

/** A name as a quoted SQL identifier. */
function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export async function dropSchema(base: string, schema: string): Promise<void> {
  await withClient(base, (c) => c.query(`DROP SCHEMA IF EXISTS ${quoted(schema)} CASCADE`));
}

/** How often the stand-in for autovacuum looks at the schema's tables: autovacuum_naptime's default. */
const NAPTIME_MS = 60_000;

/**
 * When the server runs without autovacuum (this machine's has `autovacuum = off`), vacuums and analyzes the
 * tables of `schema` as autovacuum would with its default settings: every minute, a table with more than
 * 50 + 20% dead rows is vacuumed, one with more than 50 + 10% rows changed since its last analysis analyzed.
 * Without it, a run of tens of minutes leaves hundreds of thousands of dead versions of the 1,000 account rows
 * behind, and every look-up of an account's wake time goes through them. Resolves to a stop function that
 * waits for a round in progress, and to null when the server vacuums by itself.
 */
export async function autovacuumStandIn(base: string, schema: string): Promise<(() => Promise<void>) | null> {
  const client = new pg.Client({ connectionString: base, connectionTimeoutMillis: 5000 });
  await client.connect();
  const setting = await client.query<{ autovacuum: string }>("SHOW autovacuum");
  if (setting.rows[0]?.autovacuum !== "off") {
    await client.end();
    return null;
  }
  let round: Promise<void> = Promise.resolve();
  const visit = async (): Promise<void> => {
    const due = await client.query<{ relname: string; vacuum: boolean; analyze: boolean }>(
      `select relname, n_dead_tup > 50 + 0.2 * n_live_tup as vacuum, n_mod_since_analyze > 50 + 0.1 * n_live_tup as analyze
         from pg_stat_user_tables where schemaname = $1`,
      [schema],
    );
    for (const t of due.rows) {
      const what = t.vacuum && t.analyze ? "VACUUM (ANALYZE)" : t.vacuum ? "VACUUM" : t.analyze ? "ANALYZE" : null;
      if (what !== null) await client.query(`${what} ${quoted(schema)}.${quoted(t.relname)}`);
    }
  };
  const timer = setInterval(() => {
    round = round.then(visit).catch((e: unknown) => {
      process.stderr.write(`autovacuum stand-in: ${e instanceof Error ? e.message : String(e)}\n`);
    });
  }, NAPTIME_MS);
  return async () => {
    clearInterval(timer);
    await round;
    await client.end();
  };
}
