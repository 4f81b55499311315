/**
 * The Store contract for the prospects an import refused as unreachable (store/unreachable.ts, migration 006),
 * on every backend storeBackends() finds (PostgreSQL when LINKPACE_TEST_PG is set).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_WORKSPACE, type Store } from "../../src/store/store.js";
import { campaignDoc } from "../support/docs.js";
import { storeBackends, type TestDatabase } from "./backends.js";
import { seedAccountAndCampaign, T0 } from "./fixtures.js";

const URL = (slug: string) => `https://www.linkedin.com/in/${slug}`;

describe.each(storeBackends())("unreachable refusals on $name", (backend) => {
  let db: TestDatabase;
  let store: Store;

  beforeEach(async (ctx) => {
    db = await backend.create();
    store = db.store;
    ctx.onTestFinished(async (done) => db.dispose(done.task.result?.state !== "fail"));
  });

  const refuse = (campaignId: number, slug: string, at = T0) =>
    store.recordUnreachable({ workspaceId: DEFAULT_WORKSPACE, campaignId, prospect: URL(slug), reason: "never", at });

  it("counts each person once per campaign, per account, and forgets those enrolled since", async () => {
    const alice = await seedAccountAndCampaign(store, "alice");
    const bob = await seedAccountAndCampaign(store, "bob");
    const second = await store.insertCampaign({
      workspaceId: DEFAULT_WORKSPACE,
      name: "a-second",
      accountId: alice.accountId,
      doc: campaignDoc({ name: "a-second", account: "alice" }),
      status: "active",
      createdAt: T0,
    });
    await refuse(alice.campaignId, "li-wei");
    await refuse(alice.campaignId, "li-wei", T0 + 1);
    await refuse(alice.campaignId, "chen");
    await refuse(second.id, "li-wei");
    await refuse(bob.campaignId, "sato");
    const counts = await store.unreachableByAccount([alice.accountId, bob.accountId, 99]);
    expect(counts).toEqual(
      new Map([
        [alice.accountId, { "a-second": 1, "c-alice": 2 }],
        [bob.accountId, { "c-bob": 1 }],
        [99, {}],
      ]),
    );
    expect(Object.keys(counts.get(alice.accountId)!)).toEqual(["a-second", "c-alice"]);
    await store.forgetUnreachable(alice.campaignId, [URL("li-wei"), URL("nobody"), URL("li-wei")]);
    expect(await store.unreachableByAccount([alice.accountId])).toEqual(new Map([[alice.accountId, { "a-second": 1, "c-alice": 1 }]]));
    expect(await store.unreachableByAccount([])).toEqual(new Map());
  });
});
