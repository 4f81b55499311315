/**
 * Answers for an action that was put back without a result (skipped by its owner, or never taken by anyone),
 * one after the other: its log row is gone, but a report for it is a 409 that says so on every route that takes
 * answers, a second skip is a duplicate, and nothing is charged. An id never handed out in this workspace,
 * another workspace's skipped action included, stays a 404.
 */
import { describe, expect, it } from "vitest";
import { createToken } from "../../src/api/auth.js";
import { createApi } from "../../src/api/create-api.js";
import { loadGovernorState } from "../../src/core/governor/index.js";
import { MINUTE, VirtualClock, parseInstant } from "../../src/core/time.js";
import { storeBackends, type TestDatabase } from "../store/backends.js";
import { ACCOUNT, CAMPAIGN, LEADS, T0 } from "./api-harness.js";

/** An API on the test's database, alice, q1 and the LEADS imported in workspace 1 (token), and a caller. */
async function seededApi(db: TestDatabase) {
  const clock = new VirtualClock(parseInstant(T0) as number);
  const api = createApi({ store: db.store, clock, rateLimit: { burst: 100_000, perSecond: 100_000 } });
  const { token } = await createToken(db.store, { workspaceId: 1, name: "a", now: clock.now() });
  const call = async (tok: string, path: string, body?: unknown, type = "application/json") => {
    const payload = body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) };
    const res = await api.http.request(path, {
      method: "POST",
      headers: { authorization: `Bearer ${tok}`, "content-type": type },
      ...payload,
    });
    const text = await res.text();
    return { status: res.status, body: text.startsWith("{") ? JSON.parse(text) : null, text };
  };
  expect((await call(token, "/v1/accounts", ACCOUNT)).status).toBe(201);
  expect((await call(token, "/v1/campaigns", CAMPAIGN)).status).toBe(201);
  expect((await call(token, "/v1/prospects/import?campaign=q1", LEADS, "text/csv")).status).toBe(200);
  return { clock, api, token, call };
}

describe.each(storeBackends())("answers after a skip, on $name", (backend) => {
  it("are 409 naming the skip, a second skip is a duplicate, and another workspace's or an unknown id is 404", async () => {
    const db = await backend.create();
    let passed = false;
    try {
      const { clock, token: tokenA, call } = await seededApi(db);
      const b = await db.store.insertWorkspace("client-b");
      const { token: tokenB } = await createToken(db.store, { workspaceId: b.id, name: "b", now: clock.now() });

      const id = (await call(tokenA, "/v1/agent/claim", { account: "alice" })).body.actionId as number;
      clock.advance(MINUTE);
      expect(await call(tokenA, `/v1/tasks/${id}/skip`)).toMatchObject({
        status: 200,
        body: { actionId: id, skipped: true, duplicate: false },
      });
      clock.advance(MINUTE);
      expect(await call(tokenA, `/v1/tasks/${id}/skip`)).toMatchObject({
        status: 200,
        body: { actionId: id, skipped: true, duplicate: true },
      });
      const skipped = "was skipped at 2027-03-01T08:01:00Z: it will be handed out again as a new action";
      for (const [path, body, what] of [
        ["/v1/agent/report", { actionId: id, result: "ok" }, "action"],
        [`/v1/tasks/${id}/report`, { key: "d" }, "task"],
      ] as const) {
        const late = await call(tokenA, path, body);
        expect(late.status, late.text).toBe(409);
        expect(late.body.detail).toContain(`${what} ${id} ${skipped}`);
      }

      // Unknown here: an id never handed out, and for workspace B, A's skipped action.
      const unknown = id + 1000;
      for (const [tok, action] of [
        [tokenA, unknown],
        [tokenB, id],
        [tokenB, unknown],
      ] as const) {
        for (const [path, body] of [
          ["/v1/agent/report", { actionId: action, result: "ok" }],
          [`/v1/tasks/${action}/report`, { key: "d" }],
          [`/v1/tasks/${action}/skip`, undefined],
        ] as const) {
          const r = await call(tok, path, body);
          expect(r.status, `${path} ${r.text}`).toBe(404);
          expect(r.text).not.toContain("skipped at");
        }
      }

      // Nothing was recorded or charged, and the account's next claim is a new action.
      const alice = (await db.store.listAccounts(1))[0]!;
      expect(await db.store.accountActions(alice.id, 0, clock.now() + MINUTE)).toEqual([]);
      expect(loadGovernorState(alice.state).actionCount).toBe(0);
      expect((await db.store.readNotifications(1, 0, 100)).filter((n) => n.kind === "invite_sent")).toEqual([]);
      const next = await call(tokenA, "/v1/agent/claim", { account: "alice" });
      expect(next.body).toMatchObject({ kind: "connect", reconcile: false });
      expect(next.body.actionId).not.toBe(id);
      passed = true;
    } finally {
      await db.dispose(passed);
    }
  }, 60_000);

  it("are 409 for an action the engine loop handed over and a claim put back, since nobody had taken it", async () => {
    const db = await backend.create();
    let passed = false;
    try {
      const { clock, api, token, call } = await seededApi(db);
      await api.pool.get(1).engine.tick(clock.now()); // what linkpace serve's loop does when the account is due
      const handed = (await db.store.openTasks((await db.store.listAccounts(1))[0]!.id))[0]!.id;
      clock.advance(MINUTE);
      const claim = await call(token, "/v1/agent/claim", { account: "alice" });
      expect(claim.body.actionId).not.toBe(handed);
      const late = await call(token, "/v1/agent/report", { actionId: handed, result: "ok" });
      expect(late.status, late.text).toBe(409);
      expect(late.body.detail).toContain(`action ${handed} was put back unperformed (nobody had taken it) at 2027-03-01T08:01:00Z`);
      passed = true;
    } finally {
      await db.dispose(passed);
    }
  }, 60_000);
});
