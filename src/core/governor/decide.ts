/**
 * decideAccount: for one account at one instant, which kinds of action may run now, and for each that may not,
 * until when it waits and why. Pure: (document, state, now) in, a decision out.
 *
 * Order of checks (the first that blocks wins, so the reason shown is the most fundamental one):
 *   paused (restriction) > outside working hours > no sitting open (pacing `sittings`) > least gap after the last
 *   action > per-kind budgets > drip pacing (not during a sitting: a person working through a queue is human).
 */
import type { AccountDoc, ActionKind } from "../model.js";
import { localDateKey, localMonthKey, nextOpening, startOfNextLocalDay } from "../schedule/index.js";
import { formatInstant, type Instant } from "../time.js";
import { countsToday, dailyCap, invitesInWindow, noteAllowance, weeklyBudget, weeklyRoomAt } from "./budgets.js";
import { inSitting, type GovernorState } from "./state.js";

export type KindDecision =
  | { allowed: true }
  /** `until` null: only an outside event (an acceptance, a withdrawal) can lift the block. */
  | { allowed: false; until: Instant | null; reason: string };

export interface AccountDecision {
  kinds: Record<ActionKind, KindDecision>;
  /** Whether a connect released now may carry a note. */
  note: { allowed: boolean; why: string | null };
}

export const ACTION_KINDS: readonly ActionKind[] = ["withdraw", "message", "connect", "visit"];

export function decideAccount(doc: AccountDoc, state: GovernorState, now: Instant): AccountDecision {
  const month = localMonthKey(doc.timezone, now);
  const note = noteAllowance(doc, state, month);
  const global = globalBlock(doc, state, now);
  const kinds = {} as Record<ActionKind, KindDecision>;
  for (const kind of ACTION_KINDS) kinds[kind] = global ?? decideKind(doc, state, kind, now);
  return { kinds, note };
}

function globalBlock(doc: AccountDoc, state: GovernorState, now: Instant): KindDecision | null {
  if (state.pausedUntil !== null && state.pausedUntil > now) {
    return {
      allowed: false,
      until: state.pausedUntil,
      reason: `paused until ${formatInstant(state.pausedUntil)}: ${state.pauseReason ?? "paused"}`,
    };
  }
  const open = nextOpening(doc.workingHours, doc.timezone, now);
  if (open === null) return { allowed: false, until: null, reason: "the account has no working hours" };
  if (open > now) return { allowed: false, until: open, reason: "outside the account's working hours" };
  if (doc.pacing === "sittings" && !inSitting(state, now)) {
    return { allowed: false, until: null, reason: "waits for a sitting (start one to work through the due tasks)" };
  }
  if (state.nextAnyAt !== null && state.nextAnyAt > now) {
    return { allowed: false, until: state.nextAnyAt, reason: "least gap between two actions" };
  }
  return null;
}

function decideKind(doc: AccountDoc, state: GovernorState, kind: ActionKind, now: Instant): KindDecision {
  const today = localDateKey(doc.timezone, now);
  if (kind === "connect") {
    const block = connectBlock(doc, state, now);
    if (block) return block;
  }
  const { cap, why } = dailyCap(doc, state, kind, now);
  const used = countsToday(state, today)[kind];
  if (used >= cap) {
    const tomorrow = nextOpening(doc.workingHours, doc.timezone, startOfNextLocalDay(doc.timezone, now));
    return { allowed: false, until: tomorrow, reason: `daily ${kind} budget spent (${used}/${cap}${why ? `; ${why}` : ""})` };
  }
  const paced = inSitting(state, now) ? undefined : state.nextByKind[kind];
  if (paced !== undefined && paced > now) {
    return { allowed: false, until: paced, reason: `pacing: ${cap - used} ${kind}s left today, spread over the working hours` };
  }
  return { allowed: true };
}

function connectBlock(doc: AccountDoc, state: GovernorState, now: Instant): KindDecision | null {
  if (state.pending >= doc.limits.pendingMax) {
    return { allowed: false, until: null, reason: `${state.pending} invitations pending, the cap is ${doc.limits.pendingMax}` };
  }
  if (state.inviteBlockedUntil !== null && state.inviteBlockedUntil > now) {
    return {
      allowed: false,
      until: state.inviteBlockedUntil,
      reason: `LinkedIn's weekly limit was reached: no invitation until ${formatInstant(state.inviteBlockedUntil)}`,
    };
  }
  const budget = weeklyBudget(doc, state);
  const sent = invitesInWindow(state, now);
  if (sent >= budget) {
    const learned =
      state.learnedWeeklyBudget !== null && state.learnedWeeklyBudget < doc.limits.invitesPerWeek ? " (learned from LinkedIn)" : "";
    return {
      allowed: false,
      until: weeklyRoomAt(state, now, budget),
      reason: `weekly budget spent: ${sent}/${budget}${learned} in the last 7 days`,
    };
  }
  return null;
}
