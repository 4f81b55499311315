/**
 * Whether and when an invitation is accepted, decided once when it is sent from a Rng seeded by
 * (seed, account, prospect, send time): the same invitation always gets the same fate, whatever else happens
 * in the run and in whatever order the simulator is called.
 */
import { canonicalZone } from "../../core/prospect/zone-offset.js";
import { createRng, type Rng } from "../../core/random.js";
import { DAY, HOUR, SECOND, type Instant } from "../../core/time.js";
import type { LocalTime } from "./local-clock.js";
import { BUSINESS_HOURS_FACTOR, MAX_ACCEPTANCE, NIGHT_FACTOR, NOTE_FACTOR } from "./rules.js";

/** Share of acceptances that come late (days to weeks), the rest around a median of about 30 h. */
const LATE_SHARE = 0.15;
const BODY_MEDIAN = 30 * HOUR;
const BODY_SIGMA = 0.6;
const LATE_MIN = 5 * DAY;
const LATE_MAX = 35 * DAY;
const DELAY_MIN = 20 * 60 * SECOND;
const DELAY_MAX = 40 * DAY;

export function isBusinessHours(t: LocalTime): boolean {
  return t.weekday >= 1 && t.weekday <= 5 && t.minuteOfDay >= 9 * 60 && t.minuteOfDay < 18 * 60;
}

export function isNight(t: LocalTime): boolean {
  return t.minuteOfDay >= 22 * 60 || t.minuteOfDay < 6 * 60;
}

/** The account's hidden factors for one invitation, from its truth (`variantFactor`, `hourFactor`); left out: 1. */
export interface AcceptanceFactors {
  /** How well the variant sent is received (`variantQuality`). */
  variant?: number;
  /** The hour curve's factor at the local hour of arrival (`hourCurve`). */
  hour?: number;
}

/**
 * The probability that an invitation is ever accepted: the base rate times the built-in time-of-day and note
 * factors and the truth's variant and hour factors, clamped to [0, MAX_ACCEPTANCE]. Factors of 1 leave the
 * product as it was bit for bit, so runs without variants or an hour curve do not change.
 */
export function acceptanceProbability(base: number, arrival: LocalTime, hasNote: boolean, factors: AcceptanceFactors = {}): number {
  let p = base;
  if (isBusinessHours(arrival)) p *= BUSINESS_HOURS_FACTOR;
  else if (isNight(arrival)) p *= NIGHT_FACTOR;
  if (hasNote) p *= NOTE_FACTOR;
  p *= factors.variant ?? 1;
  p *= factors.hour ?? 1;
  return Math.min(MAX_ACCEPTANCE, Math.max(0, p));
}

/** The quality factor of the variant named `variant`: 1 when no variant is named or the truth does not list it. */
export function variantFactor(quality: Readonly<Record<string, number>>, variant: string | undefined): number {
  if (variant === undefined || !Object.hasOwn(quality, variant)) return 1;
  return quality[variant] ?? 1;
}

/**
 * The hour curve's factor for an invitation reaching a person in `zone` at local time `arrival`: the zone's own
 * curve (by name as given or as Intl spells it), else the `"*"` curve, else 1 (no curve: flat).
 */
export function hourFactor(curves: Readonly<Record<string, readonly number[]>>, zone: string, arrival: LocalTime): number {
  if (Object.keys(curves).length === 0) return 1;
  const curve = ownCurve(curves, zone) ?? ownCurve(curves, canonicalZone(zone) ?? zone) ?? ownCurve(curves, "*");
  if (curve === undefined) return 1;
  return curve[Math.floor(arrival.minuteOfDay / 60)] ?? 1;
}

function ownCurve(curves: Readonly<Record<string, readonly number[]>>, key: string): readonly number[] | undefined {
  return Object.hasOwn(curves, key) ? curves[key] : undefined;
}

export interface InvitationFate {
  seed: number | string;
  account: string;
  prospect: string;
  sentAt: Instant;
  probability: number;
}

/** When the invitation will be accepted, or null when never (it then expires or is withdrawn). */
export function planAcceptance(f: InvitationFate): Instant | null {
  const rng = createRng(f.seed, "accept", f.account, f.prospect, f.sentAt);
  const accepted = rng.next() < f.probability;
  const delay = acceptanceDelay(rng); // drawn either way, so the delay does not depend on the probability
  return accepted ? ceilToSecond(f.sentAt + delay) : null;
}

/**
 * Heavy-tailed: 85% lognormal around 30 h (90% of those between ~11 h and ~80 h: "most within 1-3 days, some
 * within hours"), 15% log-uniform between 5 and 35 days ("some 2-3 weeks later"); clamped to [20 min, 40 d].
 */
export function acceptanceDelay(rng: Rng): number {
  const late = rng.next() < LATE_SHARE;
  const delay = late ? logUniform(rng, LATE_MIN, LATE_MAX) : BODY_MEDIAN * Math.exp(BODY_SIGMA * standardNormal(rng));
  return Math.min(DELAY_MAX, Math.max(DELAY_MIN, delay));
}

export function logUniform(rng: Rng, min: number, max: number): number {
  return min * Math.exp(rng.next() * Math.log(max / min));
}

/** Box-Muller; 1 - next() keeps the logarithm's argument in (0, 1]. */
function standardNormal(rng: Rng): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export function ceilToSecond(at: Instant): Instant {
  return Math.ceil(at / SECOND) * SECOND;
}
