/**
 * The engine shares an account's invitations among its campaigns (core/governor/fair-share.ts) on every store
 * backend, whether the channel answers inline or a runner takes each task and answers later: the turn is counted
 * when the task is handed out, in the governor state the claim writes.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { App } from "../../src/app.js";
import { loadGovernorState } from "../../src/core/governor/index.js";
import type { CampaignDoc } from "../../src/core/model.js";
import { DAY, MINUTE, VirtualClock, parseInstant } from "../../src/core/time.js";
import { storeBackends, type StoreBackend, type TestDatabase } from "../store/backends.js";
import type { ActionRequest, Channel } from "../../src/channels/channel.js";
import { LaterChannel } from "../support/backend-harness.js";
import { accountDoc, campaignDoc } from "../support/docs.js";
import { ScriptedChannel, prospect } from "../support/harness.js";

const at = (iso: string) => parseInstant(iso) as number;
const invitesOnly = (name: string, over: Partial<CampaignDoc> = {}) =>
  campaignDoc({ name, steps: [{ kind: "connect", after: 0, note: null, noteFallback: "blank", withdrawAfter: 21 * DAY }], ...over });

describe.each(storeBackends())("fair share on $name", (backend: StoreBackend) => {
  let db: TestDatabase;
  let clock: VirtualClock;
  beforeEach(async (ctx) => {
    db = await backend.create();
    ctx.onTestFinished(async (done) => db.dispose(done.task.result?.state !== "fail"));
    clock = new VirtualClock(at("2027-03-01T00:00:00Z"));
  });

  /** An app with campaigns "older" (its prospects enrolled first) and "newer", 30 prospects each. */
  async function setUp(channel: Channel, priorities: [number, number]): Promise<App> {
    const app = new App({ store: db.store, channel, clock });
    await app.addAccount(accountDoc());
    await app.createCampaign(invitesOnly("older", { priority: priorities[0] }));
    await app.createCampaign(invitesOnly("newer", { priority: priorities[1] }));
    for (const name of ["older", "newer"]) {
      await app.enroll(
        name,
        Array.from({ length: 30 }, (_, i) => ({ prospect: prospect(`${name}-${i}`) })),
      );
    }
    return app;
  }

  const campaignOf = (req: ActionRequest) => (req.prospect.url.includes("/in/older-") ? "older" : "newer");

  it("inline: equal priorities take turns through the day, whatever the older campaign's backlog", async () => {
    const channel = new ScriptedChannel();
    const app = await setUp(channel, [1, 1]);
    const end = at("2027-03-02T00:00:00Z");
    for (;;) {
      const wake = await app.engine.nextWakeAt();
      if (wake === null || wake >= end) break;
      clock.set(Math.max(clock.now(), wake));
      await app.engine.tick(clock.now());
    }
    const order = channel.requests.filter((r) => r.kind === "connect").map(campaignOf);
    expect(order.length).toBeGreaterThanOrEqual(10);
    expect(order.slice(0, 6)).toEqual(["older", "newer", "older", "newer", "older", "newer"]);
    const older = order.filter((c) => c === "older").length;
    expect(Math.abs(older - (order.length - older))).toBeLessThanOrEqual(1);
  });

  it("assisted: a runner's tasks go 2:1 by priority, the turn counted when each is handed out", async () => {
    const app = await setUp(new LaterChannel(), [1, 2]);
    const account = (await app.store.getAccount(app.ctx.workspaceId, "alice"))!;
    clock.set(at("2027-03-01T08:00:00Z")); // 09:00 in Paris
    await app.engine.setSitting(account.id, clock.now(), 60 * MINUTE);
    const order: string[] = [];
    while (order.length < 9) {
      const request = await app.engine.claimForRunner(account.id, clock.now(), { by: "runner", until: clock.now() + 10 * MINUTE });
      if (request === null) {
        clock.set(clock.now() + 10_000);
        continue;
      }
      order.push(campaignOf(request));
      // Handed out, not yet answered: the turn is already in the account's state.
      const state = loadGovernorState((await app.store.getAccountById(account.id))!.state);
      expect(Object.keys(state.share.connect?.uses ?? {})).toContain(String((await app.campaign(order.at(-1)!)).id));
      expect((await app.engine.recordResult(request.actionId, "ok", clock.now())).type).toBe("recorded");
    }
    // Both start level: the higher priority first, then the older, then two to one.
    expect(order).toEqual(["newer", "older", "newer", "newer", "older", "newer", "newer", "older", "newer"]);
  });
});
