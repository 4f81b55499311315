/**
 * Send-time learning: the workspace's acceptance by the recipient's local weekday and hour (core/learning/
 * hour-model.ts: shrunk toward the hour's and the workspace's rate while data is thin), and the order in which
 * the engine offers an account's due invitations: when the governor releases an invitation, the due prospects
 * whose local hour has done better go first.
 *
 * What it never changes: when an invitation is released (the governor's budgets and pacing), which windows it
 * must fall in (every candidate still passes prepare-action's checks), how many are sent. Only who gets the
 * release among those due now.
 *
 * - Learnt from invitations sent at least 21 days ago, whose outcome is known: counting this week's quick
 *   acceptances while this week's unanswered invitations are not decided yet would favour the hours used most
 *   lately.
 * - Read incrementally, at most once an hour of the engine's clock: each read adds the invitations that matured
 *   since the last one.
 * - Acts only once MIN_DECIDED invitations are known; before, every hour weighs 1 and the queue's order stands.
 * - Off for a campaign with `schedule.learn: false`, and everywhere with the engine context's hourLearning false.
 */
import { addObservation, emptyHourCounts, fitHourModel, hourWeight, type HourCounts, type HourModel } from "../core/learning/hour-model.js";
import type { CampaignDoc } from "../core/model.js";
import { WEEKDAYS } from "../core/model.js";
import { localMinuteOfDay, localWeekday } from "../core/schedule/index.js";
import { DAY, HOUR, type Instant } from "../core/time.js";
import type { Store, WorkspaceId } from "../store/store.js";

/** How old an invitation must be to be learnt from: every outcome is known by then. */
export const LEARN_AFTER = 21 * DAY;
/** Decided invitations needed before the hours change anything. */
export const MIN_DECIDED = 100;
const REFRESH = HOUR;

/** The local weekday (Mon = 0) and hour of an instant in a zone, as the hour model indexes them. */
export function localSlot(zone: string, at: Instant): { weekday: number; hour: number } {
  return { weekday: WEEKDAYS.indexOf(localWeekday(zone, at)), hour: Math.floor(localMinuteOfDay(zone, at) / 60) };
}

/** Counts every outcome into hour-model counts, by the recipient's local weekday and hour when it was sent. */
export function countOutcomes(counts: HourCounts, outcomes: ReadonlyArray<{ at: Instant; prospectTz: string; accepted: boolean }>): number {
  for (const o of outcomes) {
    const { weekday, hour } = localSlot(o.prospectTz, o.at);
    addObservation(counts, weekday, hour, o.accepted);
  }
  return outcomes.length;
}

export function learnsSendTimes(doc: CampaignDoc): boolean {
  return doc.schedule.learn !== false;
}

export class SendTimeLearner {
  private counts: HourCounts = emptyHourCounts();
  private decided = 0;
  /** Invitations sent before this are counted. */
  private upTo: Instant | null = null;
  private readAt: Instant | null = null;
  private model: HourModel | null = null;

  constructor(private readonly workspaceId: WorkspaceId) {}

  /** The model to order by now, or null while too little is known. */
  async current(tx: Store, now: Instant): Promise<HourModel | null> {
    if (this.readAt === null || now - this.readAt >= REFRESH || now < this.readAt) await this.read(tx, now);
    return this.decided >= MIN_DECIDED ? this.model : null;
  }

  private async read(tx: Store, now: Instant): Promise<void> {
    const to = now - LEARN_AFTER;
    if (this.upTo === null || to < this.upTo) {
      // First read, or the clock went back: count from the beginning.
      this.counts = emptyHourCounts();
      this.decided = 0;
      this.upTo = Number.MIN_SAFE_INTEGER;
    }
    const added = countOutcomes(this.counts, await tx.invitationOutcomes(this.workspaceId, this.upTo, to));
    this.decided += added;
    this.upTo = Math.max(this.upTo, to);
    this.readAt = now;
    if (added > 0 || this.model === null) this.model = fitHourModel(this.counts);
  }
}

/** How good now is for a recipient, and the best hour they can be reached at before they stop being reachable. */
export interface HourOutlook {
  /** The hour weight now (1: as good as the workspace's average). */
  now: number;
  /**
   * The first instant at which they can be reached at their best weight within the stretch of hours they stay
   * reachable from now (now if none is better; the stretch ends at most a day ahead).
   */
  bestAt: Instant;
  best: number;
  /** Whether they can be reached now. */
  reachableNow: boolean;
}

/**
 * The outlook looks no further than the end of the recipient's present stretch of reachable hours (the sender's
 * working day, the recipient's window): an hour beyond it belongs to another day's releases, which every
 * recipient waiting for it would share. Looking a whole day ahead made the recipients reachable only in a few of
 * the sender's hours wait for the next morning while those reachable all day were sent first, and the afternoon's
 * releases then found nobody to send to (the policy benchmark's New York senders sent 10% fewer invitations).
 */
export function outlook(model: HourModel, zone: string, now: Instant, reachable: (at: Instant) => boolean): HourOutlook {
  const weightAt = (at: Instant): number => {
    const { weekday, hour } = localSlot(zone, at);
    return hourWeight(model, weekday, hour);
  };
  const current = weightAt(now);
  const reachableNow = reachable(now);
  let best = { at: now, weight: current };
  // On the hour (local hours begin on the hour in every zone linkpace schedules in to the minute; a zone with a
  // half-hour offset is looked at half an hour early, which the window check then moves).
  for (let at = now - (now % HOUR) + HOUR; reachableNow && at < now + DAY; at += HOUR) {
    if (!reachable(at)) break;
    const w = weightAt(at);
    if (w > best.weight) best = { at, weight: w };
  }
  return { now: current, bestAt: best.at, best: best.weight, reachableNow };
}

/** A prospect passed over now is deferred to their best hour when it is this much better than now. */
export const DEFER_GAIN = 1.1;

/**
 * How close now is to the best hour a recipient can be reached at in their present reachable stretch (outlook;
 * 1: now is their best). Offered by this rather than by the hour's weight alone, a recipient whose every
 * reachable hour is middling is not passed over for ever by those who have a better hour now: now is as good as
 * it gets for them. (What restored the invitations the benchmark's New York senders lost was the stretch in
 * outlook; this order alone did not, and its own gain was not measured apart.)
 */
export function closenessToBest(o: HourOutlook): number {
  return o.best > 0 ? o.now / o.best : 1;
}

/**
 * Due invitations in the order to offer them: within each campaign that learns send times (outlook not null), the
 * closer the recipient's hour now is to the best they can be reached at (closenessToBest), the sooner; ties keep
 * the queue's order; campaigns keep their fair order.
 */
export function byHourNow<T extends { due: { campaignId: number } }>(items: readonly T[], outlookOf: (item: T) => HourOutlook | null): T[] {
  const out: T[] = [];
  for (let i = 0; i < items.length;) {
    let j = i;
    const campaignId = items[i]!.due.campaignId;
    while (j < items.length && items[j]!.due.campaignId === campaignId) j++;
    const run = items.slice(i, j).map((x, k) => ({ x, k, o: outlookOf(x) }));
    if (run.some((e) => e.o === null)) out.push(...run.map((e) => e.x));
    else out.push(...run.sort((a, b) => closenessToBest(b.o!) - closenessToBest(a.o!) || a.k - b.k).map((e) => e.x));
    i = j;
  }
  return out;
}
