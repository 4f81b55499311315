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

export async function dropSchema(base: string, schema: string): Promise<void> {
  await withClient(base, (c) => c.query(`DROP SCHEMA IF EXISTS "${schema.replace(/"/g, '""')}" CASCADE`));
}
