/**
 * The analytics the dashboard charts: an account's invitations per day with their acceptance and its warm-up,
 * and a campaign's funnel, outcomes by step and by the recipient's hour. The counting is pure
 * (core/analytics); this reads the rows for it, a page at a time.
 */
import {
  accountDays,
  CampaignTally,
  needsMessageTimes,
  type CampaignOutcomes,
  type DayCount,
  type EnrollmentFacts,
} from "../core/analytics/index.js";
import { dailyCap, loadGovernorState, warmupDay } from "../core/governor/index.js";
import { localDateKey } from "../core/schedule/index.js";
import type { Instant } from "../core/time.js";
import type { AccountRow, CampaignRow, Store } from "../store/store.js";
import { acceptanceOf } from "./account-status.js";

export interface Warmup {
  /** Whether the ramp holds today's invitation cap below the full one. */
  active: boolean;
  /** The ramp's day (1 on the first active day) while active. */
  day: number | null;
  /** Today's invitation cap, everything applied. */
  dailyCap: number;
  /** Today's cap without the warm-up ramp. */
  fullDailyCap: number;
  /** Why today's cap is below the configured one, if it is. */
  why: string | null;
}

export interface AccountAnalytics {
  account: string;
  timezone: string;
  days: DayCount[];
  acceptance: { rate: number | null; decided: number };
  warmup: Warmup;
}

export interface CampaignAnalytics extends CampaignOutcomes {
  campaign: string;
}

/** Rows per page when reading a campaign's enrollments or log. */
const PAGE = 1000;

export async function accountAnalytics(store: Store, account: AccountRow, opts: { now: Instant; days: number }): Promise<AccountAnalytics> {
  const doc = account.doc;
  const state = loadGovernorState(account.state);
  const invitations = await store.listInvitations(account.workspaceId, { accountId: account.id });
  const today = localDateKey(doc.timezone, opts.now);
  const cap = dailyCap(doc, state, "connect", opts.now);
  const full = dailyCap({ ...doc, warmup: "off" }, state, "connect", opts.now);
  const active = cap.cap < full.cap && warmupDay(doc, state, today) !== null;
  return {
    account: account.name,
    timezone: doc.timezone,
    days: accountDays(invitations, { zone: doc.timezone, now: opts.now, days: opts.days }),
    acceptance: acceptanceOf(state, opts.now),
    warmup: { active, day: active ? warmupDay(doc, state, today) : null, dailyCap: cap.cap, fullDailyCap: full.cap, why: cap.why },
  };
}

export async function campaignAnalytics(store: Store, campaign: CampaignRow, now: Instant): Promise<CampaignAnalytics> {
  const tally = new CampaignTally(campaign.doc, now);
  // A reply before the last message (stopOnReply off, or an outcome marked late) needs the log to say which
  // message it answered; such enrollments are few, and counted last.
  const deferred: EnrollmentFacts[] = [];
  for (let after = 0; ;) {
    const page = await store.exportEnrollments(campaign.workspaceId, { campaignId: campaign.id }, after, PAGE);
    for (const { enrollment } of page) {
      if (enrollment === null) continue;
      if (needsMessageTimes(enrollment)) deferred.push(enrollment);
      else tally.add(enrollment);
      after = enrollment.id;
    }
    if (page.length < PAGE) break;
  }
  if (deferred.length > 0) {
    const times = await messageTimes(store, campaign, new Set(deferred.map((e) => e.id)));
    for (const e of deferred) tally.add(e, times.get(e.id) ?? []);
  }
  return { campaign: campaign.name, ...tally.result() };
}

/** When each of these enrollments' messages were sent, from the log. */
async function messageTimes(store: Store, campaign: CampaignRow, ids: Set<number>): Promise<Map<number, Instant[]>> {
  const out = new Map<number, Instant[]>();
  for (let after: { at: Instant; id: number } | null = null; ;) {
    const page = await store.exportActivity(campaign.workspaceId, { campaignId: campaign.id }, after, PAGE);
    for (const row of page) {
      after = { at: row.at, id: row.id };
      if (row.type !== "action" || row.kind !== "message" || row.result !== "ok" || row.enrollmentId === null || !ids.has(row.enrollmentId))
        continue;
      out.set(row.enrollmentId, [...(out.get(row.enrollmentId) ?? []), row.at]);
    }
    if (page.length < PAGE) break;
  }
  return out;
}
