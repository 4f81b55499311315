/**
 * The Store contract: one suite, run against every backend storeBackends() finds (SQLite always, PostgreSQL
 * when LINKPACE_TEST_PG is set). Each test starts from an empty, migrated database, so ids are predictable and
 * the same on both backends.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { LinkpaceError } from "../../src/core/errors.js";
import { HOUR, MINUTE } from "../../src/core/time.js";
import { DEFAULT_WORKSPACE, type EnrollmentRow, type NewEnrollment, type Store } from "../../src/store/store.js";
import { accountDoc, campaignDoc } from "../support/docs.js";
import { storeBackends, type TestDatabase } from "./backends.js";
import { newEnrollment, newLog, newPerson, seedAccountAndCampaign, seedPeople, T0 } from "./fixtures.js";

const WS = DEFAULT_WORKSPACE;

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
}

async function expectConflict(p: Promise<unknown>, ...fragments: string[]): Promise<void> {
  const e = await rejection(p);
  expect(e).toBeInstanceOf(LinkpaceError);
  expect((e as LinkpaceError).code).toBe("conflict");
  for (const f of fragments) expect((e as LinkpaceError).message).toContain(f);
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe.each(storeBackends())("Store on $name", (backend) => {
  let db: TestDatabase;
  let store: Store;
  const onPostgres = backend.name === "postgres";

  beforeEach(async (ctx) => {
    db = await backend.create();
    store = db.store;
    ctx.onTestFinished(async (done) => db.dispose(done.task.result?.state !== "fail"));
  });

  it("reports its dialect", () => {
    expect(store.dialect).toBe(backend.name);
  });

  describe("accounts", () => {
    it("round-trips an account with Unicode, opaque state and a null wakeAt", async () => {
      const doc = accountDoc({ name: "zoë-日本", timezone: "Asia/Tokyo" });
      const state = { inviteTimes: [T0, T0 + 1], note: "ünïcödé ✓", nested: { a: null } };
      const row = await store.insertAccount({ workspaceId: WS, name: "zoë-日本", doc, state, wakeAt: null, createdAt: T0 });
      expect(row).toEqual({ id: 1, workspaceId: WS, name: "zoë-日本", doc, state, wakeAt: null, createdAt: T0 });
      expect(await store.getAccount(WS, "zoë-日本")).toEqual(row);
      expect(await store.getAccountById(1)).toEqual(row);
      expect(await store.getAccount(WS, "zoe")).toBeNull();
      expect(await store.getAccountById(2)).toBeNull();
    });

    it("updates only the fields of the patch", async () => {
      const { accountId } = await seedAccountAndCampaign(store);
      const before = await store.getAccountById(accountId);
      await store.updateAccount(accountId, { wakeAt: T0 + HOUR });
      expect(await store.getAccountById(accountId)).toEqual({ ...before, wakeAt: T0 + HOUR });
      await store.updateAccount(accountId, { state: { pending: 3 } });
      expect(await store.getAccountById(accountId)).toEqual({ ...before, wakeAt: T0 + HOUR, state: { pending: 3 } });
      const doc = accountDoc({ name: "alice", type: "free" });
      await store.updateAccount(accountId, { doc, wakeAt: null });
      expect(await store.getAccountById(accountId)).toEqual({ ...before, doc, state: { pending: 3 }, wakeAt: null });
      await store.updateAccount(accountId, {});
      expect((await store.getAccountById(accountId))?.state).toEqual({ pending: 3 });
    });

    it("refuses a second account of the same name in a workspace, naming it, without spending an id", async () => {
      await seedAccountAndCampaign(store, "alice");
      await store.transaction(async (tx) => {
        const doc = accountDoc({ name: "alice" });
        await expectConflict(
          tx.insertAccount({ workspaceId: WS, name: "alice", doc, state: null, wakeAt: null, createdAt: T0 }),
          "alice",
          "already exists",
        );
        // The transaction is still usable on both backends, and no id was spent.
        const bob = await tx.insertAccount({
          workspaceId: WS,
          name: "bob",
          doc: accountDoc({ name: "bob" }),
          state: null,
          wakeAt: null,
          createdAt: T0,
        });
        expect(bob.id).toBe(2);
      });
      expect((await store.listAccounts(WS)).map((a) => a.name)).toEqual(["alice", "bob"]);
    });

    it("lists accounts of a workspace by id", async () => {
      for (const name of ["carol", "alice", "bob"]) await seedAccountAndCampaign(store, name);
      expect((await store.listAccounts(WS)).map((a) => [a.id, a.name])).toEqual([
        [1, "carol"],
        [2, "alice"],
        [3, "bob"],
      ]);
      expect(await store.listAccounts(WS + 1)).toEqual([]);
    });

    it("claims the due account with the smallest (wakeAt, id) and knows the next wake", async () => {
      expect(await store.nextWakeAt()).toBeNull();
      const wakes = { a: T0 + 10, b: T0 + 5, c: T0 + 5, d: null, e: T0 + 100 };
      for (const [name, wakeAt] of Object.entries(wakes)) {
        const { accountId } = await seedAccountAndCampaign(store, name);
        await store.updateAccount(accountId, { wakeAt });
      }
      expect(await store.nextWakeAt()).toBe(T0 + 5);
      expect(await store.transaction((tx) => tx.claimDueAccount(T0 + 4))).toBeNull();
      expect((await store.transaction((tx) => tx.claimDueAccount(T0 + 5)))?.name).toBe("b");
      expect((await store.transaction((tx) => tx.claimDueAccount(T0 + 1000)))?.name).toBe("b");
      await store.updateAccount(2, { wakeAt: T0 + 50 });
      expect((await store.transaction((tx) => tx.claimDueAccount(T0 + 1000)))?.name).toBe("c");
      expect((await store.transaction((tx) => tx.claimDueAccount(T0 + 10)))?.name).toBe("c");
    });

    it("sets an account's state and wake and returns the next wake of all accounts, in one call", async () => {
      const ids: number[] = [];
      for (const [name, wakeAt] of [
        ["a", T0 + 10],
        ["b", T0 + 20],
        ["c", null],
      ] as const) {
        const { accountId } = await seedAccountAndCampaign(store, name);
        await store.updateAccount(accountId, { wakeAt });
        ids.push(accountId);
      }
      const [a, b, c] = ids as [number, number, number];
      // Its own earlier wake counts, and so do the others'.
      expect(await store.setAccountWake(b, { n: 1 }, T0 + 5)).toBe(T0 + 5);
      expect(await store.getAccountById(b)).toMatchObject({ state: { n: 1 }, wakeAt: T0 + 5 });
      expect(await store.setAccountWake(b, { n: 2 }, T0 + 30)).toBe(T0 + 10);
      // Its own old wake does not: only the one just set.
      expect(await store.transaction((tx) => tx.setAccountWake(a, { n: 3 }, null))).toBe(T0 + 30);
      expect(await store.getAccountById(a)).toMatchObject({ state: { n: 3 }, wakeAt: null });
      expect(await store.setAccountWake(b, { n: 4 }, null)).toBeNull();
      expect(await store.nextWakeAt()).toBeNull();
      expect(await store.setAccountWake(c, { n: 5 }, T0 + 7)).toBe(T0 + 7);
      expect(await store.nextWakeAt()).toBe(T0 + 7);
      expect(((await rejection(store.setAccountWake(99, {}, T0))) as LinkpaceError).code).toBe("not_found");
    });

    it("locks an account by id, and says when there is none", async () => {
      const { accountId } = await seedAccountAndCampaign(store);
      const locked = await store.transaction((tx) => tx.lockAccount(accountId));
      expect(locked).toEqual(await store.getAccountById(accountId));
      const e = await rejection(store.transaction((tx) => tx.lockAccount(99)));
      expect(e).toBeInstanceOf(LinkpaceError);
      expect((e as LinkpaceError).code).toBe("not_found");
    });

    it.runIf(onPostgres)("gives two concurrent transactions two different due accounts", async () => {
      for (const [name, wakeAt] of [
        ["a", T0],
        ["b", T0 + 1],
        ["c", T0 + 2],
      ] as const) {
        const { accountId } = await seedAccountAndCampaign(store, name);
        await store.updateAccount(accountId, { wakeAt });
      }
      const other = await db.openAnother();
      const firstClaimed = deferred();
      const release = deferred();
      const first = store.transaction(async (tx) => {
        const claimed = await tx.claimDueAccount(T0 + 10);
        firstClaimed.resolve();
        await release.promise;
        return claimed?.name;
      });
      await firstClaimed.promise;
      const second = await other.transaction(async (tx) => (await tx.claimDueAccount(T0 + 10))?.name);
      release.resolve();
      expect([await first, second]).toEqual(["a", "b"]);
      // Once the first transaction has ended, its account can be claimed again.
      expect(await other.transaction(async (tx) => (await tx.claimDueAccount(T0 + 10))?.name)).toBe("a");
    });

    it.runIf(onPostgres)("makes lockAccount wait for the transaction that holds the account", async () => {
      const { accountId } = await seedAccountAndCampaign(store);
      await store.updateAccount(accountId, { state: { n: 0 } });
      const other = await db.openAnother();
      const locked = deferred();
      const release = deferred();
      const first = store.transaction(async (tx) => {
        await tx.lockAccount(accountId);
        locked.resolve();
        await release.promise;
        await tx.updateAccount(accountId, { state: { n: 1 } });
      });
      await locked.promise;
      const second = other.transaction(async (tx) => {
        const seen = (await tx.lockAccount(accountId)).state;
        await tx.updateAccount(accountId, { state: { n: 2 } });
        return seen;
      });
      await waitForLockWaiter();
      release.resolve();
      await first;
      // The second transaction read the account only after the first had committed.
      expect(await second).toEqual({ n: 1 });
      expect((await store.getAccountById(accountId))?.state).toEqual({ n: 2 });
    });
  });

  describe("campaigns", () => {
    it("round-trips campaigns, lists them by id and changes their status", async () => {
      const { accountId } = await seedAccountAndCampaign(store, "alice");
      const doc = campaignDoc({ name: "fondateurs-été ☀", account: "alice" });
      const row = await store.insertCampaign({ workspaceId: WS, name: doc.name, accountId, doc, status: "paused", createdAt: T0 + 1 });
      expect(row).toEqual({ id: 2, workspaceId: WS, name: doc.name, accountId, doc, status: "paused", createdAt: T0 + 1, version: 1 });
      expect(await store.getCampaign(WS, doc.name)).toEqual(row);
      expect(await store.getCampaignById(2)).toEqual(row);
      expect(await store.getCampaign(WS, "nope")).toBeNull();
      expect(await store.getCampaignById(3)).toBeNull();
      await store.setCampaignStatus(2, "active");
      expect((await store.getCampaignById(2))?.status).toBe("active");
      expect((await store.listCampaigns(WS)).map((c) => [c.id, c.name])).toEqual([
        [1, "c-alice"],
        [2, doc.name],
      ]);
    });

    it("refuses a second campaign of the same name in a workspace", async () => {
      const { accountId } = await seedAccountAndCampaign(store, "alice");
      const doc = campaignDoc({ name: "c-alice" });
      await expectConflict(
        store.insertCampaign({ workspaceId: WS, name: "c-alice", accountId, doc, status: "active", createdAt: T0 }),
        "c-alice",
      );
    });
  });

  describe("people", () => {
    it("round-trips a person with nulls, Unicode and custom fields", async () => {
      const bare = newPerson({
        displayUrl: "https://www.linkedin.com/in/müller-😀",
        firstName: "Jürgen",
        lastName: "Müller 李",
        timezone: null,
        zoneSource: null,
      });
      const full = newPerson({
        displayUrl: "https://www.linkedin.com/in/full",
        fullName: "李伟",
        custom: { Größe: "groß", emoji: "🚀", empty: "" },
        memberId: "ACoAAB123",
        connectedAt: T0 + 1,
        connected: true,
        lastWithdrawnAt: T0 + 2,
        zoneSource: "metro",
      });
      const a = await store.insertPerson(bare, [bare.displayUrl]);
      const b = await store.insertPerson(full, [full.displayUrl]);
      expect([a, b]).toEqual([1, 2]);
      expect(await store.getPerson(a)).toEqual({ id: 1, ...bare });
      expect(await store.getPerson(b)).toEqual({ id: 2, ...full });
      expect(await store.getPerson(3)).toBeNull();
    });

    it("finds people by any of their identifiers, in long lists too", async () => {
      const id = await store.insertPerson(newPerson(), ["https://www.linkedin.com/in/jane-doe", "https://www.linkedin.com/sales/lead/XYZ"]);
      const other = await store.insertPerson(newPerson({ displayUrl: "https://www.linkedin.com/in/other" }), [
        "https://www.linkedin.com/in/other",
      ]);
      const unknown = Array.from({ length: 1200 }, (_, i) => `https://www.linkedin.com/in/unknown-${i}`);
      const found = await store.findPersonIds(WS, [
        ...unknown.slice(0, 700),
        "https://www.linkedin.com/sales/lead/XYZ",
        ...unknown.slice(700),
        "https://www.linkedin.com/in/other",
      ]);
      expect(found).toEqual(
        new Map([
          ["https://www.linkedin.com/sales/lead/XYZ", id],
          ["https://www.linkedin.com/in/other", other],
        ]),
      );
      expect(await store.findPersonIds(WS, [])).toEqual(new Map());
      expect(await store.findPersonIds(WS + 1, ["https://www.linkedin.com/in/other"])).toEqual(new Map());
    });

    it("refuses a person whose identifier is known, naming it, writing nothing and spending no id", async () => {
      await store.insertPerson(newPerson(), ["https://www.linkedin.com/in/jane-doe", "https://lnkd.in/abc"]);
      await store.transaction(async (tx) => {
        await expectConflict(
          tx.insertPerson(newPerson({ displayUrl: "https://www.linkedin.com/in/jane-2" }), [
            "https://www.linkedin.com/in/jane-2",
            "https://lnkd.in/abc",
          ]),
          "https://lnkd.in/abc",
          "person 1",
        );
        // Still usable (PostgreSQL too), and the refused person took no id.
        expect(await tx.insertPerson(newPerson({ displayUrl: "https://www.linkedin.com/in/x" }), ["https://www.linkedin.com/in/x"])).toBe(
          2,
        );
      });
      expect(await store.findPersonIds(WS, ["https://www.linkedin.com/in/jane-2"])).toEqual(new Map());
      expect(await store.getPerson(3)).toBeNull();
    });

    it("inserts a person with many identifiers", async () => {
      const urls = Array.from({ length: 12 }, (_, i) => `https://lnkd.in/many-${i}`);
      const id = await store.insertPerson(newPerson({ displayUrl: urls[0] as string }), urls);
      expect(await store.findPersonIds(WS, urls)).toEqual(new Map(urls.map((u) => [u, id])));
      await expectConflict(store.insertPerson(newPerson(), ["https://lnkd.in/new", ...urls.slice(3)]), "https://lnkd.in/many-");
    });

    it("accepts repeated identifiers in one insert, and a person without identifiers", async () => {
      const url = "https://www.linkedin.com/in/jane-doe";
      const id = await store.insertPerson(newPerson(), [url, url]);
      expect(await store.findPersonIds(WS, [url])).toEqual(new Map([[url, id]]));
      expect(await store.insertPerson(newPerson({ displayUrl: "https://lnkd.in/x" }), [])).toBe(2);
    });

    it("adds new identifiers and leaves known ones with their person", async () => {
      const [jane, john] = await seedPeople(store, 2);
      await store.addIdentifiers(WS, jane as number, ["https://lnkd.in/jane", "https://www.linkedin.com/in/p1", "https://lnkd.in/jane"]);
      const found = await store.findPersonIds(WS, ["https://lnkd.in/jane", "https://www.linkedin.com/in/p1"]);
      expect(found).toEqual(
        new Map([
          ["https://lnkd.in/jane", jane],
          ["https://www.linkedin.com/in/p1", john],
        ]),
      );
      await store.addIdentifiers(WS, jane as number, []);
    });

    it("updates only the fields of the patch", async () => {
      const id = await store.insertPerson(newPerson(), ["https://www.linkedin.com/in/jane-doe"]);
      const before = await store.getPerson(id);
      await store.updatePerson(id, { connected: true, connectedAt: T0 + 5, custom: { clé: "valeur" }, timezone: null });
      expect(await store.getPerson(id)).toEqual({
        ...before,
        connected: true,
        connectedAt: T0 + 5,
        custom: { clé: "valeur" },
        timezone: null,
      });
      await store.updatePerson(id, {});
      await store.updatePerson(id, { connected: false });
      expect((await store.getPerson(id))?.connected).toBe(false);
    });

    it("lists the most recent people first, whole, up to a limit", async () => {
      const ids = await seedPeople(store, 3);
      await store.updatePerson(ids[1] as number, { custom: { team: "Paris" } });
      const recent = await store.recentPeople(WS, 2);
      expect(recent.map((p) => p.id)).toEqual([ids[2], ids[1]]);
      expect(recent[1]).toEqual(await store.getPerson(ids[1] as number));
      expect(recent[1]?.custom).toEqual({ team: "Paris" });
      expect((await store.recentPeople(WS, 10)).map((p) => p.id)).toEqual([...ids].reverse());
      expect(await store.recentPeople(WS + 1, 10)).toEqual([]);
    });
  });

  describe("enrollments", () => {
    async function setting(people = 3): Promise<{ accountId: number; campaignId: number; personIds: number[] }> {
      const ids = await seedAccountAndCampaign(store);
      return { ...ids, personIds: await seedPeople(store, people) };
    }

    it("round-trips enrollments with every field, returning ids in order", async () => {
      const { accountId, campaignId, personIds } = await setting(2);
      const bare = newEnrollment({ accountId, campaignId, personId: personIds[0] as number }, { nextKind: null, readyAt: null });
      const full = newEnrollment(
        { accountId, campaignId, personId: personIds[1] as number },
        {
          status: "invited",
          step: 2,
          nextKind: "withdraw",
          readyAt: T0 + 21 * 24 * HOUR,
          prospectTz: "America/New_York",
          visitedAt: T0 + 1,
          invitedAt: T0 + 2,
          inviteNote: "Hallo Jürgen 👋",
          acceptedAt: T0 + 3,
          lastMessageAt: T0 + 4,
          messagesSent: 2,
          repliedAt: T0 + 5,
          withdrawnAt: T0 + 6,
          endedAt: T0 + 7,
          endReason: "replied",
          leaseActionId: 12,
        },
      );
      expect(await store.insertEnrollments([bare, full])).toEqual([1, 2]);
      expect(await store.getEnrollment(1)).toEqual({ id: 1, ...bare });
      expect(await store.getEnrollment(2)).toEqual({ id: 2, ...full });
      expect(await store.getEnrollment(3)).toBeNull();
      expect(await store.insertEnrollments([])).toEqual([]);
    });

    it("inserts thousands of enrollments in order", async () => {
      const { accountId, campaignId } = await setting(0);
      const n = 3000;
      const personIds = await store.transaction(async (tx) => {
        const ids: number[] = [];
        for (let i = 0; i < n; i++)
          ids.push(await tx.insertPerson(newPerson({ displayUrl: `https://lnkd.in/${i}` }), [`https://lnkd.in/${i}`]));
        return ids;
      });
      const rows = personIds.map((personId, i) => newEnrollment({ accountId, campaignId, personId }, { readyAt: T0 + (n - i) }));
      const ids = await store.transaction((tx) => tx.insertEnrollments(rows));
      expect(ids).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      expect((await store.getEnrollment(ids[2500] as number))?.personId).toBe(personIds[2500]);
    });

    it("keeps one active enrollment per person: refuses a second, allows one after done", async () => {
      const { accountId, campaignId, personIds } = await setting(2);
      const personId = personIds[0] as number;
      const second = await store.insertCampaign({
        workspaceId: WS,
        name: "c2",
        accountId,
        doc: campaignDoc({ name: "c2" }),
        status: "active",
        createdAt: T0,
      });
      const [first] = await store.insertEnrollments([newEnrollment({ accountId, campaignId, personId })]);
      await expectConflict(
        store.insertEnrollments([
          newEnrollment({ accountId, campaignId: second.id, personId: personIds[1] as number }),
          newEnrollment({ accountId, campaignId: second.id, personId }),
        ]),
        "https://www.linkedin.com/in/p0",
        'campaign "c-alice"',
      );
      // All or nothing: the other person of the refused batch was not enrolled.
      expect((await store.activeEnrollments(WS, [personIds[1] as number])).size).toBe(0);
      await expectConflict(
        store.insertEnrollments([
          newEnrollment({ accountId, campaignId, personId: personIds[1] as number }),
          newEnrollment({ accountId, campaignId: second.id, personId: personIds[1] as number }),
        ]),
        `person ${personIds[1]}`,
      );
      // A done enrollment does not count, and any number of them may exist.
      await store.insertEnrollments([
        newEnrollment({ accountId, campaignId: second.id, personId }, { status: "done", endReason: "completed" }),
      ]);
      await store.updateEnrollment(first as number, { status: "done", endReason: "replied" });
      const [again] = await store.insertEnrollments([newEnrollment({ accountId, campaignId: second.id, personId })]);
      expect(again).toBeGreaterThan(first as number);
      // Making an old one active again while another is active is refused too.
      await expectConflict(store.updateEnrollment(first as number, { status: "ready" }), `enrollment ${first}`);
    });

    it("refuses a second active enrollment inside the caller's transaction, which must then be given up", async () => {
      const { accountId, campaignId, personIds } = await setting(2);
      const personId = personIds[1] as number;
      await store.insertEnrollments([newEnrollment({ accountId, campaignId, personId })]);
      const e = await rejection(
        store.transaction(async (tx) => {
          await tx.insertEnrollments([newEnrollment({ accountId, campaignId, personId: personIds[0] as number })]);
          await tx.insertEnrollments([newEnrollment({ accountId, campaignId, personId })]);
        }),
      );
      expect(e).toBeInstanceOf(LinkpaceError);
      expect((e as LinkpaceError).code).toBe("conflict");
      expect((e as LinkpaceError).message).toContain(`person ${personId}`);
      expect((await store.activeEnrollments(WS, personIds)).size).toBe(1);
    });

    it("updates only the fields of the patch", async () => {
      const { accountId, campaignId, personIds } = await setting(1);
      const [id] = await store.insertEnrollments([
        newEnrollment({ accountId, campaignId, personId: personIds[0] as number }, { leaseActionId: 3 }),
      ]);
      const before = (await store.getEnrollment(id as number)) as EnrollmentRow;
      await store.updateEnrollment(id as number, { status: "in_flight", readyAt: null, leaseActionId: null, inviteNote: "¡Hola!" });
      expect(await store.getEnrollment(id as number)).toEqual({
        ...before,
        status: "in_flight",
        readyAt: null,
        leaseActionId: null,
        inviteNote: "¡Hola!",
      });
      await store.updateEnrollment(id as number, {});
      // A spread row may carry its identity fields: they are ignored.
      await store.updateEnrollment(id as number, { ...before, messagesSent: 4 });
      expect(await store.getEnrollment(id as number)).toEqual({ ...before, messagesSent: 4 });
    });

    it("maps people to their active enrollment and its campaign", async () => {
      const { accountId, campaignId, personIds } = await setting(4);
      const [p0, p1, p2, p3] = personIds as [number, number, number, number];
      await store.insertEnrollments([
        newEnrollment({ accountId, campaignId, personId: p0 }, { status: "in_flight" }),
        newEnrollment({ accountId, campaignId, personId: p1 }, { status: "done", endReason: "completed" }),
        newEnrollment({ accountId, campaignId, personId: p2 }, { status: "invited" }),
      ]);
      const active = await store.activeEnrollments(WS, [p0, p1, p2, p3, p0]);
      expect([...active.keys()].sort()).toEqual([p0, p2]);
      expect(active.get(p0)).toEqual({ enrollment: await store.getEnrollment(1), campaignName: "c-alice" });
      expect(active.get(p2)?.enrollment.status).toBe("invited");
      expect((await store.activeEnrollments(WS, [])).size).toBe(0);
    });

    it("finds a person's latest enrollment under an account", async () => {
      const { accountId, campaignId, personIds } = await setting(1);
      const personId = personIds[0] as number;
      expect(await store.latestEnrollment(accountId, personId)).toBeNull();
      await store.insertEnrollments([
        newEnrollment({ accountId, campaignId, personId }, { status: "done", enrolledAt: T0 + 2 }),
        newEnrollment({ accountId, campaignId, personId }, { status: "done", enrolledAt: T0 + 1 }),
        newEnrollment({ accountId, campaignId, personId }, { status: "done", enrolledAt: T0 + 2 }),
      ]);
      expect((await store.latestEnrollment(accountId, personId))?.id).toBe(3);
      const { accountId: bob } = await seedAccountAndCampaign(store, "bob");
      expect(await store.latestEnrollment(bob, personId)).toBeNull();
    });

    it("gives due enrollments by (readyAt, id), filtered by account, status, kind, readyAt and limit, with their people", async () => {
      const { accountId, campaignId, personIds } = await setting(9);
      const other = await seedAccountAndCampaign(store, "bob");
      const p = (i: number) => personIds[i] as number;
      const ids = await store.insertEnrollments([
        newEnrollment({ accountId, campaignId, personId: p(0) }, { readyAt: T0 + 20 }),
        newEnrollment({ accountId, campaignId, personId: p(1) }, { readyAt: T0 + 10 }),
        newEnrollment({ accountId, campaignId, personId: p(2) }, { readyAt: T0 + 20 }),
        newEnrollment({ accountId, campaignId, personId: p(3) }, { readyAt: T0 + 31 }), // not yet
        newEnrollment({ accountId, campaignId, personId: p(4) }, { readyAt: null }), // parked
        newEnrollment({ accountId, campaignId, personId: p(5) }, { readyAt: T0, nextKind: "connect" }), // other kind
        newEnrollment({ accountId, campaignId, personId: p(6) }, { readyAt: T0, status: "in_flight" }),
        newEnrollment({ accountId, campaignId, personId: p(7) }, { readyAt: T0, status: "invited" }),
        newEnrollment({ ...other, personId: p(8) }, { readyAt: T0 }), // other account
      ]);
      const due = await store.dueEnrollments(accountId, "visit", T0 + 30, 10);
      expect(due.map((d) => d.enrollment.id)).toEqual([ids[1], ids[0], ids[2]]);
      // campaignVersion is optional: a backend that gives it gives the campaign's current version.
      const version = (d: { campaignVersion?: number } | undefined) => (d?.campaignVersion === undefined ? {} : { campaignVersion: 1 });
      expect(due[0]).toEqual({
        enrollment: await store.getEnrollment(ids[1] as number),
        person: await store.getPerson(p(1)),
        campaignId,
        ...version(due[0]),
      });
      expect((await store.dueEnrollments(accountId, "visit", T0 + 30, 2)).map((d) => d.enrollment.id)).toEqual([ids[1], ids[0]]);
      expect((await store.dueEnrollments(accountId, "visit", T0 + 31, 10)).map((d) => d.enrollment.id)).toEqual([
        ids[1],
        ids[0],
        ids[2],
        ids[3],
      ]);
      expect(await store.dueEnrollments(accountId, "visit", T0 + 9, 10)).toEqual([]);
      expect((await store.dueEnrollments(accountId, "connect", T0, 10)).map((d) => d.person.id)).toEqual([p(5)]);
    });

    it("gives each campaign of the account its own earliest due enrollments, however long another's backlog", async () => {
      const { accountId, campaignId, personIds } = await setting(9);
      const second = await store.insertCampaign({
        workspaceId: WS,
        name: "c2",
        accountId,
        doc: campaignDoc({ name: "c2" }),
        status: "active",
        createdAt: T0,
      });
      const other = await seedAccountAndCampaign(store, "bob");
      const p = (i: number) => personIds[i] as number;
      const ids = await store.insertEnrollments([
        newEnrollment({ accountId, campaignId, personId: p(0) }, { readyAt: T0 + 3 }),
        newEnrollment({ accountId, campaignId, personId: p(1) }, { readyAt: T0 + 1 }),
        newEnrollment({ accountId, campaignId, personId: p(2) }, { readyAt: T0 + 2 }),
        newEnrollment({ accountId, campaignId: second.id, personId: p(3) }, { readyAt: T0 + 20 }),
        newEnrollment({ accountId, campaignId: second.id, personId: p(4) }, { readyAt: T0 + 10 }),
        newEnrollment({ accountId, campaignId: second.id, personId: p(5) }, { readyAt: T0 + 40 }), // not yet
        newEnrollment({ accountId, campaignId: second.id, personId: p(6) }, { readyAt: T0, status: "invited" }),
        newEnrollment({ accountId, campaignId: second.id, personId: p(7) }, { readyAt: T0, nextKind: "connect" }),
        newEnrollment({ ...other, personId: p(8) }, { readyAt: T0 }), // other account
      ]);
      const due = await store.dueEnrollmentsByCampaign(accountId, "visit", T0 + 30, 2);
      expect(due.map((d) => d.enrollment.id)).toEqual([ids[1], ids[2], ids[4], ids[3]]);
      expect(due.map((d) => d.campaignId)).toEqual([campaignId, campaignId, second.id, second.id]);
      expect(due[2]).toEqual({
        enrollment: await store.getEnrollment(ids[4] as number),
        person: await store.getPerson(p(4)),
        campaignId: second.id,
        ...(due[2]?.campaignVersion === undefined ? {} : { campaignVersion: 1 }),
      });
      expect((await store.dueEnrollmentsByCampaign(accountId, "visit", T0 + 5, 10)).map((d) => d.enrollment.id)).toEqual([
        ids[1],
        ids[2],
        ids[0],
      ]);
      expect((await store.dueEnrollmentsByCampaign(accountId, "connect", T0, 10)).map((d) => d.person.id)).toEqual([p(7)]);
      expect(await store.dueEnrollmentsByCampaign(accountId, "message", T0 + 30, 10)).toEqual([]);
    });

    it("gives due withdrawals of pending invitations", async () => {
      const { accountId, campaignId, personIds } = await setting(4);
      const p = (i: number) => personIds[i] as number;
      const ids = await store.insertEnrollments([
        newEnrollment({ accountId, campaignId, personId: p(0) }, { status: "invited", nextKind: "withdraw", readyAt: T0 + 5 }),
        newEnrollment({ accountId, campaignId, personId: p(1) }, { status: "ready", nextKind: "withdraw", readyAt: T0 + 1 }),
        newEnrollment({ accountId, campaignId, personId: p(2) }, { status: "invited", nextKind: null, readyAt: null }),
        newEnrollment({ accountId, campaignId, personId: p(3) }, { status: "in_flight", nextKind: "withdraw", readyAt: T0 }),
      ]);
      expect((await store.dueEnrollments(accountId, "withdraw", T0 + 10, 10)).map((d) => d.enrollment.id)).toEqual([ids[1], ids[0]]);
    });

    it("knows the next readyAt per kind, counting pending withdrawals but nothing else that is not ready", async () => {
      const { accountId, campaignId, personIds } = await setting(8);
      const p = (i: number) => personIds[i] as number;
      expect(await store.nextReadyByKind(accountId)).toEqual({});
      await store.insertEnrollments([
        newEnrollment({ accountId, campaignId, personId: p(0) }, { nextKind: "visit", readyAt: T0 + 30 }),
        newEnrollment({ accountId, campaignId, personId: p(1) }, { nextKind: "visit", readyAt: T0 + 20 }),
        newEnrollment({ accountId, campaignId, personId: p(2) }, { nextKind: "connect", readyAt: T0 + 40 }),
        newEnrollment({ accountId, campaignId, personId: p(3) }, { nextKind: "connect", readyAt: null }),
        newEnrollment({ accountId, campaignId, personId: p(4) }, { nextKind: "message", readyAt: T0 + 1, status: "in_flight" }),
        newEnrollment({ accountId, campaignId, personId: p(5) }, { nextKind: "message", readyAt: T0 + 2, status: "invited" }),
        newEnrollment({ accountId, campaignId, personId: p(6) }, { nextKind: "withdraw", readyAt: T0 + 50, status: "invited" }),
        newEnrollment({ accountId, campaignId, personId: p(7) }, { nextKind: "visit", readyAt: T0 + 1, status: "done" }),
      ]);
      expect(await store.nextReadyByKind(accountId)).toEqual({ visit: T0 + 20, connect: T0 + 40, withdraw: T0 + 50 });
      const { accountId: bob } = await seedAccountAndCampaign(store, "bob");
      expect(await store.nextReadyByKind(bob)).toEqual({});
    });

    it("gives, with the backlog, the readyAt that follows the earliest of each queue but withdraw's", async () => {
      const { accountId, campaignId, personIds } = await setting(9);
      const p = (i: number) => personIds[i] as number;
      const e = (i: number, over: Partial<NewEnrollment>) => newEnrollment({ accountId, campaignId, personId: p(i) }, over);
      await store.insertEnrollments([
        e(0, { nextKind: "visit", readyAt: T0 + 30 }),
        e(1, { nextKind: "visit", readyAt: T0 + 10 }),
        e(2, { nextKind: "visit", readyAt: T0 + 20 }),
        // Two share the earliest: the following is the same instant.
        e(3, { nextKind: "connect", readyAt: T0 + 40 }),
        e(4, { nextKind: "connect", readyAt: T0 + 40 }),
        e(5, { nextKind: "connect", readyAt: null }),
        // One only: no following; not ready, or another status, does not count.
        e(6, { nextKind: "message", readyAt: T0 + 60 }),
        e(7, { nextKind: "message", readyAt: T0 + 50, status: "in_flight" }),
        e(8, { nextKind: "withdraw", readyAt: T0 + 70, status: "invited" }),
      ]);
      expect(await store.nextReadyWithBacklog(accountId, "connect")).toEqual({
        ready: { visit: T0 + 10, connect: T0 + 40, message: T0 + 60, withdraw: T0 + 70 },
        visitedAwaiting: 0,
        following: { visit: T0 + 20, connect: T0 + 40 },
      });
    });

    it("gives the next readyAt per kind with the visited backlog in one call, and for several accounts at once", async () => {
      const { accountId, campaignId, personIds } = await setting(6);
      const p = (i: number) => personIds[i] as number;
      const { accountId: bob } = await seedAccountAndCampaign(store, "bob");
      const { accountId: carol, campaignId: carolCampaign } = await seedAccountAndCampaign(store, "carol");
      expect(await store.nextReadyWithBacklog(accountId, "connect")).toEqual({ ready: {}, visitedAwaiting: 0, following: {} });
      expect(await store.nextReadyByAccount([accountId, bob])).toEqual(
        new Map([
          [accountId, {}],
          [bob, {}],
        ]),
      );
      await store.insertEnrollments([
        newEnrollment({ accountId, campaignId, personId: p(0) }, { nextKind: "visit", readyAt: T0 + 30 }),
        newEnrollment({ accountId, campaignId, personId: p(1) }, { nextKind: "connect", readyAt: T0 + 40, visitedAt: T0 }),
        newEnrollment({ accountId, campaignId, personId: p(2) }, { nextKind: "connect", readyAt: null, visitedAt: T0 }),
        newEnrollment({ accountId, campaignId, personId: p(3) }, { nextKind: "withdraw", readyAt: T0 + 50, status: "invited" }),
        newEnrollment({ accountId: carol, campaignId: carolCampaign, personId: p(4) }, { nextKind: "message", readyAt: T0 + 60 }),
        newEnrollment(
          { accountId: carol, campaignId: carolCampaign, personId: p(5) },
          { nextKind: "visit", readyAt: T0 + 1, status: "done" },
        ),
      ]);
      const ready = await store.nextReadyByKind(accountId);
      expect(ready).toEqual({ visit: T0 + 30, connect: T0 + 40, withdraw: T0 + 50 });
      expect(await store.nextReadyWithBacklog(accountId, "connect")).toEqual({
        ready,
        visitedAwaiting: await store.countVisitedAwaiting(accountId, "connect"),
        following: {},
      });
      expect(await store.nextReadyWithBacklog(accountId, "connect")).toEqual({ ready, visitedAwaiting: 2, following: {} });
      expect(await store.nextReadyWithBacklog(accountId, "message")).toEqual({ ready, visitedAwaiting: 0, following: {} });
      expect(await store.nextReadyWithBacklog(accountId, null)).toEqual({ ready, visitedAwaiting: null });
      // In the order given, repeats once, and an unknown account has nothing ready.
      const many = await store.nextReadyByAccount([carol, 99, accountId, bob, carol]);
      expect([...many.entries()]).toEqual([
        [carol, { message: T0 + 60 }],
        [99, {}],
        [accountId, ready],
        [bob, {}],
      ]);
      expect(await store.nextReadyByAccount([])).toEqual(new Map());
      // More accounts than one query takes.
      const lots = Array.from({ length: 1201 }, (_, i) => i + 1);
      const all = await store.nextReadyByAccount(lots);
      expect(all.size).toBe(1201);
      expect(all.get(accountId)).toEqual(ready);
      expect(all.get(carol)).toEqual({ message: T0 + 60 });
      expect(all.get(1200)).toEqual({});
    });

    it("counts visited enrollments that wait for a kind", async () => {
      const { accountId, campaignId, personIds } = await setting(5);
      const p = (i: number) => personIds[i] as number;
      await store.insertEnrollments([
        newEnrollment({ accountId, campaignId, personId: p(0) }, { nextKind: "connect", visitedAt: T0 }),
        newEnrollment({ accountId, campaignId, personId: p(1) }, { nextKind: "connect", visitedAt: T0, readyAt: null }),
        newEnrollment({ accountId, campaignId, personId: p(2) }, { nextKind: "connect", visitedAt: null }),
        newEnrollment({ accountId, campaignId, personId: p(3) }, { nextKind: "message", visitedAt: T0 }),
        newEnrollment({ accountId, campaignId, personId: p(4) }, { nextKind: "connect", visitedAt: T0, status: "in_flight" }),
      ]);
      expect(await store.countVisitedAwaiting(accountId, "connect")).toBe(2);
      expect(await store.countVisitedAwaiting(accountId, "message")).toBe(1);
      expect(await store.countVisitedAwaiting(accountId, "withdraw")).toBe(0);
    });

    it("parks and releases the ready enrollments of one campaign", async () => {
      const { accountId, campaignId, personIds } = await setting(3);
      const other = await store.insertCampaign({
        workspaceId: WS,
        name: "c2",
        accountId,
        doc: campaignDoc({ name: "c2" }),
        status: "active",
        createdAt: T0,
      });
      const ids = await store.insertEnrollments([
        newEnrollment({ accountId, campaignId, personId: personIds[0] as number }, { readyAt: T0 }),
        newEnrollment({ accountId, campaignId, personId: personIds[1] as number }, { readyAt: T0 + 5, status: "invited" }),
        newEnrollment({ accountId, campaignId: other.id, personId: personIds[2] as number }, { readyAt: T0 }),
      ]);
      await store.setCampaignReadyAt(campaignId, null);
      expect((await store.dueEnrollments(accountId, "visit", T0 + HOUR, 10)).map((d) => d.enrollment.id)).toEqual([ids[2]]);
      expect((await store.getEnrollment(ids[1] as number))?.readyAt).toBe(T0 + 5);
      await store.setCampaignReadyAt(campaignId, T0 + MINUTE);
      expect((await store.getEnrollment(ids[0] as number))?.readyAt).toBe(T0 + MINUTE);
    });

    it("resumes parked enrollments of one step with their own delay, never in the past", async () => {
      const { accountId, campaignId, personIds } = await setting(3);
      const ids = await store.insertEnrollments([
        newEnrollment({ accountId, campaignId, personId: personIds[0] as number }, { step: 2, readyAt: null, baseAt: T0 }),
        newEnrollment({ accountId, campaignId, personId: personIds[1] as number }, { step: 2, readyAt: null, baseAt: T0 - 10 * HOUR }),
        newEnrollment({ accountId, campaignId, personId: personIds[2] as number }, { step: 1, readyAt: null, baseAt: T0 }),
      ]);
      await store.resumeCampaignStep(campaignId, 2, 4 * HOUR, T0 + HOUR);
      expect((await store.getEnrollment(ids[0] as number))?.readyAt).toBe(T0 + 4 * HOUR);
      expect((await store.getEnrollment(ids[1] as number))?.readyAt).toBe(T0 + HOUR);
      expect((await store.getEnrollment(ids[2] as number))?.readyAt).toBeNull();
    });

    it("counts enrollments by status and end reason, per account or campaign", async () => {
      const { accountId, campaignId, personIds } = await setting(5);
      const bob = await seedAccountAndCampaign(store, "bob");
      const p = (i: number) => personIds[i] as number;
      await store.insertEnrollments([
        newEnrollment({ accountId, campaignId, personId: p(0) }),
        newEnrollment({ accountId, campaignId, personId: p(1) }, { status: "done", endReason: "replied" }),
        newEnrollment({ accountId, campaignId, personId: p(2) }, { status: "done", endReason: "replied" }),
        newEnrollment({ accountId, campaignId, personId: p(3) }, { status: "done", endReason: "completed" }),
        newEnrollment({ ...bob, personId: p(4) }, { status: "invited" }),
      ]);
      expect(await store.enrollmentCounts({ accountId })).toEqual({
        byStatus: { ready: 1, in_flight: 0, invited: 0, done: 3 },
        byEndReason: { replied: 2, completed: 1 },
      });
      expect(await store.enrollmentCounts({ campaignId: bob.campaignId })).toEqual({
        byStatus: { ready: 0, in_flight: 0, invited: 1, done: 0 },
        byEndReason: {},
      });
      expect((await store.enrollmentCounts({})).byStatus).toEqual({ ready: 1, in_flight: 0, invited: 1, done: 3 });
      expect((await store.enrollmentCounts({ accountId, campaignId: bob.campaignId })).byStatus.done).toBe(0);
    });

    it("lists invitations newest first by (invitedAt, id), filtered by account and campaign", async () => {
      const { accountId, campaignId, personIds } = await setting(4);
      const bob = await seedAccountAndCampaign(store, "bob");
      const p = (i: number) => personIds[i] as number;
      const ids = await store.insertEnrollments([
        newEnrollment(
          { accountId, campaignId, personId: p(0) },
          { status: "invited", invitedAt: T0 + 10, inviteNote: "Salut 👋", nextKind: "withdraw", readyAt: T0 + 1000 },
        ),
        newEnrollment(
          { accountId, campaignId, personId: p(1) },
          { status: "done", invitedAt: T0 + 20, acceptedAt: T0 + 30, repliedAt: T0 + 40, endReason: "replied" },
        ),
        newEnrollment({ accountId, campaignId, personId: p(2) }),
        newEnrollment({ ...bob, personId: p(3) }, { status: "invited", invitedAt: T0 + 10, withdrawnAt: null }),
      ]);
      const all = await store.listInvitations(WS, {});
      expect(all.map((i) => i.enrollmentId)).toEqual([ids[1], ids[3], ids[0]]);
      expect(all[0]).toEqual({
        enrollmentId: ids[1],
        campaignName: "c-alice",
        accountName: "alice",
        personId: p(1),
        displayUrl: "https://www.linkedin.com/in/p1",
        firstName: "p1",
        lastName: "Doe",
        fullName: null,
        company: "Acme",
        title: "CTO",
        invitedAt: T0 + 20,
        inviteNote: null,
        acceptedAt: T0 + 30,
        repliedAt: T0 + 40,
        withdrawnAt: null,
        endReason: "replied",
        status: "done",
        withdrawalAt: null,
      });
      expect(all[2]?.inviteNote).toBe("Salut 👋");
      expect(all[2]?.withdrawalAt).toBe(T0 + 1000); // pending, with its withdrawal scheduled
      expect(all[1]?.withdrawalAt).toBeNull(); // pending, nothing scheduled
      expect((await store.listInvitations(WS, { accountId })).map((i) => i.enrollmentId)).toEqual([ids[1], ids[0]]);
      expect((await store.listInvitations(WS, { campaignId: bob.campaignId })).map((i) => i.accountName)).toEqual(["bob"]);
      expect(await store.listInvitations(WS + 1, {})).toEqual([]);
    });

    it("lists a page of enrollments with their person, newest first, filtered, with the number that match", async () => {
      const { accountId, campaignId, personIds } = await setting(4);
      const bob = await seedAccountAndCampaign(store, "bob");
      const p = (i: number) => personIds[i] as number;
      const ids = await store.insertEnrollments([
        newEnrollment({ accountId, campaignId, personId: p(0) }, { status: "invited", invitedAt: T0 + 10 }),
        newEnrollment({ accountId, campaignId, personId: p(1) }),
        newEnrollment({ accountId, campaignId, personId: p(2) }, { status: "done", endReason: "completed" }),
        newEnrollment({ ...bob, personId: p(3) }),
      ]);
      const all = await store.listEnrollments(WS, {}, { offset: 0, limit: 10 });
      expect(all.total).toBe(4);
      expect(all.rows.map((r) => r.enrollment.id)).toEqual([...ids].reverse());
      expect(all.rows[3]).toEqual({
        enrollment: await store.getEnrollment(ids[0] as number),
        person: {
          id: p(0),
          displayUrl: "https://www.linkedin.com/in/p0",
          firstName: "p0",
          lastName: "Doe",
          fullName: null,
          company: "Acme",
          title: "CTO",
          location: "Berlin, Germany",
          timezone: "Europe/Berlin",
          zoneSource: "explicit",
          connected: false,
          connectedAt: null,
          custom: {},
        },
      });
      const page = await store.listEnrollments(WS, { campaignId }, { offset: 1, limit: 1 });
      expect(page).toMatchObject({ total: 3, rows: [{ enrollment: { id: ids[1] } }] });
      expect((await store.listEnrollments(WS, { status: "ready" }, { offset: 0, limit: 10 })).rows.map((r) => r.enrollment.id)).toEqual([
        ids[3],
        ids[1],
      ]);
      expect(
        (await store.listEnrollments(WS, { accountId, status: "ready" }, { offset: 0, limit: 10 })).rows.map((r) => r.enrollment.id),
      ).toEqual([ids[1]]);
      expect(await store.listEnrollments(WS, { status: "in_flight" }, { offset: 0, limit: 10 })).toEqual({ total: 0, rows: [] });
      expect(await store.listEnrollments(WS, {}, { offset: 4, limit: 10 })).toEqual({ total: 4, rows: [] });
      expect(await store.listEnrollments(WS + 1, {}, { offset: 0, limit: 10 })).toEqual({ total: 0, rows: [] });
    });
  });

  describe("log", () => {
    it("appends rows, sets results and reads a row back", async () => {
      const { accountId, campaignId } = await seedAccountAndCampaign(store);
      const [personId] = await seedPeople(store, 1);
      const [enrollmentId] = await store.insertEnrollments([newEnrollment({ accountId, campaignId, personId: personId as number })]);
      const action = newLog(accountId, {
        campaignId,
        personId: personId as number,
        enrollmentId: enrollmentId as number,
        prospect: "https://www.linkedin.com/in/p0",
        prospectTz: "Europe/Berlin",
        kind: "connect",
        note: "Hallo 👋 «Jürgen»",
        text: null,
        result: null,
      });
      const event = newLog(accountId, { type: "event", kind: "restricted", result: null });
      expect([await store.appendLog(action), await store.appendLog(event)]).toEqual([1, 2]);
      expect(await store.getLogRow(1)).toEqual({ id: 1, ...action });
      expect(await store.getLogRow(2)).toEqual({ id: 2, ...event });
      expect(await store.getLogRow(3)).toBeNull();
      expect(await store.setLogResult(1, "note_quota_reached")).toBe(true);
      expect(await store.getLogRow(1)).toEqual({ id: 1, ...action, result: "note_quota_reached" });
    });

    it("sets a result only where there is none: never replaces one, nor gives one to an event or a missing row", async () => {
      const { accountId } = await seedAccountAndCampaign(store);
      const open = await store.appendLog(newLog(accountId, { result: null }));
      const event = await store.appendLog(newLog(accountId, { type: "event", kind: "accepted", result: null }));
      expect(await store.setLogResult(open, "ok")).toBe(true);
      expect(await store.setLogResult(open, "ok")).toBe(false);
      expect(await store.setLogResult(open, "restricted")).toBe(false);
      expect((await store.getLogRow(open))?.result).toBe("ok");
      expect(await store.setLogResult(event, "ok")).toBe(false);
      expect((await store.getLogRow(event))?.result).toBeNull();
      expect(await store.setLogResult(999, "ok")).toBe(false);
    });

    it("takes a task and marks it to reconcile once it was shown and taken again, whatever happened in between", async () => {
      const { accountId } = await seedAccountAndCampaign(store);
      const take = (id: number, by: string, now: number, repeat: "refresh" | "restart" = "refresh") =>
        store.takeTask(id, { by, until: now + 10, now, repeat });
      const reconcile = async (id: number) => (await store.openTasks(accountId)).find((t) => t.id === id)?.reconcile;
      const task = await store.appendLog(newLog(accountId, { result: null }));
      expect(await take(task, "a", T0)).toMatchObject({ id: task, claimedBy: "a", leaseUntil: T0 + 10, reconcile: false });
      // A runner renewing the task on its screen: still fresh. Another holder within the lease: refused.
      expect(await take(task, "a", T0 + 5)).toMatchObject({ leaseUntil: T0 + 15, reconcile: false });
      expect(await take(task, "b", T0 + 6)).toBeNull();
      expect(await reconcile(task)).toBe(false);
      // After the lease ran out another holder takes it and is asked; the flag stays, even for its own renewals.
      expect(await take(task, "b", T0 + 16)).toMatchObject({ claimedBy: "b", reconcile: true });
      expect(await take(task, "b", T0 + 17)).toMatchObject({ claimedBy: "b", reconcile: true });

      // Let go of (quitting): the next holder, even the same one, is asked.
      const shown = await store.appendLog(newLog(accountId, { result: null }));
      await take(shown, "a", T0);
      expect(await store.letGoTask(shown, "b")).toBe(false);
      expect(await store.letGoTask(shown, "a")).toBe(true);
      expect(await take(shown, "a", T0 + 1)).toMatchObject({ claimedBy: "a", reconcile: true });

      // An agent claiming again ("restart") within its own lease is asked; so is anyone after its own lease ran out.
      const agent = await store.appendLog(newLog(accountId, { result: null }));
      expect(await take(agent, "x", T0, "restart")).toMatchObject({ reconcile: false });
      expect(await take(agent, "x", T0 + 1, "restart")).toMatchObject({ reconcile: true });
      const expired = await store.appendLog(newLog(accountId, { result: null }));
      await take(expired, "y", T0);
      expect(await take(expired, "y", T0 + 11)).toMatchObject({ reconcile: true });

      // Never a task with a result, nor one that is gone.
      await store.setLogResult(agent, "ok");
      expect(await take(agent, "x", T0 + 2, "restart")).toBeNull();
      expect(await store.letGoTask(agent, "x")).toBe(false);
      expect(await take(999, "x", T0)).toBeNull();
    });

    it("releases an open action only while it has no result, and when asked, only if nobody ever held it", async () => {
      const { accountId } = await seedAccountAndCampaign(store);
      const held = await store.appendLog(newLog(accountId, { result: null, kind: "connect" }));
      const unheld = await store.appendLog(newLog(accountId, { result: null }));
      const done = await store.appendLog(newLog(accountId, { result: "ok" }));
      const event = await store.appendLog(newLog(accountId, { type: "event", kind: "accepted", result: null }));
      await store.takeTask(held, { by: "a", until: T0 + 10, now: T0, repeat: "refresh" });
      await store.letGoTask(held, "a"); // shown once: no longer "unheld"
      const release = (id: number, which: "any" | "unheld", at = T0 + 1) =>
        store.releaseOpenAction(id, { which, at, reason: which === "any" ? "skipped" : "released", forgetBefore: T0 });
      expect(await release(held, "unheld")).toBe(false);
      expect(await release(unheld, "unheld")).toBe(true);
      expect(await release(unheld, "any")).toBe(false);
      expect(await release(done, "any")).toBe(false);
      expect(await release(event, "any")).toBe(false);
      expect(await release(held, "any", T0 + 2)).toBe(true);
      expect((await store.openTasks(accountId)).map((t) => t.id)).toEqual([]);
      expect(await store.getLogRow(done)).not.toBeNull();
      expect(await store.getLogRow(event)).not.toBeNull();
      // Each release is remembered once, as it was first made; nothing else is.
      expect(await store.getReleasedAction(held)).toEqual({
        actionId: held,
        workspaceId: WS,
        accountId,
        kind: "connect",
        at: T0 + 2,
        reason: "skipped",
      });
      expect(await store.getReleasedAction(unheld)).toEqual({
        actionId: unheld,
        workspaceId: WS,
        accountId,
        kind: "visit",
        at: T0 + 1,
        reason: "released",
      });
      for (const id of [done, event, 999]) expect(await store.getReleasedAction(id)).toBeNull();
    });

    it("writes a release with the deletion of its log row, and forgets the account's releases from before forgetBefore", async () => {
      const { accountId: a } = await seedAccountAndCampaign(store, "a");
      const { accountId: b } = await seedAccountAndCampaign(store, "b");
      const open: number[] = [];
      for (const account of [a, a, b, a]) open.push(await store.appendLog(newLog(account, { result: null })));
      const [old, rolledBack, other, fresh] = open as [number, number, number, number];
      const release = (id: number, at: number) =>
        store.releaseOpenAction(id, { which: "any", at, reason: "skipped", forgetBefore: at - HOUR });
      expect(await release(old, T0)).toBe(true);
      expect(await release(other, T0)).toBe(true);
      // In a transaction that rolls back, neither the deletion nor the record stays.
      const failed = await rejection(
        store.transaction(async (tx) => {
          expect(await tx.releaseOpenAction(rolledBack, { which: "any", at: T0, reason: "skipped", forgetBefore: T0 })).toBe(true);
          expect(await tx.getReleasedAction(rolledBack)).not.toBeNull();
          throw new Error("roll back");
        }),
      );
      expect((failed as Error).message).toBe("roll back");
      expect(await store.getLogRow(rolledBack)).not.toBeNull();
      expect(await store.getReleasedAction(rolledBack)).toBeNull();
      // A release an hour later forgets account a's older one, not account b's.
      expect(await release(fresh, T0 + HOUR + 1)).toBe(true);
      expect(await store.getReleasedAction(old)).toBeNull();
      expect(await store.getReleasedAction(other)).toMatchObject({ accountId: b, at: T0 });
      expect(await store.getReleasedAction(fresh)).toMatchObject({ accountId: a, at: T0 + HOUR + 1 });
    });

    it("gives the in-flight actions of several accounts at once, oldest first, as openTasks does", async () => {
      const { accountId: a } = await seedAccountAndCampaign(store, "a");
      const { accountId: b } = await seedAccountAndCampaign(store, "b");
      const { accountId: c } = await seedAccountAndCampaign(store, "c");
      const open1 = await store.appendLog(newLog(a, { at: T0 + 5, result: null }));
      await store.appendLog(newLog(a, { at: T0 + 1, result: "ok" }));
      await store.appendLog(newLog(b, { type: "event", kind: "accepted", result: null }));
      const open2 = await store.appendLog(newLog(a, { at: T0 + 2, result: null }));
      const open3 = await store.appendLog(newLog(b, { result: null }));
      expect(await store.takeTask(open2, { by: "runner-1", until: T0 + 100, now: T0, repeat: "refresh" })).toMatchObject({
        id: open2,
        claimedBy: "runner-1",
        reconcile: false,
      });
      const many = await store.openTasksByAccount([c, b, a, 99]);
      expect([...many.keys()]).toEqual([c, b, a, 99]);
      expect(many.get(a)).toEqual(await store.openTasks(a));
      expect(many.get(a)!.map((t) => [t.id, t.claimedBy, t.leaseUntil])).toEqual([
        [open1, null, null],
        [open2, "runner-1", T0 + 100],
      ]);
      expect(many.get(b)).toEqual(await store.openTasks(b));
      expect(many.get(b)!.map((t) => t.id)).toEqual([open3]);
      expect(many.get(c)).toEqual([]);
      expect(many.get(99)).toEqual([]);
      expect(await store.openTasksByAccount([])).toEqual(new Map());
    });

    it("reads the log in (at, id) pages, joined with names, skipping actions still in flight", async () => {
      const { accountId, campaignId } = await seedAccountAndCampaign(store);
      const bob = await seedAccountAndCampaign(store, "bob");
      const rows = [
        newLog(accountId, { at: T0 + 2, campaignId }),
        newLog(accountId, { at: T0 + 1, campaignId }),
        newLog(accountId, { at: T0 + 2, campaignId, result: null }), // in flight
        newLog(bob.accountId, { at: T0 + 2, type: "event", kind: "restricted", result: null }),
        newLog(accountId, { at: T0 + 2, campaignId, kind: "message", text: "Merci !" }),
        newLog(accountId, { at: T0 + 2, campaignId: null }),
        newLog(accountId, { at: T0 + 3, campaignId }),
      ];
      for (const row of rows) await store.appendLog(row);
      const expected = [2, 1, 4, 5, 6, 7];
      const all = await store.readLog(WS, null, 100);
      expect(all.map((l) => l.id)).toEqual(expected);
      expect(all.find((l) => l.id === 4)).toEqual({ id: 4, ...rows[3], accountName: "bob", campaignName: null });
      expect(all.find((l) => l.id === 5)).toEqual({ id: 5, ...rows[4], accountName: "alice", campaignName: "c-alice" });
      for (const size of [1, 2, 4]) {
        const seen: number[] = [];
        let after: { at: number; id: number } | null = null;
        for (;;) {
          const page = await store.readLog(WS, after, size);
          seen.push(...page.map((l) => l.id));
          const last = page[page.length - 1];
          if (!last || page.length < size) break;
          after = { at: last.at, id: last.id };
        }
        expect(seen).toEqual(expected);
      }
      expect(await store.readLog(WS + 1, null, 10)).toEqual([]);
    });

    it("gives an account's actions with a result in [from, to), by (at, id)", async () => {
      const { accountId } = await seedAccountAndCampaign(store);
      const bob = await seedAccountAndCampaign(store, "bob");
      const rows = [
        newLog(accountId, { at: T0 + 10 }),
        newLog(accountId, { at: T0 }),
        newLog(accountId, { at: T0 + 20 }), // at `to`: excluded
        newLog(accountId, { at: T0 - 1 }), // before `from`
        newLog(accountId, { at: T0 + 5, result: null }), // in flight
        newLog(accountId, { at: T0 + 5, type: "event", kind: "accepted", result: null }),
        newLog(bob.accountId, { at: T0 + 5 }),
        newLog(accountId, { at: T0 + 10, kind: "connect", result: "weekly_limit_reached" }),
      ];
      for (const row of rows) await store.appendLog(row);
      const actions = await store.accountActions(accountId, T0, T0 + 20);
      expect(actions.map((a) => a.id)).toEqual([2, 1, 8]);
      expect(actions[2]).toEqual({ id: 8, ...rows[7] });
    });
  });

  describe("transactions", () => {
    it("commits what the function wrote and returns its value", async () => {
      const value = await store.transaction(async (tx) => {
        await seedAccountAndCampaign(tx);
        return "done";
      });
      expect(value).toBe("done");
      expect(await store.getAccount(WS, "alice")).not.toBeNull();
    });

    it("rolls everything back when the function throws, and rethrows", async () => {
      const boom = new Error("boom");
      const e = await rejection(
        store.transaction(async (tx) => {
          await seedAccountAndCampaign(tx);
          await seedPeople(tx, 2);
          throw boom;
        }),
      );
      expect(e).toBe(boom);
      expect(await store.listAccounts(WS)).toEqual([]);
      expect(await store.findPersonIds(WS, ["https://www.linkedin.com/in/p0"])).toEqual(new Map());
    });

    it("reuses the outer transaction for nested calls", async () => {
      const boom = new Error("boom");
      await rejection(
        store.transaction(async (tx) => {
          const inner = await tx.transaction(async (nested) => {
            expect(nested).toBe(tx);
            await seedAccountAndCampaign(nested);
            return nested;
          });
          expect(inner).toBe(tx);
          expect(await tx.getAccount(WS, "alice")).not.toBeNull();
          throw boom;
        }),
      );
      // The nested part was not committed on its own.
      expect(await store.getAccount(WS, "alice")).toBeNull();
    });

    it.runIf(backend.name === "sqlite")("takes SQLite's write lock when a transaction begins (BEGIN IMMEDIATE)", async () => {
      await store.transaction(async (tx) => {
        await tx.getAccountById(1); // reads only
        const other = new Database(db.location, { timeout: 0 });
        try {
          expect(() => other.exec("begin immediate")).toThrow(/locked|busy/i);
        } finally {
          other.close();
        }
      });
    });

    it("refuses to close the database from inside a transaction", async () => {
      await store.transaction(async (tx) => {
        await expect(tx.close()).rejects.toThrow(/inside a transaction/);
      });
    });
  });

  it("returns BIGINT columns, counts and ids as JavaScript numbers", async () => {
    const big = 2 ** 45 + 7; // far beyond 32 bits, still exact
    const { accountId, campaignId } = await seedAccountAndCampaign(store);
    await store.updateAccount(accountId, { wakeAt: big });
    const [personId] = await seedPeople(store, 1);
    const [id] = await store.insertEnrollments([
      newEnrollment({ accountId, campaignId, personId: personId as number }, { readyAt: big, visitedAt: big, nextKind: "connect" }),
    ]);
    const logId = await store.appendLog(newLog(accountId, { at: big }));
    await store.appendLog(newLog(accountId, { at: big, result: null }));
    const account = await store.getAccountById(accountId);
    const enrollment = await store.getEnrollment(id as number);
    const values = [
      account?.id,
      account?.wakeAt,
      account?.createdAt,
      await store.nextWakeAt(),
      enrollment?.id,
      enrollment?.readyAt,
      enrollment?.personId,
      logId,
      (await store.getLogRow(logId))?.at,
      (await store.nextReadyByKind(accountId)).connect,
      await store.countVisitedAwaiting(accountId, "connect"),
      (await store.enrollmentCounts({})).byStatus.ready,
      (await store.nextReadyWithBacklog(accountId, "connect")).ready.connect,
      (await store.nextReadyWithBacklog(accountId, "connect")).visitedAwaiting,
      (await store.nextReadyByAccount([accountId])).get(accountId)?.connect,
      (await store.openTasksByAccount([accountId])).get(accountId)?.[0]?.at,
      await store.setAccountWake((await seedAccountAndCampaign(store, "other")).accountId, {}, big + 1),
    ];
    for (const v of values) expect(typeof v).toBe("number");
    expect(values.slice(0, 6)).toEqual([1, big, T0, big, 1, big]);
    // The conversion belongs to the store's pool: pg's global parsers are left as they were.
    expect(pg.types.getTypeParser(20)("9007199254740993")).toBe("9007199254740993");
  });
});

/**
 * Waits until some PostgreSQL backend of this database is blocked on a lock held by another transaction.
 * Polls pg_stat_activity (a query, not a timer), giving up after a generous number of tries.
 */
async function waitForLockWaiter(): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.LINKPACE_TEST_PG });
  await client.connect();
  try {
    for (let attempt = 0; attempt < 5000; attempt++) {
      const r = await client.query(
        `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query ilike '%for update%'`,
      );
      if ((r.rows[0] as { n: number }).n > 0) return;
    }
    throw new Error("no transaction ever waited for the account lock");
  } finally {
    await client.end();
  }
}
