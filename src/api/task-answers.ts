/**
 * How the task and agent routes answer what the engine made of a result or a skip (engine/answer-outcome.ts),
 * one mapping for all of them: the answer that took effect is 200, the same result again is 200 with
 * `duplicate: true`, anything else is a 409 that says what happened first.
 */
import { LinkpaceError } from "../core/errors.js";
import type { AnswerOutcome } from "../engine/answer-outcome.js";
import { notTakenMessage } from "../runner/runner.js";

/** Whether the answer for `what` ("action 12") was a duplicate; a 409 when it did not take effect otherwise. */
export function answerTaken(outcome: AnswerOutcome, what: string): { duplicate: boolean } {
  if (outcome.type === "recorded") return { duplicate: false };
  if (outcome.type === "duplicate") return { duplicate: true };
  throw new LinkpaceError("conflict", notTakenMessage(outcome, what));
}
