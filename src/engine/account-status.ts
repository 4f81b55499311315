/**
 * What `linkpace status` shows for one account: today's and the rolling week's usage against each budget,
 * pending invitations against the cap, the acceptance rate, and the next action with the reason it waits.
 */
import {
  countsToday,
  dailyCap,
  decideAccount,
  invitesInWindow,
  loadGovernorState,
  noteAllowance,
  notesPerMonth,
  recentAcceptance,
  weeklyBudget,
  ACTION_KINDS,
  type GovernorState,
} from "../core/governor/index.js";
import type { ActionKind } from "../core/model.js";
import { localDateKey, localMonthKey } from "../core/schedule/index.js";
import type { Instant } from "../core/time.js";
import type { AccountRow, Store } from "../store/store.js";

export interface Usage {
  used: number;
  budget: number;
}

export interface AccountStatus {
  name: string;
  type: string;
  timezone: string;
  today: { invites: Usage; messages: Usage; visits: Usage };
  week: { invites: Usage; learned: boolean };
  notes: { used: number; perMonth: number | null; blocked: boolean };
  pending: { count: number; max: number };
  acceptance: { rate: number | null; decided: number };
  paused: { until: Instant; reason: string } | null;
  warmup: string | null;
  next: { kind: ActionKind; at: Instant; waitsFor: string | null } | null;
  limitSignals: number;
}

/** `ready`: the account's store.nextReadyByKind when the caller has just read it (else it is read here). */
export async function accountStatus(
  store: Store,
  account: AccountRow,
  now: Instant,
  ready?: Partial<Record<ActionKind, Instant>>,
): Promise<AccountStatus> {
  return statusOf(account, now, ready ?? (await store.nextReadyByKind(account.id)));
}

/** accountStatus of several accounts, in their order, with one query for all of them. */
export async function accountStatuses(store: Store, accounts: readonly AccountRow[], now: Instant): Promise<AccountStatus[]> {
  if (accounts.length === 0) return [];
  const ready = await store.nextReadyByAccount(accounts.map((a) => a.id));
  return accounts.map((a) => statusOf(a, now, ready.get(a.id) ?? {}));
}

function statusOf(account: AccountRow, now: Instant, ready: Partial<Record<ActionKind, Instant>>): AccountStatus {
  const doc = account.doc;
  const state = loadGovernorState(account.state);
  const today = localDateKey(doc.timezone, now);
  const counts = countsToday(state, today);
  const connectCap = dailyCap(doc, state, "connect", now);
  const decision = decideAccount(doc, state, now);
  const month = localMonthKey(doc.timezone, now);
  return {
    name: account.name,
    type: doc.type,
    timezone: doc.timezone,
    today: {
      invites: { used: counts.connect, budget: connectCap.cap },
      messages: { used: counts.message, budget: doc.limits.messagesPerDay },
      visits: { used: counts.visit, budget: doc.limits.visitsPerDay },
    },
    week: { invites: { used: invitesInWindow(state, now), budget: weeklyBudget(doc, state) }, learned: state.learnedWeeklyBudget !== null },
    notes: {
      used: state.month === month ? state.notesThisMonth : 0,
      perMonth: notesPerMonth(doc, state),
      blocked: !noteAllowance(doc, state, month).allowed,
    },
    pending: { count: state.pending, max: doc.limits.pendingMax },
    acceptance: acceptanceOf(state, now),
    paused:
      state.pausedUntil !== null && state.pausedUntil > now ? { until: state.pausedUntil, reason: state.pauseReason ?? "paused" } : null,
    warmup: connectCap.why,
    next: nextAction(decision, ready, now),
    limitSignals: state.limitSignals.length,
  };
}

/**
 * Acceptance over the latest decided invitations, pending ones sent 21 days or more ago counting as not
 * accepted: the rate the governor slows down on once there are enough of them.
 */
export function acceptanceOf(state: GovernorState, now: Instant): AccountStatus["acceptance"] {
  const { rate, decided } = recentAcceptance(state, now);
  return { rate, decided };
}

const WAITING_FOR_PROSPECTS = "the next prospect's turn (a step's waiting time, or the prospect's working hours)";

function nextAction(
  decision: ReturnType<typeof decideAccount>,
  ready: Partial<Record<ActionKind, Instant>>,
  now: Instant,
): AccountStatus["next"] {
  let best: AccountStatus["next"] = null;
  let blocked: AccountStatus["next"] = null;
  for (const kind of ACTION_KINDS) {
    const readyAt = ready[kind];
    if (readyAt === undefined) continue;
    const d = decision.kinds[kind];
    const from = d.allowed ? now : d.until;
    const reason = d.allowed ? (readyAt > now ? WAITING_FOR_PROSPECTS : null) : d.reason;
    if (from === null) {
      blocked ??= { kind, at: readyAt, waitsFor: reason };
      continue;
    }
    const at = Math.max(from, readyAt);
    const waitsFor = at > now ? (readyAt > from ? WAITING_FOR_PROSPECTS : reason) : null;
    if (best === null || at < best.at) best = { kind, at, waitsFor };
  }
  return best ?? blocked;
}

/** People an account's campaigns refused at import because they can never be reached (store/unreachable.ts). */
export interface UnreachableCount {
  count: number;
  /** campaign name -> how many */
  campaigns: Record<string, number>;
}

/** UnreachableCount of several accounts, in their order, with one query for all of them. */
export async function unreachableCounts(store: Store, accounts: readonly AccountRow[]): Promise<UnreachableCount[]> {
  const byAccount = await store.unreachableByAccount(accounts.map((a) => a.id));
  return accounts.map((a) => {
    const campaigns = byAccount.get(a.id) ?? {};
    return { count: Object.values(campaigns).reduce((s, n) => s + n, 0), campaigns };
  });
}
