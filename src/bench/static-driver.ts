/**
 * Drives a fresh simulated LinkedIn the way a static outreach tool does, without linkpace's governor: each
 * account works through its prospects in order, one connection request per tick of the policy's calendar,
 * until the policy's daily quota is used. On a virtual clock: the next account to act is always the one with
 * the earliest next tick, and network events (acceptances, restrictions) are drained up to each action.
 *
 * What every static tool here does with LinkedIn's answers:
 *   ok                                   - counts toward the day's quota; the next prospect waits for the next tick
 *   profile_unavailable, already_connected, cannot_resend_yet
 *                                        - the prospect is skipped; the next one is tried 30 s later
 *   note_quota_reached                   - sent again at once without a note; no notes until the next UTC month
 *   weekly_limit_reached, restricted     - nothing more that quota day; the same prospect is tried the next day
 * A pending invitation older than `withdrawAfter` is withdrawn at the account's next tick.
 * With note variants, each prospect gets one by a hash of the workspace's seed and its URL (so about evenly):
 * that variant's note, and its name in the request; an invitation sent without a note names no variant.
 */
import { LinkedInSimulator } from "../channels/simulator/index.js";
import type { ActionRequest } from "../channels/channel.js";
import type { ActionResult } from "../core/model.js";
import { unitHash } from "../core/random.js";
import { DAY, SECOND, type Instant } from "../core/time.js";
import { PolicyTally, type PolicyResult } from "./policy-tally.js";
import { registerProspects, type PolicyAccount, type PolicyProspect, type PolicyWorkspace } from "./policy-workspace.js";

export interface StaticPolicy {
  id: string;
  label: string;
  /** The rules in one sentence, for the report. */
  rules: string;
  perDay: number;
  /** ms, or null: never withdraw. */
  withdrawAfter: number | null;
  /** The day the quota counts in (its id and the instant it ends) for this account at `t`. */
  quotaDay(account: PolicyAccount, t: Instant): { id: number; end: Instant };
  /** The first instant ≥ t at which the tool tries an invitation for this account. */
  nextTick(account: PolicyAccount, t: Instant): Instant;
}

interface AccountRun {
  account: PolicyAccount;
  prospects: PolicyProspect[];
  position: number;
  next: Instant;
  okByDay: Map<number, number>;
  blockedDay: number | null;
  noNotesMonth: number | null;
  sent: Array<{ prospect: PolicyProspect; at: Instant }>;
  withdrawPosition: number;
  accepted: Set<string>;
}

const SKIP_DELAY = 30 * SECOND;

