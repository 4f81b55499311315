/**
 * Deferred writes (src/store/postgres/deferred-writes.ts): on PostgreSQL, in a transaction, a write that needs no
 * answer is held and sent with the next statement. What a caller sees must not change on any backend: reads in
 * the transaction see the write, a rollback undoes it, a refused one fails the transaction, and of two writes of
 * one row the later wins. On PostgreSQL the round trips are counted too.
 */
import { afterEach, describe, expect, it } from "vitest";
import { canCarry, heldWrite, HeldWrites, markDeferred, withClauses } from "../../src/store/postgres/deferred-writes.js";
import { statementsSent } from "../../src/store/statement-counter.js";
import type { NotificationKind } from "../../src/core/notifications.js";
import { DEFAULT_WORKSPACE, type NewNotificationRow, type Store } from "../../src/store/store.js";
import { storeBackends, type TestDatabase } from "./backends.js";
import { newEnrollment, newLog, newPerson, seedAccountAndCampaign, T0 } from "./fixtures.js";

const held = (sql: string, parameters: unknown[], table = "enrollments", key: string | number = 1) =>
  heldWrite(markDeferred(sql, table, key), parameters)!;

describe("holding and combining writes", () => {
  it("reads the row a marked write names, and sends unmarked statements now", () => {
    expect(held('update "enrollments" set "step" = $1 where "id" = $2', [2, 7], "enrollments", 7)).toEqual({
      row: "enrollments:7",
      table: "enrollments",
      sql: 'update "enrollments" set "step" = $1 where "id" = $2',
      parameters: [2, 7],
    });
    expect(heldWrite('update "enrollments" set "step" = $1', [1])).toBeNull();
    expect(() => held('update "enrollments" set "status" = \'done\' where "id" = $1', [7])).toThrow(/every value as a parameter/);
  });

  it("puts held writes in front of a statement as WITH clauses, renumbering every parameter", () => {
    const writes = [
      held('update "enrollments" set "step" = $1 where "id" = $2', ["a", "b"]),
      held('insert into "notifications" ("kind", "data") values ($1, $2)', ["c", "d"], "notifications", "new"),
    ];
    expect(withClauses(writes, 'update "accounts" set "wake_at" = $1 where "id" = $2 returning "id"', ["e", "f"])).toEqual({
      sql:
        'with lp_w1 as (update "enrollments" set "step" = $1 where "id" = $2), ' +
        'lp_w2 as (insert into "notifications" ("kind", "data") values ($3, $4)) ' +
        'update "accounts" set "wake_at" = $5 where "id" = $6 returning "id"',
      parameters: ["a", "b", "c", "d", "e", "f"],
    });
  });

  it("lets only a write on other tables carry them, never a read, COMMIT or a statement with a literal", () => {
    const writes = [held('update "enrollments" set "step" = $1 where "id" = $2', [1, 2])];
    expect(canCarry('insert into "log" ("at") values ($1) returning "id"', writes)).toBe(true);
    expect(canCarry('update "accounts" set "wake_at" = $1 where "id" = $2', writes)).toBe(true);
    expect(canCarry('update "enrollments" set "ready_at" = $1 where "id" = $2', writes)).toBe(false);
    expect(canCarry('insert into "log" ("x") select "id" from "enrollments"', writes)).toBe(false);
    expect(canCarry('select * from "accounts" where "id" = $1', writes)).toBe(false);
    expect(canCarry("commit", writes)).toBe(false);
    expect(canCarry('update "accounts" set "doc" = \'$1\' where "id" = $1', writes)).toBe(false);
  });

  it("holds two writes of one row never together (PostgreSQL would not order them), nor two inserts into one table", () => {
    const h = new HeldWrites();
    h.hold(held('update "enrollments" set "step" = $1 where "id" = $2', [1, 5], "enrollments", 5));
    expect(h.canHold(held('update "enrollments" set "step" = $1 where "id" = $2', [2, 6], "enrollments", 6))).toBe(true);
    expect(h.canHold(held('update "enrollments" set "step" = $1 where "id" = $2', [2, 5], "enrollments", 5))).toBe(false);
    h.hold(held('insert into "notifications" ("kind") values ($1)', ["a"], "notifications", "new"));
    expect(h.canHold(held('insert into "notifications" ("kind") values ($1)', ["b"], "notifications", "new"))).toBe(false);
    expect(h.canHold(held('insert into "replies" ("kind") values ($1)', ["b"], "replies", "new"))).toBe(true);
    expect(h.planFor('select 1 from "accounts"', [])).toEqual({
      type: "flush-first",
      flush: {
        sql: 'with lp_w1 as (update "enrollments" set "step" = $1 where "id" = $2), lp_w2 as (insert into "notifications" ("kind") values ($3)) select 1',
        parameters: [1, 5, "a"],
      },
    });
    expect(h.size).toBe(0);
  });
});

