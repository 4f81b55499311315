/**
 * Replies, kept where they are learned: the text someone pasted (checked here, once for the CLI, the API and the
 * runners) and the row written with the `replied` event (network-events.ts). A reply learned on a task's screen
 * is task-reply.ts.
 */
import { LinkpaceError } from "../core/errors.js";
import { MAX_REPLY_LENGTH, tooLongMessage } from "../core/limits.js";
import type { Instant } from "../core/time.js";
import type { AccountRow, EnrollmentRow, ReplyRow, Store } from "../store/store.js";

/**
 * A reply's text as given: trimmed, null when empty or not given; a LinkpaceError (invalid_input) naming
 * `where` when it is over MAX_REPLY_LENGTH.
 */
export function replyText(raw: string | null | undefined, where: string): string | null {
  if (raw === undefined || raw === null) return null;
  const text = raw.trim();
  if (text === "") return null;
  if (text.length > MAX_REPLY_LENGTH) {
    throw new LinkpaceError("invalid_input", `${where}: ${tooLongMessage("a reply's text", text, MAX_REPLY_LENGTH)}`);
  }
  return text;
}

/** A text read from elsewhere (the archive's messages): as replyText, cut to MAX_REPLY_LENGTH instead of refused. */
export function clippedReplyText(raw: string | null | undefined): string | null {
  const text = (raw ?? "").trim();
  return text === "" ? null : text.slice(0, MAX_REPLY_LENGTH);
}

/** Writes the reply a `replied` event records (in its transaction); the same reply again fills in a missing text. */
export async function keepReply(
  tx: Store,
  reply: {
    account: AccountRow;
    personId: number;
    enrollment: EnrollmentRow | null;
    logId: number | null;
    at: Instant;
    text: string | null;
  },
  now: Instant,
): Promise<ReplyRow> {
  const { reply: row } = await tx.recordReply({
    workspaceId: reply.account.workspaceId,
    accountId: reply.account.id,
    personId: reply.personId,
    enrollmentId: reply.enrollment?.id ?? null,
    campaignId: reply.enrollment?.campaignId ?? null,
    logId: reply.logId,
    at: reply.at,
    text: reply.text,
    recordedAt: now,
  });
  return row;
}