function utcMonth(t: Instant): number {
  const d = new Date(t);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

export class StaticDriver {
  private readonly sim: LinkedInSimulator;
  private readonly tally: PolicyTally;
  private readonly runs: AccountRun[];
  private actionId = 0;

  constructor(
    private readonly ws: PolicyWorkspace,
    private readonly policy: StaticPolicy,
    /** Count each account's invitations in the run's last week too (PolicyResult.sentInLastWeek). */
    trackLastWeek = false,
  ) {
    const s = ws.scenario;
    this.sim = new LinkedInSimulator({
      seed: s.seed,
      accounts: s.accounts.map((a) => ({ name: a.doc.name, timezone: a.doc.timezone, type: a.doc.type, truth: a.linkedin })),
    });
    registerProspects(this.sim, ws);
    this.tally = new PolicyTally(ws.accounts, ws.zoneOf, trackLastWeek ? s.start + s.days * DAY : undefined);
    this.runs = ws.accounts.map((account) => ({
      account,
      prospects: ws.prospectsOf.get(account.name) ?? [],
      position: 0,
      next: policy.nextTick(account, s.start),
      okByDay: new Map(),
      blockedDay: null,
      noNotesMonth: null,
      sent: [],
      withdrawPosition: 0,
      accepted: new Set(),
    }));
  }

  run(): PolicyResult {
    const started = performance.now();
    const end = this.ws.scenario.start + this.ws.scenario.days * DAY;
    for (;;) {
      const run = this.earliest();
      if (run === null || run.next >= end) break;
      this.drainEvents(run.next);
      run.next = this.step(run, run.next);
    }
    this.drainEvents(end - 1);
    return this.tally.result({
      id: this.policy.id,
      label: this.policy.label,
      rules: this.policy.rules,
      days: this.ws.scenario.days,
      pausedAtEnd: null,
      wallMs: performance.now() - started,
    });
  }

  private earliest(): AccountRun | null {
    let best: AccountRun | null = null;
    for (const r of this.runs) if (best === null || r.next < best.next) best = r;
    return best;
  }

  private drainEvents(t: Instant): void {
    for (const ev of this.sim.takeEventsUntil(t)) {
      this.tally.event(ev);
      if (ev.kind === "accepted" && ev.prospect !== undefined)
        this.runs.find((r) => r.account.name === ev.account)?.accepted.add(ev.prospect);
    }
  }

  /** One tick of one account at `t`; returns its next tick. */
  private step(run: AccountRun, t: Instant): Instant {
    this.withdrawStale(run, t);
    const day = this.policy.quotaDay(run.account, t);
    if (run.blockedDay === day.id || (run.okByDay.get(day.id) ?? 0) >= this.policy.perDay)
      return this.policy.nextTick(run.account, day.end);
    const prospect = run.prospects[run.position];
    if (prospect === undefined) return Number.POSITIVE_INFINITY;
    const chosen = this.variantFor(prospect);
    const note = run.noNotesMonth === utcMonth(t) ? "" : (chosen?.note ?? prospect.note);
    const result = this.perform(run, prospect, t, "connect", note, note !== "" ? chosen?.name : undefined);
    switch (result) {
      case "ok":
        run.position++;
        run.okByDay.set(day.id, (run.okByDay.get(day.id) ?? 0) + 1);
        run.sent.push({ prospect, at: t });
        return this.policy.nextTick(run.account, t + 1);
      case "note_quota_reached":
        run.noNotesMonth = utcMonth(t);
        return t;
      case "weekly_limit_reached":
      case "restricted":
        run.blockedDay = day.id;
        return this.policy.nextTick(run.account, day.end);
      case "profile_unavailable":
      case "already_connected":
      case "cannot_resend_yet":
      case "not_connected":
        run.position++;
        return t + SKIP_DELAY;
      default: {
        const never: never = result;
        throw new Error(`static driver: unexpected result ${String(never)}`);
      }
    }
  }

  /** The prospect's note variant: deterministic, the variants about evenly split; null without variants. */
  private variantFor(p: PolicyProspect): { name: string; note: string } | null {
    const variants = p.variants;
    if (variants === undefined || variants.length === 0) return null;
    const i = Math.min(variants.length - 1, Math.floor(unitHash(this.ws.scenario.seed, "static-variant", p.url) * variants.length));
    return variants[i] ?? null;
  }

  private withdrawStale(run: AccountRun, t: Instant): void {
    const after = this.policy.withdrawAfter;
    if (after === null) return;
    for (let s = run.sent[run.withdrawPosition]; s !== undefined && s.at + after <= t; s = run.sent[++run.withdrawPosition]) {
      if (!run.accepted.has(s.prospect.url)) this.perform(run, s.prospect, t, "withdraw");
    }
  }

  private perform(
    run: AccountRun,
    p: PolicyProspect,
    at: Instant,
    kind: "connect" | "withdraw",
    note?: string,
    variant?: string,
  ): ActionResult {
    const req: ActionRequest = {
      actionId: ++this.actionId,
      at,
      account: { name: run.account.name, type: run.account.type },
      kind,
      prospect: { url: p.url, identifiers: p.identifiers, firstName: p.firstName, lastName: p.lastName, timezone: p.zone },
      ...(note !== undefined ? { note } : {}),
      ...(variant !== undefined ? { variant } : {}),
    };
    const result = this.sim.performSync(req);
    this.tally.action({ account: run.account.name, kind, prospect: p.url, at, result, note, variant });
    return result;
  }
}
