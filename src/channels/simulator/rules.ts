/**
 * How the simulated LinkedIn behaves, in numbers (LinkedIn's published and observed limits). These are the network's rules, not
 * linkpace's settings: the engine never reads them and must cope with whatever they produce.
 */
import { DAY, HOUR, WEEK } from "../../core/time.js";
import type { AccountType } from "../../core/model.js";
import type { SimAccountTruth } from "./types.js";

/** The rolling window of the weekly invitation limit and of the refusal count that leads to a restriction. */
export const LIMIT_WINDOW = WEEK;
/** A withdrawn invitation blocks a new one to the same person for this long (`cannot_resend_yet`). */
export const REINVITE_BLOCK = 21 * DAY;
/** Unanswered invitations disappear after about six months. */
export const INVITE_EXPIRY = 180 * DAY;
/** The n-th `weekly_limit_reached` within LIMIT_WINDOW (and every later one) restricts the account. */
export const REFUSALS_BEFORE_RESTRICTION = 3;
/** Durations of successive restrictions of one account; the last repeats. */
export const RESTRICTION_LADDER: readonly number[] = [12 * HOUR, 3 * DAY, 14 * DAY];
/** More pending invitations than this restricts the account for PENDING_RESTRICTION. */
export const PENDING_RESTRICTION_THRESHOLD = 1200;
export const PENDING_RESTRICTION = 14 * DAY;

/** Acceptance factors by the local time at which the invitation reached the prospect. */
export const BUSINESS_HOURS_FACTOR = 1.25; // Mon-Fri, [09:00, 18:00)
export const NIGHT_FACTOR = 0.6; // any day, [22:00, 06:00)
export const NOTE_FACTOR = 1.3;
export const MAX_ACCEPTANCE = 0.95;

export function defaultTruth(type: AccountType): SimAccountTruth {
  return {
    weeklyInviteLimit: 100,
    noteQuotaPerMonth: type === "free" ? 5 : null,
    acceptance: 0.35,
    replyRate: 0.2,
    variantQuality: {},
    hourCurve: {},
  };
}
