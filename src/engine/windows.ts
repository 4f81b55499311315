/**
 * Where and when an enrollment's next action may happen: the campaign's schedule in the prospect's zone
 * (connects and messages) intersected with the sender's working hours (every action).
 */
import { WEEKDAYS, type AccountDoc, type ActionKind, type CampaignDoc } from "../core/model.js";
import { formatWindow, isWithinAll, jointWindowEnd, nextJointOpening } from "../core/schedule/index.js";
import { DAY, type Instant } from "../core/time.js";

export interface WindowPart {
  hours: AccountDoc["workingHours"];
  zone: string;
}

/** The zone a prospect is scheduled in: the campaign's fixed zone, else theirs, else the sender's. */
export function schedulingZone(campaign: CampaignDoc, account: AccountDoc, personZone: string | null): string {
  if (campaign.schedule.timezone !== "recipient") return campaign.schedule.timezone;
  return personZone ?? account.timezone;
}

export function windowParts(kind: ActionKind, account: AccountDoc, campaign: CampaignDoc, prospectTz: string): WindowPart[] {
  const sender: WindowPart = { hours: account.workingHours, zone: account.timezone };
  if (kind === "connect" || kind === "message") return [{ hours: campaign.schedule.hours, zone: prospectTz }, sender];
  return [sender];
}

export function isReachable(kind: ActionKind, account: AccountDoc, campaign: CampaignDoc, prospectTz: string, at: Instant): boolean {
  return isWithinAll(windowParts(kind, account, campaign, prospectTz), at);
}

/** Whether the action may reach the prospect at every instant from `from` to `to`: a task handed to a person at `from` lands inside the windows if done by `to`. */
export function isReachableThrough(
  kind: ActionKind,
  account: AccountDoc,
  campaign: CampaignDoc,
  prospectTz: string,
  from: Instant,
  to: Instant,
): boolean {
  const end = reachableUntil(kind, account, campaign, prospectTz, from);
  return end !== null && end >= to;
}

/** Where the open stretch of the action's windows that contains `at` ends; null when `at` is outside them. */
export function reachableUntil(
  kind: ActionKind,
  account: AccountDoc,
  campaign: CampaignDoc,
  prospectTz: string,
  at: Instant,
): Instant | null {
  return jointWindowEnd(windowParts(kind, account, campaign, prospectTz), at);
}

/**
 * The first instant at or after `from` from which the action may reach the prospect for `margin` on end (see
 * isReachableThrough); null when there is none in a year. nextReachable when `margin` is 0.
 */
export function nextReachableFor(
  kind: ActionKind,
  account: AccountDoc,
  campaign: CampaignDoc,
  prospectTz: string,
  from: Instant,
  margin: number,
): Instant | null {
  let at = from;
  // Each miss skips past a window too short to finish in; a handful of tries reaches a long enough one.
  for (let tries = 0; tries < 64; tries++) {
    const open = nextReachable(kind, account, campaign, prospectTz, at);
    if (open === null || margin <= 0 || isReachableThrough(kind, account, campaign, prospectTz, open, open + margin)) return open;
    at = open + margin;
  }
  return null;
}

/** A year holds every daylight-saving change: windows that meet in none of its weeks never meet. */
const NEVER = 366 * DAY;

/**
 * The first instant at or after `from` when the action may reach the prospect; null when there is none in a
 * year (then there never is: the enrollment ends `unreachable`). Windows that meet only between two
 * daylight-saving changes wait for those weeks. The next 14 days are searched first: almost every answer is there.
 */
export function nextReachable(
  kind: ActionKind,
  account: AccountDoc,
  campaign: CampaignDoc,
  prospectTz: string,
  from: Instant,
): Instant | null {
  const parts = windowParts(kind, account, campaign, prospectTz);
  return nextJointOpening(parts, from) ?? nextJointOpening(parts, from, NEVER);
}

/**
 * Why a person scheduled in `prospectTz` can never be reached by this campaign, or null when every step they
 * would run has an opening. The engine's own test (nextReachable is null: the enrollment ends `unreachable`),
 * asked at enrollment so that such a person is refused instead of visited and then dropped. Windows that meet
 * only in some weeks (between two daylight-saving changes) are not refused. A connection skips `connect`;
 * `withdraw` needs only the sender's hours.
 */
export function unreachableReason(input: {
  account: AccountDoc;
  campaign: CampaignDoc;
  prospectTz: string;
  connected: boolean;
  now: Instant;
}): string | null {
  const { account, campaign, prospectTz, connected, now } = input;
  const kinds = new Set(campaign.steps.map((s) => s.kind).filter((k) => !(k === "connect" && connected)));
  for (const kind of kinds) {
    if (nextReachable(kind, account, campaign, prospectTz, now) !== null) continue;
    const sender = `${account.name}'s working hours ${describeHours(account.workingHours)} ${account.timezone}`;
    if (kind !== "connect" && kind !== "message") return `${sender} never open`;
    return `${prospectTz} ${describeHours(campaign.schedule.hours)} never overlaps ${sender}`;
  }
  return null;
}

/** "09:00-17:00 (mon-fri)": windows, then the days as a range when they follow each other. */
function describeHours(hours: AccountDoc["workingHours"]): string {
  const indexes = hours.days.map((d) => WEEKDAYS.indexOf(d)).sort((a, b) => a - b);
  const consecutive = indexes.length > 2 && indexes.every((d, i) => i === 0 || d === (indexes[i - 1] as number) + 1);
  const days = consecutive ? `${WEEKDAYS[indexes[0] as number]}-${WEEKDAYS[indexes[indexes.length - 1] as number]}` : hours.days.join(", ");
  return `${hours.windows.map(formatWindow).join(", ")} (${days})`;
}

/** unreachableReason for one account, campaign and instant, remembered per zone: an import asks it of many people in few zones. */
export function unreachableReasons(input: {
  account: AccountDoc;
  campaign: CampaignDoc;
  now: Instant;
}): (prospectTz: string, connected: boolean) => string | null {
  const known = new Map<string, string | null>();
  return (prospectTz, connected) => {
    const key = `${connected ? "connected" : "not connected"} ${prospectTz}`;
    if (!known.has(key)) known.set(key, unreachableReason({ ...input, prospectTz, connected }));
    return known.get(key) as string | null;
  };
}
