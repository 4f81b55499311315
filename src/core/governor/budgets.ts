/**
 * The budgets one account may spend, derived from its document and the governor state: the rolling weekly
 * invitation budget (configured, or learned lower from LinkedIn's signal), the day's caps with the warm-up ramp
 * and the acceptance-rate guard, and the monthly note budget (configured on free accounts, or learned lower from
 * LinkedIn's refusal of a note).
 */
import { acceptance, isUnanswered, type Acceptance } from "../acceptance.js";
import type { AccountDoc } from "../model.js";
import { daysBetweenLocalDates, localDateKey } from "../schedule/index.js";
import { WEEK, type Instant } from "../time.js";
import { DECIDED_MEMORY, type CountedKind, type GovernorState } from "./state.js";

/** Accounts younger than this when linkpace first acts for them warm up. */
export const WARMUP_ACCOUNT_AGE_DAYS = 90;
/** The acceptance guard looks at no fewer decided invitations than this. */
export const GUARD_MIN_DECIDED = 30;
export const GUARD_MIN_RATE = 0.2;

export function weeklyBudget(doc: AccountDoc, state: GovernorState): number {
  const configured = doc.limits.invitesPerWeek;
  return state.learnedWeeklyBudget === null ? configured : Math.min(configured, state.learnedWeeklyBudget);
}

/** `ok` connects in the rolling 7×24 h that ends at `now`. */
export function invitesInWindow(state: GovernorState, now: Instant): number {
  let n = 0;
  for (const t of state.inviteTimes) if (t > now - WEEK && t <= now) n++;
  return n;
}

/** The instant at which the rolling count drops below `budget` again (the oldest invites leave the window). */
export function weeklyRoomAt(state: GovernorState, now: Instant, budget: number): Instant {
  const inWindow = state.inviteTimes.filter((t) => t > now - WEEK && t <= now);
  const mustExpire = inWindow.length - budget + 1;
  if (mustExpire <= 0) return now;
  return (inWindow[mustExpire - 1] as number) + WEEK;
}

/** Whether warm-up applies, and the ramp's day number k (1 on the first active day). */
export function warmupDay(doc: AccountDoc, state: GovernorState, today: string): number | null {
  if (doc.warmup !== "auto" || doc.created === null) return null;
  const firstDay = state.firstActiveDay ?? today;
  if (daysBetweenLocalDates(doc.created, firstDay) >= WARMUP_ACCOUNT_AGE_DAYS) return null;
  return daysBetweenLocalDates(firstDay, today) + 1;
}

/**
 * Acceptance over the latest DECIDED_MEMORY decided invitations (core/acceptance.ts): the pending ones sent 21
 * days or more before `now` count as not accepted and as the latest (they are still open now), then the
 * closed ones the state remembers, newest first.
 */
export function recentAcceptance(state: GovernorState, now: Instant): Acceptance {
  const unanswered = Math.min(DECIDED_MEMORY, state.pendingSince.filter((t) => isUnanswered(t, now)).length);
  const closed = state.decided.slice(state.decided.length - Math.min(state.decided.length, DECIDED_MEMORY - unanswered));
  return acceptance(
    closed.reduce<number>((s, d) => s + d, 0),
    closed.length + unanswered,
  );
}

/** recentAcceptance, when there are enough decided invitations to judge. */
export function acceptanceRate(state: GovernorState, now: Instant): { rate: number; decided: number } | null {
  const { rate, decided } = recentAcceptance(state, now);
  return rate === null || decided < GUARD_MIN_DECIDED ? null : { rate, decided };
}

export interface DailyCap {
  cap: number;
  /** Why the cap is lower than the configured one, if it is. */
  why: string | null;
}

/** How many actions of `kind` the account may perform on the sender-local day of `now`. */
export function dailyCap(doc: AccountDoc, state: GovernorState, kind: CountedKind, now: Instant): DailyCap {
  switch (kind) {
    case "message":
      return { cap: doc.limits.messagesPerDay, why: null };
    case "visit":
      return { cap: doc.limits.visitsPerDay, why: null };
    case "withdraw":
      return { cap: Number.POSITIVE_INFINITY, why: null };
    case "connect":
      return connectCap(doc, state, now);
    default: {
      const never: never = kind;
      return never;
    }
  }
}

function connectCap(doc: AccountDoc, state: GovernorState, now: Instant): DailyCap {
  let cap = doc.limits.invitesPerDay;
  let why: string | null = null;
  const k = warmupDay(doc, state, localDateKey(doc.timezone, now));
  if (k !== null && 4 + k < cap) {
    cap = 4 + k;
    why = `warm-up day ${k}: ${cap} invitations`;
  }
  const guard = acceptanceRate(state, now);
  if (guard !== null && guard.rate < GUARD_MIN_RATE) {
    cap = Math.max(1, Math.floor(cap / 2));
    why = `slowed to ${cap}/day: acceptance ${Math.round(guard.rate * 100)}% over the last ${guard.decided} decided invitations`;
  }
  return { cap, why };
}

/** Counts for the sender-local day `today` (zero when the state's counters are for another day). */
export function countsToday(state: GovernorState, today: string): Record<CountedKind, number> {
  return state.day === today ? state.today : { connect: 0, message: 0, visit: 0, withdraw: 0 };
}

/** Notes a month: the configured budget, or what LinkedIn let through when it refused one if lower; null: unlimited. */
export function notesPerMonth(doc: AccountDoc, state: GovernorState): number | null {
  const configured = doc.limits.notesPerMonth;
  const learned = state.learnedNoteQuota;
  if (learned === null) return configured;
  return configured === null ? learned : Math.min(configured, learned);
}

/** Whether a connect may carry a note this month, and why not. */
export function noteAllowance(doc: AccountDoc, state: GovernorState, month: string): { allowed: boolean; why: string | null } {
  if (state.noteBlockedMonth === month) return { allowed: false, why: "LinkedIn refused a note this month (note quota reached)" };
  const perMonth = notesPerMonth(doc, state);
  if (perMonth === null) return { allowed: true, why: null };
  const used = state.month === month ? state.notesThisMonth : 0;
  if (used < perMonth) return { allowed: true, why: null };
  const learned = perMonth !== doc.limits.notesPerMonth ? " (the quota LinkedIn showed when it refused a note)" : "";
  return { allowed: false, why: `${used} of ${perMonth} notes used this month${learned}` };
}
