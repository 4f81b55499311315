/**
 * The fewest sittings that do a day's tasks (what the forecast with a sitting always open released that day):
 * each task can go from when it is due until its window closes, less the task's lease. Greedy cover: the
 * sitting start that serves the most tasks still unserved (at most as many as fit in one sitting, those whose
 * windows close first), again until every task has one or the day has its most sittings. Pure.
 */
import { MINUTE, type Instant } from "../../core/time.js";
import type { Release } from "./forecast.js";

export interface SuggestOptions {
  /** The longest sitting. */
  maxLength: number;
  /** The average time between two tasks in a sitting (the account's sittingGap with its jitter). */
  gap: number;
  /** At most this many sittings (the ones that serve the most); the tasks left go another day. */
  maxPerDay: number;
}

export interface SittingSlot {
  from: Instant;
  until: Instant;
  /** The tasks this sitting is meant for. */
  tasks: Release[];
}

export function suggestSittings(tasks: readonly Release[], opts: SuggestOptions): SittingSlot[] {
  // A task is served from when it is due (`earliest`) until its window closes (`latest`).
  const open = new Set(tasks.filter((t) => ceilMinute(t.earliest) <= t.latest));
  const slots: SittingSlot[] = [];
  while (open.size > 0) {
    // Candidate starts: when tasks become due, and when a sitting already chosen ends (its overflow goes on).
    const starts = [...new Set([...[...open].map((t) => ceilMinute(t.earliest)), ...slots.map((s) => s.until)])]
      .filter((from) => !slots.some((s) => from >= s.from && from < s.until))
      .sort((a, b) => a - b);
    let best: { from: Instant; room: number; served: Release[] } | null = null;
    for (const from of starts) {
      // A sitting never runs into the next one chosen.
      const room = Math.min(opts.maxLength, ...slots.filter((s) => s.from > from).map((s) => s.from - from));
      if (room < opts.gap) continue;
      const served = [...open].filter((t) => ceilMinute(t.earliest) <= from + room - opts.gap && t.latest >= from);
      if (served.length === 0) continue;
      served.sort((a, b) => a.latest - b.latest || a.earliest - b.earliest);
      const taken = served.slice(0, Math.max(1, Math.floor(room / opts.gap)));
      if (best === null || taken.length > best.served.length) best = { from, room, served: taken };
    }
    if (best === null || slots.length >= opts.maxPerDay) break; // what is left goes another day
    for (const t of best.served) open.delete(t);
    slots.push({ from: best.from, until: best.from + lengthFor(best.from, best.served, best.room, opts), tasks: best.served });
  }
  return slots.sort((a, b) => a.from - b.from);
}

/**
 * Long enough for its tasks one after the other, and until the last of them went when a sitting was always open
 * (tasks fall due while others are done); whole 5 minutes, at most `room`.
 */
function lengthFor(from: Instant, tasks: readonly Release[], room: number, opts: SuggestOptions): number {
  const lastGone = Math.max(...tasks.map((t) => Math.max(t.at, ceilMinute(t.earliest)))) - from;
  const needed = Math.max(tasks.length * opts.gap, lastGone + opts.gap) + 2 * MINUTE;
  const five = 5 * MINUTE;
  return Math.min(room, Math.max(10 * MINUTE, Math.ceil(needed / five) * five));
}

function ceilMinute(at: Instant): Instant {
  return Math.ceil(at / MINUTE) * MINUTE;
}
