/**
 * What linkpace tells the outside world (webhooks, the terminal): invitation milestones and account health
 * alerts. The engine writes each one in the transaction of the change it reports (an outbox), so delivering
 * them never blocks the engine and none is lost.
 */
import { acceptanceRate, noteAllowance } from "./governor/budgets.js";
import type { GovernorState } from "./governor/state.js";
import type { AccountDoc } from "./model.js";
import { localMonthKey } from "./schedule/index.js";
import type { Instant } from "./time.js";

export const NOTIFICATION_KINDS = [
  "invite_sent",
  "invite_accepted",
  "replied",
  "withdrawn",
  "account_paused",
  "weekly_limit_reached",
  "acceptance_falling",
  "note_quota_exhausted",
  "pending_near_cap",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Health alerts, as opposed to invitation milestones. */
export const ALERT_KINDS: readonly NotificationKind[] = [
  "account_paused",
  "weekly_limit_reached",
  "acceptance_falling",
  "note_quota_exhausted",
  "pending_near_cap",
];

/** Acceptance under this (over 30+ decided invitations) raises an alert; the governor slows down under 20%. */
export const ACCEPTANCE_ALERT_RATE = 0.25;
/** Pending invitations at this share of `pendingMax` raise an alert. */
export const PENDING_ALERT_SHARE = 0.9;

export interface HealthAlert {
  kind: NotificationKind;
  message: string;
  data: Record<string, unknown>;
}

/** The alerts that a change of governor state from `prev` to `next` at `now` raises (each only when it starts). */
export function healthAlerts(doc: AccountDoc, prev: GovernorState, next: GovernorState, now: Instant): HealthAlert[] {
  const alerts: HealthAlert[] = [];
  if (next.pausedUntil !== null && next.pausedUntil > now && next.pausedUntil !== prev.pausedUntil) {
    alerts.push({
      kind: "account_paused",
      message: `${doc.name} is paused: ${next.pauseReason ?? "paused"}`,
      data: { until: next.pausedUntil, reason: next.pauseReason },
    });
  }
  if (next.limitSignals.length > prev.limitSignals.length) {
    alerts.push({
      kind: "weekly_limit_reached",
      message: `LinkedIn says ${doc.name} reached its weekly invitation limit; its budget is now ${next.learnedWeeklyBudget} a week`,
      data: { learnedWeeklyBudget: next.learnedWeeklyBudget },
    });
  }
  const before = acceptanceRate(prev, now);
  const after = acceptanceRate(next, now);
  if (after !== null && after.rate < ACCEPTANCE_ALERT_RATE && (before === null || before.rate >= ACCEPTANCE_ALERT_RATE)) {
    alerts.push({
      kind: "acceptance_falling",
      message: `${doc.name}'s acceptance rate fell to ${Math.round(after.rate * 100)}% over ${after.decided} decided invitations`,
      data: { rate: after.rate, decided: after.decided },
    });
  }
  const month = localMonthKey(doc.timezone, now);
  if (noteAllowance(doc, prev, month).allowed && !noteAllowance(doc, next, month).allowed) {
    alerts.push({ kind: "note_quota_exhausted", message: `${doc.name} has no personalised notes left this month`, data: { month } });
  }
  const threshold = Math.ceil(doc.limits.pendingMax * PENDING_ALERT_SHARE);
  if (next.pending >= threshold && prev.pending < threshold) {
    alerts.push({
      kind: "pending_near_cap",
      message: `${doc.name} has ${next.pending} pending invitations (cap ${doc.limits.pendingMax})`,
      data: { pending: next.pending, max: doc.limits.pendingMax },
    });
  }
  return alerts;
}
