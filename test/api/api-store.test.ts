/**
 * The store queries of the API (store/api-tokens.ts, store/api-metrics.ts) on every backend storeBackends()
 * finds (PostgreSQL when LINKPACE_TEST_PG is set), and the agent protocol end to end on each.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { createApi } from "../../src/api/create-api.js";
import { createToken, hashToken } from "../../src/api/auth.js";
import { VirtualClock, parseInstant } from "../../src/core/time.js";
import type { Store } from "../../src/store/store.js";
import { storeBackends, type TestDatabase } from "../store/backends.js";
import { ACCOUNT, CAMPAIGN, LEADS, T0 } from "./api-harness.js";

describe.each(storeBackends())("API store queries on $name", (backend) => {
  let db: TestDatabase;
  let store: Store;

  beforeEach(async (ctx) => {
    db = await backend.create();
    store = db.store;
    ctx.onTestFinished(async (done) => db.dispose(done.task.result?.state !== "fail"));
  });

  it("creates workspaces with unique names next to the default one", async () => {
    expect(await store.listWorkspaces()).toEqual([{ id: 1, name: "default" }]);
    expect(await store.insertWorkspace("acme")).toEqual({ id: 2, name: "acme" });
    expect(await store.getWorkspace("acme")).toEqual({ id: 2, name: "acme" });
    expect(await store.getWorkspace("nope")).toBeNull();
    await expect(store.insertWorkspace("acme")).rejects.toThrow();
  });

  it("finds a live token by its hash only, and never after it is revoked", async () => {
    const a = await store.insertApiToken({ workspaceId: 1, name: "laptop", hash: hashToken("lp_a"), createdAt: 1000 });
    expect(a).toEqual({ id: 1, workspaceId: 1, name: "laptop", createdAt: 1000, revokedAt: null });
    expect(await store.findApiToken(hashToken("lp_a"))).toEqual(a);
    expect(await store.findApiToken("lp_a")).toBeNull();
    await expect(store.insertApiToken({ workspaceId: 1, name: "again", hash: hashToken("lp_a"), createdAt: 1 })).rejects.toThrow();
    expect(await store.revokeApiToken(a.id, 2000)).toBe(true);
    expect(await store.revokeApiToken(a.id, 3000)).toBe(false);
    expect(await store.revokeApiToken(99, 3000)).toBe(false);
    expect(await store.findApiToken(hashToken("lp_a"))).toBeNull();
    expect(await store.listApiTokens()).toEqual([{ ...a, revokedAt: 2000 }]);
  });

  it("serves the agent protocol and the metrics end to end", async () => {
    const clock = new VirtualClock(parseInstant(T0) as number);
    const { http } = createApi({ store, clock });
    const { token } = await createToken(store, { workspaceId: 1, name: "t", now: clock.now() });
    const call = async (method: string, path: string, body?: unknown, type = "application/json") => {
      const res = await http.request(path, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": type },
        ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, text, body: text.startsWith("{") ? JSON.parse(text) : null };
    };
    expect((await call("POST", "/v1/accounts", ACCOUNT)).status).toBe(201);
    expect((await call("POST", "/v1/campaigns", CAMPAIGN)).status).toBe(201);
    expect((await call("POST", "/v1/prospects/import?campaign=q1", LEADS, "text/csv")).body.enrolled).toBe(2);
    const claim = await call("POST", "/v1/agent/claim", { account: "alice" });
    expect(claim.body).toMatchObject({ actionId: 1, kind: "connect", reconcile: false });
    clock.advance(11 * 60_000);
    expect((await call("POST", "/v1/agent/claim", { account: "alice", agent: "other" })).body).toMatchObject({
      actionId: 1,
      reconcile: true,
    });
    expect((await call("POST", "/v1/agent/report", { actionId: 1, result: "ok" })).body).toEqual({
      actionId: 1,
      result: "ok",
      duplicate: false,
    });
    expect((await call("POST", "/v1/agent/report", { actionId: 1, result: "ok" })).body.duplicate).toBe(true);
    expect((await call("POST", "/v1/agent/report", { actionId: 1, result: "restricted" })).status).toBe(409);
    const metrics = await call("GET", "/metrics");
    expect(metrics.text).toContain('linkpace_actions_total{kind="connect",result="ok"} 1');
    expect(metrics.text).toContain('linkpace_queue_depth{state="in_flight"} 0');
    expect(await store.queueDepth(1, clock.now() + 86_400_000)).toEqual({ due: 1, inFlight: 0 });
    expect(await store.actionCounts(2)).toEqual([]);
  });
});
