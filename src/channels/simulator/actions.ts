/**
 * What LinkedIn answers to each action (as LinkedIn is known to behave), checked in the order a person clicking through
 * linkedin.com would meet the obstacles: the account's own restriction first, then the profile, then the
 * relationship, then the account's limits. The account has been advanced to `req.at` before any of these run.
 */
import type { ActionResult } from "../../core/model.js";
import type { ActionRequest } from "../channel.js";
import { acceptanceProbability, hourFactor, planAcceptance, variantFactor } from "./acceptance.js";
import type { EventQueue } from "./event-queue.js";
import type { LocalClock } from "./local-clock.js";
import { isInitiallyConnected, type SimProspect } from "./prospect-registry.js";
import { planReply } from "./reply.js";
import { REINVITE_BLOCK } from "./rules.js";
import type { SimAccount } from "./sim-account.js";

export interface SimContext {
  readonly seed: number | string;
  readonly queue: EventQueue;
  readonly clock: LocalClock;
}

export interface ActionTarget {
  account: SimAccount;
  /** undefined: the network does not know this person. */
  prospect: SimProspect | undefined;
  req: ActionRequest;
}

function isConnected(account: SimAccount, prospect: SimProspect): boolean {
  return isInitiallyConnected(prospect, account.name) || account.relation(prospect.id)?.invitation?.state === "accepted";
}

/** A blank or whitespace-only note is no note: LinkedIn sends the invitation without one. */
export function hasNote(note: string | undefined): boolean {
  return note !== undefined && note.trim().length > 0;
}

export function performVisit({ account, prospect, req }: ActionTarget): ActionResult {
  if (account.isRestricted(req.at)) return "restricted";
  if (prospect === undefined || prospect.unavailable) return "profile_unavailable";
  return "ok";
}

export function performConnect(ctx: SimContext, { account, prospect, req }: ActionTarget): ActionResult {
  const at = req.at;
  if (account.isRestricted(at)) return "restricted";
  if (prospect === undefined || prospect.unavailable) return "profile_unavailable";
  if (isConnected(account, prospect)) return "already_connected";
  const rel = account.relation(prospect.id);
  if (rel?.invitation?.state === "pending") return "cannot_resend_yet";
  if (rel?.lastWithdrawnAt != null && at < rel.lastWithdrawnAt + REINVITE_BLOCK) return "cannot_resend_yet";
  if (account.invitesInWindow(at) >= account.truth.weeklyInviteLimit) {
    account.recordLimitRefusal(at);
    return "weekly_limit_reached";
  }
  const withNote = hasNote(req.note);
  const quota = account.truth.noteQuotaPerMonth;
  if (withNote && quota !== null && account.notesInMonth(at) >= quota) return "note_quota_reached";

  const zone = prospect.timezone ?? account.timezone;
  const arrival = ctx.clock.localTime(zone, at);
  const probability = acceptanceProbability(account.truth.acceptance, arrival, withNote, {
    variant: variantFactor(account.truth.variantQuality, req.variant),
    hour: hourFactor(account.truth.hourCurve, zone, arrival),
  });
  const acceptAt = planAcceptance({ seed: ctx.seed, account: account.name, prospect: prospect.url, sentAt: at, probability });
  const event = acceptAt === null ? null : ctx.queue.schedule(acceptAt, "accepted", account.name, prospect.url);
  account.recordInvitation(account.relationFor(prospect.id), at, acceptAt, event, withNote);
  return "ok";
}

export function performMessage(ctx: SimContext, { account, prospect, req }: ActionTarget): ActionResult {
  if (account.isRestricted(req.at)) return "restricted";
  if (prospect === undefined || prospect.unavailable) return "profile_unavailable";
  if (!isConnected(account, prospect)) return "not_connected";
  const rel = account.relationFor(prospect.id);
  if (!rel.messaged) {
    rel.messaged = true;
    const replyAt = planReply({
      seed: ctx.seed,
      account: account.name,
      prospect: prospect.url,
      replyRate: Math.min(1, Math.max(0, account.truth.replyRate * variantFactor(account.truth.variantQuality, req.variant))),
      firstMessageAt: req.at,
    });
    if (replyAt !== null) ctx.queue.schedule(replyAt, "replied", account.name, prospect.url);
  }
  return "ok";
}

/**
 * Withdrawing with nothing pending answers `not_connected`: the person is neither a connection nor invited,
 * so there is nothing to withdraw (the profile itself is fine, so `profile_unavailable` would mislead).
 */
export function performWithdraw({ account, prospect, req }: ActionTarget): ActionResult {
  if (account.isRestricted(req.at)) return "restricted";
  if (prospect === undefined || prospect.unavailable) return "profile_unavailable";
  if (isConnected(account, prospect)) return "already_connected";
  const rel = account.relation(prospect.id);
  if (rel === undefined || rel.invitation?.state !== "pending") return "not_connected";
  account.withdraw(rel, req.at);
  return "ok";
}
