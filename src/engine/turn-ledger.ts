/**
 * What one account's turn wrote to its enrollments, so that the wake written at the turn's end needs no second
 * read of the due times: on PostgreSQL that read is a round trip per action, the last one before the account's
 * row is written (and the held writes of postgres/deferred-writes.ts can travel with that write instead).
 *
 * The turn starts by reading the earliest readyAt per kind, the visit backlog and, per kind but withdraw, the
 * readyAt that follows the earliest (Store.nextReadyWithBacklog). Every enrollment the turn then writes is one it
 * read as due (its row before is known), and its patch says where it goes: out of a kind's queue, into one,
 * in or out of the backlog. From the two earliest of a queue, taking out and putting in a few rows still gives
 * its earliest, unless both known ones went (then there may be a third, unread); even so, if a row known to be
 * due now is still in the queue, the queue's earliest is due now, which is all the wake needs to know. Else the
 * ledger says it does not know, and the engine reads; so it does after a write it cannot follow (an enrollment
 * it did not read, another kind of enrollment write). The withdraw queue's `invited` part has no `following`:
 * only its earliest is known.
 *
 * A ledger sees only this transaction's writes. Another process's committed meanwhile (an import, a network
 * event) are its own to wake the account for, as they already are: the account's row is locked here, so their
 * wake is written after this one.
 */
import { ACTION_KINDS, type ReadyByKind } from "../core/governor/index.js";
import type { ActionKind } from "../core/model.js";
import type { Instant } from "../core/time.js";
import type { EnrollmentPatch, EnrollmentRow, QueueKind, ReadyWithBacklog, Store } from "../store/store.js";

/** The Store methods that write enrollments other than updateEnrollment: after any of them the ledger does not know. */
const OTHER_ENROLLMENT_WRITES = [
  "insertEnrollments",
  "setCampaignReadyAt",
  "resumeCampaignStep",
  "erasePersonRows",
  "deleteCampaignRows",
  "deleteAccountRows",
] as const satisfies ReadonlyArray<keyof Store>;

/** Where an enrollment stands for the due times: its queue (kind with a readyAt), and whether it is in the backlog. */
interface Place {
  queue: ActionKind | null;
  readyAt: Instant | null;
  backlog: boolean;
}

/**
 * A queue's readyAt values as known: those read (the two earliest) and those put in since, less those taken
 * out, sorted; whether they are all of it (the read found fewer than two); and when not, the floor under the
 * unread rows (the second value read). Taking out a value known when the row was in fact an unread one of the
 * same value only makes the ledger say "not known" sooner: the earliest it gives is never wrong.
 */
interface Known {
  values: Instant[];
  complete: boolean;
  floor: Instant;
}

export class TurnLedger {
  readonly #rows = new Map<number, EnrollmentRow>();
  #read: ReadyWithBacklog | null = null;
  #moves: Array<{ before: Place; after: Place }> = [];
  #lost = false;

  /**
   * `tx` with the reads and writes of one account's turn seen by this ledger. `claimed`: what the claim read of the
   * account's due times (Store.claimDueAccounts), which the turn's first read then gives without a query.
   */
  watch(tx: Store, claimed?: ReadyWithBacklog): Store {
    const watched: Store = Object.create(tx) as Store;
    let first = claimed;
    watched.nextReadyWithBacklog = async (accountId, awaiting) => {
      const given = awaiting === "connect" ? first : undefined;
      first = undefined;
      const read = given ?? (await tx.nextReadyWithBacklog(accountId, awaiting));
      // Everything written so far is in what was just read.
      this.#read = read;
      this.#moves = [];
      this.#lost = false;
      return read;
    };
    watched.dueEnrollments = async (...args) => this.#know(await tx.dueEnrollments(...args));
    watched.dueEnrollmentsByCampaign = async (...args) => this.#know(await tx.dueEnrollmentsByCampaign(...args));
    watched.updateEnrollment = (id, patch, opts) => {
      this.#write(id, patch);
      return tx.updateEnrollment(id, patch, opts);
    };
    for (const name of OTHER_ENROLLMENT_WRITES) {
      const write = tx[name] as (...args: unknown[]) => Promise<unknown>;
      (watched as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
        this.#lost = true;
        return write(...args);
      };
    }
    watched.transaction = (fn) => tx.transaction(() => fn(watched));
    return watched;
  }

