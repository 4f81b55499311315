/**
 * Where and when an enrollment's next action may happen: the campaign's schedule in the prospect's zone
 * (connects and messages) intersected with the sender's working hours (every action).
 */
import type { AccountDoc, ActionKind, CampaignDoc } from "../core/model.js";
import { isWithinAll, nextJointOpening } from "../core/schedule/index.js";
import type { Instant } from "../core/time.js";

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

/** The first instant at or after `from` when the action may reach the prospect; null when never (14 days). */
export function nextReachable(kind: ActionKind, account: AccountDoc, campaign: CampaignDoc, prospectTz: string, from: Instant): Instant | null {
  return nextJointOpening(windowParts(kind, account, campaign, prospectTz), from);
}