describe.each(storeBackends())("deferrable writes in a transaction on $name", (backend) => {
  let db: TestDatabase | null = null;
  let passed = false;
  afterEach(async () => {
    await db?.dispose(passed);
    db = null;
    passed = false;
  });

  async function seed(store: Store): Promise<{ accountId: number; personId: number; enrollmentId: number }> {
    const { accountId, campaignId } = await seedAccountAndCampaign(store);
    const personId = await store.insertPerson(newPerson(), ["https://www.linkedin.com/in/jane-doe"]);
    const [enrollmentId] = await store.insertEnrollments([newEnrollment({ campaignId, accountId, personId })]);
    return { accountId, personId, enrollmentId: enrollmentId as number };
  }

  const notification = (accountId: number, kind: NotificationKind = "invite_sent"): NewNotificationRow => ({
    workspaceId: DEFAULT_WORKSPACE,
    at: T0,
    kind,
    accountId,
    campaignId: null,
    personId: null,
    data: { n: kind },
  });

  it("are seen by the transaction's reads, and the later of two writes of one row wins", async () => {
    db = await backend.create();
    const { accountId, personId, enrollmentId } = await seed(db.store);
    await db.store.transaction(async (tx) => {
      await tx.updateEnrollment(enrollmentId, { step: 1, readyAt: T0 + 1 }, { deferrable: true });
      await tx.appendNotification(notification(accountId));
      await tx.updatePerson(personId, { connected: true, connectedAt: T0 + 2 }, { deferrable: true });
      expect((await tx.getEnrollment(enrollmentId))?.step).toBe(1);
      expect(await tx.getPerson(personId)).toMatchObject({ connected: true, connectedAt: T0 + 2 });
      await tx.updateEnrollment(enrollmentId, { step: 2 }, { deferrable: true });
      await tx.updateEnrollment(enrollmentId, { step: 3 }, { deferrable: true });
      expect((await tx.readNotifications(DEFAULT_WORKSPACE, 0, 10)).map((n) => n.kind)).toEqual(["invite_sent"]);
    });
    expect(await db.store.getEnrollment(enrollmentId)).toMatchObject({ step: 3, readyAt: T0 + 1 });
    passed = true;
  });

  it("are written when the transaction's last statement was one, and undone with it", async () => {
    db = await backend.create();
    const { accountId, enrollmentId } = await seed(db.store);
    await db.store.transaction(async (tx) => {
      await tx.updateEnrollment(enrollmentId, { step: 4 }, { deferrable: true });
      await tx.appendNotification(notification(accountId, "withdrawn"));
      await tx.appendLogDeferrable(newLog(accountId, { at: T0 + 4 }));
    });
    expect((await db.store.getEnrollment(enrollmentId))?.step).toBe(4);
    const undone = db.store.transaction(async (tx) => {
      await tx.updateEnrollment(enrollmentId, { step: 5 }, { deferrable: true });
      await tx.appendNotification(notification(accountId, "invite_sent"));
      await tx.appendLogDeferrable(newLog(accountId, { at: T0 + 5 }));
      throw new Error("changed my mind");
    });
    await expect(undone).rejects.toThrow("changed my mind");
    expect((await db.store.getEnrollment(enrollmentId))?.step).toBe(4);
    expect((await db.store.accountActions(accountId, T0, T0 + 10)).map((a) => a.at)).toEqual([T0 + 4]);
    expect((await db.store.readNotifications(DEFAULT_WORKSPACE, 0, 10)).map((n) => n.kind)).toEqual(["withdrawn"]);
    passed = true;
  });

  it("fail the transaction when one is refused, and nothing of it stays", async () => {
    db = await backend.create();
    const { accountId, enrollmentId } = await seed(db.store);
    const refused = db.store.transaction(async (tx) => {
      await tx.updateEnrollment(enrollmentId, { step: 6 }, { deferrable: true });
      // No such account: the foreign key refuses it (at once, or with the next statement on PostgreSQL).
      await tx.appendNotification(notification(accountId + 1000));
      await tx.appendLog(newLog(accountId));
    });
    await expect(refused).rejects.toThrow(/foreign key/i);
    expect((await db.store.getEnrollment(enrollmentId))?.step).toBe(0);
    expect(await db.store.readNotifications(DEFAULT_WORKSPACE, 0, 10)).toEqual([]);
    passed = true;
  });

  it.runIf(backend.name === "postgres")("travel with the next write: one round trip for four writes", async () => {
    db = await backend.create();
    const { accountId, enrollmentId } = await seed(db.store);
    const before = statementsSent();
    await db.store.transaction(async (tx) => {
      await tx.updateEnrollment(enrollmentId, { step: 7 }, { deferrable: true });
      await tx.appendNotification(notification(accountId));
      await tx.appendLogDeferrable(newLog(accountId, { at: T0 + 7 }));
      await tx.updateAccount(accountId, { wakeAt: T0 + 9 });
    });
    // BEGIN, the account's update carrying the other three, COMMIT.
    expect(statementsSent() - before).toBe(3);
    expect((await db.store.getEnrollment(enrollmentId))?.step).toBe(7);
    expect(await db.store.readNotifications(DEFAULT_WORKSPACE, 0, 10)).toHaveLength(1);
    expect((await db.store.accountActions(accountId, T0, T0 + 10)).map((a) => a.at)).toEqual([T0 + 7]);
    passed = true;
  });
});
