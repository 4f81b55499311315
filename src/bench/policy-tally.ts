/**
 * What the policy benchmark counts for every policy, the same way whoever drove the simulator: per account,
 * invitations LinkedIn accepted for sending, acceptances and restrictions within the run (network events),
 * weekly-limit answers, and when each invitation reached its recipient in the recipient's real zone; with note
 * variants, how many invitations went out with each.
 */
import { LocalClock } from "../channels/simulator/local-clock.js";
import { DAY, type Instant } from "../core/time.js";
import type { PolicyAccount } from "./policy-workspace.js";

export interface AccountTally {
  account: string;
  hiddenWeeklyLimit: number;
  /** connect actions answered ok. */
  sent: number;
  withNote: number;
  /** ok invitations that reached the recipient on a weekday between 09:00 and 17:00 of their own zone. */
  inRecipientHours: number;
  /** ok invitations that reached the recipient between 22:00 and 06:00 of their own zone. */
  atNight: number;
  accepted: number;
  /** connect actions answered weekly_limit_reached. */
  limitSignals: number;
  /** `restricted` network events. */
  restrictions: number;
  /** actions answered `restricted` (tried while restricted). */
  restrictedAnswers: number;
  withdrawn: number;
}

export interface PolicyResult {
  id: string;
  label: string;
  rules: string;
  days: number;
  accounts: AccountTally[];
  /** Accounts paused at the end of the run (linkpace only: the static tools do not pause). */
  pausedAtEnd: number | null;
  wallMs: number;
  /** Invitations sent (answered ok) with each note variant, by name; absent when none named a variant. */
  sentByVariant?: Record<string, number>;
  /** Invitations sent in the run's last 7 days, by account; only when the tally was given the run's end. */
  sentInLastWeek?: Record<string, number>;
}

export class PolicyTally {
  private readonly byAccount = new Map<string, AccountTally>();
  private readonly clock = new LocalClock();
  private readonly byVariant = new Map<string, number>();

  private readonly lastWeek = new Map<string, number>();

  /** `runEnd`: also count each account's invitations in the 7 days before it (`sentInLastWeek`). */
  constructor(
    accounts: PolicyAccount[],
    private readonly zoneOf: Map<string, string>,
    private readonly runEnd?: Instant,
  ) {
    for (const a of accounts) {
      this.byAccount.set(a.name, {
        account: a.name,
        hiddenWeeklyLimit: a.hiddenWeeklyLimit,
        sent: 0,
        withNote: 0,
        inRecipientHours: 0,
        atNight: 0,
        accepted: 0,
        limitSignals: 0,
        restrictions: 0,
        restrictedAnswers: 0,
        withdrawn: 0,
      });
    }
  }

  action(a: {
    account: string;
    kind: string;
    prospect: string | null;
    at: Instant;
    result: string;
    note?: string | undefined;
    variant?: string | undefined;
  }): void {
    const t = this.of(a.account);
    if (a.result === "restricted") t.restrictedAnswers++;
    if (a.kind === "withdraw" && a.result === "ok") t.withdrawn++;
    if (a.kind !== "connect") return;
    if (a.result === "weekly_limit_reached") t.limitSignals++;
    if (a.result !== "ok") return;
    t.sent++;
    if (a.variant !== undefined) this.byVariant.set(a.variant, (this.byVariant.get(a.variant) ?? 0) + 1);
    if (this.runEnd !== undefined && a.at >= this.runEnd - 7 * DAY && a.at < this.runEnd)
      this.lastWeek.set(a.account, (this.lastWeek.get(a.account) ?? 0) + 1);
    if (a.note !== undefined && a.note.trim() !== "") t.withNote++;
    const zone = a.prospect !== null ? this.zoneOf.get(a.prospect) : undefined;
    if (zone === undefined) throw new Error(`policy tally: no zone known for prospect ${a.prospect}`);
    const local = this.clock.localTime(zone, a.at);
    if (local.weekday >= 1 && local.weekday <= 5 && local.minuteOfDay >= 9 * 60 && local.minuteOfDay < 17 * 60) t.inRecipientHours++;
    if (local.minuteOfDay >= 22 * 60 || local.minuteOfDay < 6 * 60) t.atNight++;
  }

  event(e: { account: string; kind: string }): void {
    const t = this.of(e.account);
    if (e.kind === "accepted") t.accepted++;
    else if (e.kind === "restricted") t.restrictions++;
  }

  result(r: Omit<PolicyResult, "accounts">): PolicyResult {
    return {
      ...r,
      accounts: [...this.byAccount.values()].map((t) => ({ ...t })),
      ...(this.byVariant.size > 0 ? { sentByVariant: Object.fromEntries(this.byVariant) } : {}),
      ...(this.runEnd !== undefined
        ? { sentInLastWeek: Object.fromEntries([...this.byAccount.keys()].map((a) => [a, this.lastWeek.get(a) ?? 0])) }
        : {}),
    };
  }

  private of(account: string): AccountTally {
    const t = this.byAccount.get(account);
    if (t === undefined) throw new Error(`policy tally: unknown account ${account}`);
    return t;
  }
}

export interface PolicyTotals {
  accounts: number;
  accountWeeks: number;
  sent: number;
  accepted: number;
  limitSignals: number;
  restrictions: number;
  restrictedAnswers: number;
  withdrawn: number;
  withNote: number;
  inRecipientHours: number;
  atNight: number;
  /** Accounts that got at least one restriction. */
  restrictedAccounts: number;
}

export function totalsOf(accounts: AccountTally[], days: number): PolicyTotals {
  const sum = (f: (t: AccountTally) => number): number => accounts.reduce((s, t) => s + f(t), 0);
  return {
    accounts: accounts.length,
    accountWeeks: (accounts.length * days) / 7,
    sent: sum((t) => t.sent),
    accepted: sum((t) => t.accepted),
    limitSignals: sum((t) => t.limitSignals),
    restrictions: sum((t) => t.restrictions),
    restrictedAnswers: sum((t) => t.restrictedAnswers),
    withdrawn: sum((t) => t.withdrawn),
    withNote: sum((t) => t.withNote),
    inRecipientHours: sum((t) => t.inRecipientHours),
    atNight: sum((t) => t.atNight),
    restrictedAccounts: accounts.filter((t) => t.restrictions > 0).length,
  };
}
