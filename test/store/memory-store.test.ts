/**
 * What the in-memory store (src/store/memory/) must do beyond the contract suite, which it also runs: roll back
 * exactly (rows, indexes, ids), serialise a transaction with the outer store as SQLite's one connection does,
 * hand out copies, and share one database between the stores opened over it.
 */
import { describe, expect, it } from "vitest";
import { LinkpaceError } from "../../src/core/errors.js";
import { HOUR } from "../../src/core/time.js";
import { memoryDatabaseOf, openAnotherMemoryStore, openMemoryStore } from "../../src/store/memory/memory-store.js";
import { DEFAULT_WORKSPACE, type Store } from "../../src/store/store.js";
import { newEnrollment, newLog, seedAccountAndCampaign, seedPeople, T0 } from "./fixtures.js";

const WS = DEFAULT_WORKSPACE;

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** One turn of the event loop: every promise that can settle without the lock has settled. */
const turn = () => new Promise<void>((r) => setImmediate(r));

/** Everything the queue and the log answer for an account, to compare before and after a rollback. */
async function snapshot(store: Store, accountId: number) {
  return {
    claim: await store.claimDueAccount(T0 + 10 * HOUR),
    nextWake: await store.nextWakeAt(),
    due: (await store.dueEnrollments(accountId, "visit", T0 + 10 * HOUR, 100)).map((d) => d.enrollment),
    byCampaign: (await store.dueEnrollmentsByCampaign(accountId, "visit", T0 + 10 * HOUR, 100)).map((d) => d.enrollment.id),
    ready: await store.nextReadyWithBacklog(accountId, "visit"),
    active: [...(await store.activeEnrollments(WS, [1, 2, 3, 4])).keys()],
    log: await store.readLog(WS, null, 100),
    tasks: await store.openTasks(accountId),
    people: await store.findPersonIds(WS, ["https://www.linkedin.com/in/p0", "https://www.linkedin.com/in/new"]),
  };
}

