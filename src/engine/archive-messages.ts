/**
 * messages.csv applied to one account, in date order:
 * - a message from someone else, who has an enrollment of this account that invited them or wrote to them
 *   before that message, and no reply on record: a reply, through recordNetworkEvent (the sequence stops
 *   when the campaign says stopOnReply), kept with the message's text. Group threads count: the person wrote
 *   where the owner reads.
 * - a message from the owner that linkpace did not send (no `message` action to that person within the hour
 *   before it, or with the same text within the day before), to a person with an enrollment of this account,
 *   later than that enrollment's start (its acceptance if any, else its invitation or enrollment; for a
 *   connection it never invited, a week before its enrollment) and than the last message on record: seen, and
 *   it becomes the enrollment's last message. An enrollment still waiting for a message step ends
 *   "messaged_by_hand": the owner has taken the conversation over, and linkpace never sends a second first
 *   message or a follow-up that ignores what they wrote. An enrollment whose invitation is still pending keeps
 *   its withdrawal and only records the message; one whose action is in flight only records it (its next
 *   message step ends the enrollment instead, prepare-action.ts).
 */
import { DAY, HOUR, MINUTE, WEEK, type Instant } from "../core/time.js";
import type { MessageFact } from "../io/linkedin-archive/index.js";
import { plainText } from "../io/linkedin-archive/messages-table.js";
import type { EnrollmentRow, PersonRow } from "../store/store.js";
import type { ArchiveScope } from "./archive-scope.js";
import { recordNetworkEvent } from "./network-events.js";
import { clippedReplyText } from "./replies.js";
import { applyTransition } from "./transitions.js";

/** How far before its enrollment a hand-written message to a connection still counts (conversationStart). */
export const RECENT_CONVERSATION = WEEK;

export async function applyMessages(scope: ArchiveScope, facts: MessageFact[]): Promise<void> {
  for (const fact of facts) {
    if (fact.fromOwner) {
      for (const url of fact.counterparts) await ownerMessage(scope, fact, url);
    } else {
      await incomingMessage(scope, fact, fact.counterparts[0] as string);
    }
  }
}

async function tracked(scope: ArchiveScope, url: string): Promise<{ person: PersonRow; e: EnrollmentRow } | null> {
  const ids = await scope.tx.findPersonIds(scope.account.workspaceId, [url]);
  const id = ids.get(url);
  if (id === undefined) return null;
  const e = await scope.tx.latestEnrollment(scope.account.id, id);
  return e === null ? null : { person: (await scope.tx.getPerson(id)) as PersonRow, e };
}

async function incomingMessage(scope: ArchiveScope, fact: MessageFact, url: string): Promise<void> {
  const found = await tracked(scope, url);
  if (found === null || found.e.repliedAt !== null) return;
  const since = await firstOutreach(scope, found.e);
  if (since === null || fact.at <= since) return;
  await recordNetworkEvent(scope.ctx, scope.engine, {
    at: fact.at,
    kind: "replied",
    account: scope.account.name,
    prospect: found.person.displayUrl,
    text: clippedReplyText(fact.text),
  });
  scope.changes.replies++;
}

/** When this enrollment first reached out: its invitation, else its first message (linkpace's or the owner's). */
async function firstOutreach(scope: ArchiveScope, e: EnrollmentRow): Promise<Instant | null> {
  if (e.invitedAt !== null) return e.invitedAt;
  if (e.lastMessageAt === null) return null;
  const sent = (await scope.tx.accountActions(e.accountId, e.enrolledAt, e.lastMessageAt + 1)).filter(
    (a) => a.enrollmentId === e.id && a.kind === "message" && a.result === "ok",
  );
  return sent[0]?.at ?? e.lastMessageAt;
}

async function ownerMessage(scope: ArchiveScope, fact: MessageFact, url: string): Promise<void> {
  const found = await tracked(scope, url);
  if (found === null) return;
  const { person, e } = found;
  if (fact.at < conversationStart(person, e) || (e.lastMessageAt !== null && fact.at <= e.lastMessageAt)) return;
  if (await sentByLinkpace(scope, e, fact)) return;
  scope.changes.messagesSeen++;
  // Recorded in any status; a ready enrollment with a message step ahead ends (in flight: the message step after
  // that action sees it, see prepare-action).
  const campaign = await scope.ctx.campaigns.get(e.campaignId, scope.tx);
  const transition = { store: scope.tx, account: scope.account.doc, campaign: campaign.doc, now: Math.max(fact.at, e.enrolledAt) };
  await applyTransition(transition, e, { type: "messaged_by_hand", at: fact.at });
}

/**
 * Since when the owner's messages belong to this enrollment's conversation: its acceptance, else its invitation
 * or enrollment. A connection it never invited was already within reach: a conversation of the week before the
 * enrollment is still going on.
 */
function conversationStart(person: PersonRow, e: EnrollmentRow): Instant {
  if (e.acceptedAt !== null) return e.acceptedAt;
  if (e.invitedAt === null && person.connected) return e.enrolledAt - RECENT_CONVERSATION;
  return Math.min(e.enrolledAt, e.invitedAt ?? e.enrolledAt);
}

/** linkpace logs a message when it is handed over; the owner (assisted channel) may send it a little later. */
async function sentByLinkpace(scope: ArchiveScope, e: EnrollmentRow, fact: MessageFact): Promise<boolean> {
  const actions = await scope.tx.accountActions(e.accountId, fact.at - DAY, fact.at + 10 * MINUTE);
  return actions.some(
    (a) =>
      a.personId === e.personId &&
      a.kind === "message" &&
      a.result === "ok" &&
      (fact.at - a.at <= HOUR || plainText(a.text ?? "") === fact.text),
  );
}
