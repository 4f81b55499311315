/** openStore picks the backend from the target and says clearly when it cannot be a database or cannot be reached. */
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { LinkpaceError } from "../../src/core/errors.js";
import { isPostgresUrl, openStore } from "../../src/store/open-store.js";
import { sessionOptions } from "../../src/store/postgres/open-postgres.js";
import { openSimStore } from "../../src/sim/sim-store.js";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "linkpace-open-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("openStore", () => {
  it.each([
    ["postgres://u@h/db", true],
    ["postgresql://u:p@h:5433/db?sslmode=disable", true],
    ["POSTGRES://h/db", true],
    ["./linkpace.db", false],
    ["/var/lib/postgres/linkpace.db", false],
    [":memory:", false],
  ])("treats %s as PostgreSQL: %s", (target, expected) => {
    expect(isPostgresUrl(target)).toBe(expected);
  });

  it("opens a SQLite file for a path, and LINKPACE_DB when there is no target", async () => {
    const path = join(tempDir(), "a.db");
    const store = await openStore(path);
    expect(store.dialect).toBe("sqlite");
    await store.close();
    expect(existsSync(path)).toBe(true);

    const fromEnv = join(tempDir(), "env.db");
    const saved = process.env.LINKPACE_DB;
    process.env.LINKPACE_DB = fromEnv;
    try {
      const envStore = await openStore(undefined);
      expect(envStore.dialect).toBe("sqlite");
      await envStore.close();
    } finally {
      if (saved === undefined) delete process.env.LINKPACE_DB;
      else process.env.LINKPACE_DB = saved;
    }
    expect(existsSync(fromEnv)).toBe(true);
  });

  it.each([
    ["a directory", () => tempDir(), /is a directory, not a SQLite database file/],
    ["a URL of another database", () => "mysql://127.0.0.1/x", /^mysql:\/\/ is not a database linkpace can use/],
    ["a malformed postgres URL", () => "postgres://u:pw@[::1/x", /^"postgres:\/\/u@\[::1\/x" is not a valid URL/],
  ])("refuses %s as invalid input naming --db and LINKPACE_DB", async (_what, target, message) => {
    const e = await openStore(target()).then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(LinkpaceError);
    expect((e as LinkpaceError).code).toBe("invalid_input");
    expect((e as LinkpaceError).message).toMatch(message);
    expect((e as LinkpaceError).message).toContain(
      "(check --db or LINKPACE_DB: a SQLite file path such as ./linkpace.db, or a postgres://user@host:5432/database URL",
    );
  });

  it("opens a private in-memory SQLite database for :memory:", async () => {
    const store = await openStore(":memory:");
    const doc = { name: "a" } as never;
    await store.transaction((tx) => tx.insertAccount({ workspaceId: 1, name: "a", doc, state: null, wakeAt: 5, createdAt: 0 }));
    expect((await store.listAccounts(1)).map((a) => a.name)).toEqual(["a"]);
    await store.close();
    const fresh = await openStore(":memory:");
    expect(await fresh.listAccounts(1)).toEqual([]);
    await fresh.close();
  });

  it("keeps a SQLite database across opens", async () => {
    const path = join(tempDir(), "b.db");
    const first = await openStore(path);
    await first.insertPerson(
      {
        workspaceId: 1,
        displayUrl: "https://lnkd.in/a",
        firstName: "A",
        lastName: "",
        fullName: null,
        company: "",
        title: "",
        location: "",
        timezone: null,
        zoneSource: null,
        custom: {},
        memberId: null,
        connectedAt: null,
        connected: false,
        lastWithdrawnAt: null,
        createdAt: 0,
      },
      ["https://lnkd.in/a"],
    );
    await first.close();
    const second = await openStore(path);
    expect(await second.findPersonIds(1, ["https://lnkd.in/a"])).toEqual(new Map([["https://lnkd.in/a", 1]]));
    await second.close();
  });

  it.each(["postgres://postgres:s3cret@127.0.0.1:1/x", "postgresql://postgres:s3cret@127.0.0.1:1/x"])(
    "reports an unreachable PostgreSQL (%s) without its password",
    async (url) => {
      const e = await openStore(url).then(
        () => null,
        (err: unknown) => err,
      );
      expect(e).toBeInstanceOf(LinkpaceError);
      const err = e as LinkpaceError;
      expect(err.code).toBe("invalid_input"); // the user's to fix: exit 2
      expect(err.message).toMatch(
        /^cannot reach PostgreSQL at postgres(ql)?:\/\/postgres@127\.0\.0\.1:1\/x: .*ECONNREFUSED.* \(check --db or LINKPACE_DB: .+ of a running server\)$/,
      );
      expect(err.message).not.toContain("s3cret");
    },
  );

  it("gives the documented message for postgres://postgres@127.0.0.1:1/x", async () => {
    await expect(openStore("postgres://postgres@127.0.0.1:1/x")).rejects.toThrow(
      /^cannot reach PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:1\/x: .+ \(check --db or LINKPACE_DB: .+\)$/,
    );
  });

  it.runIf(process.env.LINKPACE_TEST_PG !== undefined)("opens PostgreSQL for a postgres:// URL", async () => {
    // A schema of its own, named in the URL's options, keeps the shared database's public schema untouched.
    const base = process.env.LINKPACE_TEST_PG as string;
    const schema = `t_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    try {
      await admin.query(`create schema ${schema}`);
      const url = new URL(base);
      url.searchParams.set("options", `-c search_path=${schema}`);
      const store = await openStore(url.toString());
      expect(store.dialect).toBe("postgres");
      expect(await store.listAccounts(1)).toEqual([]);
      await store.close();
      const tables = await admin.query("select count(*)::int as n from information_schema.tables where table_schema = $1", [schema]);
      expect((tables.rows[0] as { n: number }).n).toBeGreaterThan(5);
    } finally {
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
  });

  it("sets a rehearsal's commits not to wait for the disk, next to the schema, and nothing by default", () => {
    expect(sessionOptions({})).toEqual({});
    expect(sessionOptions({ schema: "s1" })).toEqual({ options: "-c search_path=s1" });
    expect(sessionOptions({ schema: "s1", synchronousCommit: false })).toEqual({ options: "-c search_path=s1 -c synchronous_commit=off" });
    expect(sessionOptions({ synchronousCommit: true })).toEqual({});
  });

  it.runIf(process.env.LINKPACE_TEST_PG !== undefined)(
    "opens a simulation's PostgreSQL database (session options: the schema and the commit mode) in its schema",
    async () => {
      const base = process.env.LINKPACE_TEST_PG as string;
      const schema = `t_${randomBytes(6).toString("hex")}`;
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      try {
        const { store, cleanup } = await openSimStore(`${base}?schema=${schema}`);
        expect(store.dialect).toBe("postgres");
        expect(await store.listAccounts(1)).toEqual([]);
        await cleanup();
        const tables = await admin.query("select count(*)::int as n from information_schema.tables where table_schema = $1", [schema]);
        expect((tables.rows[0] as { n: number }).n).toBeGreaterThan(5);
      } finally {
        await admin.query(`drop schema if exists ${schema} cascade`);
        await admin.end();
      }
    },
  );
});
