/**
 * What a performed action's result does to its enrollment and person (the governor's part is in
 * core/governor/record.ts). Runs inside the caller's transaction; each result writes the enrollment once.
 */
import { connectStepAt, planAfterAcceptance, planNextStep } from "../core/enrollment/state-machine.js";
import type { ActionResult } from "../core/model.js";
import { DAY } from "../core/time.js";
import type { AccountRow, EnrollmentRow, LogRow, Store } from "../store/store.js";
import type { EngineContext } from "./context.js";
import { REINVITE_BLOCK } from "./prepare-action.js";
import { moveToNext, patchForInvited, type TransitionScope } from "./transitions.js";

/** Moves the enrollment of a performed action on, given its result; `account` is locked by the caller. */
export async function applyResult(tx: Store, ctx: EngineContext, input: { action: LogRow; account: AccountRow; enrollment: EnrollmentRow; result: ActionResult }): Promise<void> {
  const { action, account, enrollment, result } = input;
  const campaign = await ctx.campaigns.get(enrollment.campaignId, tx);
  const scope: TransitionScope = { store: tx, account: account.doc, campaign: campaign.doc, now: action.at };
  await transition(scope, enrollment, action, result);
}

async function transition(scope: TransitionScope, e: EnrollmentRow, action: LogRow, result: ActionResult): Promise<void> {
  const { store, campaign, now } = scope;
  if (e.repliedAt !== null && campaign.stopOnReply) {
    await moveToNext(scope, e, { type: "end", reason: "replied" }, now);
    return;
  }
  switch (result) {
    case "ok":
      return applyOk(scope, e, action);
    case "already_connected":
      await store.updatePerson(e.personId, { connected: true, connectedAt: now });
      if (action.kind === "withdraw") {
        // The invitation was accepted before we could withdraw it: carry on as after an acceptance.
        await moveToNext(scope, e, planAfterAcceptance(campaign, e.step - 1, now), now, { acceptedAt: now });
        return;
      }
      await moveToNext(scope, e, planNextStep(campaign, e.step + 1, e.baseAt, true), e.baseAt);
      return;
    case "cannot_resend_yet":
      await store.updateEnrollment(e.id, { status: "ready", leaseActionId: null, readyAt: now + REINVITE_BLOCK });
      return;
    case "profile_unavailable":
      await moveToNext(scope, e, { type: "end", reason: "profile_unavailable" }, e.baseAt);
      return;
    case "not_connected":
      await moveToNext(scope, e, { type: "end", reason: action.kind === "withdraw" ? "withdrawn" : "not_connected" }, e.baseAt);
      return;
    case "weekly_limit_reached":
    case "note_quota_reached":
    case "restricted":
      // Refused for the account, not the person: the step is tried again when the governor allows.
      await store.updateEnrollment(e.id, { status: action.kind === "withdraw" ? "invited" : "ready", leaseActionId: null, readyAt: retryAt(now, result) });
      return;
    default: {
      const never: never = result;
      return never;
    }
  }
}

function retryAt(now: number, result: ActionResult): number {
  return result === "note_quota_reached" ? now : now + (result === "restricted" ? DAY : 0);
}

async function applyOk(scope: TransitionScope, e: EnrollmentRow, action: LogRow): Promise<void> {
  const { store, campaign, now } = scope;
  switch (action.kind) {
    case "visit":
      await moveToNext(scope, e, planNextStep(campaign, e.step + 1, now, false), now, { visitedAt: now });
      return;
    case "connect": {
      const step = connectStepAt(campaign, e.step);
      await store.updateEnrollment(e.id, patchForInvited(scope, e, step?.withdrawAfter ?? null, action.note ?? ""));
      return;
    }
    case "message":
      await moveToNext(scope, e, planNextStep(campaign, e.step + 1, now, true), now, { lastMessageAt: now, messagesSent: e.messagesSent + 1 });
      return;
    case "withdraw":
      await store.updatePerson(e.personId, { lastWithdrawnAt: now });
      await moveToNext(scope, e, { type: "end", reason: "withdrawn" }, now, { withdrawnAt: now });
      return;
    default:
      throw new Error(`unexpected action kind ${action.kind}`);
  }
}
