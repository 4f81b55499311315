/**
 * Invitations the owner sent outside linkpace (learned from LinkedIn's data export) took LinkedIn's budgets
 * all the same: the rolling week, the day, the note quota of free accounts, and the pending cap. They are
 * charged here as facts of the past; unlike recordAction, nothing about linkpace's own pacing changes (no
 * least gap, no spreading of the day's quota), because linkpace did not act.
 */
import type { AccountDoc } from "../model.js";
import { localDateKey, localMonthKey } from "../schedule/index.js";
import { WEEK, type Instant } from "../time.js";
import { countsToday } from "./budgets.js";
import { addPending } from "./record.js";
import { copyGovernorState, type GovernorState } from "./state.js";

export interface OutsideInvitation {
  /** When it was sent. */
  at: Instant;
  withNote: boolean;
  /** When linkpace learned of it. */
  now: Instant;
}

export function recordInvitationSentOutside(doc: AccountDoc, prev: GovernorState, inv: OutsideInvitation): GovernorState {
  const s = copyGovernorState(prev);
  const { at, now } = inv;
  addPending(s, at);
  if (at > now - WEEK && at <= now) {
    s.inviteTimes = [...s.inviteTimes.filter((t) => t > now - WEEK), at].sort((a, b) => a - b);
  }
  const today = localDateKey(doc.timezone, now);
  if (localDateKey(doc.timezone, at) === today) {
    s.today = { ...countsToday(s, today) };
    s.day = today;
    s.today.connect += 1;
  }
  const month = localMonthKey(doc.timezone, now);
  if (inv.withNote && localMonthKey(doc.timezone, at) === month) {
    s.notesThisMonth = s.month === month ? s.notesThisMonth + 1 : 1;
    s.month = month;
  }
  return s;
}