  /**
   * The due times and the visit backlog as a read at `now` would give them (for `awaiting` "connect", as the
   * engine reads them), or null when the ledger cannot tell. A due time at or before `now` may be another one
   * at or before `now`: the wake is planned from what is due by then, not from when it became due
   * (core/governor/plan-wake.ts, exact-wake.ts).
   */
  readyNow(now: Instant): { ready: ReadyByKind; visitedAwaiting: number } | null {
    const read = this.#read;
    if (read === null || this.#lost || read.following === undefined || read.visitedAwaiting === null) return null;
    if (this.#moves.length === 0) return { ready: read.ready, visitedAwaiting: read.visitedAwaiting };
    const ready: ReadyByKind = {};
    for (const kind of ["visit", "connect", "message", "withdraw"] as const) {
      const earliest = this.#earliest(kind, read, now);
      if (earliest === null) return null;
      if (earliest !== undefined) ready[kind] = earliest;
    }
    const backlog = this.#moves.reduce((n, { before, after }) => n + Number(after.backlog) - Number(before.backlog), read.visitedAwaiting);
    return { ready, visitedAwaiting: backlog };
  }

  /** The queue's earliest after the moves (or one as good, see readyNow): undefined when empty, null when not known. */
  #earliest(kind: ActionKind, read: ReadyWithBacklog, now: Instant): Instant | undefined | null {
    const moves = this.#moves.filter(({ before, after }) => before.queue === kind || after.queue === kind);
    const first = read.ready[kind];
    if (moves.length === 0) return first;
    // Withdraw's `invited` rows have no `following`: only its earliest is known.
    const second = kind === "withdraw" ? undefined : read.following?.[kind as QueueKind];
    const values = [first, second].filter((v): v is Instant => v !== undefined);
    const known: Known = {
      values,
      complete: first === undefined || (kind !== "withdraw" && second === undefined),
      floor: values.at(-1) ?? -Infinity,
    };
    for (const { before, after } of moves) {
      if (before.queue === kind && !takeOut(known, before.readyAt as Instant)) return null;
      if (after.queue === kind) putIn(known, after.readyAt as Instant);
    }
    const earliest = known.values[0];
    // The unread rows are at or after the floor: the earliest known is the queue's if it is not after it.
    if (known.complete || (earliest !== undefined && earliest <= known.floor)) return earliest;
    // Else any one known to be due now will do: the queue's earliest is due now too.
    if (earliest !== undefined && earliest <= now) return earliest;
    for (const row of this.#rows.values()) {
      const place = placeOf(row);
      if (place.queue === kind && (place.readyAt as Instant) <= now) return place.readyAt;
    }
    return null;
  }

  #know<T extends { enrollment: EnrollmentRow }>(due: T[]): T[] {
    for (const { enrollment } of due) this.#rows.set(enrollment.id, enrollment);
    return due;
  }

  #write(id: number, patch: EnrollmentPatch): void {
    const row = this.#rows.get(id);
    if (row === undefined) {
      this.#lost = true;
      return;
    }
    const next = { ...row, ...patch };
    this.#rows.set(id, next);
    this.#moves.push({ before: placeOf(row), after: placeOf(next) });
  }
}

/** Where a row stands, as the store's due-time queries see it (enrollment-queue.ts: readyColumns, visitedAwaiting). */
function placeOf(e: Pick<EnrollmentRow, "status" | "nextKind" | "readyAt" | "visitedAt">): Place {
  const queued =
    e.readyAt !== null && e.nextKind !== null && (e.status === "ready" || (e.status === "invited" && e.nextKind === "withdraw"));
  return {
    queue: queued ? e.nextKind : null,
    readyAt: queued ? e.readyAt : null,
    backlog: e.status === "ready" && e.nextKind === "connect" && e.visitedAt !== null,
  };
}

/** Takes one row of readyAt `at` out of the known values; false when it cannot be placed (the ledger is lost). */
function takeOut(known: Known, at: Instant): boolean {
  const i = known.values.indexOf(at);
  if (i >= 0) {
    known.values.splice(i, 1);
    return true;
  }
  // Not among the known: one of the unread rows, all at or after the floor.
  return !known.complete && at >= known.floor;
}

function putIn(known: Known, at: Instant): void {
  const i = known.values.findIndex((v) => v > at);
  known.values.splice(i < 0 ? known.values.length : i, 0, at);
}

/**
 * Whether the due times the engine did not read itself are checked against a read: LINKPACE_VERIFY_LEDGER=1 (the
 * tests), on a backend where no other transaction writes meanwhile.
 */
export function verifyingLedger(tx: Store): boolean {
  return process.env.LINKPACE_VERIFY_LEDGER === "1" && tx.dialect !== "postgres";
}

/** Throws unless `known` is what a read of the account's due times gives now (those at or before now are all one to the wake). */
export async function verifyRead(
  tx: Store,
  accountId: number,
  now: Instant,
  known: { ready: ReadyByKind; visitedAwaiting: number | null },
  what: string,
): Promise<void> {
  const read = await tx.nextReadyWithBacklog(accountId, "connect");
  const show = (r: { ready: ReadyByKind; visitedAwaiting: number | null }) =>
    JSON.stringify([...ACTION_KINDS.map((k) => (r.ready[k] === undefined ? null : Math.max(r.ready[k], now))), r.visitedAwaiting]);
  const [a, b] = [show(known), show(read)];
  if (a !== b) throw new Error(`due times of account ${accountId} ${what}: ${a}, the store says ${b}`);
}
