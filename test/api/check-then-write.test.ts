/**
 * API writes that depend on what they read (withdraw a pending invitation, mark an outcome, pause a campaign)
 * read it inside the transaction that writes, under the account's lock, as the engine does. Each test holds a
 * transaction of another server process open on the account, with a change of the engine's made and not yet
 * committed, sends the request, waits until it either finished or waits for a lock (PostgreSQL's pg_locks), and
 * only then commits: the request must decide on the committed change. PostgreSQL only: SQLite serialises
 * whole write transactions, so there is no such interleaving there.
 */
import pg from "pg";
import { describe, expect, it } from "vitest";
import { App } from "../../src/app.js";
import { createToken } from "../../src/api/auth.js";
import { createApi } from "../../src/api/create-api.js";
import { AssistedChannel } from "../../src/channels/assisted/assisted-channel.js";
import { loadGovernorState } from "../../src/core/governor/index.js";
import { DAY, VirtualClock, parseInstant } from "../../src/core/time.js";
import type { Store } from "../../src/store/store.js";
import { storeBackends, type TestDatabase } from "../store/backends.js";
import { ACCOUNT, CAMPAIGN, LEADS, T0 } from "./api-harness.js";

const postgres = storeBackends().find((b) => b.name === "postgres");
const JANE = "https://www.linkedin.com/in/jane-doe";

interface Setup {
  db: TestDatabase;
  other: Store;
  clock: VirtualClock;
  call(method: string, path: string, body?: unknown, type?: string): Promise<{ status: number; body: any }>;
}

/** alice, campaign q1 and the leads, through the API of one server; `other`: the second server's store. */
async function setup(db: TestDatabase): Promise<Setup> {
  const clock = new VirtualClock(parseInstant(T0) as number);
  const api = createApi({ store: db.store, clock, rateLimit: { burst: 100_000, perSecond: 100_000 } });
  const { token } = await createToken(db.store, { workspaceId: 1, name: "t", now: clock.now() });
  const call = async (method: string, path: string, body?: unknown, type = "application/json") => {
    const res = await api.http.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": type },
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text.startsWith("{") ? JSON.parse(text) : null };
  };
  expect((await call("POST", "/v1/accounts", ACCOUNT)).status).toBe(201);
  expect((await call("POST", "/v1/campaigns", CAMPAIGN)).status).toBe(201);
  expect((await call("POST", "/v1/prospects/import?campaign=q1", LEADS, "text/csv")).status).toBe(200);
  return { db, other: await db.openAnother(), clock, call };
}

/** Jane's invitation sent and recorded; its enrollment id. */
async function invited(s: Setup): Promise<number> {
  const claim = await s.call("POST", "/v1/agent/claim", { account: "alice" });
  expect((await s.call("POST", "/v1/agent/report", { actionId: claim.body.actionId, result: "ok" })).status).toBe(200);
  return (await s.call("GET", "/v1/invitations")).body.invitations[0].id as number;
}

/**
 * Runs `change` in a transaction of the other server that holds alice's lock, and keeps it open until
 * `commit()`. `made` resolves once the change is written (not committed).
 */
function holdOpen(s: Setup, change: (app: App) => Promise<unknown>): { made: Promise<void>; commit: () => void; done: Promise<void> } {
  let commit: () => void = () => {};
  let signal: () => void = () => {};
  const gate = new Promise<void>((r) => (commit = r));
  const made = new Promise<void>((r) => (signal = r));
  const done = s.other.transaction(async (tx) => {
    const alice = await tx.getAccount(1, "alice");
    await tx.lockAccount(alice!.id);
    await change(new App({ store: tx, channel: new AssistedChannel(), clock: s.clock }));
    signal();
    await gate;
  });
  return { made, commit, done };
}

