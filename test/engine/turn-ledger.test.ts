/**
 * The turn ledger (src/engine/turn-ledger.ts) tells the due times after a turn's writes without a second read,
 * or says it cannot. Here over a store that answers one read and records nothing else; the engine's own tests
 * check every ledger answer against a read of the real stores (LINKPACE_VERIFY_LEDGER, vitest.config.ts).
 */
import { describe, expect, it } from "vitest";
import { TurnLedger } from "../../src/engine/turn-ledger.js";
import type { DueEnrollment, EnrollmentRow, ReadyWithBacklog, Store } from "../../src/store/store.js";
import { newEnrollment, newPerson, T0 } from "../store/fixtures.js";

const NOW = T0 + 100_000;

function row(id: number, over: Partial<EnrollmentRow>): EnrollmentRow {
  return { id, ...newEnrollment({ campaignId: 1, accountId: 1, personId: id }), ...over };
}

/** A store that reads `read` and `due`, and takes every write. */
function fakeStore(read: ReadyWithBacklog, due: EnrollmentRow[]): Store {
  const dueOf = (enrollment: EnrollmentRow): DueEnrollment => ({
    enrollment,
    person: { id: enrollment.personId, ...newPerson() },
    campaignId: 1,
  });
  return {
    dialect: "memory",
    nextReadyWithBacklog: () => Promise.resolve(read),
    dueEnrollments: () => Promise.resolve(due.map(dueOf)),
    dueEnrollmentsByCampaign: () => Promise.resolve(due.map(dueOf)),
    updateEnrollment: () => Promise.resolve(),
    insertEnrollments: () => Promise.resolve([]),
    transaction: (fn: (tx: Store) => Promise<unknown>) => fn(undefined as never),
  } as unknown as Store;
}

/** Reads, reads the due rows, writes `writes`, and asks the ledger. */
async function after(read: ReadyWithBacklog, due: EnrollmentRow[], writes: Array<[number, Partial<EnrollmentRow>]>) {
  const ledger = new TurnLedger();
  const tx = ledger.watch(fakeStore(read, due));
  await tx.nextReadyWithBacklog(1, "connect");
  await tx.dueEnrollments(1, "connect", NOW, 16);
  for (const [id, patch] of writes) await tx.updateEnrollment(id, patch);
  return { ledger, tx };
}

describe("the turn ledger", () => {
  const read: ReadyWithBacklog = {
    ready: { connect: T0 + 10, message: T0 + 50, withdraw: T0 + 900_000 },
    visitedAwaiting: 3,
    following: { connect: T0 + 20, message: T0 + 60 },
  };
  const invited = { status: "invited", nextKind: "withdraw", readyAt: T0 + 800_000, visitedAt: T0 } as const;

  it("gives the read when nothing was written", async () => {
    const { ledger } = await after(read, [], []);
    expect(ledger.readyNow(NOW)).toEqual({ ready: read.ready, visitedAwaiting: 3 });
  });

  it("moves the earliest on: the following comes first, the invitation joins the withdrawals, the backlog shrinks", async () => {
    const sent = row(7, { status: "ready", nextKind: "connect", readyAt: T0 + 10, visitedAt: T0 });
    const { ledger } = await after(read, [sent], [[7, invited]]);
    expect(ledger.readyNow(NOW)).toEqual({
      ready: { connect: T0 + 20, message: T0 + 50, withdraw: T0 + 800_000 },
      visitedAwaiting: 2,
    });
  });

  it("puts a visited prospect into the backlog and the invitations' queue", async () => {
    const r: ReadyWithBacklog = { ready: { visit: T0 + 5, connect: T0 + 10 }, visitedAwaiting: 0, following: { visit: T0 + 6 } };
    const visited = row(3, { nextKind: "visit", readyAt: T0 + 5 });
    const { ledger } = await after(r, [visited], [[3, { nextKind: "connect", readyAt: T0 + 2, visitedAt: NOW }]]);
    expect(ledger.readyNow(NOW)).toEqual({ ready: { visit: T0 + 6, connect: T0 + 2 }, visitedAwaiting: 1 });
  });

  it("knows a queue is empty when the read found one row and it left", async () => {
    const r: ReadyWithBacklog = { ready: { message: T0 + 50 }, visitedAwaiting: 0, following: {} };
    const messaged = row(4, { status: "ready", nextKind: "message", readyAt: T0 + 50 });
    const { ledger } = await after(r, [messaged], [[4, { status: "done", nextKind: null, readyAt: null }]]);
    expect(ledger.readyNow(NOW)).toEqual({ ready: {}, visitedAwaiting: 0 });
  });

  it("cannot tell once both known rows left and no row known to be due now is left", async () => {
    const a = row(1, { nextKind: "connect", readyAt: T0 + 10 });
    const b = row(2, { nextKind: "connect", readyAt: T0 + 20 });
    const later = { readyAt: NOW + 50_000 };
    const { ledger } = await after(
      read,
      [a, b],
      [
        [1, later],
        [2, later],
      ],
    );
    expect(ledger.readyNow(NOW)).toBeNull();
  });

  it("tells an earliest as good as the true one when a row known to be due now is still there", async () => {
    const a = row(1, { nextKind: "connect", readyAt: T0 + 10 });
    const b = row(2, { nextKind: "connect", readyAt: T0 + 20 });
    const c = row(3, { nextKind: "connect", readyAt: T0 + 30 });
    const { ledger } = await after(
      read,
      [a, b, c],
      [
        [1, { readyAt: NOW + 50_000 }],
        [2, { readyAt: NOW + 50_000 }],
      ],
    );
    // The queue's earliest may be an unread row before T0 + 30: both are due now, which is all the wake needs.
    expect(ledger.readyNow(NOW)?.ready.connect).toBe(T0 + 30);
  });

  it("cannot tell after a withdrawal leaves its queue (its invited rows have no following)", async () => {
    const w = row(9, { ...invited, readyAt: T0 + 900_000 });
    const { ledger } = await after(read, [w], [[9, { status: "done", nextKind: null, readyAt: null }]]);
    expect(ledger.readyNow(T0 + 900_000)).toBeNull();
  });

  it("cannot tell after a write to an enrollment it did not read, or another kind of enrollment write", async () => {
    expect((await after(read, [], [[42, { readyAt: NOW }]])).ledger.readyNow(NOW)).toBeNull();
    const { ledger, tx } = await after(read, [], []);
    await tx.insertEnrollments([]);
    expect(ledger.readyNow(NOW)).toBeNull();
  });

  it("starts again from a new read: what was written before is in it", async () => {
    const a = row(1, { nextKind: "connect", readyAt: T0 + 10 });
    const { ledger, tx } = await after(read, [a], [[42, { readyAt: NOW }]]);
    expect(ledger.readyNow(NOW)).toBeNull();
    await tx.nextReadyWithBacklog(1, "connect");
    expect(ledger.readyNow(NOW)).toEqual({ ready: read.ready, visitedAwaiting: 3 });
  });
});
