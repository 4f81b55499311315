/**
 * The backends the store contract suite runs against, chosen by the environment: SQLite always (a file under
 * the OS temp directory), the in-memory store (src/store/memory/) unless LINKPACE_TEST_MEMORY=0, PostgreSQL when
 * LINKPACE_TEST_PG holds a server URL. Every test gets an empty,
 * migrated database of its own: a new SQLite file, or a new PostgreSQL schema `t_<random>`. A passing test's
 * database is removed; a failing test's is kept for inspection and its name printed.
 */
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openAnotherMemoryStore, openMemoryStore } from "../../src/store/memory/memory-store.js";
import { openPostgresStore } from "../../src/store/postgres/open-postgres.js";
import { openSqliteStore } from "../../src/store/sqlite/open-sqlite.js";
import type { Store } from "../../src/store/store.js";

export interface TestDatabase {
  store: Store;
  /** The SQLite file, or the PostgreSQL schema. */
  location: string;
  /** Another Store on the same database (its own connection or pool), closed with the database. */
  openAnother(): Promise<Store>;
  /** Closes every store; drops the database if the test passed, else keeps it and says where it is. */
  dispose(passed: boolean): Promise<void>;
}

export interface StoreBackend {
  name: "sqlite" | "postgres" | "memory";
  create(): Promise<TestDatabase>;
}

function sqliteBackend(): StoreBackend {
  return {
    name: "sqlite",
    async create() {
      const path = join(tmpdir(), `linkpace-store-${randomBytes(6).toString("hex")}.db`);
      return track(
        path,
        await openSqliteStore(path),
        () => openSqliteStore(path),
        async (passed) => {
          if (!passed) {
            console.error(`store test failed: kept SQLite database ${path}`);
            return;
          }
          for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
        },
      );
    },
  };
}

function postgresBackend(url: string): StoreBackend {
  return {
    name: "postgres",
    async create() {
      const schema = `t_${randomBytes(6).toString("hex")}`;
      return track(
        schema,
        await openPostgresStore(url, { schema }),
        () => openPostgresStore(url, { schema }),
        async (passed) => {
          if (!passed) {
            console.error(`store test failed: kept PostgreSQL schema ${schema} in ${url}`);
            return;
          }
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          try {
            await client.query(`drop schema "${schema}" cascade`);
          } finally {
            await client.end();
          }
        },
      );
    },
  };
}

function memoryBackend(): StoreBackend {
  return {
    name: "memory",
    create() {
      const store = openMemoryStore();
      return Promise.resolve(
        track(
          "memory",
          store,
          () => Promise.resolve(openAnotherMemoryStore(store)),
          () => Promise.resolve(),
        ),
      );
    },
  };
}

function track(location: string, store: Store, open: () => Promise<Store>, remove: (passed: boolean) => Promise<void>): TestDatabase {
  const stores = [store];
  return {
    store,
    location,
    async openAnother() {
      const another = await open();
      stores.push(another);
      return another;
    },
    async dispose(passed) {
      for (const s of stores) await s.close();
      await remove(passed);
    },
  };
}

export function storeBackends(): StoreBackend[] {
  const pgUrl = process.env.LINKPACE_TEST_PG;
  return [
    sqliteBackend(),
    ...(pgUrl ? [postgresBackend(pgUrl)] : []),
    ...(process.env.LINKPACE_TEST_MEMORY === "0" ? [] : [memoryBackend()]),
  ];
}

/**
 * The backends with a SQL database: for tests of migrations and raw SQL, and of several processes sharing one
 * database (an in-memory database lives in one process).
 */
export function sqlBackends(): StoreBackend[] {
  return storeBackends().filter((b) => b.name !== "memory");
}
