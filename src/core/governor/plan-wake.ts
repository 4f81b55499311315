/**
 * The engine's own rules on top of the governor's decision, pure so they are tested here:
 * - visits run only a little ahead of invitations: with VISIT_BACKLOG_DAYS days of invitations (at the account's
 *   daily budget) already visited and waiting, visits stop until invitations catch up;
 * - the account's wake: the earliest instant at which some kind of action is both allowed and has an enrollment
 *   ready for it, never `now` again (whatever was due now was just examined), on a whole second. null: nothing
 *   can happen until an outside event (an acceptance, an import, a resumed campaign) wakes the account.
 */
import type { AccountDoc, ActionKind } from "../model.js";
import { SECOND, type Instant } from "../time.js";
import { ACTION_KINDS, type AccountDecision } from "./decide.js";

/** Visits run ahead of invitations by at most this many days of invitations. */
export const VISIT_BACKLOG_DAYS = 5;

export type ReadyByKind = Partial<Record<ActionKind, Instant>>;

/** The decision with visits held back when `visitedAwaiting` prospects already wait for an invitation. */
export function decideVisitBacklog(doc: AccountDoc, decision: AccountDecision, visitedAwaiting: number): AccountDecision {
  const limit = VISIT_BACKLOG_DAYS * doc.limits.invitesPerDay;
  if (!decision.kinds.visit.allowed || visitedAwaiting < limit) return decision;
  const visit = { allowed: false, until: null, reason: `${visitedAwaiting} visited prospects already wait for an invitation` } as const;
  return { ...decision, kinds: { ...decision.kinds, visit } };
}

/** The earliest instant some allowed kind has an enrollment ready, later than `now` and on a whole second; null: none. */
export function planWake(decision: AccountDecision, readyByKind: ReadyByKind, now: Instant): Instant | null {
  let wake: Instant | null = null;
  for (const kind of ACTION_KINDS) {
    const ready = readyByKind[kind];
    if (ready === undefined) continue;
    const d = decision.kinds[kind];
    const allowedFrom = d.allowed ? now : d.until;
    if (allowedFrom === null) continue;
    const at = Math.max(ready, allowedFrom);
    if (wake === null || at < wake) wake = at;
  }
  return wake === null ? null : Math.ceil(Math.max(wake, now + 1) / SECOND) * SECOND;
}
