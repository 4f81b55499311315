/**
 * Named statements on PostgreSQL (src/store/postgres/named-statements.ts): a statement with parameters is kept
 * by name on its connection, so that the server parses it once; a batch (an import's 500-identifier lookup) is
 * not, so that it is planned for the table as it is each time rather than on a plan cached while it was empty.
 * Runs when LINKPACE_TEST_PG names a server.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withNamedStatements } from "../../src/store/postgres/named-statements.js";

const url = process.env.LINKPACE_TEST_PG;

describe.skipIf(!url)("named statements on PostgreSQL", () => {
  let pool: pg.Pool;
  beforeAll(() => {
    pool = new pg.Pool({ connectionString: url, max: 1 });
  });
  afterAll(async () => {
    await pool.end();
  });

  const placeholders = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `$${i + from}`).join(", ");

  it("keeps a statement with a few parameters by name, and runs a batch of 500 unnamed", async () => {
    const named = withNamedStatements(pool);
    const client = await named.connect();
    try {
      const few = `select count(*) from generate_series(1, 3) g where g in (${placeholders(3)})`;
      const batch = `select count(*) from generate_series(1, 1000) g where g in (${placeholders(500)})`;
      const values = Array.from({ length: 500 }, (_, i) => (i + 1) * 2);
      const fewRows = await client.query<{ count: string }>(few, [1, 2, 9]);
      const batchRows = await client.query<{ count: string }>(batch, values);
      // Both ran and answered: the batch found the 500 even numbers up to 1,000.
      expect(fewRows.rows[0]?.count).toBe("2");
      expect(batchRows.rows[0]?.count).toBe("500");
      const kept = await client.query<{ statement: string }>("select statement from pg_prepared_statements", []);
      const statements = kept.rows.map((r) => r.statement);
      expect(statements).toContain(few);
      expect(statements).not.toContain(batch);
    } finally {
      client.release();
    }
  });
});
