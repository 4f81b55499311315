/**
 * Counts the PostgreSQL queries of each runner and status request (BENCHMARKS.md, load test notes): the API
 * in-process on a fresh schema, 8 accounts set up as the load test sets them up, every query seen through
 * Kysely's log hook. After `npm run build`: node scripts/count-api-queries.mjs [-v] (LINKPACE_TEST_PG names the
 * server; -v lists the queries).
 */
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { createKyselyStore } from "../dist/store/kysely-store.js";
import { migrateToLatest } from "../dist/store/migrations/migrate.js";
import { withNamedStatements } from "../dist/store/postgres/named-statements.js";
import { createApi } from "../dist/api/create-api.js";
import { createToken } from "../dist/api/auth.js";
import { VirtualClock, parseInstant, SECOND } from "../dist/core/time.js";
import { loadAccount, loadCampaign, prospectCsv, accountName } from "../dist/bench/load-clients.js";

const url = process.env.LINKPACE_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";
const schema = "rt_api_" + process.pid;
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`create schema "${schema}"`);
const pool = new pg.Pool({
  connectionString: url,
  options: `-c search_path=${schema}`,
  types: { getTypeParser: (oid, f) => (oid === 20 && f !== "binary" ? Number : pg.types.getTypeParser(oid, f)) },
});
let log = null;
const db = new Kysely({
  dialect: new PostgresDialect({ pool: withNamedStatements(pool) }),
  log: (e) => {
    if (log) log.push(e.query.sql.replace(/\s+/g, " ").slice(0, 110));
  },
});
await migrateToLatest(db, { dialect: "postgres", schema, where: "count" });
const store = createKyselyStore(db, "postgres");
const clock = new VirtualClock(parseInstant("2027-03-01T08:00:00Z"));
const api = createApi({ store, clock, rateLimit: { burst: 1e6, perSecond: 1e6 }, webRoot: null });
const token = (await createToken(store, { workspaceId: 1, name: "a", now: clock.now() })).token;
async function call(method, path, body, ct = "application/json") {
  const h = { authorization: `Bearer ${token}` };
  if (body !== undefined) h["content-type"] = ct;
  const res = await api.http.request(path, {
    method,
    headers: h,
    ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}),
  });
  const t = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${t}`);
  return JSON.parse(t);
}
const N = 8;
for (let i = 0; i < N; i++) await call("POST", "/v1/accounts", loadAccount(accountName(i)));
for (let i = 0; i < N; i++) await call("POST", "/v1/campaigns", loadCampaign(`${accountName(i)}-c`, accountName(i)));
for (let i = 0; i < N; i++)
  await call("POST", `/v1/prospects/import?campaign=${accountName(i)}-c`, prospectCsv(accountName(i), 50), "text/csv");
async function measure(label, fn) {
  log = [];
  const r = await fn();
  const q = log;
  log = null;
  console.log(`${label}: ${q.length} queries${process.argv.includes("-v") ? "\n    " + q.join("\n    ") : ""}`);
  return r;
}
const a = accountName(0);
let next = await measure("POST /v1/tasks/next (task)", () => call("POST", "/v1/tasks/next", { account: a }));
await measure("POST /v1/tasks/next (task held again)", () => call("POST", "/v1/tasks/next", { account: a }));
await measure(`POST /v1/tasks/{id}/report`, () => call("POST", `/v1/tasks/${next.task.actionId}/report`, { key: "d" }));
const w = await measure("POST /v1/tasks/next (wait)", () => call("POST", "/v1/tasks/next", { account: a }));
console.log("   answer:", w.type, w.reason);
clock.set(clock.now() + 5 * SECOND);
next = await measure("POST /v1/tasks/next (task 2)", () => call("POST", "/v1/tasks/next", { account: a }));
await measure(`POST /v1/tasks/{id}/report 2`, () => call("POST", `/v1/tasks/${next.task.actionId}/report`, { key: "d" }));
await measure("GET /v1/status (8 accounts)", () => call("GET", "/v1/status"));
await measure("GET /v1/tasks (8 accounts)", () => call("GET", "/v1/tasks"));
await measure("GET /v1/tasks?account=", () => call("GET", `/v1/tasks?account=${a}`));
await store.close();
await admin.query(`drop schema "${schema}" cascade`);
await admin.end();
