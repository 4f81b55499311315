/**
 * An account's invitations per sender-local day, as cohorts: `accepted` and `withdrawn` count the invitations
 * sent that day that were accepted or withdrawn later, whenever that happened, so a day's rate is the
 * acceptance of that day's invitations (and settles once they are all decided).
 */
import { dateKeyOfDays, daysOfDateKey } from "../schedule/civil.js";
import { localDateKey } from "../schedule/index.js";
import type { Instant } from "../time.js";

export interface InvitationFacts {
  invitedAt: Instant;
  acceptedAt: Instant | null;
  withdrawnAt: Instant | null;
}

export interface DayCount {
  /** `YYYY-MM-DD` in the account's zone. */
  date: string;
  invited: number;
  accepted: number;
  withdrawn: number;
  /** accepted / invited; null when nothing was sent that day. */
  rate: number | null;
}

/** `n / of`, or null when there is nothing to divide by. */
export function ratio(n: number, of: number): number | null {
  return of === 0 ? null : n / of;
}

/** Exactly `days` entries, oldest first, the last one being today in `zone`. */
export function accountDays(invitations: Iterable<InvitationFacts>, opts: { zone: string; now: Instant; days: number }): DayCount[] {
  const today = daysOfDateKey(localDateKey(opts.zone, opts.now)) as number;
  const first = today - opts.days + 1;
  const out: DayCount[] = [];
  for (let d = first; d <= today; d++) out.push({ date: dateKeyOfDays(d), invited: 0, accepted: 0, withdrawn: 0, rate: null });
  for (const inv of invitations) {
    const day = out[(daysOfDateKey(localDateKey(opts.zone, inv.invitedAt)) as number) - first];
    if (day === undefined) continue;
    day.invited++;
    if (inv.acceptedAt !== null) day.accepted++;
    if (inv.withdrawnAt !== null) day.withdrawn++;
  }
  for (const day of out) day.rate = ratio(day.accepted, day.invited);
  return out;
}
