/**
 * An account's invitations per sender-local day, as cohorts: `accepted`, `withdrawn` and `decided` count the
 * invitations sent that day that were accepted, withdrawn or decided later, whenever that happened, so a day's
 * rate is the acceptance of that day's decided invitations (core/acceptance.ts: pending ones count once 21 days
 * old), and settles once they are all decided.
 */
import { invitationOutcome, type InvitationRecord } from "../acceptance.js";
import { dateKeyOfDays, daysOfDateKey } from "../schedule/civil.js";
import { localDateKey } from "../schedule/index.js";
import type { Instant } from "../time.js";

export type InvitationFacts = InvitationRecord;

export interface DayCount {
  /** `YYYY-MM-DD` in the account's zone. */
  date: string;
  invited: number;
  accepted: number;
  withdrawn: number;
  /** Accepted, declined, withdrawn, or pending for 21 days by now. */
  decided: number;
  /** accepted / decided; null while none of that day's invitations is decided. */
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
  for (let d = first; d <= today; d++) out.push({ date: dateKeyOfDays(d), invited: 0, accepted: 0, withdrawn: 0, decided: 0, rate: null });
  for (const inv of invitations) {
    const day = out[(daysOfDateKey(localDateKey(opts.zone, inv.invitedAt)) as number) - first];
    if (day === undefined) continue;
    day.invited++;
    if (inv.acceptedAt !== null) day.accepted++;
    if (inv.withdrawnAt !== null) day.withdrawn++;
    if (invitationOutcome(inv, opts.now) !== "undecided") day.decided++;
  }
  for (const day of out) day.rate = ratio(day.accepted, day.decided);
  return out;
}
