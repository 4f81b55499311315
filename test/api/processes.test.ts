/**
 * Several linkpace processes on one PostgreSQL database, as docs/operations.md deploys them: `linkpace worker`
 * processes run the engine, `linkpace serve --no-engine` the API only; the rate limits hold across servers.
 * Every process runs with LINKPACE_NOW fixed (a Monday, 09:00 in Paris), so that the work due and the buckets'
 * refill do not depend on when the test runs. Skipped without LINKPACE_TEST_PG.
 */
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../src/app.js";
import { createToken } from "../../src/api/auth.js";
import type { Channel } from "../../src/channels/channel.js";
import { parseInstant } from "../../src/core/time.js";
import { openPostgresStore } from "../../src/store/postgres/open-postgres.js";
import { accountDoc, campaignDoc } from "../support/docs.js";
import { prospect } from "../support/harness.js";
import { pgProcesses, waitFor, type PgProcesses } from "./processes-harness.js";

const PG = process.env.LINKPACE_TEST_PG;
const NOW = "2027-03-01T08:00:00Z";
const ENV = { LINKPACE_NOW: NOW };
const ACCOUNTS = 8;

const noChannel: Channel = { name: "none", perform: () => Promise.reject(new Error("the setup performs nothing")) };

/** ACCOUNTS accounts, each with a campaign that visits 3 people first; a token; nothing handed out yet. */
async function setUp(p: PgProcesses): Promise<string> {
  const store = await openPostgresStore(p.url, { schema: p.schema });
  try {
    const app = new App({ store, channel: noChannel, clock: { now: () => parseInstant(NOW) as number } });
    for (let i = 0; i < ACCOUNTS; i++) {
      await app.addAccount(accountDoc({ name: `a${i}` }));
      await app.createCampaign(campaignDoc({ name: `c${i}`, account: `a${i}` }));
      await app.enroll(
        `c${i}`,
        [0, 1, 2].map((j) => ({ prospect: prospect(`p${i}-${j}`) })),
      );
    }
    return (await createToken(store, { workspaceId: 1, name: "test", now: parseInstant(NOW) as number })).token;
  } finally {
    await store.close();
  }
}

async function post(url: string, token: string, path: string, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

describe.skipIf(!PG)("several processes on one PostgreSQL database", () => {
  let p: PgProcesses | null = null;
  let passed = false;
  afterEach(async () => {
    await p?.dispose(passed);
    p = null;
    passed = false;
  });

  it("two workers hand the due actions over once each, serve --no-engine hands out nothing by itself, and agents report through it", async () => {
    p = pgProcesses(PG!);
    const token = await setUp(p);
    const api = await p.serve(["--no-engine"], ENV);
    expect(api.stdout()).toContain("with no engine");
    const handed = async () => Number((await p!.sql<{ n: string }>("select count(*) as n from log where type = 'action'"))[0]!.n);
    // A bounded look, the only one in this file that waits for nothing: three engine ticks' time (1 s each) with the
    // API alone, and no action was handed out. Everything after waits on what it expects.
    const quietUntil = Date.now() + 3000;
    await waitFor("three ticks of the API alone", async () => ((await handed()) > 0 || Date.now() > quietUntil ? true : undefined), 10_000);
    expect(await handed()).toBe(0);

    const workers = [p.start(["worker"], ENV), p.start(["worker"], ENV)];
    // Each account's first visit, handed over as a task by the workers, and nothing else (the next are not due yet).
    await waitFor(`${ACCOUNTS} tasks handed over`, async () => ((await handed()) >= ACCOUNTS ? true : undefined));
    for (const w of workers)
      expect(w.stdout()).toMatch(/linkpace worker: running the engine and webhook delivery \(no HTTP\) on PostgreSQL/);

    // An agent per account takes its task through the API process and reports it done.
    const reported = [];
    for (let i = 0; i < ACCOUNTS; i++) {
      const claim = await post(api.url, token, "/v1/agent/claim", { account: `a${i}`, agent: `agent-${i}` });
      expect(claim.status, JSON.stringify(claim.body)).toBe(200);
      expect(claim.body.kind).toBe("visit");
      const report = await post(api.url, token, "/v1/agent/report", { actionId: claim.body.actionId, result: "ok" });
      expect(report.status, JSON.stringify(report.body)).toBe(200);
      reported.push(claim.body.actionId as number);
    }
    expect(new Set(reported).size).toBe(ACCOUNTS);

    // Stopping: SIGTERM, runs in progress finish, exit 0.
    for (const w of workers) {
      expect(await w.stop()).toBe(0);
      expect(w.stderr()).toContain('"msg":"stopped"');
    }
    expect(await api.stop()).toBe(0);

    const actions = await p.sql<{ enrollment_id: number; kind: string; result: string | null }>(
      "select enrollment_id, kind, result from log where type = 'action' order by id",
    );
    // One visit per account, each performed once: no enrollment's step handed out or recorded twice.
    expect(actions.filter((a) => a.result === "ok")).toHaveLength(ACCOUNTS);
    const perStep = new Map<string, number>();
    for (const a of actions) perStep.set(`${a.enrollment_id}:${a.kind}`, (perStep.get(`${a.enrollment_id}:${a.kind}`) ?? 0) + 1);
    expect([...perStep.values()].filter((n) => n > 1)).toEqual([]);
    expect(actions).toHaveLength(ACCOUNTS);
    passed = true;
  }, 90_000);

  it("rate limits hold across API processes: one token's requests spread over two servers get one burst, not two", async () => {
    p = pgProcesses(PG!);
    const token = await setUp(p);
    const servers = [await p.serve(["--no-engine"], ENV), await p.serve(["--no-engine"], ENV)];
    const statuses: number[] = [];
    // The default limit is a burst of 120 (refilled at 20/s, but the clock is fixed): 300 requests, alternating.
    for (let i = 0; i < 300; i++) {
      const res = await fetch(`${servers[i % 2]!.url}/v1/status`, { headers: { authorization: `Bearer ${token}` } });
      await res.arrayBuffer();
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(120);
    expect(statuses.slice(120).every((s) => s === 429)).toBe(true);

    // Failed authentications from one address: 20 at once, counted across both servers.
    const failures: number[] = [];
    for (let i = 0; i < 50; i++) {
      const res = await fetch(`${servers[i % 2]!.url}/v1/status`, { headers: { authorization: "Bearer lp_wrong" } });
      await res.arrayBuffer();
      failures.push(res.status);
    }
    expect(failures.filter((s) => s === 401)).toHaveLength(20);
    expect(failures.slice(20).every((s) => s === 429)).toBe(true);
    for (const s of servers) expect(await s.stop()).toBe(0);
    passed = true;
  }, 90_000);
});
