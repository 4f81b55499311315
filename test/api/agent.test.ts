/**
 * The agent protocol and the runner routes: claim with a lease, idempotent report, 204 with Retry-After, and
 * expired leases that wait for reconciliation instead of going back to the queue. The clock is virtual.
 */
import { describe, expect, it } from "vitest";
import { AgentAction, AgentReported } from "../../src/api/routes/agent.js";
import { MINUTE } from "../../src/core/time.js";
import { seeded } from "./api-harness.js";

describe("POST /v1/agent/claim and /v1/agent/report", () => {
  it("hands out the next due action with a lease and an idempotency key, and records its outcome once", async () => {
    const h = await seeded();
    const claim = await h.call(h.tokenA, "POST", "/v1/agent/claim", { account: "alice" });
    expect(claim.status).toBe(200);
    expect(claim.body).toMatchObject({
      kind: "connect",
      account: "alice",
      campaign: "q1",
      note: "Hi Jane!",
      reconcile: false,
      leaseUntil: "2027-03-01T08:10:00Z",
      prospect: { url: "https://www.linkedin.com/in/jane-doe", firstName: "Jane" },
    });
    expect(claim.body.idempotencyKey).toBe(String(claim.body.actionId));
    expect(AgentAction.strict().safeParse(claim.body).error).toBeUndefined(); // the answer is what /openapi.json says
    expect(claim.body.outcomes.map((o: { result: string }) => o.result)).toContain("weekly_limit_reached");

    // Claiming again within the lease gives the same action, lease renewed, not a second one; a retried request
    // cannot be told from an executor that restarted after performing it, so it is to be checked first.
    h.clock.advance(MINUTE);
    const again = await h.call(h.tokenA, "POST", "/v1/agent/claim", { account: "alice" });
    expect(again.body).toMatchObject({ actionId: claim.body.actionId, reconcile: true, leaseUntil: "2027-03-01T08:11:00Z" });

    const report = await h.call(h.tokenA, "POST", "/v1/agent/report", { actionId: claim.body.actionId, result: "ok" });
    expect(report.status).toBe(200);
    expect(report.body).toEqual({ actionId: claim.body.actionId, result: "ok", duplicate: false });
    expect(AgentReported.strict().safeParse(report.body).error).toBeUndefined();
    const twice = await h.call(h.tokenA, "POST", "/v1/agent/report", { actionId: claim.body.actionId, result: "ok" });
    expect(twice.status).toBe(200);
    expect(twice.body).toEqual({ actionId: claim.body.actionId, result: "ok", duplicate: true });
    const different = await h.call(h.tokenA, "POST", "/v1/agent/report", { actionId: claim.body.actionId, result: "profile_unavailable" });
    expect(different.status).toBe(409);
    expect(different.headers.get("content-type")).toBe("application/problem+json");
    expect(different.body.detail).toMatch(/already recorded as ok/);

    const status = await h.call(h.tokenA, "GET", "/v1/status");
    expect(status.body.accounts[0].today.invites.used).toBe(1);
    const sent = await h.call(h.tokenA, "GET", "/v1/invitations");
    expect(sent.body.invitations).toMatchObject([{ name: "Jane Doe", status: "pending", note: "Hi Jane!" }]);
  });

  it("answers 204 with Retry-After and the next time while the governor makes the account wait", async () => {
    const h = await seeded();
    const first = await h.call(h.tokenA, "POST", "/v1/agent/claim", { account: "alice" });
    await h.call(h.tokenA, "POST", "/v1/agent/report", { actionId: first.body.actionId, result: "ok" });
    const wait = await h.call(h.tokenA, "POST", "/v1/agent/claim", { account: "alice" });
    expect(wait.status).toBe(204);
    expect(wait.text).toBe("");
    const retry = Number(wait.headers.get("retry-after"));
    expect(retry).toBeGreaterThanOrEqual(60); // minGap 1m
    const nextAt = Date.parse(wait.headers.get("x-linkpace-next-at")!);
    expect(nextAt).toBeGreaterThan(h.clock.now());
    // Following the hints (the gap, then the day's pacing) reaches the next action without polling in between.
    let next = wait;
    for (let i = 0; i < 5 && next.status === 204; i++) {
      h.clock.set(Date.parse(next.headers.get("x-linkpace-next-at")!));
      next = await h.call(h.tokenA, "POST", "/v1/agent/claim", { account: "alice" });
    }
    expect(next.status).toBe(200);
    expect(next.body.prospect.firstName).toBe("Joe");
  });

  it("never puts an action whose lease ran out back in the queue: the next claim returns it with reconcile: true", async () => {
    const h = await seeded();
    const claim = await h.call(h.tokenA, "POST", "/v1/agent/claim", { account: "alice", agent: "laptop" });
    // Another executor meanwhile: the account's action is held, so it gets nothing (and no second action).
    const other = await h.call(h.tokenA, "POST", "/v1/agent/claim", { account: "alice", agent: "desktop" });
    expect(other.status).toBe(204);
    expect(other.headers.get("x-linkpace-next-at")).toBe("2027-03-01T08:10:00Z");
    // The same executor claiming again within its lease may have restarted after performing it: it checks first.
    const restarted = await h.call(h.tokenA, "POST", "/v1/agent/claim", { account: "alice", agent: "laptop" });
    expect(restarted.body).toMatchObject({ actionId: claim.body.actionId, reconcile: true });

    h.clock.advance(11 * MINUTE); // the lease ran out: performed or not, nobody knows
    const taken = await h.call(h.tokenA, "POST", "/v1/agent/claim", { account: "alice", agent: "desktop" });
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ actionId: claim.body.actionId, reconcile: true });
    const tasks = await h.call(h.tokenA, "GET", "/v1/tasks");
    expect(tasks.body.accounts[0].inProgress).toHaveLength(1);

    // The same executor coming back after its own lease ran out is asked to reconcile too.
    h.clock.advance(11 * MINUTE);
    const back = await h.call(h.tokenA, "POST", "/v1/agent/claim", { account: "alice", agent: "desktop" });
    expect(back.body).toMatchObject({ actionId: claim.body.actionId, reconcile: true });

    // It was done after all: reported late, it counts, and the queue moves on.
    expect((await h.call(h.tokenA, "POST", "/v1/agent/report", { actionId: claim.body.actionId, result: "ok" })).status).toBe(200);
    h.clock.advance(10 * MINUTE);
    const next = await h.call(h.tokenA, "POST", "/v1/agent/claim", { account: "alice", agent: "desktop" });
    expect(next.body).toMatchObject({ reconcile: false, prospect: { firstName: "Joe" } });
    expect(next.body.actionId).not.toBe(claim.body.actionId);
  });

  it("refuses outcomes that do not fit the action and actions it does not know", async () => {
    const h = await seeded();
    const claim = await h.call(h.tokenA, "POST", "/v1/agent/claim", { account: "alice" });
    const wrong = await h.call(h.tokenA, "POST", "/v1/agent/report", { actionId: claim.body.actionId, result: "not_connected" });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toEqual([{ field: "result", message: expect.stringContaining("ok, already_connected") }]);
    const unknown = await h.call(h.tokenA, "POST", "/v1/agent/report", { actionId: 999, result: "ok" });
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors).toEqual([{ field: "actionId", message: "unknown action" }]);
    const account = await h.call(h.tokenA, "POST", "/v1/agent/claim", { account: "bob" });
    expect(account.status).toBe(404);
    expect(account.body.detail).toMatch(/no account named bob \(known: alice\)/);
  });
});

