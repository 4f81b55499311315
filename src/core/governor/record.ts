/**
 * How outcomes change an account's governor state. Budgets are charged only for `ok` results (an action that
 * LinkedIn refused or that never reached it costs nothing); every performed attempt, whatever its result, is
 * followed by the least gap with jitter (sittingGap during a sitting, minGap otherwise; drip pacing spreads the
 * rest of the day's quota only outside sittings). Signals from LinkedIn back the account off:
 * - weekly_limit_reached: no invitation for at least 24 h, and the weekly budget is lowered to 90% of what the
 *   rolling window held when LinkedIn said stop (the hidden limit is at most that), so it does not recur;
 * - note_quota_reached: no note until the next calendar month, and from then on no more notes a month than
 *   LinkedIn let through in this one (its hidden quota), so the refusal does not come back every month;
 * - restricted: nothing at all for 24 h, then 3 days, then 7 days for repeated restrictions.
 */
import type { AccountDoc, ActionKind, ActionResult } from "../model.js";
import { unitHash } from "../random.js";
import { localDateKey, localMonthKey, startOfNextLocalDay, windowEnd } from "../schedule/index.js";
import { DAY, HOUR, SECOND, WEEK, type Instant } from "../time.js";
import { countsToday, dailyCap, invitesInWindow } from "./budgets.js";
import { copyGovernorState, DECIDED_MEMORY, inSitting, type GovernorState } from "./state.js";

export const LIMIT_BACKOFF = 24 * HOUR;
export const LEARNED_BUDGET_FACTOR = 0.9;
export const RESTRICTION_PAUSES = [24 * HOUR, 3 * DAY, 7 * DAY] as const;
/** Extra least-gap jitter: the gap is minGap × U(1, 1 + GAP_JITTER). */
export const GAP_JITTER = 0.5;

export interface PerformedAction {
  kind: ActionKind;
  result: ActionResult;
  at: Instant;
  /** connect: whether it carried a note. */
  withNote: boolean;
  /** withdraw: when the invitation it withdraws was sent (null when unknown). */
  invitedAt?: Instant | null;
}

export function recordAction(doc: AccountDoc, prev: GovernorState, action: PerformedAction): GovernorState {
  const s = copyGovernorState(prev);
  const { at } = action;
  const today = localDateKey(doc.timezone, at);
  s.today = { ...countsToday(s, today) };
  s.day = today;
  s.firstActiveDay ??= today;
  s.lastActionAt = at;
  s.actionCount += 1;
  const gap = inSitting(s, at) ? doc.limits.sittingGap : doc.limits.minGap;
  s.nextAnyAt = wholeSecond(at + gap * (1 + GAP_JITTER * unitHash(doc.name, s.actionCount, "gap")));
  if (action.result === "ok") chargeOk(doc, s, action);
  else applySignal(doc, s, action);
  if (action.kind === "withdraw") closeWithdrawn(s, action);
  return s;
}

/** A withdrawal closes the invitation, unless LinkedIn refused it for the account (it is tried again). */
function closeWithdrawn(s: GovernorState, action: PerformedAction): void {
  const invitedAt = action.invitedAt ?? null;
  if (action.result === "ok" || action.result === "not_connected") closeInvitation(s, 0, invitedAt);
  else if (action.result === "already_connected") closeInvitation(s, 1, invitedAt); // accepted before we withdrew
}

function chargeOk(doc: AccountDoc, s: GovernorState, action: PerformedAction): void {
  const { kind, at } = action;
  s.today[kind] += 1;
  if (kind === "connect") {
    s.inviteTimes = [...s.inviteTimes.filter((t) => t > at - WEEK), at];
    addPending(s, at);
    if (action.withNote) {
      const month = localMonthKey(doc.timezone, at);
      s.notesThisMonth = s.month === month ? s.notesThisMonth + 1 : 1;
      s.month = month;
    }
  }
  if (kind === "withdraw") return; // closeWithdrawn
  pace(doc, s, action);
}

/** Spreads the day's remaining quota of this kind over the rest of the working window, with jitter. */
function pace(doc: AccountDoc, s: GovernorState, action: PerformedAction): void {
  const { kind, at } = action;
  if (inSitting(s, at)) {
    // Back to back: the person chose this time. Outside the sitting, drip pacing starts afresh from what is left.
    delete s.nextByKind[kind];
    return;
  }
  const left = dailyCap(doc, s, kind, at).cap - s.today[kind];
  // The quota is per local day, so spread it no further than the day's end (hours may run past midnight).
  const open = windowEnd(doc.workingHours, doc.timezone, at);
  const end = open === null ? null : Math.min(open, startOfNextLocalDay(doc.timezone, at));
  if (left <= 0 || end === null) {
    delete s.nextByKind[kind];
    return;
  }
  const evenGap = (end - at) / left;
  s.nextByKind[kind] = wholeSecond(at + evenGap * (0.6 + 0.4 * unitHash(doc.name, s.actionCount, "pace")));
}

