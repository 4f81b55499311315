/**
 * Migration 009 on every backend: a governor state saved before `pendingSince` existed learns when its pending
 * invitations were sent, from the account's enrollments, so they count as not accepted once 21 days old.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { initialGovernorState, loadGovernorState, recentAcceptance } from "../../src/core/governor/index.js";
import { DAY, HOUR } from "../../src/core/time.js";
import type { Store } from "../../src/store/store.js";
import { sqlBackends, type StoreBackend, type TestDatabase } from "./backends.js";
import { newEnrollment, seedAccountAndCampaign, seedPeople, T0 } from "./fixtures.js";

/**
 * Makes the database look as it did before migration 009 (the later ones undone too: each must come after the
 * last one run), so that the next store opened on it runs them.
 */
async function forget009(backend: StoreBackend, db: TestDatabase): Promise<void> {
  const statement = "drop table released_actions; delete from kysely_migration where name >= '009-pending-since'";
  if (backend.name === "sqlite") {
    const raw = new Database(db.location);
    raw.exec(statement);
    raw.close();
    return;
  }
  const client = new pg.Client({ connectionString: process.env.LINKPACE_TEST_PG, options: `-c search_path=${db.location}` });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

describe.each(sqlBackends())("migration 009 (pending invitations' send times) on $name", (backend) => {
  let db: TestDatabase;
  let store: Store;

  beforeEach(async (ctx) => {
    db = await backend.create();
    store = db.store;
    ctx.onTestFinished(async (done) => db.dispose(done.task.result?.state !== "fail"));
  });

  it("reads the send times of the account's pending invitations into a state saved without them", async () => {
    const { accountId, campaignId } = await seedAccountAndCampaign(store);
    const [a, b, c, d, e, f] = await seedPeople(store, 6);
    const invited = (personId: number, at: number, over = {}) =>
      newEnrollment({ campaignId, accountId, personId }, { status: "invited", step: 2, invitedAt: at, ...over });
    await store.insertEnrollments([
      invited(a!, T0 + 2 * HOUR),
      invited(b!, T0),
      invited(c!, T0 + HOUR, { status: "done", repliedAt: T0 + DAY, endReason: "replied" }), // a reply to the note: still pending
      invited(d!, T0, { acceptedAt: T0 + DAY, status: "ready" }),
      invited(e!, T0, { status: "done", endReason: "declined" }),
      invited(f!, T0, { status: "done", withdrawnAt: T0 + DAY, endReason: "withdrawn" }),
    ]);
    const { pendingSince: _, ...legacy } = { ...initialGovernorState(), pending: 3, decided: [1, 0, 0] as Array<0 | 1> };
    await store.updateAccount(accountId, { state: legacy });
    await forget009(backend, db);

    const migrated = loadGovernorState((await (await db.openAnother()).getAccountById(accountId))!.state);
    expect(migrated.pendingSince).toEqual([T0, T0 + HOUR, T0 + 2 * HOUR]);
    expect(recentAcceptance(migrated, T0 + 21 * DAY + 2 * HOUR)).toEqual({ accepted: 1, decided: 6, rate: 1 / 6 });
  });
});
