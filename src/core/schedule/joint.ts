/**
 * Several WeeklyHours at once, each in its own zone: an action may happen only where all of them are open
 * (the sender's working hours in the sender's zone AND the campaign schedule in the
 * prospect's zone).
 *
 * nextJointOpening leapfrogs: every part's next opening at t is a lower bound of the joint opening (the joint
 * opening lies inside that part and after t), so t can jump there; a full pass that does not move t means
 * every part is open at t. Each jump crosses at least one part's closed stretch, so passes are few.
 */
import type { WeeklyHours } from "../model.js";
import { DAY } from "../time.js";
import { isWithin, nextOpening, windowEnd } from "./hours.js";

export interface HoursInZone {
  hours: WeeklyHours;
  zone: string;
}

const DEFAULT_HORIZON = 14 * DAY;

/** The first instant >= at inside every part, or null when there is none up to at + horizonMs. */
export function nextJointOpening(parts: readonly HoursInZone[], at: number, horizonMs: number = DEFAULT_HORIZON): number | null {
  const limit = at + horizonMs;
  let t = at;
  while (t <= limit) {
    let moved = false;
    for (const part of parts) {
      const opening = nextOpening(part.hours, part.zone, t);
      if (opening === null) return null;
      if (opening > t) {
        t = opening;
        moved = true;
        if (t > limit) return null;
      }
    }
    if (!moved) return t;
  }
  return null;
}

/** Whether `at` is inside every part (true for no parts). */
export function isWithinAll(parts: readonly HoursInZone[], at: number): boolean {
  for (const part of parts) if (!isWithin(part.hours, part.zone, at)) return false;
  return true;
}

/** Where the joint open interval containing `at` ends: the first part to close; null when `at` is not within all. */
export function jointWindowEnd(parts: readonly HoursInZone[], at: number): number | null {
  let end = Number.POSITIVE_INFINITY;
  for (const part of parts) {
    const partEnd = windowEnd(part.hours, part.zone, at);
    if (partEnd === null) return null;
    if (partEnd < end) end = partEnd;
  }
  return end;
}