function applySignal(doc: AccountDoc, s: GovernorState, action: PerformedAction): void {
  switch (action.result) {
    case "weekly_limit_reached": {
      s.limitSignals = [...s.limitSignals, action.at];
      const held = invitesInWindow(s, action.at);
      const learned = Math.max(1, Math.floor(held * LEARNED_BUDGET_FACTOR));
      s.learnedWeeklyBudget = Math.min(learned, s.learnedWeeklyBudget ?? learned);
      s.inviteBlockedUntil = action.at + LIMIT_BACKOFF;
      return;
    }
    case "note_quota_reached":
      learnNoteQuota(doc, s, action.at);
      return;
    case "restricted":
      recordRestricted(s, action.at);
      return;
    case "cannot_resend_yet":
    case "already_connected":
    case "not_connected":
    case "profile_unavailable":
    case "ok":
      return;
    default: {
      const never: never = action.result;
      return never;
    }
  }
}

/**
 * LinkedIn refused a note: none for the rest of this month, and from the next on no more than the notes it let
 * through this month (at least 1: a refusal before any note of ours means notes went out by hand).
 */
function learnNoteQuota(doc: AccountDoc, s: GovernorState, at: Instant): void {
  const month = localMonthKey(doc.timezone, at);
  s.noteBlockedMonth = month;
  const passed = Math.max(1, s.month === month ? s.notesThisMonth : 0);
  s.learnedNoteQuota = Math.min(passed, s.learnedNoteQuota ?? passed);
}

/** Actions happen on whole seconds, so times shown and logged read cleanly. */
function wholeSecond(at: Instant): Instant {
  return Math.ceil(at / SECOND) * SECOND;
}

/** A restriction, from an action's result or LinkedIn's own event; one restriction is not counted twice. */
export function recordRestricted(s: GovernorState, at: Instant): void {
  if (s.pausedUntil !== null && s.pausedUntil > at) return;
  const pause = RESTRICTION_PAUSES[Math.min(s.restrictions, RESTRICTION_PAUSES.length - 1)] as number;
  s.restrictions += 1;
  s.pausedUntil = at + pause;
  s.pauseReason = `LinkedIn restricted the account (restriction ${s.restrictions})`;
}

/** An invitation was closed: accepted (1) or withdrawn, declined, expired (0). */
export function recordDecided(s: GovernorState, outcome: 0 | 1): void {
  s.decided = [...s.decided, outcome].slice(-DECIDED_MEMORY);
}

/** An invitation sent at `at` is pending. */
export function addPending(s: GovernorState, at: Instant): void {
  s.pending += 1;
  const times = [...s.pendingSince, at];
  if (times.length > 1 && at < (s.pendingSince[s.pendingSince.length - 1] as number)) times.sort((a, b) => a - b);
  s.pendingSince = times;
}

/**
 * The invitation sent at `invitedAt` is no longer pending. When that time is not on record (unknown, or a state
 * saved before sent times were kept), the list still never holds more than `pending` times: the oldest go.
 */
function closeInvitation(s: GovernorState, outcome: 0 | 1, invitedAt: Instant | null): void {
  s.pending = Math.max(0, s.pending - 1);
  const i = invitedAt === null ? -1 : s.pendingSince.indexOf(invitedAt);
  const rest = i < 0 ? s.pendingSince : [...s.pendingSince.slice(0, i), ...s.pendingSince.slice(i + 1)];
  s.pendingSince = rest.slice(Math.max(0, rest.length - s.pending));
  recordDecided(s, outcome);
}

/** A pending invitation, sent at `invitedAt`, was answered or ended outside an action of ours (acceptance, decline, expiry). */
export function recordInvitationClosed(prev: GovernorState, outcome: 0 | 1, invitedAt: Instant | null): GovernorState {
  const s = copyGovernorState(prev);
  closeInvitation(s, outcome, invitedAt);
  return s;
}

export function recordRestrictionEvent(prev: GovernorState, at: Instant): GovernorState {
  const s = copyGovernorState(prev);
  recordRestricted(s, at);
  return s;
}

/**
 * Opens a sitting from `at` for `duration` (an open one is extended, never shortened: its start is kept), or
 * closes it (`duration` 0). The least gap and drip pacing left from before the sitting do not hold it back.
 */
export function recordSitting(doc: AccountDoc, prev: GovernorState, at: Instant, duration: number): GovernorState {
  const s = copyGovernorState(prev);
  if (duration <= 0) {
    if (inSitting(s, at)) s.sitting = { from: (s.sitting as { from: Instant }).from, until: at };
    return s;
  }
  const open = inSitting(s, at) ? (s.sitting as { from: Instant; until: Instant }) : null;
  const from = open ? open.from : at;
  s.sitting = { from, until: Math.max(open?.until ?? at, at + duration) };
  if (from === at) {
    s.nextByKind = {};
    if (s.nextAnyAt !== null && s.lastActionAt !== null)
      s.nextAnyAt = Math.min(s.nextAnyAt, wholeSecond(s.lastActionAt + doc.limits.sittingGap));
  }
  return s;
}
