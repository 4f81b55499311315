/**
 * Outcomes the owner learned elsewhere (`linkpace mark PERSON OUTCOME`), with the same effects as when LinkedIn
 * reports them:
 * - accepted: the account's pending invitation to the person is accepted (recordNetworkEvent: next steps follow);
 * - replied: a reply on the person's latest enrollment of the account (recordNetworkEvent: stopOnReply ends it),
 *   with its text when given (kept in the replies, engine/replies.ts). A reply on record already gets the text
 *   when it had none; one that an action in flight had put off (a task skipped since) ends the sequence now;
 * - declined: the pending invitation is closed: the enrollment ends "declined", the governor's pending count
 *   drops by one and a decided 0 counts in the acceptance rate, in one transaction;
 * - connected: the person is a connection (campaigns skip `connect`); when the account's invitation to them
 *   is pending, that is an acceptance. An unknown person is created as a connection.
 * Expected outcomes are results: "applied", "already" (on record already: nothing changes), or "nothing"
 * (no pending invitation / no enrollment to apply it to). Bad input is a LinkpaceError.
 */
import { LinkpaceError } from "../core/errors.js";
import { loadGovernorState, recordInvitationClosed } from "../core/governor/index.js";
import { profileIdentifiers } from "../core/prospect/profile-url.js";
import { formatInstant, type Instant } from "../core/time.js";
import type { AccountRow, EnrollmentRow, PersonRow, Store } from "../store/store.js";
import type { EngineContext } from "./context.js";
import type { Engine } from "./engine.js";
import { recordNetworkEvent } from "./network-events.js";
import { createOutsidePerson, hasPendingInvitation } from "./outside-people.js";
import { keepReply, replyText } from "./replies.js";
import { applyTransition } from "./transitions.js";

export const MARK_OUTCOMES = ["accepted", "replied", "declined", "connected"] as const;
export type MarkOutcome = (typeof MARK_OUTCOMES)[number];

export interface MarkInput {
  /** Any profile URL of the person. */
  person: string;
  outcome: MarkOutcome;
  /** Default: now. */
  at?: Instant;
  /** Default: the account of the person's enrollment, when only one account has one (or there is one account). */
  account?: string;
  /** replied: the reply's text, as pasted (trimmed; checked by replyText). */
  text?: string;
}

export interface MarkResult {
  status: "applied" | "already" | "nothing";
  /** What was recorded: `connected` on a pending invitation records an acceptance. */
  recorded: MarkOutcome;
  person: string;
  account: string | null;
  campaign: string | null;
  at: string;
  message: string;
  /** replied, when a reply is on record: the one kept (its id in the replies listing, its text). */
  reply?: { id: number; text: string | null };
}

interface Target {
  tx: Store;
  ctx: EngineContext;
  engine: Engine;
  person: PersonRow;
  account: AccountRow | null;
  latest: EnrollmentRow | null;
  campaign: string | null;
  at: Instant;
  text: string | null;
}

export async function markPerson(ctx: EngineContext, engine: Engine, input: MarkInput): Promise<MarkResult> {
  const identifiers = profileIdentifiers([input.person]).map((id) => id.url);
  if (identifiers.length === 0) {
    throw new LinkpaceError(
      "invalid_input",
      `${input.person}: not a LinkedIn profile URL (expected like https://www.linkedin.com/in/jane-doe)`,
    );
  }
  const text = replyText(input.text, "--text");
  if (text !== null && input.outcome !== "replied")
    throw new LinkpaceError("invalid_input", `--text goes with replied (the reply's text), not with ${input.outcome}`);
  const now = ctx.clock.now();
  const at = input.at ?? now;
  if (at > now) throw new LinkpaceError("invalid_input", `--at ${formatInstant(at)} is in the future (now is ${formatInstant(now)})`);
  return ctx.store.transaction(async (tx) => {
    const txCtx: EngineContext = { ...ctx, store: tx };
    const ids = [...new Set((await tx.findPersonIds(ctx.workspaceId, identifiers)).values())];
    if (ids.length > 1)
      throw new LinkpaceError("invalid_input", `${input.person}: its identifiers belong to ${ids.length} different people`);
    if (ids[0] === undefined) {
      if (input.outcome !== "connected") {
        throw new LinkpaceError(
          "not_found",
          `${identifiers[0]}: nobody with this profile URL in the workspace (import them with linkpace prospects import or linkpace import linkedin-archive)`,
        );
      }
      const person = await createOutsidePerson(tx, {
        workspaceId: ctx.workspaceId,
        identifiers,
        firstName: "",
        lastName: "",
        connectedAt: at,
        now,
      });
      return result({ person, account: null, campaign: null, at }, "applied", "connected", "now known as a connection");
    }
    const person = (await tx.getPerson(ids[0])) as PersonRow;
    const resolved = await resolveAccount(tx, ctx, person, input.account, input.outcome);
    // The account's lock before its enrollment is read: what else changes an enrollment holds it too.
    const account = resolved === null ? null : await tx.lockAccount(resolved.id);
    const latest = account === null ? null : await tx.latestEnrollment(account.id, person.id);
    const campaign = latest === null ? null : (await ctx.campaigns.get(latest.campaignId, tx)).name;
    const target: Target = { tx, ctx: txCtx, engine, person, account, latest, campaign, at, text };
    switch (input.outcome) {
      case "accepted":
        return markAccepted(target, "accepted");
      case "replied":
        return markReplied(target);
      case "declined":
        return markDeclined(target);
      case "connected":
        return hasPendingInvitation(latest) ? markAccepted(target, "connected") : markConnected(target);
      default: {
        const never: never = input.outcome;
        return never;
      }
    }
  });
}

