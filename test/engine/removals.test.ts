/**
 * Campaign stop and delete, prospects remove, account remove (engine/removals.ts), on every backend: nothing is
 * sent after a stop but the scheduled withdrawals, the event log keeps its invariants, delete waits for what is
 * pending and then leaves no person data of the campaign while the account's budgets stay as they were.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { App } from "../../src/app.js";
import { DAY, MINUTE, VirtualClock, formatInstant, parseInstant } from "../../src/core/time.js";
import { storeBackends, type StoreBackend, type TestDatabase } from "../store/backends.js";
import { accountDoc, campaignDoc } from "../support/docs.js";
import { backendHarness, dumpTables, eventLog, invariantViolations, LaterChannel } from "../support/backend-harness.js";
import { ScriptedChannel, prospect } from "../support/harness.js";

const at = (iso: string): number => parseInstant(iso) as number;
const url = (slug: string): string => `https://www.linkedin.com/in/${slug}`;
// visit, connect a day later (note "Hi {{ firstName }}!", withdrawn after 3 days), message 2 days after acceptance.
const campaign = (name = "c1") =>
  campaignDoc({
    name,
    steps: [
      { kind: "visit", after: 0 },
      { kind: "connect", after: DAY, note: "Hi {{ firstName }}!", noteFallback: "blank", withdrawAfter: 3 * DAY },
      { kind: "message", after: 2 * DAY, text: "Thanks {{ firstName }}" },
    ],
  });

describe.each(storeBackends())("stop, delete and remove on $name", (backend: StoreBackend) => {
  let db: TestDatabase;
  let clock: VirtualClock;
  let channel: ScriptedChannel;
  let app: App;
  let runUntil: (iso: string) => Promise<void>;
  beforeEach(async (ctx) => {
    ({ db, clock, channel, app, runUntil } = await backendHarness(backend, ctx, accountDoc(), [campaign()]));
  });

  const accepted = (slug: string, iso: string) =>
    app.recordNetworkEvent({ at: at(iso), kind: "accepted", account: "alice", prospect: url(slug) });
  const log = () => eventLog(app);

  it("sends nothing after a stop but the scheduled withdrawals, keeps the invariants, and cannot be resumed", async () => {
    const slugs = ["p0", "p1", "p2", "p3", "p4", "p5"];
    await app.enroll(
      "c1",
      slugs.map((s) => ({ prospect: prospect(s, { firstName: `Jane${s}` }) })),
    );
    await runUntil("2027-03-02T12:00:00Z");
    await accepted("p0", "2027-03-02T12:00:00Z");
    await runUntil("2027-03-03T00:00:00Z");
    const before = channel.requests.length;
    expect(channel.requests.filter((r) => r.kind === "connect")).toHaveLength(6);

    const stop = await app.stopCampaign("c1");
    expect(stop.changed).toBe(true);
    expect(stop.campaign.status).toBe("stopped");
    // p0 accepted: nothing pending, ends now; the five others keep their withdrawal, due 3 days after the invitation.
    expect(stop.enrollments.filter((e) => e.outcome === "ended")).toHaveLength(1);
    const withdrawals = stop.enrollments.filter((e) => e.outcome === "withdrawal");
    expect(withdrawals).toHaveLength(5);
    for (const w of withdrawals) expect(w.at).toBeGreaterThanOrEqual(at("2027-03-05T00:00:00Z"));
    await expect(app.setCampaignPaused("c1", false)).rejects.toThrow(/stopped: a stopped campaign cannot be paused or resumed/);
    await expect(app.enroll("c1", [{ prospect: prospect("late") }])).rejects.toThrow(/stopped: nobody can be enrolled/);

    // Accepted after the stop: no message follows; it ends at once.
    await accepted("p1", "2027-03-03T10:00:00Z");
    await runUntil("2027-03-12T00:00:00Z");
    const after = channel.requests.slice(before);
    expect(after.map((r) => r.kind)).toEqual(["withdraw", "withdraw", "withdraw", "withdraw"]);
    expect(after.map((r) => r.prospect.url).sort()).toEqual([url("p2"), url("p3"), url("p4"), url("p5")]);
    const counts = await app.store.enrollmentCounts({ campaignId: stop.campaign.id });
    expect(counts.byEndReason).toEqual({ stopped: 6 });

    expect(invariantViolations(await log(), accountDoc(), [campaign()], at("2027-03-12T00:00:00Z"))).toEqual([]);
  });

  it("refuses to delete while withdrawals are pending, then deletes without a trace of the people, budgets unchanged", async () => {
    await app.enroll("c1", [
      { prospect: prospect("ann", { firstName: "Annabel" }) },
      { prospect: prospect("bob", { firstName: "Roberto" }) },
    ]);
    await runUntil("2027-03-02T18:00:00Z");
    await accepted("ann", "2027-03-02T18:00:00Z");
    await app.recordNetworkEvent({ at: at("2027-03-02T18:30:00Z"), kind: "replied", account: "alice", prospect: url("ann") });
    await expect(app.deleteCampaign("c1")).rejects.toThrow(/c1 is active: only a stopped campaign can be deleted/);
    await app.stopCampaign("c1");
    const refused = app.deleteCampaign("c1");
    await expect(refused).rejects.toThrow(/1 pending invitation still to withdraw \(the last is due 2027-03-05T\d\d:\d\d/);
    await expect(refused).rejects.toMatchObject({ code: "conflict" });

    await runUntil("2027-03-12T00:00:00Z");
    const account = (await app.store.getAccount(app.ctx.workspaceId, "alice"))!;
    const actions = async () =>
      (await app.store.accountActions(account.id, 0, at("2030-01-01T00:00:00Z"))).map((a) => [a.at, a.kind, a.result]);
    const stateBefore = (await app.store.getAccountById(account.id))!.state;
    const actionsBefore = await actions();
    expect(actionsBefore.map((a) => a[1])).toEqual(["visit", "visit", "connect", "connect", "withdraw"]);

    const removed = await app.deleteCampaign("c1");
    expect(removed).toMatchObject({ enrollments: 2, logRows: 7, campaigns: 1, replies: 1 });
    expect((await app.store.getAccountById(account.id))!.state).toEqual(stateBefore);
    expect(await actions()).toEqual(actionsBefore);
    expect(await app.store.listCampaigns(app.ctx.workspaceId)).toEqual([]);
    // The event log and the activity export still read, without campaign or person.
    const entries = await log();
    expect(entries).toHaveLength(7);
    for (const e of entries) expect(e).toMatchObject({ account: "alice", campaign: null, prospect: null });

    const dump = await dumpTables(db, backend.name);
    for (const [table, rows] of Object.entries(dump)) {
      if (table === "persons" || table === "person_identifiers") continue; // people stay (forgetting them is another command)
      expect(rows, table).not.toMatch(/linkedin\.com\/in\/|Annabel|Roberto|"c1"/);
    }
    expect(dump.log).toMatch(/connect/);
  });

  it("removes one prospect: a ready one ends now, an invited one keeps only its withdrawal", async () => {
    await app.enroll("c1", [{ prospect: prospect("ann") }, { prospect: prospect("bob") }]);
    await runUntil("2027-03-02T18:00:00Z");
    await app.enroll("c1", [{ prospect: prospect("cy") }]);
    await expect(app.removeProspect({ person: "not a url" })).rejects.toThrow(/not a LinkedIn profile URL/);
    await expect(app.removeProspect({ person: url("nobody") })).rejects.toMatchObject({ code: "not_found" });
    const cy = await app.removeProspect({ person: url("cy") });
    expect(cy.enrollments).toEqual([expect.objectContaining({ campaign: "c1", outcome: "ended" })]);
    const ann = await app.removeProspect({ person: url("ann"), campaign: "c1" });
    expect(ann.enrollments).toEqual([expect.objectContaining({ outcome: "withdrawal", at: expect.any(Number) })]);
    await expect(app.removeProspect({ person: url("cy") })).rejects.toThrow(/no enrollment in progress/);
    await accepted("bob", "2027-03-03T09:00:00Z");
    const before = channel.requests.length;
    await runUntil("2027-03-12T00:00:00Z");
    // Bob goes on (his message); Ann only gets her withdrawal; Cy nothing.
    expect(channel.requests.slice(before).map((r) => `${r.kind} ${r.prospect.url}`)).toEqual([
      `withdraw ${url("ann")}`,
      `message ${url("bob")}`,
    ]);
    const ids = await app.store.listEnrollments(app.ctx.workspaceId, {}, { offset: 0, limit: 10 });
    const reasons = Object.fromEntries(ids.rows.map((r) => [r.person.displayUrl, r.enrollment.endReason]));
    expect(reasons).toEqual({ [url("ann")]: "removed", [url("bob")]: "completed", [url("cy")]: "removed" });
  });

  it("removes an account only once its campaigns are stopped and nothing is pending", async () => {
    await app.enroll("c1", [{ prospect: prospect("ann") }]);
    await runUntil("2027-03-02T18:00:00Z");
    await expect(app.removeAccount("alice", { stopCampaigns: false })).rejects.toThrow(/campaigns that are not stopped: c1 \(active\)/);
    await expect(app.removeAccount("alice", { stopCampaigns: true })).rejects.toThrow(
      /stopped its campaigns c1, but account alice cannot be removed yet: 1 pending invitation still to withdraw/,
    );
    expect((await app.campaign("c1")).status).toBe("stopped");
    await runUntil("2027-03-12T00:00:00Z");
    const out = await app.removeAccount("alice", { stopCampaigns: false });
    expect(out).toMatchObject({ stopped: [], removed: { campaigns: 1, enrollments: 1 } });
    expect(await app.store.listAccounts(app.ctx.workspaceId)).toEqual([]);
    expect(await log()).toEqual([]);
  });

  it("puts back a task nobody held, and lets a held one finish before its enrollment ends", async () => {
    const later = new App({ store: db.store, channel: new LaterChannel(), clock });
    await later.enroll("c1", [{ prospect: prospect("ann") }, { prospect: prospect("bob") }]);
    clock.set(at("2027-03-01T09:00:00Z"));
    await later.engine.tick(clock.now());
    const account = (await later.store.getAccount(later.ctx.workspaceId, "alice"))!;
    const [unheld] = await later.store.openTasks(account.id);
    expect(unheld).toBeDefined();
    const stop = await later.stopCampaign("c1");
    expect(stop.released).toBe(1);
    expect(stop.enrollments.map((e) => e.outcome)).toEqual(["ended", "ended"]);
    expect(await later.store.openTasks(account.id)).toEqual([]);
    await expect(later.deleteCampaign("c1")).resolves.toMatchObject({ enrollments: 2, logRows: 0 });

    await later.createCampaign(campaign("c2"));
    await later.enroll("c2", [{ prospect: prospect("cy") }]);
    clock.set(clock.now() + 10 * MINUTE);
    const request = await later.engine.claimForRunner(account.id, clock.now(), { by: "runner", until: clock.now() + 10 * MINUTE });
    expect(request?.kind).toBe("visit");
    const held = await later.stopCampaign("c2");
    expect(held).toMatchObject({ released: 0, enrollments: [expect.objectContaining({ outcome: "task" })] });
    await expect(later.deleteCampaign("c2")).rejects.toThrow(/1 task still open/);
    expect((await later.engine.recordResult(request!.actionId, "ok", clock.now())).type).toBe("recorded");
    const e = await later.store.getEnrollment(held.enrollments[0]!.enrollmentId);
    expect(e).toMatchObject({ status: "done", endReason: "stopped", visitedAt: clock.now() });
    await expect(later.deleteCampaign("c2")).resolves.toMatchObject({ enrollments: 1, logRows: 1 });
    expect(formatInstant(clock.now())).toMatch(/^2027-03-01/);
  });
});
