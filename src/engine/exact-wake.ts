/**
 * The account's wake, exact: the first instant at which a pass would find a kind of action both allowed and
 * with an enrollment ready for it. planWake (core/governor/plan-wake.ts) gives the instant the governor's first
 * block lifts; at that instant another may hold (the working hours open, but today's budget is spent; the least
 * gap ends, then pacing waits), and a pass would open a transaction only to plan the next wake. Here those
 * passes are played out in memory instead: the governor is a pure function of the account's document, state and
 * instant, and nothing in the database changes between them (a write that could, an event or an import, plans
 * the wake again). The result is the very instant the chain of such passes would reach, so that behaviour,
 * and the event log, stay the same.
 */
import { ACTION_KINDS, decideAccount, decideVisitBacklog, planWake } from "../core/governor/index.js";
import type { AccountDecision, GovernorState, ReadyByKind } from "../core/governor/index.js";
import type { AccountDoc } from "../core/model.js";
import type { Instant } from "../core/time.js";

/** Passes played out at most; past it the wake reached is written (a pass then plans the rest). */
const MAX_PASSES = 64;

export interface WakeInputs {
  doc: AccountDoc;
  state: GovernorState;
  ready: ReadyByKind;
  /** Visited prospects awaiting an invitation (decideVisitBacklog); null when not read (visits then end the chain). */
  visitedAwaiting: number | null;
}

/** Whether a pass at `at` with this decision would examine some due enrollment. */
export function hasWorkAt(decision: AccountDecision, ready: ReadyByKind, at: Instant): boolean {
  return ACTION_KINDS.some((kind) => {
    const readyAt = ready[kind];
    return decision.kinds[kind].allowed && readyAt !== undefined && readyAt <= at;
  });
}

/** The wake planned at `now` from `decision`, moved past every pass that would find nothing to do. */
export function exactWake(inputs: WakeInputs, decision: AccountDecision, now: Instant): Instant | null {
  const { doc, state, ready, visitedAwaiting } = inputs;
  let wake = planWake(decision, ready, now);
  for (let i = 0; wake !== null && i < MAX_PASSES; i++) {
    const plain = decideAccount(doc, state, wake);
    // Without the backlog count, a pass where visits are allowed cannot be played out: it is left to run.
    if (plain.kinds.visit.allowed && ready.visit !== undefined && visitedAwaiting === null) return wake;
    const next = ready.visit === undefined ? plain : decideVisitBacklog(doc, plain, visitedAwaiting ?? 0);
    if (hasWorkAt(next, ready, wake)) return wake;
    wake = planWake(next, ready, wake);
  }
  return wake;
}
