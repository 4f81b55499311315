/**
 * How far a webhook's cursor into the outbox may move after a fan-out read.
 *
 * The outbox is read by id. On PostgreSQL ids are handed out when a row is inserted, not when its transaction
 * commits, so id 11 may be visible while id 10 is still being written: moving the cursor past 10 would lose it
 * for good. So the cursor moves only over contiguous ids. An id that stays missing (a rolled-back transaction
 * spent it) is skipped once it has been missing for `grace`; `gapSince` remembers since when. Rows after a gap
 * are fanned out at once all the same (deliveries are unique per notification × webhook, so reading them again
 * later is harmless); only the cursor waits.
 */
import type { Instant } from "../core/time.js";

export interface CursorInput {
  cursor: number;
  /** Ids read after the cursor, ascending. */
  ids: readonly number[];
  gapSince: Instant | null;
  now: Instant;
  grace: number;
}

export interface CursorPlan {
  cursor: number;
  gapSince: Instant | null;
}

export function planCursor({ cursor, ids, gapSince, now, grace }: CursorInput): CursorPlan {
  let at = cursor;
  let skipped = false;
  for (const id of ids) {
    if (id === at + 1) {
      at = id;
      continue;
    }
    // A gap right after `at`: skip it once, if it has been there long enough, else stop here.
    if (!skipped && gapSince !== null && now - gapSince >= grace) {
      skipped = true;
      at = id;
      continue;
    }
    return { cursor: at, gapSince: at === cursor && gapSince !== null ? gapSince : now };
  }
  return { cursor: at, gapSince: null };
}
