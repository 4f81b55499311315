/**
 * How far one enrollment got through its campaign's steps, read from the dates and the step index it records
 * (enrollment/state-machine.ts):
 *
 * - `step` is the next step to run, so a ready, in-flight or ended enrollment has reached `step` itself;
 * - an invitation sent and not accepted keeps the sequence at its connect step, although `step` already points
 *   past it (steps after connect run only once it is accepted);
 * - a campaign that ran every step ends `completed` (or `accepted`) with `step` on its last step, or one past it;
 * - a connection skips the connect step: past it, never invited;
 * - a reply that ended the sequence while it waited at a step (stopOnReply) means that step never ran: it was
 *   reached only if its invitation or message had gone out before the reply.
 *
 * Replies are attributed to the message step whose message was the last one sent before the reply; a reply
 * before any message answers the invitation (its note), not a message step.
 */
import { connectIndex } from "../enrollment/state-machine.js";
import type { CampaignDoc } from "../model.js";
import type { Instant } from "../time.js";

export interface EnrollmentFacts {
  id: number;
  status: string;
  step: number;
  prospectTz: string;
  visitedAt: Instant | null;
  invitedAt: Instant | null;
  acceptedAt: Instant | null;
  messagesSent: number;
  lastMessageAt: Instant | null;
  repliedAt: Instant | null;
  withdrawnAt: Instant | null;
  endReason: string | null;
}

/** The index of the furthest step that became due for this enrollment (-1 for a campaign without steps). */
export function furthestStep(doc: CampaignDoc, e: EnrollmentFacts): number {
  const connect = connectIndex(doc);
  if (connect >= 0 && e.invitedAt !== null && e.acceptedAt === null) return connect;
  return Math.min(e.step, doc.steps.length - 1);
}

/** Whether step `i` became due for this enrollment (a connection's connect step never does). */
export function hasReached(doc: CampaignDoc, e: EnrollmentFacts, i: number): boolean {
  const p = furthestStep(doc, e);
  if (p < i) return false;
  if (p === i && e.status === "done" && e.endReason === "replied") return sentBeforeReply(doc, e, i);
  if (doc.steps[i]?.kind === "connect" && e.invitedAt === null) return p === i && e.endReason !== "completed";
  return true;
}

/** A reply ended the sequence at step `i`: whether that step's invitation or message had gone out already. */
function sentBeforeReply(doc: CampaignDoc, e: EnrollmentFacts, i: number): boolean {
  const kind = doc.steps[i]?.kind;
  if (kind === "connect") return e.invitedAt !== null;
  if (kind === "message") return e.messagesSent >= messageRank(doc, i);
  return false; // a visit: the sequence moves past it once it is done
}

/** Step `i`'s 1-based rank among the campaign's message steps (0 when it is not a message). */
export function messageRank(doc: CampaignDoc, i: number): number {
  if (doc.steps[i]?.kind !== "message") return 0;
  return doc.steps.slice(0, i + 1).filter((s) => s.kind === "message").length;
}

/** Whether the action of step `i` (a visit or a message, which no enrollment can skip) was performed. */
export function hasPerformed(doc: CampaignDoc, e: EnrollmentFacts, i: number): boolean {
  const p = furthestStep(doc, e);
  return p > i || (p === i && e.status === "done" && e.endReason === "completed");
}

/**
 * How many messages had been sent when the reply came: from the message times of the log when given, else from
 * the enrollment alone, which knows only when the last message went (null: the reply came before it, and the
 * enrollment cannot say after which one; see needsMessageTimes).
 */
export function messagesBeforeReply(e: EnrollmentFacts, messageTimes?: readonly Instant[]): number | null {
  if (e.repliedAt === null) return null;
  const repliedAt = e.repliedAt;
  if (messageTimes !== undefined) return messageTimes.filter((t) => t <= repliedAt).length;
  if (e.messagesSent === 0 || e.lastMessageAt === null || e.lastMessageAt <= repliedAt) return e.messagesSent;
  return null;
}

/** Whether attributing this enrollment's reply needs the times of its messages (see messagesBeforeReply). */
export function needsMessageTimes(e: EnrollmentFacts): boolean {
  return e.repliedAt !== null && messagesBeforeReply(e) === null;
}
