/**
 * Campaign versions (migration 016) on every backend storeBackends() finds: a campaign starts at version 1 with
 * that version recorded, an update numbers the next one and refuses a stale version, deleting the campaign
 * deletes its versions; and the engine's campaign cache sees an update made through another connection.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { HOUR } from "../../src/core/time.js";
import { CampaignCache } from "../../src/engine/context.js";
import type { Store } from "../../src/store/store.js";
import { campaignDoc } from "../support/docs.js";
import { storeBackends, type TestDatabase } from "./backends.js";
import { seedAccountAndCampaign, T0 } from "./fixtures.js";

describe.each(storeBackends())("campaign versions on $name", (backend) => {
  let db: TestDatabase;
  let store: Store;

  beforeEach(async (ctx) => {
    db = await backend.create();
    store = db.store;
    ctx.onTestFinished(async (done) => db.dispose(done.task.result?.state !== "fail"));
  });

  it("numbers each document and keeps every version; a stale update is refused; delete takes them", async () => {
    const { campaignId } = await seedAccountAndCampaign(store);
    const first = await store.getCampaignById(campaignId);
    expect(first?.version).toBe(1);
    expect(await store.campaignVersion(campaignId)).toBe(1);
    const doc = { ...campaignDoc({ name: "c-alice", account: "alice" }), priority: 3 };
    const row = await store.updateCampaignDoc(campaignId, doc, 2, T0 + HOUR);
    expect(row).toMatchObject({ version: 2, doc: { priority: 3 } });
    await expect(store.updateCampaignDoc(campaignId, doc, 2, T0 + 2 * HOUR)).rejects.toMatchObject({ code: "conflict" });
    const versions = await store.listCampaignVersions(campaignId);
    expect(versions.map((v) => [v.version, v.createdAt, v.doc.priority ?? 1])).toEqual([
      [1, T0, 1],
      [2, T0 + HOUR, 3],
    ]);
    await store.transaction((tx) => tx.deleteCampaignRows(campaignId));
    expect(await store.listCampaignVersions(campaignId)).toEqual([]);
    expect(await store.campaignVersion(campaignId)).toBeNull();
  });

  it("the campaign cache of one connection sees an update written through another", async () => {
    const { campaignId } = await seedAccountAndCampaign(store);
    const cache = new CampaignCache(store);
    expect((await cache.get(campaignId)).version).toBe(1);
    expect((await store.transaction((tx) => cache.get(campaignId, tx))).version).toBe(1);
    const other = await db.openAnother();
    const doc = { ...campaignDoc({ name: "c-alice", account: "alice" }), priority: 5 };
    await other.updateCampaignDoc(campaignId, doc, 2, T0 + HOUR);
    expect((await cache.get(campaignId)).doc.priority).toBe(5);
    await other.updateCampaignDoc(campaignId, { ...doc, priority: 7 }, 3, T0 + 2 * HOUR);
    expect((await store.transaction((tx) => cache.get(campaignId, tx))).doc.priority).toBe(7);
  });
});
