/**
 * What every process does when it starts, on one PostgreSQL database, happens once however many start together:
 * the migrations (Kysely's migrator holds an advisory lock while it runs them) and a first start's token (an
 * advisory lock of ours, api/first-token.ts). Skipped without LINKPACE_TEST_PG.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { createFirstToken } from "../../src/api/first-token.js";
import { migrations } from "../../src/store/migrations/migrate.js";
import { openCoordination } from "../../src/store/postgres/coordination.js";
import { openPostgresStore } from "../../src/store/postgres/open-postgres.js";
import type { Store } from "../../src/store/store.js";

const PG = process.env.LINKPACE_TEST_PG;
const N = 4;

describe.skipIf(!PG)("processes starting together on one PostgreSQL schema", () => {
  let schema = "";
  let passed = false;
  const stores: Store[] = [];
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    for (const c of closers.splice(0)) await c();
    if (!passed) {
      console.error(`test failed: kept PostgreSQL schema ${schema} in ${PG}`);
      return;
    }
    const c = new pg.Client({ connectionString: PG });
    await c.connect();
    await c.query(`drop schema if exists "${schema}" cascade`).finally(() => c.end());
    passed = false;
  });

  it(`run each migration once when ${N} open a fresh schema at once`, async () => {
    schema = `t_${randomBytes(6).toString("hex")}`;
    // Every statement any connection sends, as the server receives it.
    const sent: string[] = [];
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const q = args[0] as string | { text?: string };
      sent.push(typeof q === "string" ? q : (q.text ?? ""));
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
    try {
      stores.push(...(await Promise.all(Array.from({ length: N }, () => openPostgresStore(PG!, { schema })))));
    } finally {
      pg.Client.prototype.query = query;
    }
    // The migrations' own DDL (Kysely's bookkeeping tables are created, if missing, before its lock is taken).
    const ddl = sent.filter((s) => /^\s*(create|alter)\s/i.test(s) && !/kysely_migration/i.test(s) && !/create schema/i.test(s));
    expect(ddl.length).toBeGreaterThan(30);
    const twice = ddl.filter((s, i) => ddl.indexOf(s) !== i);
    expect(twice).toEqual([]);
    const c = new pg.Client({ connectionString: PG, options: `-c search_path=${schema}` });
    await c.connect();
    const ran = await c.query<{ name: string }>("select name from kysely_migration order by name").finally(() => c.end());
    expect(ran.rows.map((r) => r.name)).toEqual(Object.keys(migrations("postgres")).sort());
    passed = true;
  }, 60_000);

  it(`create one first token when ${N} servers start at once on an empty database`, async () => {
    schema = `t_${randomBytes(6).toString("hex")}`;
    stores.push(await openPostgresStore(PG!, { schema }));
    stores.push(...(await Promise.all(Array.from({ length: N - 1 }, () => openPostgresStore(PG!, { schema })))));
    const now = Date.UTC(2027, 2, 1, 8);
    const tokens = await Promise.all(
      stores.map((store) => {
        const shared = openCoordination(PG!, schema);
        closers.push(() => shared.close());
        return createFirstToken(store, now, (name, fn) => shared.withLock(name, fn));
      }),
    );
    expect(tokens.filter((t) => t !== null)).toHaveLength(1);
    expect((await stores[0]!.listApiTokens()).map((t) => t.name)).toEqual(["first-start"]);
    passed = true;
  }, 60_000);
});
