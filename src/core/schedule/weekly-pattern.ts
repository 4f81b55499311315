/**
 * WeeklyHours compiled into sorted, merged intervals of local wall time within one week, Monday 00:00 = 0.
 *
 * A window belongs to the day it starts on: "22:00-02:00" on Friday covers Friday 22:00 to Saturday 02:00,
 * and on Sunday it wraps into Monday, so intervals are split at the end of the week. Touching intervals are
 * merged, which is what makes consecutive windows or days one open interval.
 *
 * Wall times are "wall ms" (civil.ts). This module knows nothing of zones; hours.ts maps wall time to instants.
 */
import { WEEKDAYS, type WeeklyHours } from "../model.js";
import { DAY, MINUTE, WEEK } from "../time.js";
import { mod } from "./civil.js";

// 1970-01-01 (wall 0) was a Thursday, three days after a Monday.
const MONDAY_SHIFT = 3 * DAY;

export class WeeklyPattern {
  /** Same length; starts ascending; every end < the next start; all within [0, WEEK]. */
  private readonly starts: number[];
  private readonly ends: number[];

  constructor(intervals: Array<[number, number]>) {
    this.starts = intervals.map(([s]) => s);
    this.ends = intervals.map(([, e]) => e);
  }

  get isEmpty(): boolean {
    return this.starts.length === 0;
  }

  isOpen(wall: number): boolean {
    const position = mod(wall + MONDAY_SHIFT, WEEK);
    const i = this.lastStartingAtOrBefore(position);
    return i >= 0 && position < this.ends[i]!;
  }

  /** The first wall time >= `wall` that is open (`wall` itself when open); null when never open. */
  nextOpen(wall: number): number | null {
    const count = this.starts.length;
    if (count === 0) return null;
    const position = mod(wall + MONDAY_SHIFT, WEEK);
    const weekStart = wall - position;
    const i = this.lastStartingAtOrBefore(position);
    if (i >= 0 && position < this.ends[i]!) return wall;
    if (i + 1 < count) return weekStart + this.starts[i + 1]!;
    return weekStart + WEEK + this.starts[0]!;
  }

  /** Where the open run containing `wall` ends (wall must be open); Infinity when it never closes. */
  openUntil(wall: number): number {
    const position = mod(wall + MONDAY_SHIFT, WEEK);
    const weekStart = wall - position;
    const i = this.lastStartingAtOrBefore(position);
    const end = this.ends[i]!;
    // A run reaching Sunday 24:00 continues into Monday's first interval when that starts at 00:00.
    if (end < WEEK || this.starts[0] !== 0) return weekStart + end;
    if (this.starts.length === 1) return Number.POSITIVE_INFINITY;
    return weekStart + WEEK + this.ends[0]!;
  }

  private lastStartingAtOrBefore(position: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! <= position) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}

// Parsed documents are not mutated after parsing, so a compiled pattern can be kept per hours object.
const compiled = new WeakMap<WeeklyHours, WeeklyPattern>();

export function weeklyPattern(hours: WeeklyHours): WeeklyPattern {
  let pattern = compiled.get(hours);
  if (pattern === undefined) {
    pattern = new WeeklyPattern(mergeIntervals(weekIntervals(hours)));
    compiled.set(hours, pattern);
  }
  return pattern;
}

function weekIntervals(hours: WeeklyHours): Array<[number, number]> {
  const intervals: Array<[number, number]> = [];
  const dayIndexes = new Set(hours.days.map((d) => WEEKDAYS.indexOf(d)).filter((i) => i >= 0));
  for (const dayIndex of dayIndexes) {
    for (const { startMinute, endMinute } of hours.windows) {
      if (startMinute === endMinute) continue; // empty window
      const endOfWindow = endMinute > startMinute ? endMinute : endMinute + 24 * 60;
      const start = dayIndex * DAY + startMinute * MINUTE;
      const end = dayIndex * DAY + endOfWindow * MINUTE;
      if (end <= WEEK) intervals.push([start, end]);
      else intervals.push([start, WEEK], [0, end - WEEK]);
    }
  }
  return intervals;
}

function mergeIntervals(intervals: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
