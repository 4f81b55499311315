/**
 * Instants kept in ascending order, counted over a window by binary search: the rolling limits stay
 * O(log n) per action however long the run. Actions of one account normally arrive in time order, so
 * `add` appends; an earlier instant is inserted in place.
 */
import type { Instant } from "../../core/time.js";

export class SortedTimes {
  private readonly times: Instant[] = [];

  get length(): number {
    return this.times.length;
  }

  add(at: Instant): void {
    const times = this.times;
    const last = times[times.length - 1];
    if (last === undefined || last <= at) times.push(at);
    else times.splice(this.firstAfter(at), 0, at);
  }

  /** How many instants t satisfy from < t ≤ to. */
  countIn(from: Instant, to: Instant): number {
    return Math.max(0, this.firstAfter(to) - this.firstAfter(from));
  }

  /** Index of the first instant strictly after `at`. */
  private firstAfter(at: Instant): number {
    let lo = 0;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.times[mid] as Instant) <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