describe("actions the engine loop handed over", () => {
  it("are decided afresh when first claimed: charged when done, and a pause since then applies", async () => {
    const h = await seeded();
    const engine = h.api.pool.get(1).engine;
    await engine.tick(h.clock.now()); // what linkpace serve's loop does when the account is due
    const handed = (await h.call(h.tokenA, "GET", "/v1/tasks")).body.accounts[0].inProgress;
    expect(handed).toMatchObject([{ kind: "connect", since: "2027-03-01T08:00:00Z", heldBy: null }]);

    expect((await h.call(h.tokenA, "POST", "/v1/campaigns/q1/pause")).status).toBe(200);
    const paused = await h.call(h.tokenA, "POST", "/v1/agent/claim", { account: "alice" });
    expect(paused.status).toBe(204);
    expect((await h.call(h.tokenA, "GET", "/v1/tasks")).body.accounts[0].inProgress).toEqual([]);

    await h.call(h.tokenA, "POST", "/v1/campaigns/q1/resume");
    // Taken back only while nobody holds it: once an executor has it, the runner's release changes nothing.
    await engine.tick(h.clock.now());
    const [again] = (await h.call(h.tokenA, "GET", "/v1/tasks")).body.accounts[0].inProgress;
    expect(
      await h.store.takeTask(again.actionId, { by: "agent:x", until: h.clock.now() + MINUTE, now: h.clock.now(), repeat: "restart" }),
    ).not.toBeNull();
    expect(await engine.releaseTask(again.actionId, h.clock.now(), { delay: 0, unheldOnly: true })).toEqual({ type: "held" });
    expect(await engine.releaseTask(again.actionId, h.clock.now(), { delay: 0 })).toEqual({ type: "recorded" });
    await engine.tick(h.clock.now());
    h.clock.advance(3 * 60 * MINUTE);
    const claim = await h.call(h.tokenA, "POST", "/v1/agent/claim", { account: "alice" });
    expect(claim.body).toMatchObject({ kind: "connect", since: "2027-03-01T11:00:00Z", reconcile: false });
    expect(claim.body.actionId).not.toBe(handed[0].actionId);
    await h.call(h.tokenA, "POST", "/v1/agent/report", { actionId: claim.body.actionId, result: "ok" });
    expect((await h.call(h.tokenA, "GET", "/v1/invitations")).body.invitations).toMatchObject([{ sentAt: "2027-03-01T11:00:00Z" }]);
  });
});

