/**
 * The Store contract for replies (store/replies.ts, migration 012) on every backend storeBackends() finds
 * (PostgreSQL when LINKPACE_TEST_PG is set): one row per reply however often it is learned, a text filled in
 * but never replaced, the handled flag, the listing's filters and pages, and the copy of replies logged before
 * the migration.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { HOUR } from "../../src/core/time.js";
import { DEFAULT_WORKSPACE, type NewReply, type Store } from "../../src/store/store.js";
import { storeBackends, type StoreBackend, type TestDatabase } from "./backends.js";
import { newEnrollment, newLog, seedAccountAndCampaign, seedPeople, T0 } from "./fixtures.js";

/** Runs SQL on the test database directly (to make it look as it did before migration 012). */
async function raw(backend: StoreBackend, db: TestDatabase, statement: string): Promise<void> {
  if (backend.name === "sqlite") {
    const conn = new Database(db.location);
    conn.exec(statement);
    conn.close();
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

describe.each(storeBackends())("replies on $name", (backend) => {
  let db: TestDatabase;
  let store: Store;

  beforeEach(async (ctx) => {
    db = await backend.create();
    store = db.store;
    ctx.onTestFinished(async (done) => db.dispose(done.task.result?.state !== "fail"));
  });

  const reply = (ids: { accountId: number; personId: number; campaignId: number | null }, over: Partial<NewReply> = {}): NewReply => ({
    workspaceId: DEFAULT_WORKSPACE,
    enrollmentId: null,
    logId: null,
    at: T0,
    text: null,
    recordedAt: T0 + HOUR,
    ...ids,
    ...over,
  });

  it("keeps one row per reply: learning it again fills in a missing text, never replaces one", async () => {
    const { accountId, campaignId } = await seedAccountAndCampaign(store);
    const [personId] = (await seedPeople(store, 1)) as [number];
    const first = await store.recordReply(reply({ accountId, personId, campaignId }));
    expect(first.created).toBe(true);
    expect(first.reply).toMatchObject({ accountId, personId, campaignId, at: T0, text: null, handledAt: null, recordedAt: T0 + HOUR });
    const again = await store.recordReply(reply({ accountId, personId, campaignId }, { text: "Sounds good, call me" }));
    expect(again).toEqual({ created: false, reply: { ...first.reply, text: "Sounds good, call me" } });
    const third = await store.recordReply(reply({ accountId, personId, campaignId }, { text: "something else" }));
    expect(third.reply.text).toBe("Sounds good, call me");
    expect(await store.fillReplyText(first.reply.id, "other")).toBe(false);
    const later = await store.recordReply(reply({ accountId, personId, campaignId }, { at: T0 + 2 * HOUR }));
    expect(later.created).toBe(true);
    expect((await store.listReplies(DEFAULT_WORKSPACE, {}, { offset: 0, limit: 10 })).total).toBe(2);
    expect((await store.latestReply(accountId, personId))?.id).toBe(later.reply.id);
    expect((await store.findReply(accountId, personId, T0))?.text).toBe("Sounds good, call me");
    expect(await store.findReply(accountId, personId, T0 + 1)).toBeNull();
  });

  it("lists replies newest first with names, filtered by account, campaign and handled, a page at a time", async () => {
    const alice = await seedAccountAndCampaign(store, "alice");
    const bob = await seedAccountAndCampaign(store, "bob");
    const people = await seedPeople(store, 3);
    const ids: number[] = [];
    for (const [i, personId] of people.entries()) {
      const owner = i === 2 ? bob : alice;
      ids.push((await store.recordReply(reply({ ...owner, personId }, { at: T0 + i * HOUR, text: `reply ${i}` }))).reply.id);
    }
    const all = await store.listReplies(DEFAULT_WORKSPACE, {}, { offset: 0, limit: 2 });
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => r.text)).toEqual(["reply 2", "reply 1"]);
    expect(all.rows[0]).toMatchObject({
      accountName: "bob",
      campaignName: "c-bob",
      person: { displayUrl: "https://www.linkedin.com/in/p2", firstName: "p2" },
    });
    expect((await store.listReplies(DEFAULT_WORKSPACE, {}, { offset: 2, limit: 2 })).rows.map((r) => r.text)).toEqual(["reply 0"]);
    expect((await store.listReplies(DEFAULT_WORKSPACE, { accountId: alice.accountId }, { offset: 0, limit: 9 })).total).toBe(2);
    expect((await store.listReplies(DEFAULT_WORKSPACE, { campaignId: bob.campaignId }, { offset: 0, limit: 9 })).total).toBe(1);

    expect(await store.setReplyHandled(DEFAULT_WORKSPACE, ids[0] as number, T0 + 5 * HOUR)).toBe(true);
    expect(await store.setReplyHandled(DEFAULT_WORKSPACE + 1, ids[1] as number, T0)).toBe(false);
    expect(await store.setReplyHandled(DEFAULT_WORKSPACE, 9999, T0)).toBe(false);
    const handled = await store.listReplies(DEFAULT_WORKSPACE, { handled: true }, { offset: 0, limit: 9 });
    expect(handled.rows.map((r) => [r.text, r.handledAt])).toEqual([["reply 0", T0 + 5 * HOUR]]);
    expect((await store.listReplies(DEFAULT_WORKSPACE, { handled: false }, { offset: 0, limit: 9 })).total).toBe(2);
    await store.setReplyHandled(DEFAULT_WORKSPACE, ids[0] as number, null);
    expect((await store.getReply(DEFAULT_WORKSPACE, ids[0] as number))?.handledAt).toBeNull();
    expect(await store.getReply(DEFAULT_WORKSPACE + 1, ids[0] as number)).toBeNull();
  });

  it.skipIf(backend.name === "memory")("migration 012 copies the replies logged before it, once each, as handled", async () => {
    const { accountId, campaignId } = await seedAccountAndCampaign(store);
    const [a, b] = (await seedPeople(store, 2)) as [number, number];
    const [enrollmentId] = (await store.insertEnrollments([newEnrollment({ accountId, campaignId, personId: a })])) as [number];
    const event = { type: "event", kind: "replied", result: null, campaignId } as const;
    const logged = await store.appendLog(newLog(accountId, { ...event, personId: a, enrollmentId, at: T0 + HOUR }));
    await store.appendLog(newLog(accountId, { ...event, personId: a, enrollmentId, at: T0 + HOUR }));
    await store.appendLog(newLog(accountId, { ...event, personId: b, at: T0 + 2 * HOUR }));
    await store.appendLog(newLog(accountId, { type: "event", kind: "accepted", result: null, personId: b, at: T0 }));
    // The later migrations run again too: each is written to run over itself.
    await raw(backend, db, "drop table replies; delete from kysely_migration where name >= '012-replies'");
    const reopened = await db.openAnother();
    const { rows } = await reopened.listReplies(DEFAULT_WORKSPACE, {}, { offset: 0, limit: 9 });
    expect(rows.map((r) => ({ personId: r.personId, at: r.at, logId: r.logId, text: r.text, handledAt: r.handledAt }))).toEqual([
      { personId: b, at: T0 + 2 * HOUR, logId: expect.any(Number), text: null, handledAt: T0 + 2 * HOUR },
      { personId: a, at: T0 + HOUR, logId: logged, text: null, handledAt: T0 + HOUR },
    ]);
    expect(rows[1]).toMatchObject({ enrollmentId, campaignId });
  });
});
