/**
 * The Store contract for what variants got (store/variants.ts, migration 017), on every backend storeBackends()
 * finds: invitations decided when accepted, withdrawn, ended or pending past the cutoff; a message's reply
 * credited to the last message before it; tallies split by version; winners recorded once.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { DAY, HOUR } from "../../src/core/time.js";
import type { Store } from "../../src/store/store.js";
import { storeBackends, type TestDatabase } from "./backends.js";
import { newEnrollment, newLog, seedAccountAndCampaign, seedPeople, T0 } from "./fixtures.js";

describe.each(storeBackends())("variant tallies on $name", (backend) => {
  let db: TestDatabase;
  let store: Store;

  beforeEach(async (ctx) => {
    db = await backend.create();
    store = db.store;
    ctx.onTestFinished(async (done) => db.dispose(done.task.result?.state !== "fail"));
  });

  it("counts invitations sent, decided and accepted, by variant and version", async () => {
    const ids = await seedAccountAndCampaign(store);
    const people = await seedPeople(store, 6);
    const cases: Array<[string, number, Partial<Parameters<typeof newEnrollment>[1]>, number]> = [
      // variant, version, the enrollment as it is now, sent at
      ["a#1", 1, { status: "invited", acceptedAt: T0 + DAY }, T0], // accepted
      ["a#1", 1, { status: "invited" }, T0], // pending past 21 days
      ["a#1", 2, { status: "invited" }, T0 + 20 * DAY], // pending, not decided yet
      ["b#2", 2, { status: "done", withdrawnAt: T0 + 22 * DAY }, T0 + DAY], // withdrawn
      ["b#2", 2, { status: "done", endReason: "removed" }, T0 + 10 * DAY], // ended otherwise
      ["b#2", 2, { status: "invited", acceptedAt: T0 + 12 * DAY }, T0 + 10 * DAY], // accepted
    ];
    for (const [i, [variant, version, over, at]] of cases.entries()) {
      const [e] = await store.insertEnrollments([newEnrollment({ ...ids, personId: people[i]! }, { invitedAt: at, ...over })]);
      await store.appendLog(
        newLog(ids.accountId, {
          at,
          campaignId: ids.campaignId,
          enrollmentId: e!,
          kind: "connect",
          note: "",
          variant,
          campaignVersion: version,
        }),
      );
    }
    // Not counted: a failed invitation, one without a variant, a visit.
    const [other] = await store.insertEnrollments([newEnrollment({ ...ids, personId: people[0]! }, { status: "done" })]);
    await store.appendLog(
      newLog(ids.accountId, {
        campaignId: ids.campaignId,
        enrollmentId: other!,
        kind: "connect",
        variant: "a#1",
        result: "weekly_limit_reached",
      }),
    );
    await store.appendLog(newLog(ids.accountId, { campaignId: ids.campaignId, enrollmentId: other!, kind: "connect" }));

    const now = T0 + 25 * DAY;
    expect(await store.variantTallies(ids.campaignId, "connect", { now, decideAfter: 21 * DAY })).toEqual([
      { variant: "a#1", version: 1, sent: 2, decided: 2, successes: 1, matured: 2, maturedSuccesses: 1 },
      { variant: "a#1", version: 2, sent: 1, decided: 0, successes: 0, matured: 0, maturedSuccesses: 0 },
      // Sent 24, 15 and 15 days before now: only the first is matured (21 days).
      { variant: "b#2", version: 2, sent: 3, decided: 3, successes: 1, matured: 1, maturedSuccesses: 0 },
    ]);
    expect(await store.variantTallies(ids.campaignId, "message", { now, decideAfter: 14 * DAY })).toEqual([]);
  });

  it("credits a reply to the last message before it; a message is decided by a later one or by time", async () => {
    const ids = await seedAccountAndCampaign(store);
    const [p1, p2, p3] = await seedPeople(store, 3);
    const message = async (enrollmentId: number, variant: string, at: number) =>
      store.appendLog(
        newLog(ids.accountId, { at, campaignId: ids.campaignId, enrollmentId, kind: "message", text: "x", variant, campaignVersion: 1 }),
      );
    // p1: m1 (x), m2 (y), then a reply: y gets it, x is decided by the later message.
    const [e1] = await store.insertEnrollments([newEnrollment({ ...ids, personId: p1! }, { status: "done", repliedAt: T0 + 3 * DAY })]);
    await message(e1!, "x#1", T0);
    await message(e1!, "y#1", T0 + 2 * DAY);
    // p2: m1 (x), a reply, then m2 (y) anyway (stopOnReply off): x gets it, y is undecided yet.
    const [e2] = await store.insertEnrollments([newEnrollment({ ...ids, personId: p2! }, { status: "ready", repliedAt: T0 + HOUR })]);
    await message(e2!, "x#1", T0);
    await message(e2!, "y#1", T0 + 2 * DAY);
    // p3: m1 (x) unanswered for 15 days: decided, no reply.
    const [e3] = await store.insertEnrollments([newEnrollment({ ...ids, personId: p3! }, { status: "ready" })]);
    await message(e3!, "x#1", T0 - 12 * DAY);
    expect(await store.variantTallies(ids.campaignId, "message", { now: T0 + 3 * DAY, decideAfter: 14 * DAY })).toEqual([
      // Only p3's message is 14 days old.
      { variant: "x#1", version: 1, sent: 3, decided: 3, successes: 1, matured: 1, maturedSuccesses: 0 },
      { variant: "y#1", version: 1, sent: 2, decided: 1, successes: 1, matured: 0, maturedSuccesses: 0 },
    ]);
  });

  it("reads the invitations that went through in a span of time, with their zone and whether they were accepted", async () => {
    const ids = await seedAccountAndCampaign(store);
    const people = await seedPeople(store, 3);
    const sent = async (i: number, at: number, over: Partial<Parameters<typeof newEnrollment>[1]>, result = "ok") => {
      const [e] = await store.insertEnrollments([
        newEnrollment({ ...ids, personId: people[i]! }, { status: "invited", invitedAt: at, ...over }),
      ]);
      await store.appendLog(
        newLog(ids.accountId, {
          at,
          campaignId: ids.campaignId,
          enrollmentId: e!,
          kind: "connect",
          note: "",
          prospectTz: "Asia/Tokyo",
          result,
        } as never),
      );
    };
    await sent(0, T0, { acceptedAt: T0 + DAY });
    await sent(1, T0 + HOUR, {});
    await sent(2, T0 + 2 * HOUR, {}, "weekly_limit_reached");
    expect(await store.invitationOutcomes(1, T0, T0 + 3 * HOUR)).toEqual([
      { at: T0, prospectTz: "Asia/Tokyo", accepted: true },
      { at: T0 + HOUR, prospectTz: "Asia/Tokyo", accepted: false },
    ]);
    expect(await store.invitationOutcomes(1, T0 + HOUR, T0 + 3 * HOUR)).toHaveLength(1);
    expect(await store.invitationOutcomes(1, T0, T0)).toEqual([]);
  });

  it("records a campaign's winners once each", async () => {
    const { campaignId } = await seedAccountAndCampaign(store);
    expect(await store.variantWinners(campaignId)).toEqual([]);
    await store.addVariantWinner(campaignId, "b#2", T0);
    await store.addVariantWinner(campaignId, "b#2", T0 + DAY);
    await store.addVariantWinner(campaignId, "a#9", T0 + HOUR);
    expect(await store.variantWinners(campaignId)).toEqual(["b#2", "a#9"]);
  });
});
