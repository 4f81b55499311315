/** Starting and stopping a sitting through the API, and the runner routes it opens for a `sittings` account. */
import { describe, expect, test } from "vitest";
import { MINUTE } from "../../src/core/time.js";
import { ACCOUNT, apiHarness, CAMPAIGN, LEADS } from "./api-harness.js";

async function setup() {
  const h = await apiHarness();
  const a = (method: string, path: string, body?: unknown) => h.call(h.tokenA, method, path, body);
  expect((await a("POST", "/v1/accounts", { ...ACCOUNT, pacing: "sittings", limits: { minGap: "1m", sittingGap: "30s" } })).status).toBe(
    201,
  );
  expect((await a("POST", "/v1/campaigns", CAMPAIGN)).status).toBe(201);
  expect((await h.call(h.tokenA, "POST", "/v1/prospects/import?campaign=q1", LEADS, { "content-type": "text/csv" })).status).toBe(200);
  return { h, a };
}

describe("/v1/accounts/{name}/sitting", () => {
  test("the account document keeps pacing and sittingGap", async () => {
    const { a } = await setup();
    const got = await a("GET", "/v1/accounts/alice");
    expect(got.body.account).toMatchObject({ pacing: "sittings", limits: { sittingGap: "30s", minGap: "1m" } });
    const bad = await a("POST", "/v1/accounts", { ...ACCOUNT, name: "bob", pacing: "bursts" });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain("pacing");
  });

  test("a sittings account hands out its tasks only while a sitting is open", async () => {
    const { h, a } = await setup();
    const waiting = await a("POST", "/v1/tasks/next", { account: "alice" });
    expect(waiting.body).toMatchObject({ type: "wait", reason: expect.stringContaining("sitting") });

    const started = await a("POST", "/v1/accounts/alice/sitting", { minutes: 20 });
    expect(started.status).toBe(200);
    expect(started.body).toEqual({ account: "alice", sitting: { from: "2027-03-01T08:00:00Z", until: "2027-03-01T08:20:00Z" } });
    const overview = await a("GET", "/v1/tasks");
    expect(overview.body.accounts[0]).toMatchObject({ pacing: "sittings", sitting: started.body.sitting });

    const first = await a("POST", "/v1/tasks/next", { account: "alice" });
    expect(first.body.type).toBe("task");
    expect((await a("POST", `/v1/tasks/${first.body.task.actionId}/report`, { key: "d" })).status).toBe(200);
    h.clock.advance(MINUTE);
    const second = await a("POST", "/v1/tasks/next", { account: "alice" });
    expect(second.body.type).toBe("task"); // back to back: no drip pacing, only the sitting gap

    const stopped = await a("DELETE", "/v1/accounts/alice/sitting");
    expect(stopped.body).toEqual({ account: "alice", sitting: null });
    expect((await a("GET", "/v1/tasks")).body.accounts[0].sitting).toBeNull();
  });

  test("a sitting without a body lasts 30 minutes; bad lengths and unknown accounts are refused", async () => {
    const { h, a } = await setup();
    const started = await h.call(h.tokenA, "POST", "/v1/accounts/alice/sitting");
    expect(started.status).toBe(200);
    expect(started.body.sitting.until).toBe("2027-03-01T08:30:00Z");
    expect((await a("POST", "/v1/accounts/alice/sitting", { minutes: 0 })).status).toBe(422);
    expect((await a("POST", "/v1/accounts/alice/sitting", { minutes: 30, extra: 1 })).status).toBe(422);
    expect((await a("POST", "/v1/accounts/nobody/sitting", {})).status).toBe(404);
    expect((await h.call(h.tokenB, "POST", "/v1/accounts/alice/sitting", {})).status).toBe(404);
  });
});