async function markAccepted(t: Target, asked: MarkOutcome): Promise<MarkResult> {
  const e = t.latest;
  if (e === null || !hasPendingInvitation(e)) {
    if (e !== null && e.acceptedAt !== null) return result(t, "already", "accepted", `accepted already, at ${formatInstant(e.acceptedAt)}`);
    return result(t, "nothing", "accepted", `no pending invitation to this person from ${t.account?.name ?? "any account"}${why(e)}`);
  }
  notBefore(t.at, e.invitedAt as number, "the invitation was sent");
  await recordNetworkEvent(t.ctx, t.engine, {
    at: t.at,
    kind: "accepted",
    account: (t.account as AccountRow).name,
    prospect: t.person.displayUrl,
  });
  const also = asked === "connected" ? " (the pending invitation counts as accepted)" : "";
  return result(t, "applied", "accepted", `invitation accepted${also}; the campaign's next steps follow`);
}

async function markReplied(t: Target): Promise<MarkResult> {
  const e = t.latest;
  if (e === null) return result(t, "nothing", "replied", `${t.account?.name ?? "no account"} has never had this person in a campaign`);
  const account = t.account as AccountRow; // locked by markPerson, and the account of `e`
  if (e.repliedAt !== null) return repliedBefore(t, e, account);
  await recordNetworkEvent(t.ctx, t.engine, {
    at: t.at,
    kind: "replied",
    account: account.name,
    prospect: t.person.displayUrl,
    text: t.text,
  });
  const reply = await t.tx.findReply(account.id, t.person.id, t.at);
  return withReply(
    result(t, "applied", "replied", "reply recorded; the sequence stops if the campaign says stopOnReply"),
    reply && { id: reply.id, text: reply.text },
  );
}

/**
 * A reply on record already: its text is filled in when it had none (a reply logged before replies were kept gets
 * its row then), and an enrollment it did not end yet (its action was in flight, then put back) ends now.
 */
async function repliedBefore(t: Target, e: EnrollmentRow, account: AccountRow): Promise<MarkResult> {
  const repliedAt = e.repliedAt as number;
  let reply = await t.tx.latestReply(account.id, t.person.id);
  let added = false;
  if (reply === null || reply.at < repliedAt) {
    reply = await keepReply(
      t.tx,
      { account, personId: t.person.id, enrollment: e, logId: null, at: repliedAt, text: t.text },
      t.ctx.clock.now(),
    );
    added = t.text !== null;
  } else if (reply.text === null && t.text !== null) {
    added = await t.tx.fillReplyText(reply.id, t.text);
    reply = { ...reply, text: added ? t.text : reply.text };
  }
  const campaign = await t.ctx.campaigns.get(e.campaignId, t.tx);
  let ended = false;
  if (campaign.doc.stopOnReply && (e.status === "ready" || e.status === "invited")) {
    await applyTransition({ store: t.tx, account: account.doc, campaign: campaign.doc, now: repliedAt }, e, { type: "replied" });
    await t.engine.updateWake(t.tx, account, loadGovernorState(account.state), t.ctx.clock.now());
    ended = true;
  }
  const done = [added ? "the reply's text recorded" : null, ended ? "the sequence ends (stopOnReply)" : null].filter((m) => m !== null);
  const message = `replied already, at ${formatInstant(repliedAt)}${done.length > 0 ? `; ${done.join("; ")}` : ""}`;
  return withReply(result(t, done.length > 0 ? "applied" : "already", "replied", message), {
    id: reply.id,
    text: reply.text,
  });
}

