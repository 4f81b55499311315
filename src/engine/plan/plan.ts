/**
 * An account's plan: what the engine expects to release today and on the coming days, by hour of the sender's
 * day, and for an account worked in sittings the suggested sittings (the fewest, each at most `maxSitting` long,
 * with every invitation and message inside its recipient's window). Made from the governor's state and the
 * queue by forecast.ts, so it is the engine's own decisions, not an estimate: the suggested sittings are found
 * with a sitting always open, then the forecast is made again as the person would keep them.
 */
import { inSitting, isSharedKind, loadGovernorState, type Sitting } from "../../core/governor/index.js";
import { GAP_JITTER } from "../../core/governor/record.js";
import { STEP_KINDS, type ActionKind, type Pacing } from "../../core/model.js";
import { localDateKey, localMinuteOfDay, nextOpening, startOfLocalDay, startOfNextLocalDay } from "../../core/schedule/index.js";
import { MINUTE, type Instant } from "../../core/time.js";
import type { AccountRow, Store } from "../../store/store.js";
import type { EngineContext } from "../context.js";
import { forecast, type QueueItem, type Release } from "./forecast.js";
import { zonesLabel } from "./zone-label.js";
import { suggestSittings } from "./suggest-sittings.js";

export const DEFAULT_PLAN_DAYS = 7;
export const MAX_PLAN_DAYS = 14;
export const DEFAULT_MAX_SITTING = 30 * MINUTE;
/** A day gets at most this many suggested sittings: the tasks left go another day. */
export const MAX_SITTINGS_PER_DAY = 3;
/** Queued enrollments read per kind: far more than the budgets of a fortnight can use. */
const QUEUE_READ = 5000;

export interface PlannedSitting {
  from: Instant;
  until: Instant;
  tasks: number;
  zones: string[];
  label: string;
}

export interface DayPlan {
  /** The sender's local date. */
  date: string;
  total: number;
  byKind: Record<ActionKind, number>;
  /** Sender-local hours with something planned. */
  byHour: Array<{ hour: number; count: number }>;
  sittings: PlannedSitting[];
}

export interface AccountPlan {
  account: string;
  timezone: string;
  pacing: Pacing;
  /** The sitting open now. */
  sitting: Sitting | null;
  /** Tasks a sitting started now would hand out (sittings), or whether one is due now (drip: 0 or 1). */
  dueNow: number;
  /** The first suggested sitting that has not ended. */
  nextSitting: PlannedSitting | null;
  days: DayPlan[];
  /** Every release the plan expects, in order (for tests and the benchmark). */
  releases: Release[];
}

export interface PlanOptions {
  now: Instant;
  days?: number;
  maxSitting?: number;
  /** How long after handing out a task the person may take (TASK_LEASE); 0 for an inline channel. */
  margin: number;
}

export async function planAccount(store: Store, ctx: EngineContext, account: AccountRow, opts: PlanOptions): Promise<AccountPlan> {
  const { now, margin } = opts;
  const doc = account.doc;
  const days = opts.days ?? DEFAULT_PLAN_DAYS;
  const maxSitting = opts.maxSitting ?? DEFAULT_MAX_SITTING;
  const state = loadGovernorState(account.state);
  let end = startOfLocalDay(doc.timezone, now);
  for (let i = 0; i < days; i++) end = startOfNextLocalDay(doc.timezone, end);
  const items = await readQueue(store, ctx, account, end);
  const open = inSitting(state, now) && state.sitting !== null ? { from: state.sitting.from, until: state.sitting.until } : null;
  const visitedAwaiting = await store.countVisitedAwaiting(account.id, "connect");
  const base = { doc, state, from: now, until: end, items, margin, visitedAwaiting };

  let sittings: Sitting[] = [];
  let releases: Release[];
  let dueNow: number;
  if (doc.pacing === "sittings") {
    const gap = doc.limits.sittingGap * (1 + GAP_JITTER / 2);
    const always = forecast({ ...base, sittings: "always" });
    const after = open?.until ?? now;
    const slots = [
      ...groupByDay(
        always.filter((r) => r.at >= after),
        doc.timezone,
      ).values(),
    ].flatMap((day) => {
      // Nothing is done before the sender's hours open that day, whenever it fell due.
      const opens = nextOpening(doc.workingHours, doc.timezone, startOfLocalDay(doc.timezone, (day[0] as Release).at)) ?? 0;
      const due = day.map((r) => ({ ...r, earliest: Math.max(r.earliest, opens, after) }));
      return suggestSittings(due, { maxLength: maxSitting, gap, maxPerDay: MAX_SITTINGS_PER_DAY });
    });
    sittings = [...(open ? [open] : []), ...slots.map((s) => ({ from: s.from, until: s.until }))].sort((a, b) => a.from - b.from);
    releases = forecast({ ...base, sittings });
    const right = open ?? { from: now, until: now + maxSitting };
    dueNow = forecast({ ...base, until: Math.min(end, right.until), sittings: [{ from: now, until: right.until }] }).length;
  } else {
    releases = forecast({ ...base, sittings: open ? [open] : null });
    dueNow = releases.length > 0 && (releases[0] as Release).at === now ? 1 : 0;
  }

  const planned = sittings.map((s) => plannedSitting(s, releases));
  const byDay = groupByDay(releases, doc.timezone);
  const dayPlans: DayPlan[] = [];
  let day = startOfLocalDay(doc.timezone, now);
  for (let i = 0; i < days; i++) {
    const date = localDateKey(doc.timezone, day);
    const next = startOfNextLocalDay(doc.timezone, day);
    dayPlans.push(
      dayPlan(
        date,
        byDay.get(date) ?? [],
        doc.timezone,
        planned.filter((s) => s.from >= day && s.from < next),
      ),
    );
    day = next;
  }
  return {
    account: account.name,
    timezone: doc.timezone,
    pacing: doc.pacing,
    sitting: open,
    dueNow,
    nextSitting: planned.find((s) => s.until > now && s.tasks > 0) ?? null,
    days: dayPlans,
    releases,
  };
}

