/**
 * The PostgreSQL tests run when LINKPACE_TEST_PG names a server, and are skipped otherwise, so that
 * `npm ci && npm test` works on a laptop without one. Where they are required (CI sets LINKPACE_REQUIRE_PG=1, and
 * CI=true implies it), a missing URL or a server that does not answer fails the whole run before any test
 * starts, instead of letting the PostgreSQL cases vanish from it.
 */
import pg from "pg";

export type Env = Record<string, string | undefined>;

/** Whether this run must include the PostgreSQL tests. */
export function isPostgresRequired(env: Env): boolean {
  return env.LINKPACE_REQUIRE_PG === "1" || env.CI === "true" || env.CI === "1";
}

/** Throws, saying what to do, when PostgreSQL is required and LINKPACE_TEST_PG is unset or its server does not answer. */
export async function checkPostgresForTests(env: Env, connectTimeoutMillis = 5_000): Promise<void> {
  if (!isPostgresRequired(env)) return;
  const url = env.LINKPACE_TEST_PG;
  if (!url) {
    throw new Error(
      "PostgreSQL tests are required here (LINKPACE_REQUIRE_PG=1 or CI) but LINKPACE_TEST_PG is not set: set it to a server URL such as postgres://postgres@127.0.0.1:5432/postgres",
    );
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMillis });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (e) {
    throw new Error(
      `PostgreSQL tests are required here but LINKPACE_TEST_PG=${redact(url)} does not answer (${(e as Error).message}): start the server (pg_ctlcluster … main start)`,
      { cause: e },
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}
