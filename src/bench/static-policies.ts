/**
 * Two static policies users run today, as the static driver plays them (no warm-up, no learning, no pause):
 *
 * (a) "12 a day in the campaign's zone": 12 invitations every day of the week, at 12 slots 40 minutes apart
 *     from 09:00 of the campaign's zone (here each account's own zone, as single-zone campaigns are usually
 *     set up) with up to 10 minutes of jitter; the day is that zone's calendar day; withdraw after 90 days.
 * (b) "20 a day from UTC midnight": a tick about every 15 minutes during 08:00-18:00 of the sender's zone on
 *     its weekdays, one invitation per tick while fewer than 20 went out since UTC midnight; no withdrawal;
 *     after a weekly-limit signal, nothing more until the next UTC day, then it tries again. For a sender west
 *     of UTC the UTC day turns during its working day, so it can send 20 plus a few more on one working day.
 */
import { DateTime } from "luxon";
import { unitHash } from "../core/random.js";
import { DAY, MINUTE, type Instant } from "../core/time.js";
import type { StaticPolicy } from "./static-driver.js";
import type { PolicyAccount } from "./policy-workspace.js";

/** How many local days ahead a calendar looks for its next tick (a weekend plus margin). */
const LOOKAHEAD_DAYS = 4;

function localDayStart(zone: string, t: Instant): DateTime {
  return DateTime.fromMillis(t, { zone }).startOf("day");
}

function dayKey(day: DateTime): string {
  return day.toISODate() ?? String(day.toMillis());
}

/** The first instant ≥ t among the day's ticks `ticks(day)` (ascending), over the next few local days. */
function firstTickFrom(zone: string, t: Instant, ticks: (day: DateTime) => Instant[]): Instant {
  const start = localDayStart(zone, t);
  for (let d = 0; d <= LOOKAHEAD_DAYS; d++) {
    const day = start.plus({ days: d });
    for (const tick of ticks(day)) if (tick >= t) return tick;
  }
  throw new Error(`static policy: no tick within ${LOOKAHEAD_DAYS} days after ${new Date(t).toISOString()} in ${zone}`);
}

export function twelveADayPolicy(seed: number | string): StaticPolicy {
  const slots = 12;
  const gap = 40 * MINUTE;
  const jitter = 10 * MINUTE;
  const ticks =
    (account: PolicyAccount) =>
    (day: DateTime): Instant[] => {
      const nine = day.set({ hour: 9 }).toMillis();
      return Array.from(
        { length: slots },
        (_, k) => nine + k * gap + Math.floor(unitHash(seed, "policy-a", account.name, dayKey(day), k) * jitter),
      );
    };
  return {
    id: "static-12",
    label: "(a) 12/day, campaign zone, withdraw after 90 days",
    rules:
      "12 invitations every day of the week, 09:00-17:00 of one campaign zone (the account's own), prospects in order, the campaign's note until note_quota_reached, withdraw after 90 days; after a weekly-limit or restricted answer, nothing more that day",
    perDay: slots,
    withdrawAfter: 90 * DAY,
    quotaDay(account, t) {
      const day = localDayStart(account.zone, t);
      return { id: day.toMillis(), end: day.plus({ days: 1 }).toMillis() };
    },
    nextTick(account, t) {
      return firstTickFrom(account.zone, t, ticks(account));
    },
  };
}

export function twentyFromUtcMidnightPolicy(seed: number | string): StaticPolicy {
  const every = 15 * MINUTE;
  const jitter = 5 * MINUTE;
  const ticks =
    (account: PolicyAccount) =>
    (day: DateTime): Instant[] => {
      if (day.weekday > 5) return [];
      const open = day.set({ hour: 8 }).toMillis();
      const close = day.set({ hour: 18 }).toMillis();
      const out: Instant[] = [];
      for (let j = 0; open + j * every < close; j++)
        out.push(open + j * every + Math.floor(unitHash(seed, "policy-b", account.name, dayKey(day), j) * jitter));
      return out;
    };
  return {
    id: "static-20-utc",
    label: "(b) 20/day from UTC midnight, sender's hours, no withdrawal",
    rules:
      "20 invitations per UTC day, sent only 08:00-18:00 on weekdays of the sender's zone (a tick about every 15 min), prospects in order, the campaign's note until note_quota_reached, no withdrawal; after a weekly-limit or restricted answer, nothing more until the next UTC midnight, then try again",
    perDay: 20,
    withdrawAfter: null,
    quotaDay(_account, t) {
      const id = Math.floor(t / DAY);
      return { id, end: (id + 1) * DAY };
    },
    nextTick(account, t) {
      return firstTickFrom(account.zone, t, ticks(account));
    },
  };
}