/** The account's queued enrollments that may come due before `until`, as the forecast reads them. */
async function readQueue(store: Store, ctx: EngineContext, account: AccountRow, until: Instant): Promise<QueueItem[]> {
  const items: QueueItem[] = [];
  // One read per campaign, not per queued enrollment (the cache checks the stored version on each use).
  const docs = new Map<number, QueueItem["campaign"]>();
  for (const kind of STEP_KINDS) {
    // The kinds the engine shares among campaigns are read per campaign, as it reads them (fair-share.ts).
    const queue = isSharedKind(kind)
      ? await store.dueEnrollmentsByCampaign(account.id, kind, until, QUEUE_READ)
      : await store.dueEnrollments(account.id, kind, until, QUEUE_READ);
    for (const due of queue) {
      const { enrollment, person } = due;
      if (enrollment.readyAt === null || enrollment.nextKind === null) continue;
      let campaign = docs.get(due.campaignId);
      if (campaign === undefined) {
        campaign = (await ctx.campaigns.get(due.campaignId, store)).doc;
        docs.set(due.campaignId, campaign);
      }
      items.push({
        id: enrollment.id,
        kind: enrollment.nextKind,
        readyAt: enrollment.readyAt,
        step: enrollment.step,
        campaignId: due.campaignId,
        campaign,
        zone: enrollment.prospectTz,
        connected: person.connected,
        visited: enrollment.visitedAt !== null,
      });
    }
  }
  return items;
}

function groupByDay(releases: readonly Release[], zone: string): Map<string, Release[]> {
  const out = new Map<string, Release[]>();
  for (const r of releases) {
    const key = localDateKey(zone, r.at);
    const list = out.get(key);
    if (list) list.push(r);
    else out.set(key, [r]);
  }
  return out;
}

function plannedSitting(s: Sitting, releases: readonly Release[]): PlannedSitting {
  const inside = releases.filter((r) => r.at >= s.from && r.at < s.until);
  // Recipients' zones: visits and withdrawals follow the sender's hours only, so they do not place a sitting.
  const zones = [...new Set(inside.filter((r) => r.kind === "connect" || r.kind === "message").map((r) => r.zone))].sort();
  return { from: s.from, until: s.until, tasks: inside.length, zones, label: zonesLabel(zones) };
}

function dayPlan(date: string, releases: readonly Release[], zone: string, sittings: PlannedSitting[]): DayPlan {
  const byKind: Record<ActionKind, number> = { visit: 0, connect: 0, message: 0, withdraw: 0 };
  const hours = new Map<number, number>();
  for (const r of releases) {
    byKind[r.kind]++;
    const hour = Math.floor(localMinuteOfDay(zone, r.at) / 60);
    hours.set(hour, (hours.get(hour) ?? 0) + 1);
  }
  const byHour = [...hours.entries()].sort((a, b) => a[0] - b[0]).map(([hour, count]) => ({ hour, count }));
  return { date, total: releases.length, byKind, byHour, sittings };
}
