/**
 * Campaign update with actions in flight (engine/update-campaign.ts), on every backend: a task nobody held at a
 * removed step is put back and its person goes on with the next step; a held one at a removed step makes the
 * update a conflict (a dry run still answers); a held one at a kept step finishes and its enrollment goes on in
 * the new document, whose changed text is the one handed out next. The engine's cache sees each version.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { App } from "../../src/app.js";
import type { CampaignDoc } from "../../src/core/model.js";
import { DAY, MINUTE, VirtualClock, parseInstant } from "../../src/core/time.js";
import { storeBackends, type StoreBackend, type TestDatabase } from "../store/backends.js";
import { LaterChannel } from "../support/backend-harness.js";
import { accountDoc, campaignDoc } from "../support/docs.js";
import { prospect } from "../support/harness.js";

const at = (iso: string): number => parseInstant(iso) as number;
const connect = { kind: "connect" as const, after: 0, note: "Hi {{ firstName }}!", noteFallback: "blank" as const, withdrawAfter: 3 * DAY };
const message = (text: string) => ({ kind: "message" as const, after: DAY, text });
const doc = (steps: CampaignDoc["steps"]): CampaignDoc => campaignDoc({ name: "c1", steps });

describe.each(storeBackends())("campaign update with actions in flight on $name", (backend: StoreBackend) => {
  let db: TestDatabase;
  let clock: VirtualClock;
  let app: App;
  beforeEach(async (ctx) => {
    db = await backend.create();
    ctx.onTestFinished(async (done) => db.dispose(done.task.result?.state !== "fail"));
    clock = new VirtualClock(at("2027-03-01T09:00:00Z"));
    app = new App({ store: db.store, channel: new LaterChannel(), clock });
    await app.addAccount(accountDoc());
    await app.createCampaign(doc([{ kind: "visit", after: 0 }, connect, message("First version")]));
  });

  it("puts back an unheld task at a removed step, refuses while a held one is there, and carries a held one at a kept step", async () => {
    const account = (await app.store.getAccount(app.ctx.workspaceId, "alice"))!;
    await app.enroll("c1", [{ prospect: prospect("ann") }]);
    await app.engine.tick(clock.now());
    const [visit] = await app.store.openTasks(account.id);
    expect(visit?.kind).toBe("visit");

    // The visit step goes while Ann's visit is handed out to nobody yet: it is put back, she goes on with connect.
    const out = await app.updateCampaign(doc([connect, message("First version")]));
    expect(out).toMatchObject({ changed: true, campaign: { version: 2 }, enrollments: { total: 1, released: 1, moved: 1 } });
    expect(out.steps.map((s) => s.change)).toEqual(["removed", "same", "same"]);
    expect(await app.store.openTasks(account.id)).toEqual([]);
    const ann = (await app.store.listEnrollments(app.ctx.workspaceId, {}, { offset: 0, limit: 9 })).rows[0]!.enrollment;
    expect(ann).toMatchObject({ status: "ready", step: 0, nextKind: "connect", visitedAt: null });

    // A runner holds her invitation: removing the connect step is refused; a dry run answers.
    clock.set(clock.now() + 10 * MINUTE);
    const invite = await app.engine.claimForRunner(account.id, clock.now(), { by: "runner", until: clock.now() + 10 * MINUTE });
    expect(invite).toMatchObject({ kind: "connect", note: "Hi Jane!" });
    await expect(app.updateCampaign(doc([message("First version")]))).rejects.toMatchObject({ code: "conflict" });
    await expect(app.updateCampaign(doc([message("First version")]), { dryRun: true })).resolves.toMatchObject({ dryRun: true });
    expect((await app.campaign("c1")).version).toBe(2);

    // A visit added before it and a new text: the held invitation finishes at its step's new index.
    const v3 = await app.updateCampaign(doc([{ kind: "visit", after: 0 }, connect, message("Second version {{ firstName }}")]));
    expect(v3).toMatchObject({ campaign: { version: 3 }, enrollments: { moved: 1, released: 0 } });
    expect((await app.engine.recordResult(invite!.actionId, "ok", clock.now())).type).toBe("recorded");
    const invited = (await app.store.getEnrollment(ann.id))!;
    expect(invited).toMatchObject({ status: "invited", step: 2, nextKind: "withdraw", visitedAt: null });
    expect(invited.readyAt! - invited.invitedAt!).toBeGreaterThanOrEqual(3 * DAY);

    // Accepted: the message that goes out is the new text, once.
    await app.recordNetworkEvent({
      at: clock.now() + DAY,
      kind: "accepted",
      account: "alice",
      prospect: "https://www.linkedin.com/in/ann",
    });
    clock.set(clock.now() + 3 * DAY);
    const next = await app.engine.claimForRunner(account.id, clock.now(), { by: "runner", until: clock.now() + 10 * MINUTE });
    expect(next).toMatchObject({ kind: "message", text: "Second version Jane" });
    expect((await app.engine.recordResult(next!.actionId, "ok", clock.now())).type).toBe("recorded");
    expect(await app.store.getEnrollment(ann.id)).toMatchObject({ status: "done", endReason: "completed", messagesSent: 1 });
    expect((await app.store.listCampaignVersions((await app.campaign("c1")).id)).map((v) => v.version)).toEqual([1, 2, 3]);
  });
});
