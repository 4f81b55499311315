/**
 * Counts the PostgreSQL queries per engine action (BENCHMARKS.md, "PostgreSQL round trips"): a generated
 * scenario run by runSimulation on a fresh schema, every query seen through Kysely's log hook, grouped by SQL.
 * After `npm run build`: node scripts/count-pg-queries.mjs [accounts=50] [prospects=1000] [days=7]
 * (LINKPACE_TEST_PG names the server; TX=1 also prints the commonest transactions, STATS=1 PostgreSQL's table
 * statistics, DUMP=file writes the event log).
 */
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { createKyselyStore } from "../dist/store/kysely-store.js";
import { migrateToLatest } from "../dist/store/migrations/migrate.js";
import { withNamedStatements } from "../dist/store/postgres/named-statements.js";
import { generateScenario } from "../dist/sim/generate.js";
import { runSimulation } from "../dist/sim/run-simulation.js";

const url = process.env.LINKPACE_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";
const schema = "rt_count_" + process.pid;
const accounts = Number(process.argv[2] ?? 50),
  prospects = Number(process.argv[3] ?? 1000),
  days = Number(process.argv[4] ?? 7);
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`create schema "${schema}"`);
const pool = new pg.Pool({
  connectionString: url,
  options: `-c search_path=${schema}`,
  types: { getTypeParser: (oid, f) => (oid === 20 && f !== "binary" ? Number : pg.types.getTypeParser(oid, f)) },
});
let phase = "setup";
let tx = null;
const txs = new Map();
const counts = { setup: new Map(), loop: new Map() };
const db = new Kysely({
  dialect: new PostgresDialect({ pool: withNamedStatements(pool) }),
  log: (e) => {
    const sql = e.query.sql.replace(/\$\d+/g, "?").replace(/\s+/g, " ").slice(0, 160);
    const m = counts[phase];
    m.set(sql, (m.get(sql) ?? 0) + 1);
    if (phase === "loop") {
      const w = sql.split(" ").slice(0, 4).join(" ").slice(0, 40);
      if (sql === "begin") tx = [];
      else if (sql === "commit") {
        const k = tx.join(" | ");
        txs.set(k, (txs.get(k) ?? 0) + 1);
        tx = null;
      } else if (tx) tx.push(w);
    }
  },
});
await migrateToLatest(db, { dialect: "postgres", schema, where: "count" });
const store = createKyselyStore(db, "postgres");
const scenario = generateScenario({ accounts, prospects, days, seed: 1 });
let tLoop = 0;
const run = await runSimulation({
  scenario,
  scenarioPath: "bench",
  store,
  onProgress: () => {
    if (phase === "setup") {
      phase = "loop";
      tLoop = performance.now();
    }
  },
});
const tEnd = performance.now();
phase = "setup";
const actions = run.report.actions;
if (process.env.DUMP) {
  const fs = await import("node:fs");
  const out = [];
  let after = null;
  for (;;) {
    const page = await store.readLog(1, after, 5000);
    if (page.length === 0) break;
    for (const l of page) out.push(JSON.stringify(l));
    const last = page[page.length - 1];
    after = { at: last.at, id: last.id };
  }
  fs.writeFileSync(process.env.DUMP, out.join("\n") + "\n");
}
const loop = [...counts.loop.entries()].sort((a, b) => b[1] - a[1]);
const total = loop.reduce((s, [, n]) => s + n, 0);
console.log(
  `accounts ${accounts} prospects ${prospects} days ${days}: actions ${actions}; loop queries ${total} = ${(total / actions).toFixed(2)} per action; loop ${((tLoop ? tEnd - tLoop : 0) / 1000).toFixed(1)} s = ${(((tEnd - tLoop) * 1000) / actions).toFixed(0)} us/action`,
);
for (const [sql, n] of loop) console.log(`${(n / actions).toFixed(3).padStart(7)}  ${String(n).padStart(7)}  ${sql}`);
if (process.env.TX) for (const [k, n] of [...txs.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(String(n).padStart(6), k);
await store.close();
if (process.env.STATS) {
  await new Promise((r) => setTimeout(r, 1500));
  const st = await admin.query(
    `select relname, seq_scan, idx_scan, n_tup_ins, n_tup_upd from pg_stat_user_tables where schemaname = $1 order by relname`,
    [schema],
  );
  console.log(st.rows);
}
await admin.query(`drop schema "${schema}" cascade`);
await admin.end();
