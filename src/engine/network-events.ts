/**
 * What LinkedIn tells us after the fact: an invitation accepted, a reply, a restriction of the account. Each is
 * logged (an `event` line of the event log) and moves the enrollment and the governor state in one transaction.
 * A reply is also kept with its text (engine/replies.ts) and its webhook carries the text; the same reply learned
 * again (same account, person and instant) is logged once, and only fills in a text that was missing.
 */
import { loadGovernorState, recordInvitationClosed, recordRestrictionEvent } from "../core/governor/index.js";
import type { NetworkEventKind } from "../core/model.js";
import type { Instant } from "../core/time.js";
import type { AccountRow, EnrollmentRow, Store } from "../store/store.js";
import type { EngineContext } from "./context.js";
import type { Engine } from "./engine.js";
import { notifyHealth, notifyMilestone } from "./notify.js";
import { keepReply } from "./replies.js";
import { applyTransition, type TransitionScope } from "./transitions.js";

export interface NetworkEvent {
  at: Instant;
  kind: NetworkEventKind;
  account: string;
  /** Any identifier URL of the person (not for `restricted`). */
  prospect?: string;
  /** `replied`: the reply's text when someone pasted it (checked by replyText). */
  text?: string | null;
}

export type EventOutcome = "applied" | "unknown_account" | "unknown_person" | "no_enrollment";

export async function recordNetworkEvent(ctx: EngineContext, engine: Engine, ev: NetworkEvent): Promise<EventOutcome> {
  return ctx.store.transaction(async (tx) => {
    const found = await tx.getAccount(ctx.workspaceId, ev.account);
    if (!found) return "unknown_account";
    const account = await tx.lockAccount(found.id);
    if (ev.kind === "restricted") {
      await appendEvent(tx, account, ev, null);
      const prev = loadGovernorState(account.state);
      const state = recordRestrictionEvent(prev, ev.at);
      await notifyHealth(tx, account, prev, state, ev.at);
      await engine.updateWake(tx, account, state, ev.at);
      return "applied";
    }
    const ids = await tx.findPersonIds(ctx.workspaceId, [ev.prospect ?? ""]);
    const personId = ids.values().next().value;
    if (personId === undefined) return "unknown_person";
    const enrollment = await tx.latestEnrollment(account.id, personId);
    if (!enrollment) return "no_enrollment";
    const text = ev.kind === "replied" ? (ev.text ?? null) : null;
    if (ev.kind === "replied") {
      const known = await tx.findReply(account.id, personId, ev.at);
      if (known !== null) {
        if (known.text === null && text !== null) await tx.fillReplyText(known.id, text);
        return "applied";
      }
    }
    const { display, logId } = await appendEvent(tx, account, ev, enrollment);
    const prev = loadGovernorState(account.state);
    let state = prev;
    const campaign = await ctx.campaigns.get(enrollment.campaignId, tx);
    const scope: TransitionScope = { store: tx, account: account.doc, campaign: campaign.doc, now: ev.at };
    if (ev.kind === "accepted") {
      // Nothing can refuse it and nothing is asked of it: it may travel with the next statement (Store.updatePerson).
      await tx.updatePerson(personId, { connected: true, connectedAt: ev.at }, { deferrable: true });
      if (enrollment.invitedAt !== null && enrollment.acceptedAt === null && enrollment.withdrawnAt === null) {
        state = recordInvitationClosed(state, 1, enrollment.invitedAt);
        await applyTransition(scope, enrollment, { type: "accepted" });
        await notifyMilestone(tx, ctx, {
          at: ev.at,
          kind: "invite_accepted",
          account,
          campaignId: enrollment.campaignId,
          personId,
          prospect: display,
        });
      }
    } else {
      await applyTransition(scope, enrollment, { type: "replied" });
      await keepReply(tx, { account, personId, enrollment, logId, at: ev.at, text }, ctx.clock.now());
      await notifyMilestone(tx, ctx, {
        at: ev.at,
        kind: "replied",
        account,
        campaignId: enrollment.campaignId,
        personId,
        prospect: display,
        extra: { text },
      });
    }
    await notifyHealth(tx, account, prev, state, ev.at);
    await engine.updateWake(tx, account, state, ev.at);
    return "applied";
  });
}

/** Logs the event; returns the prospect's display identifier and the log row's id. */
async function appendEvent(
  tx: Store,
  account: AccountRow,
  ev: NetworkEvent,
  e: EnrollmentRow | null,
): Promise<{ display: string | null; logId: number }> {
  const person = e ? await tx.getPerson(e.personId) : null;
  const logId = await tx.appendLog({
    workspaceId: account.workspaceId,
    at: ev.at,
    type: "event",
    accountId: account.id,
    campaignId: e?.campaignId ?? null,
    personId: e?.personId ?? null,
    enrollmentId: e?.id ?? null,
    prospect: person?.displayUrl ?? null,
    prospectTz: e?.prospectTz ?? null,
    kind: ev.kind,
    note: null,
    text: null,
    result: null,
  });
  return { display: person?.displayUrl ?? null, logId };
}
