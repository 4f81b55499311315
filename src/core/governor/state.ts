/**
 * The governor's memory of one account, persisted as JSON with the account. Everything the governor needs to
 * decide is here, so a decision is a pure function of (account document, state, now).
 *
 * Counters refer to the sender's local calendar day `day` and month `month`; a state whose day is not today's
 * simply has zero counts for today (see countsToday).
 */
import type { ActionKind } from "../model.js";
import type { ShareUse } from "./fair-share.js";
import type { Instant } from "../time.js";

/** Every kind of action is counted per day. */
export type CountedKind = ActionKind;

export interface GovernorState {
  /** Sender-local date of the first performed action: day 1 of the warm-up ramp. */
  firstActiveDay: string | null;
  /** Sender-local date the `today` counters are for. */
  day: string | null;
  today: Record<CountedKind, number>;
  /** Sender-local month the note counter is for. */
  month: string | null;
  notesThisMonth: number;
  /** After LinkedIn refused a note (`note_quota_reached`): no note until this month is over. */
  noteBlockedMonth: string | null;
  /** The notes LinkedIn let through in the month it refused one: the monthly quota from the next month on. */
  learnedNoteQuota: number | null;
  /** Instants of `ok` connects in the last 7×24 h, ascending. */
  inviteTimes: Instant[];
  /** Invitations sent and not yet accepted, declined, withdrawn or expired. */
  pending: number;
  /**
   * When each pending invitation was sent, ascending (those still pending 21 days later count as not accepted,
   * core/acceptance.ts). At most `pending` entries; a state saved before this field knew none.
   */
  pendingSince: Instant[];
  lastActionAt: Instant | null;
  /** The least gap (with jitter) after the last action of any kind. */
  nextAnyAt: Instant | null;
  /** Pacing per kind: the day's remaining quota spread over the remaining working hours. */
  nextByKind: Partial<Record<CountedKind, Instant>>;
  /** A weekly budget learned from LinkedIn's weekly-limit signal, lower than the configured one. */
  learnedWeeklyBudget: number | null;
  /** Instants of `weekly_limit_reached` results. */
  limitSignals: Instant[];
  /** No connect before this instant (after a weekly-limit signal). */
  inviteBlockedUntil: Instant | null;
  /** Nothing at all before this instant (after a restriction). */
  pausedUntil: Instant | null;
  pauseReason: string | null;
  /** How many restrictions this account has had: each one pauses longer. */
  restrictions: number;
  /** The latest closed invitations, oldest first: 1 accepted, 0 withdrawn, declined or expired. */
  decided: Array<0 | 1>;
  /** Actions performed so far: seeds the jitter of the next one. */
  actionCount: number;
  /**
   * The sitting the account's owner has open (or had last): while `from <= now < until`, tasks come back to back
   * (sittingGap, no drip pacing); an account whose pacing is `sittings` acts only then.
   */
  sitting: Sitting | null;
  /** Each campaign's use of the account's shared budgets, per kind (fair-share.ts); a state saved before it had none. */
  share: ShareUse;
}

export interface Sitting {
  from: Instant;
  until: Instant;
}

/** Whether the state's sitting is open at `at`. */
export function inSitting(state: Pick<GovernorState, "sitting">, at: Instant): boolean {
  return state.sitting !== null && state.sitting.from <= at && at < state.sitting.until;
}

export const DECIDED_MEMORY = 100;

export function initialGovernorState(): GovernorState {
  return {
    firstActiveDay: null,
    day: null,
    today: { connect: 0, message: 0, visit: 0, withdraw: 0 },
    month: null,
    notesThisMonth: 0,
    noteBlockedMonth: null,
    learnedNoteQuota: null,
    inviteTimes: [],
    pending: 0,
    pendingSince: [],
    lastActionAt: null,
    nextAnyAt: null,
    nextByKind: {},
    learnedWeeklyBudget: null,
    limitSignals: [],
    inviteBlockedUntil: null,
    pausedUntil: null,
    pauseReason: null,
    restrictions: 0,
    decided: [],
    actionCount: 0,
    sitting: null,
    share: {},
  };
}

/**
 * A deep copy, for the functions that return a changed state (record.ts, record-outside.ts). A state is plain
 * data (what JSON gives: arrays, plain objects, primitives), so it is copied as structuredClone did, about three
 * times faster: structuredClone of an account's state was ~7% of a 100,000-prospect simulation's time.
 */
export function copyGovernorState(s: GovernorState): GovernorState {
  return copyPlain(s);
}

const isPrimitive = (x: unknown): boolean => typeof x !== "object" || x === null;

function copyPlain<T>(v: T): T {
  if (typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) {
    // Most arrays are instants (inviteTimes, pendingSince: hundreds at 200 prospects an account): one slice.
    if (v.every(isPrimitive)) return v.slice() as T;
    return v.map((x: unknown) => copyPlain(x)) as T;
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const c = copyPlain((v as Record<string, unknown>)[k]);
    // A "__proto__" key (JSON.parse makes it an own property) stays one: an assignment would set the prototype.
    if (k === "__proto__") Object.defineProperty(out, k, { value: c, enumerable: true, writable: true, configurable: true });
    else out[k] = c;
  }
  return out as T;
}

/** Reads a persisted state, filling fields added by later versions with their initial values. */
export function loadGovernorState(raw: unknown): GovernorState {
  const base = initialGovernorState();
  if (raw === null || typeof raw !== "object") return base;
  return { ...base, ...(raw as Partial<GovernorState>) };
}
