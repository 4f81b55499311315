/**
 * The stage a user sees for a prospect in a campaign, from the dates an enrollment records: how far the
 * outreach got, or why it ended early. Precedence, first match wins:
 *
 *   replied > withdrawn > ended:<reason> (ended for any reason but "completed"/"accepted") >
 *   messaged > accepted > invited > visited > enrolled
 *
 * An enrollment that ran every step ("completed", or "accepted" for a campaign that ends with the
 * invitation) shows how far it got; its `status` column says it is done.
 */

export type ProspectStage =
  "not_enrolled" | "enrolled" | "visited" | "invited" | "accepted" | "messaged" | "replied" | "withdrawn" | `ended:${string}`;

export interface StageFacts {
  status: string;
  visitedAt: number | null;
  invitedAt: number | null;
  acceptedAt: number | null;
  messagesSent: number;
  repliedAt: number | null;
  withdrawnAt: number | null;
  endReason: string | null;
}

/** End reasons that mean the sequence ran its course rather than stopped early. */
const RAN_ITS_COURSE = new Set(["completed", "accepted", "replied", "withdrawn"]);

export function prospectStage(e: StageFacts | null): ProspectStage {
  if (e === null) return "not_enrolled";
  if (e.repliedAt !== null) return "replied";
  if (e.withdrawnAt !== null) return "withdrawn";
  if (e.status === "done" && !RAN_ITS_COURSE.has(e.endReason ?? "")) return `ended:${e.endReason ?? "unknown"}`;
  if (e.messagesSent > 0) return "messaged";
  if (e.acceptedAt !== null) return "accepted";
  if (e.invitedAt !== null) return "invited";
  if (e.visitedAt !== null) return "visited";
  return "enrolled";
}

/** Hours from `from` to `to`, to two decimals; null when either is unknown. */
export function hoursBetween(from: number | null, to: number | null): number | null {
  if (from === null || to === null) return null;
  return Math.round((to - from) / 36_000) / 100;
}
