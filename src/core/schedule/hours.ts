/**
 * WeeklyHours in a zone, as sets of instants.
 *
 * An instant is within the hours when its local wall time falls in an open wall interval (weekly-pattern.ts).
 * That one rule settles daylight saving: a local time skipped by a spring-forward gap has no instant, so a
 * window starting inside the gap opens at the first instant after it; a local hour repeated at fall-back is
 * open at both of its instants.
 *
 * The searches walk segments of constant offset (zone-rules.ts). Inside a segment wall time rises with the
 * instant, so each step is one jump to a wall boundary, never a scan over minutes.
 */
import type { WeeklyHours } from "../model.js";
import { weeklyPattern } from "./weekly-pattern.js";
import { zoneRules } from "./zone-rules.js";

// Each segment is at most BUCKET_MS (64 days) long and every open pattern opens within a week of wall time,
// so a search that passes this many segments has found a zone whose gaps swallow every window: give up.
const MAX_SEGMENTS = 64;

export function isWithin(hours: WeeklyHours, zone: string, at: number): boolean {
  return weeklyPattern(hours).isOpen(at + zoneRules(zone).offsetAt(at));
}

/** The first instant >= at inside the hours (`at` itself when within); null when the hours are never open. */
export function nextOpening(hours: WeeklyHours, zone: string, at: number): number | null {
  const pattern = weeklyPattern(hours);
  if (pattern.isEmpty) return null;
  const rules = zoneRules(zone);
  let t = at;
  for (let i = 0; i < MAX_SEGMENTS; i++) {
    const segment = rules.segmentAt(t);
    const wall = pattern.nextOpen(t + segment.offset)!;
    const candidate = wall - segment.offset;
    if (candidate < segment.end) return candidate;
    t = segment.end;
  }
  return null;
}

/**
 * When `at` is within, the instant its open interval ends (windows and days that touch form one interval);
 * Infinity for hours that never close; null when `at` is not within.
 */
export function windowEnd(hours: WeeklyHours, zone: string, at: number): number | null {
  const pattern = weeklyPattern(hours);
  const rules = zoneRules(zone);
  let segment = rules.segmentAt(at);
  if (!pattern.isOpen(at + segment.offset)) return null;
  let t = at;
  for (let i = 0; i < MAX_SEGMENTS; i++) {
    const end = pattern.openUntil(t + segment.offset) - segment.offset;
    if (end < segment.end) return end;
    // The wall run outlasts this offset: continue only if the instant after the change is open too.
    t = segment.end;
    segment = rules.segmentAt(t);
    if (!pattern.isOpen(t + segment.offset)) return t;
  }
  return Number.POSITIVE_INFINITY;
}

/** Total open time in [from, to), in ms. */
export function openTimeBetween(hours: WeeklyHours, zone: string, from: number, to: number): number {
  let total = 0;
  let t = from;
  while (t < to) {
    const opening = nextOpening(hours, zone, t);
    if (opening === null || opening >= to) break;
    const end = windowEnd(hours, zone, opening) ?? opening;
    total += Math.min(end, to) - opening;
    if (end <= opening) break; // cannot happen: an opening is within, so its interval is not empty
    t = end;
  }
  return total;
}
