/**
 * The engine harness (harness.ts) on each backend of the store contract suite (test/store/backends.ts), for engine
 * tests that must hold on SQLite and PostgreSQL alike: every test gets a database of its own, disposed when it
 * finishes (kept for inspection when it failed). With a channel that answers later (every action becomes a task),
 * the event log and its invariants, and every table's rows as text, to look for what a removal or an erasure must
 * leave no trace of.
 */
import Database from "better-sqlite3";
import pg from "pg";
import type { TestContext } from "vitest";
import type { App } from "../../src/app.js";
import type { ActionOutcome, ActionRequest, Channel } from "../../src/channels/channel.js";
import type { AccountDoc, CampaignDoc } from "../../src/core/model.js";
import { readEventLog, type LogEntry } from "../../src/sim/event-log.js";
import { memoryDatabaseOf } from "../../src/store/memory/memory-store.js";
import { Table } from "../../src/store/memory/tables.js";
import { checkInvariants } from "../../src/sim/invariants.js";
import type { StoreBackend, TestDatabase } from "../store/backends.js";
import { harnessOn, type Harness } from "./harness.js";

/** A channel that answers later (assisted): every action becomes a task. */
export class LaterChannel implements Channel {
  readonly name = "later";
  readonly inline = false;
  async perform(_req: ActionRequest): Promise<ActionOutcome> {
    return { status: "deferred" };
  }
}

export interface BackendHarness extends Harness {
  db: TestDatabase;
}

/** The harness (account added, campaigns created) on a new database of `backend`, disposed when the test ends. */
export async function backendHarness(
  backend: StoreBackend,
  ctx: TestContext,
  account: AccountDoc,
  campaigns: CampaignDoc[],
  start = "2027-03-01T00:00:00Z",
): Promise<BackendHarness> {
  const db = await backend.create();
  ctx.onTestFinished(async (done) => db.dispose(done.task.result?.state !== "fail"));
  return { db, ...(await harnessOn(db.store, account, campaigns, start)) };
}

/** The workspace's event log, in order (sim/event-log.ts). */
export async function eventLog(app: App): Promise<LogEntry[]> {
  const entries: LogEntry[] = [];
  for await (const e of readEventLog(app.store, app.ctx.workspaceId)) entries.push(e);
  return entries;
}

/** What the event log breaks of the simulator's invariants (sim/invariants.ts) up to `end`, nobody connected before. */
export function invariantViolations(entries: LogEntry[], account: AccountDoc, campaigns: CampaignDoc[], end: number): string[] {
  return checkInvariants({ entries, accounts: [account], campaigns, connected: new Set(), end });
}

/** Every table's rows (every column) as JSON text, by table name, read from the database's catalog. */
export async function dumpTables(db: TestDatabase, backend: StoreBackend["name"]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  if (backend === "memory") {
    // One Table per SQL table, named as it (src/store/memory/database.ts); rows by primary key, as ORDER BY 1.
    const tables = Object.values(memoryDatabaseOf(db.store)).filter((t): t is Table<object> => t instanceof Table);
    for (const t of tables.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const rows = [...t.values()].sort((a, b) => (t.keyOf(a) < t.keyOf(b) ? -1 : 1));
      out[t.name] = JSON.stringify(rows);
    }
    return out;
  }
  if (backend === "sqlite") {
    const raw = new Database(db.location, { readonly: true });
    try {
      const tables = raw
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .all() as Array<{ name: string }>;
      for (const { name } of tables) out[name] = JSON.stringify(raw.prepare(`SELECT * FROM "${name}" ORDER BY 1`).all());
    } finally {
      raw.close();
    }
    return out;
  }
  const client = new pg.Client({ connectionString: process.env.LINKPACE_TEST_PG });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name",
      [db.location],
    );
    for (const { table_name } of tables.rows)
      out[table_name] = JSON.stringify((await client.query(`SELECT * FROM "${db.location}"."${table_name}" ORDER BY 1`)).rows);
  } finally {
    await client.end();
  }
  return out;
}
