/**
 * LinkedIn refuses a new invitation to a person for up to 3 weeks after one was withdrawn: linkpace waits that
 * long rather than spend an invitation on a refusal (and, when LinkedIn still says `cannot_resend_yet`, waits
 * that long again from the refusal).
 */
import { DAY, type Instant } from "../time.js";

export const REINVITE_BLOCK = 21 * DAY;

/** Until when a person whose last invitation was withdrawn at `lastWithdrawnAt` may not be invited; null: free now. */
export function reinviteBlockedUntil(lastWithdrawnAt: Instant | null, now: Instant): Instant | null {
  if (lastWithdrawnAt === null || lastWithdrawnAt + REINVITE_BLOCK <= now) return null;
  return lastWithdrawnAt + REINVITE_BLOCK;
}
