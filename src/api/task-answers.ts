/**
 * How the task and agent routes answer what the engine made of a result or a skip (engine/answer-outcome.ts),
 * one mapping for all of them: the answer that took effect is 200, the same answer again is 200 with
 * `duplicate: true`, an action the engine does not know (never handed out, or put back and forgotten since) is
 * a 404, anything else is a 409 that says what happened first.
 */
import { LinkpaceError } from "../core/errors.js";
import type { AnswerOutcome } from "../engine/answer-outcome.js";
import { notTakenMessage } from "../runner/runner.js";

/** Whether the answer for `what` ("action 12") was a duplicate; a 404 or 409 when it did not take effect otherwise. */
export function answerTaken(outcome: AnswerOutcome, what: string): { duplicate: boolean } {
  if (outcome.type === "recorded") return { duplicate: false };
  if (outcome.type === "duplicate") return { duplicate: true };
  throw new LinkpaceError(outcome.type === "gone" ? "not_found" : "conflict", notTakenMessage(outcome, what));
}
