/**
 * Calendar questions about an instant in a zone: its local date, weekday, minute of day, and where local
 * days and months begin. Budgets per calendar day or month (an account's daily limits, notes per month) are keyed by these.
 *
 * Where a local midnight does not exist (a zone that springs forward at 00:00), the day begins at the first
 * instant after the gap; where it occurs twice, at the first occurrence.
 */
import { WEEKDAYS, type Weekday } from "../model.js";
import { DAY, HOUR, MINUTE } from "../time.js";
import { dateKeyOfDays, daysFromCivil, daysOfDateKey, daysOfWall, mod, weekdayIndexOfDays } from "./civil.js";
import { zoneRules } from "./zone-rules.js";

/** Further from any wall time than any zone's offset, so an instant this far before it is surely earlier. */
const BEYOND_ANY_OFFSET = 26 * HOUR;

/** The local wall time of an instant (civil.ts "wall ms"). */
export function localWall(zone: string, at: number): number {
  return at + zoneRules(zone).offsetAt(at);
}

/** "YYYY-MM-DD" in that zone. */
export function localDateKey(zone: string, at: number): string {
  return dateKeyOfDays(daysOfWall(localWall(zone, at)));
}

/** "YYYY-MM" in that zone. */
export function localMonthKey(zone: string, at: number): string {
  return localDateKey(zone, at).slice(0, 7);
}

export function localWeekday(zone: string, at: number): Weekday {
  return WEEKDAYS[weekdayIndexOfDays(daysOfWall(localWall(zone, at)))]!;
}

/** Whole minutes since local midnight, 0-1439. */
export function localMinuteOfDay(zone: string, at: number): number {
  return Math.floor(mod(localWall(zone, at), DAY) / MINUTE);
}

/** The first instant of the local day containing `at` (always <= at). */
export function startOfLocalDay(zone: string, at: number): number {
  const dayStart = daysOfWall(localWall(zone, at)) * DAY;
  return firstInstantReachingWall(zone, dayStart, dayStart - BEYOND_ANY_OFFSET);
}

/** The first instant after `at` on a later local date. */
export function startOfNextLocalDay(zone: string, at: number): number {
  const nextDay = (daysOfWall(localWall(zone, at)) + 1) * DAY;
  return firstInstantReachingWall(zone, nextDay, at);
}

/** The first instant after `at` in a later local month. */
export function startOfNextLocalMonth(zone: string, at: number): number {
  const key = localDateKey(zone, at);
  const year = Number(key.slice(0, 4));
  const month = Number(key.slice(5, 7));
  const nextMonth = daysFromCivil(year, month + 1, 1) * DAY;
  return firstInstantReachingWall(zone, nextMonth, at);
}

/** Calendar days from date key `a` to date key `b` (negative when b is earlier); throws on a malformed key. */
export function daysBetweenLocalDates(a: string, b: string): number {
  return daysOfKeyOrThrow(b) - daysOfKeyOrThrow(a);
}

function daysOfKeyOrThrow(key: string): number {
  const days = daysOfDateKey(key);
  if (days === null) throw new Error(`daysBetweenLocalDates: "${key}" is not a date "YYYY-MM-DD"`);
  return days;
}

/**
 * The first instant >= `from` whose local wall time is >= `wall`: the wall time itself when it exists,
 * or the end of the gap that skips it. Walks segments of constant offset, inside which wall time is
 * instant + offset and so rises with the instant.
 */
export function firstInstantReachingWall(zone: string, wall: number, from: number): number {
  const rules = zoneRules(zone);
  let t = from;
  for (;;) {
    const segment = rules.segmentAt(t);
    if (t + segment.offset >= wall) return t;
    const candidate = wall - segment.offset;
    if (candidate < segment.end) return candidate;
    t = segment.end;
  }
}
