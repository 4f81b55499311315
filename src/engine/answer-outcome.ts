/**
 * What became of an answer for an action handed out to a runner or an agent: a result (Engine.recordResult) or
 * a skip (Engine.releaseTask). Of all the answers for one action, exactly one takes effect, on every backend
 * and across processes; every other one is told why not:
 * - recorded: this answer took effect;
 * - duplicate: the same answer took effect before (a repeated report, or a skip of an action put back already);
 * - conflict: another answer took effect before (`first`): a different result, a result before this skip, or
 *   the action was put back without one (skipped) before this result;
 * - gone: the action is unknown: never handed out, or put back so long ago that its release was forgotten;
 * - held: only for a release of an action nobody held (Engine.releaseTask's `unheldOnly`): someone took it since.
 */
import type { ActionResult } from "../core/model.js";
import { DAY, type Instant } from "../core/time.js";
import type { LogRow, ReleasedAction, ReleaseReason, Store } from "../store/store.js";

/** How long an action put back without a result is remembered: a result for it is a conflict until then, gone after. */
export const RELEASES_KEPT = 30 * DAY;

export type AnswerOutcome =
  { type: "recorded" } | { type: "duplicate" } | { type: "conflict"; first: FirstAnswer } | { type: "gone" } | { type: "held" };

/** What took effect before a conflicting answer. */
export type FirstAnswer = { type: "result"; result: ActionResult } | { type: "released"; at: Instant; reason: ReleaseReason };

/** An action as it stands: its log row, else (when the log no longer has it) what its release recorded. */
export interface ActionFound {
  action: LogRow | null;
  released: ReleasedAction | null;
}

/** Reads an action as it stands (ActionFound). */
export async function readAction(store: Store, actionId: number): Promise<ActionFound> {
  const action = await store.getLogRow(actionId);
  return { action, released: action === null ? await store.getReleasedAction(actionId) : null };
}

/** What an answer meets when the action, read under its account's lock, is no longer open; null: it is open. */
export function settledOutcome({ action, released }: ActionFound, answer: ActionResult | "skip"): AnswerOutcome | null {
  if (action !== null && action.type === "action") {
    if (action.result === null) return null;
    return action.result === answer ? { type: "duplicate" } : { type: "conflict", first: { type: "result", result: action.result } };
  }
  if (action !== null || released === null) return { type: "gone" };
  // Skipping it again changes nothing (it is put back already); a result cannot undo the release.
  return answer === "skip"
    ? { type: "duplicate" }
    : { type: "conflict", first: { type: "released", at: released.at, reason: released.reason } };
}