/** Waits until `request` has finished or waits for a lock in this test's schema; which of the two. */
async function finishedOrBlocked(db: TestDatabase, request: Promise<unknown>): Promise<"finished" | "blocked"> {
  let finished = false;
  void request.then(
    () => (finished = true),
    () => (finished = true),
  );
  const client = new pg.Client({ connectionString: process.env.LINKPACE_TEST_PG });
  await client.connect();
  try {
    // Each look is a round trip to the server: the request's own queries run in between. Bounded.
    for (let i = 0; i < 5000; i++) {
      if (finished) return "finished";
      const waiting = await client.query(
        `select count(*)::int as n from pg_locks w where not w.granted and exists (
           select 1 from pg_locks h join pg_class c on c.oid = h.relation join pg_namespace n on n.oid = c.relnamespace
           where h.pid = w.pid and n.nspname = $1)`,
        [db.location],
      );
      if (waiting.rows[0].n > 0) return "blocked";
    }
    throw new Error("the request neither finished nor waited for a lock");
  } finally {
    await client.end();
  }
}

/** Holds `change` open, sends `request`, commits the change once the request finished or waits for it. */
async function race<T>(s: Setup, change: (app: App) => Promise<unknown>, request: () => Promise<T>): Promise<T> {
  const held = holdOpen(s, change);
  await held.made;
  const sent = request();
  await finishedOrBlocked(s.db, sent);
  held.commit();
  await held.done;
  return sent;
}

describe.skipIf(!postgres)("API writes decide on what is committed when they write, on PostgreSQL", () => {
  async function withDatabase(test: (s: Setup) => Promise<void>): Promise<void> {
    const db = await postgres!.create();
    let passed = false;
    try {
      await test(await setup(db));
      passed = true;
    } finally {
      await db.dispose(passed);
    }
  }

  it("withdraw: an invitation accepted meanwhile is not withdrawn", () =>
    withDatabase(async (s) => {
      const id = await invited(s);
      const accept = (app: App) => app.recordNetworkEvent({ at: s.clock.now(), kind: "accepted", account: "alice", prospect: JANE });
      const withdraw = await race(s, accept, () => s.call("POST", `/v1/invitations/${id}/withdraw`));
      expect(withdraw.status).toBe(409);
      expect(withdraw.body.detail).toBe(`invitation ${id} cannot be withdrawn: it was accepted`);
      expect((await s.db.store.getEnrollment(id))?.nextKind).not.toBe("withdraw");
    }));

  it("mark declined: an invitation accepted meanwhile is not closed a second time", () =>
    withDatabase(async (s) => {
      const id = await invited(s);
      const accept = (app: App) => app.recordNetworkEvent({ at: s.clock.now(), kind: "accepted", account: "alice", prospect: JANE });
      const declined = await race(s, accept, () => s.call("POST", "/v1/mark", { person: JANE, outcome: "declined" }));
      expect(declined.body).toMatchObject({ status: "nothing" });
      expect(await s.db.store.getEnrollment(id)).toMatchObject({ endReason: "accepted", acceptedAt: s.clock.now() });
      const alice = await s.db.store.getAccount(1, "alice");
      expect(loadGovernorState(alice!.state)).toMatchObject({ pending: 0, decided: [1] });
    }));

  it("pause: a task skipped meanwhile stays parked with the rest of the campaign", () =>
    withDatabase(async (s) => {
      const claim = await s.call("POST", "/v1/agent/claim", { account: "alice" });
      const skip = (app: App) => app.engine.releaseTask(claim.body.actionId, s.clock.now(), { delay: DAY });
      const paused = await race(s, skip, () => s.call("POST", "/v1/campaigns/q1/pause"));
      expect(paused.body).toEqual({ campaign: { name: "q1", status: "paused" } });
      const enrollments = await s.db.store.listEnrollments(1, {}, { offset: 0, limit: 10 });
      expect(enrollments.rows.map((r) => [r.enrollment.status, r.enrollment.readyAt])).toEqual([
        ["ready", null],
        ["ready", null],
      ]);
    }));
});