function withReply(r: MarkResult, reply: { id: number; text: string | null } | null): MarkResult {
  return reply === null ? r : { ...r, reply };
}

async function markDeclined(t: Target): Promise<MarkResult> {
  const e = t.latest;
  if (e !== null && e.endReason === "declined")
    return result(t, "already", "declined", `declined already, at ${formatInstant(e.endedAt as number)}`);
  if (e === null || !hasPendingInvitation(e))
    return result(t, "nothing", "declined", `no pending invitation to this person from ${t.account?.name ?? "any account"}${why(e)}`);
  if (e.status === "in_flight")
    return result(t, "nothing", "declined", "an action for this person is being performed; record the outcome once it is done");
  notBefore(t.at, e.invitedAt as number, "the invitation was sent");
  const account = t.account as AccountRow; // locked by markPerson, and the account of `e`
  const campaign = await t.ctx.campaigns.get(e.campaignId, t.tx);
  await applyTransition({ store: t.tx, account: account.doc, campaign: campaign.doc, now: t.at }, e, { type: "declined" });
  const state = recordInvitationClosed(loadGovernorState(account.state), 0, e.invitedAt);
  await t.engine.updateWake(t.tx, account, state, t.ctx.clock.now());
  return result(t, "applied", "declined", "invitation closed as declined (pending count and acceptance rate updated)");
}

async function markConnected(t: Target): Promise<MarkResult> {
  if (t.person.connected) return result(t, "already", "connected", "a connection already");
  await t.tx.updatePerson(t.person.id, { connected: true, connectedAt: t.at });
  return result(t, "applied", "connected", "now a connection: campaigns skip the invitation");
}

/** The account named, else the only one that has this person in a campaign (or the only account). */
async function resolveAccount(
  tx: Store,
  ctx: EngineContext,
  person: PersonRow,
  name: string | undefined,
  outcome: MarkOutcome,
): Promise<AccountRow | null> {
  if (name !== undefined) {
    const row = await tx.getAccount(ctx.workspaceId, name);
    if (!row) throw new LinkpaceError("not_found", `no account named ${name}`);
    return row;
  }
  const accounts = await tx.listAccounts(ctx.workspaceId);
  if (accounts.length === 1) return accounts[0] as AccountRow;
  const active = (await tx.activeEnrollments(ctx.workspaceId, [person.id])).get(person.id);
  if (active) return (await tx.getAccountById(active.enrollment.accountId)) as AccountRow;
  const withEnrollment: AccountRow[] = [];
  for (const a of accounts) if (await tx.latestEnrollment(a.id, person.id)) withEnrollment.push(a);
  if (withEnrollment.length === 1) return withEnrollment[0] as AccountRow;
  if (outcome === "connected") return null;
  const names = (withEnrollment.length > 0 ? withEnrollment : accounts).map((a) => a.name).join(", ");
  throw new LinkpaceError("invalid_input", `${person.displayUrl}: say which account with --account (${names || "no account yet"})`);
}

function notBefore(at: Instant, earliest: Instant, what: string): void {
  if (at < earliest) throw new LinkpaceError("invalid_input", `--at ${formatInstant(at)} is before ${what} (${formatInstant(earliest)})`);
}

function why(e: EnrollmentRow | null): string {
  if (e === null) return " (never in one of its campaigns)";
  if (e.withdrawnAt !== null) return ` (withdrawn at ${formatInstant(e.withdrawnAt)})`;
  if (e.invitedAt === null) return " (not invited yet)";
  return e.status === "done" ? ` (that enrollment ended: ${e.endReason ?? "done"})` : "";
}

function result(
  t: Pick<Target, "person" | "account" | "campaign" | "at">,
  status: MarkResult["status"],
  recorded: MarkOutcome,
  message: string,
): MarkResult {
  return {
    status,
    recorded,
    person: t.person.displayUrl,
    account: t.account?.name ?? null,
    campaign: t.campaign,
    at: formatInstant(t.at),
    message,
  };
}