describe("the runner routes", () => {
  it("shows the next task, records a key, skips, and says why it waits", async () => {
    const h = await seeded();
    const next = await h.call(h.tokenA, "POST", "/v1/tasks/next", { account: "alice" });
    expect(next.body).toMatchObject({ type: "task", recovered: false, task: { kind: "connect", note: "Hi Jane!" } });
    const id = next.body.task.actionId;
    const badKey = await h.call(h.tokenA, "POST", `/v1/tasks/${id}/report`, { key: "z" });
    expect(badKey.status).toBe(422);
    expect(badKey.body.errors[0].field).toBe("key");
    const done = await h.call(h.tokenA, "POST", `/v1/tasks/${id}/report`, { key: "d" });
    expect(done.body).toEqual({ actionId: id, result: "ok", duplicate: false });
    expect((await h.call(h.tokenA, "POST", `/v1/tasks/${id}/report`, { key: "d" })).body).toEqual({
      actionId: id,
      result: "ok",
      duplicate: true,
    });
    const other = await h.call(h.tokenA, "POST", `/v1/tasks/${id}/report`, { key: "u" });
    expect(other.status).toBe(409);
    expect(other.body.detail).toBe(`task ${id} was already recorded as ok; a different answer cannot replace it`);
    expect((await h.call(h.tokenA, "POST", `/v1/tasks/${id}/skip`)).status).toBe(409);

    const wait = await h.call(h.tokenA, "POST", "/v1/tasks/next", { account: "alice" });
    expect(wait.body).toMatchObject({ type: "wait", reason: "least gap between two actions", paused: null });
    let joe = wait;
    for (let i = 0; i < 5 && joe.body.type === "wait"; i++) {
      h.clock.set(Date.parse(joe.body.until));
      joe = await h.call(h.tokenA, "POST", "/v1/tasks/next", { account: "alice" });
    }
    expect(joe.body.task.prospect.firstName).toBe("Joe");
    const skipped = await h.call(h.tokenA, "POST", `/v1/tasks/${joe.body.task.actionId}/skip`);
    expect(skipped.body).toEqual({ actionId: joe.body.task.actionId, skipped: true, duplicate: false });
    expect((await h.call(h.tokenA, "POST", `/v1/tasks/${joe.body.task.actionId}/report`, { result: "ok" })).status).toBe(409);
    const tasks = await h.call(h.tokenA, "GET", "/v1/tasks?account=alice");
    expect(tasks.body.accounts[0]).toMatchObject({ account: "alice", inProgress: [], dueNow: false });
  });
});
