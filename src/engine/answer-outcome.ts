/**
 * What became of an answer for an action handed out to a runner or an agent: a result (Engine.recordResult) or
 * a skip (Engine.releaseTask). Of all the answers for one action, exactly one takes effect, on every backend
 * and across processes; every other one is told why not:
 * - recorded: this answer took effect;
 * - duplicate: the same result was recorded before (a repeated report);
 * - conflict: a result (`result`) was recorded before: a different one, or a skip that came after it;
 * - gone: the action is no longer in flight and has no result: it was skipped (or never handed out);
 * - held: only for a release of an action nobody held (Engine.releaseTask's `unheldOnly`): someone took it since.
 */
import type { ActionResult } from "../core/model.js";
import type { LogRow } from "../store/store.js";

export type AnswerOutcome =
  | { type: "recorded" }
  | { type: "duplicate" }
  | { type: "conflict"; result: ActionResult }
  | { type: "gone" }
  | { type: "held" };

/** What an answer meets when the action, read under its account's lock, is no longer open; null: it is open. */
export function settledOutcome(action: LogRow | null, answer: ActionResult | "skip"): AnswerOutcome | null {
  if (action === null || action.type !== "action") return { type: "gone" };
  if (action.result === null) return null;
  return action.result === answer ? { type: "duplicate" } : { type: "conflict", result: action.result };
}
