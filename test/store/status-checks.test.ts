/** The database refuses a status or kind the code does not know (migration 011), on every backend. */
import { beforeEach, describe, expect, it } from "vitest";
import { ENROLLMENT_STATUSES } from "../../src/core/enrollment/transition.js";
import { NETWORK_EVENT_KINDS, STEP_KINDS } from "../../src/core/model.js";
import type { Store } from "../../src/store/store.js";
import { storeBackends, type TestDatabase } from "./backends.js";
import { newEnrollment, newLog, seedAccountAndCampaign, seedPeople } from "./fixtures.js";

describe.each(storeBackends())("status checks on $name", (backend) => {
  let db: TestDatabase;
  let store: Store;
  beforeEach(async (ctx) => {
    db = await backend.create();
    store = db.store;
    ctx.onTestFinished(async (done) => db.dispose(done.task.result?.state !== "fail"));
  });

  it("takes every enrollment status and next kind the code has, and refuses others", async () => {
    const ids = await seedAccountAndCampaign(store);
    const [personId] = await seedPeople(store, 1);
    const [id] = await store.insertEnrollments([newEnrollment({ ...ids, personId: personId as number })]);
    for (const status of ENROLLMENT_STATUSES) await store.updateEnrollment(id as number, { status });
    for (const nextKind of [...STEP_KINDS, null]) await store.updateEnrollment(id as number, { nextKind });
    await expect(store.updateEnrollment(id as number, { status: "paused" as never })).rejects.toThrow(/status/);
    await expect(store.updateEnrollment(id as number, { nextKind: "poke" as never })).rejects.toThrow(/next_kind/);
    const [other] = await seedPeople(store, 1, "q");
    await expect(
      store.insertEnrollments([newEnrollment({ ...ids, personId: other as number }, { status: "bogus" as never })]),
    ).rejects.toThrow();
  });

  it("takes each log kind with its type only", async () => {
    const { accountId } = await seedAccountAndCampaign(store);
    for (const kind of STEP_KINDS) await store.appendLog(newLog(accountId, { kind }));
    for (const kind of NETWORK_EVENT_KINDS) await store.appendLog(newLog(accountId, { type: "event", kind, result: null }));
    await expect(store.appendLog(newLog(accountId, { type: "event", kind: "visit" as never, result: null }))).rejects.toThrow(/kind/);
    await expect(store.appendLog(newLog(accountId, { kind: "accepted" as never }))).rejects.toThrow(/kind/);
  });

  it("takes a campaign's three statuses only (stopped: migration 014)", async () => {
    const { campaignId } = await seedAccountAndCampaign(store);
    await store.setCampaignStatus(campaignId, "paused");
    await store.setCampaignStatus(campaignId, "active");
    await store.setCampaignStatus(campaignId, "stopped");
    expect((await store.getCampaignById(campaignId))?.status).toBe("stopped");
    await expect(store.setCampaignStatus(campaignId, "closed" as never)).rejects.toThrow(/status/);
  });

  it("keeps an enrollment's stop reason (migration 014)", async () => {
    const ids = await seedAccountAndCampaign(store);
    const [personId] = await seedPeople(store, 1);
    const [id] = await store.insertEnrollments([newEnrollment({ ...ids, personId: personId as number }, { status: "invited" })]);
    expect((await store.getEnrollment(id as number))?.stopReason).toBeNull();
    await store.updateEnrollment(id as number, { stopReason: "removed" });
    expect((await store.getEnrollment(id as number))?.stopReason).toBe("removed");
  });
});
