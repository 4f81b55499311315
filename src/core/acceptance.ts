/**
 * When an invitation counts as decided, for every acceptance rate linkpace shows or acts on (the governor's
 * slow-down, status, alerts, the dashboard's analytics):
 * - accepted;
 * - not accepted: declined, withdrawn, or still pending UNANSWERED_AFTER (21 days) after it was sent. LinkedIn
 *   holds invitations left unanswered against the sender, and leaving them out would show "100% of 100
 *   decided" while most invitations go unanswered;
 * - undecided: pending for less than that, and left out of every rate.
 * An invitation accepted late counts as accepted from then on. The rule depends on `now`, which callers pass.
 */
import { DAY, type Instant } from "./time.js";

export const UNANSWERED_AFTER = 21 * DAY;

export type InvitationOutcome = "accepted" | "not_accepted" | "undecided";

/** An invitation as an enrollment records it. */
export interface InvitationRecord {
  invitedAt: Instant;
  acceptedAt: Instant | null;
  withdrawnAt: Instant | null;
  /** The enrollment's end reason: `withdrawn` or `declined` close an invitation unaccepted. */
  endReason: string | null;
}

export interface Acceptance {
  accepted: number;
  decided: number;
  /** accepted / decided; null while nothing is decided. */
  rate: number | null;
}

/** Whether an invitation sent at `invitedAt` and still pending at `now` counts as not accepted. */
export function isUnanswered(invitedAt: Instant, now: Instant): boolean {
  return now - invitedAt >= UNANSWERED_AFTER;
}

export function invitationOutcome(inv: InvitationRecord, now: Instant): InvitationOutcome {
  if (inv.acceptedAt !== null) return "accepted";
  if (inv.withdrawnAt !== null || inv.endReason === "withdrawn" || inv.endReason === "declined") return "not_accepted";
  return isUnanswered(inv.invitedAt, now) ? "not_accepted" : "undecided";
}

export function acceptance(accepted: number, decided: number): Acceptance {
  return { accepted, decided, rate: decided === 0 ? null : accepted / decided };
}