describe("the in-memory store", () => {
  it("rolls a throwing transaction back exactly: rows, every index and the next ids", async () => {
    const store = openMemoryStore();
    const { accountId, campaignId } = await seedAccountAndCampaign(store);
    const people = await seedPeople(store, 3);
    await store.updateAccount(accountId, { wakeAt: T0 + HOUR });
    await store.insertEnrollments(
      people.map((personId, i) => newEnrollment({ accountId, campaignId, personId }, { readyAt: T0 + i, visitedAt: i === 0 ? T0 : null })),
    );
    await store.appendLog(newLog(accountId, { at: T0 }));
    await store.appendLog(newLog(accountId, { at: T0 + 1, result: null }));
    const before = await snapshot(store, accountId);

    const boom = new Error("boom");
    await expect(
      store.transaction(async (tx) => {
        await tx.setAccountWake(accountId, { changed: true }, T0 + 5);
        await tx.updateEnrollment(1, { status: "done", readyAt: null, nextKind: null, endReason: "replied" });
        await tx.updateEnrollment(2, { readyAt: T0 + 9 * HOUR, visitedAt: T0 + 2 });
        await tx.setCampaignReadyAt(campaignId, null);
        const p = await tx.insertPerson({ ...(await tx.getPerson(1))!, displayUrl: "https://www.linkedin.com/in/new" }, [
          "https://www.linkedin.com/in/new",
        ]);
        await tx.insertEnrollments([newEnrollment({ accountId, campaignId, personId: p })]);
        await tx.setLogResult(2, "ok");
        await tx.releaseOpenAction(2, { which: "any", at: T0, reason: "skipped", forgetBefore: T0 });
        await tx.appendLog(newLog(accountId, { at: T0 + 3 }));
        throw boom;
      }),
    ).rejects.toBe(boom);

    expect(await snapshot(store, accountId)).toEqual(before);
    // The ids the rolled-back inserts took are handed out again, as on SQLite.
    expect(await store.appendLog(newLog(accountId, { at: T0 + 4 }))).toBe(3);
    expect(await store.insertPerson({ ...(await store.getPerson(1))!, displayUrl: "https://lnkd.in/x" }, ["https://lnkd.in/x"])).toBe(4);
    expect(await store.getReleasedAction(2)).toBeNull();
  });

  it("undoes only the failing call inside a transaction, which stays usable", async () => {
    const store = openMemoryStore();
    const { accountId, campaignId } = await seedAccountAndCampaign(store);
    const [p0, p1, p2] = await seedPeople(store, 3);
    await store.insertEnrollments([newEnrollment({ accountId, campaignId, personId: p1! })]);
    await store.transaction(async (tx) => {
      // p2's row is written before the CHECK on the second row refuses the call: it must be undone.
      const refused = await tx
        .insertEnrollments([
          newEnrollment({ accountId, campaignId, personId: p2! }),
          newEnrollment({ accountId, campaignId, personId: p0! }, { status: "bogus" as never }),
        ])
        .catch((e: unknown) => e);
      expect(String(refused)).toMatch(/enrollments_status_known/);
      expect((await tx.activeEnrollments(WS, [p2!])).size).toBe(0);
      expect(await tx.nextReadyByKind(accountId)).toEqual({ visit: T0 });
      // The refused call gave its ids back; a unique conflict is refused before any write.
      expect(await tx.insertEnrollments([newEnrollment({ accountId, campaignId, personId: p0! })])).toEqual([2]);
      await expect(tx.insertEnrollments([newEnrollment({ accountId, campaignId, personId: p1! })])).rejects.toBeInstanceOf(LinkpaceError);
    });
    expect([...(await store.activeEnrollments(WS, [p0!, p1!, p2!])).keys()].sort()).toEqual([p0, p1]);
  });

  it("makes the outer store wait for a transaction in progress, and shows it what was committed", async () => {
    const store = openMemoryStore();
    const another = openAnotherMemoryStore(store);
    const { accountId } = await seedAccountAndCampaign(store);
    const gate = deferred();
    const tx = store.transaction(async (t) => {
      await t.updateAccount(accountId, { wakeAt: T0 + 7 });
      await gate.promise;
    });
    const seen: Array<number | null | undefined> = [];
    const outer = store.getAccountById(accountId).then((a) => seen.push(a?.wakeAt));
    const other = another.nextWakeAt().then((w) => seen.push(w));
    await turn();
    expect(seen).toEqual([]);
    // ping never waits behind a transaction.
    await store.ping();
    gate.resolve();
    await Promise.all([tx, outer, other]);
    expect(seen).toEqual([T0 + 7, T0 + 7]);
  });

  it("hands out copies: changing what a read returned changes nothing stored", async () => {
    const store = openMemoryStore();
    const { accountId, campaignId } = await seedAccountAndCampaign(store);
    await store.updateAccount(accountId, { state: { counts: [1, 2] }, wakeAt: T0 });
    const [personId] = await seedPeople(store, 1);
    await store.updatePerson(personId!, { custom: { team: "Paris" } });
    await store.insertEnrollments([newEnrollment({ accountId, campaignId, personId: personId! })]);

    const account = (await store.getAccountById(accountId))!;
    (account.state as { counts: number[] }).counts.push(3);
    account.wakeAt = null;
    const [due] = await store.dueEnrollments(accountId, "visit", T0, 1);
    due!.person.custom.team = "Berlin";
    due!.enrollment.status = "done";

    expect((await store.getAccountById(accountId))?.state).toEqual({ counts: [1, 2] });
    expect(await store.nextWakeAt()).toBe(T0);
    expect((await store.getPerson(personId!))?.custom).toEqual({ team: "Paris" });
    expect((await store.getEnrollment(1))?.status).toBe("ready");
  });

  it("keeps its own copy of what it is given: changing a written account state afterwards changes nothing stored", async () => {
    const store = openMemoryStore();
    const { accountId } = await seedAccountAndCampaign(store);
    const state = { counts: [1, 2], skipped: undefined, at: new Date(T0) };
    await store.setAccountWake(accountId, state, T0);
    state.counts.push(3);
    const doc = (await store.getAccountById(accountId))!.doc;
    await store.updateAccount(accountId, { doc });
    doc.limits.minGap = -1;

    const stored = (await store.getAccountById(accountId))!;
    // What a JSON column gives back: undefined left out, the Date as its text.
    expect(stored.state).toEqual({ counts: [1, 2], at: new Date(T0).toISOString() });
    expect(stored.state).not.toHaveProperty("skipped");
    expect(stored.doc.limits.minGap).not.toBe(-1);
  });

  it("keeps the database while another store over it is open, and refuses calls on a closed one", async () => {
    const store = openMemoryStore();
    const another = openAnotherMemoryStore(store);
    await seedAccountAndCampaign(store);
    await store.close();
    await expect(store.getAccount(WS, "alice")).rejects.toThrow(/closed/);
    await expect(store.ping()).rejects.toThrow(/closed/);
    expect((await another.getAccount(WS, "alice"))?.id).toBe(1);
    expect(another.dialect).toBe("memory");
  });

  it("keeps the foreign keys of the SQL schema: no row naming a missing parent, no parent deleted while named", async () => {
    const store = openMemoryStore();
    const { accountId, campaignId } = await seedAccountAndCampaign(store);
    const [personId] = await seedPeople(store, 1);
    await expect(store.appendLog(newLog(accountId + 1))).rejects.toThrow(/FOREIGN KEY.*log\.account_id -> accounts/);
    await expect(store.insertEnrollments([newEnrollment({ accountId, campaignId, personId: personId! + 1 })])).rejects.toThrow(
      /enrollments\.person_id -> persons/,
    );
    const [id] = await store.insertEnrollments([newEnrollment({ accountId, campaignId, personId: personId! })]);
    const logId = await store.appendLog(newLog(accountId, { enrollmentId: id!, personId: personId!, campaignId }));
    const db = memoryDatabaseOf(store);
    await store
      .transaction(async () => {
        expect(() => db.enrollments.delete(id!)).toThrow(/log\.enrollment_id -> enrollments/);
        db.log.delete(logId);
        expect(db.enrollments.delete(id!)?.id).toBe(id);
        throw new Error("undo");
      })
      .catch(() => undefined);
    expect((await store.getLogRow(logId))?.enrollmentId).toBe(id);
  });
});
