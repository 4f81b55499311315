/**
 * Writes the enrollment state machine's transitions (core/enrollment) to the store, with the windows applied
 * to every new readyAt. Each function runs inside the caller's transaction.
 */
import type { NextStep } from "../core/enrollment/state-machine.js";
import type { AccountDoc, CampaignDoc } from "../core/model.js";
import type { Instant } from "../core/time.js";
import type { EnrollmentPatch, EnrollmentRow, Store } from "../store/store.js";
import type { Preparation } from "./prepare-action.js";
import { nextReachable } from "./windows.js";

export interface TransitionScope {
  store: Store;
  account: AccountDoc;
  campaign: CampaignDoc;
  now: Instant;
}

/** The patch that puts an enrollment on its next step (or ends it), as of `now`. */
export function patchForNext(scope: Omit<TransitionScope, "store">, enrollment: Pick<EnrollmentRow, "prospectTz">, next: NextStep, baseAt: Instant): EnrollmentPatch {
  const { account, campaign, now } = scope;
  if (next.type === "end") {
    return { status: "done", nextKind: null, readyAt: null, endedAt: now, endReason: next.reason, leaseActionId: null, baseAt };
  }
  const from = Math.max(next.dueAt, now);
  const readyAt = nextReachable(next.kind, account, campaign, enrollment.prospectTz, from);
  if (readyAt === null) {
    return { status: "done", nextKind: null, readyAt: null, endedAt: now, endReason: "unreachable", leaseActionId: null, baseAt };
  }
  return { status: "ready", step: next.step, nextKind: next.kind, readyAt, baseAt, leaseActionId: null };
}

/** `also`: other columns the same change sets (what the result recorded), written in the same statement. */
export async function moveToNext(scope: TransitionScope, enrollment: EnrollmentRow, next: NextStep, baseAt: Instant, also: EnrollmentPatch = {}): Promise<void> {
  await scope.store.updateEnrollment(enrollment.id, { ...also, ...patchForNext(scope, enrollment, next, baseAt) });
}

/** The invitation is out: wait for the answer, and withdraw at `withdrawAfter` if the campaign says so. */
export function patchForInvited(scope: Omit<TransitionScope, "store">, enrollment: EnrollmentRow, withdrawAfter: number | null, note: string): EnrollmentPatch {
  const { account, campaign, now } = scope;
  const base: EnrollmentPatch = { status: "invited", invitedAt: now, inviteNote: note, step: enrollment.step + 1, leaseActionId: null, baseAt: now };
  if (withdrawAfter === null) return { ...base, nextKind: null, readyAt: null };
  const readyAt = nextReachable("withdraw", account, campaign, enrollment.prospectTz, now + withdrawAfter);
  return { ...base, nextKind: "withdraw", readyAt };
}

/** Writes what prepareAction decided when it did not perform: reschedule, skip a step, or end. */
export async function applyPreparation(scope: TransitionScope, e: EnrollmentRow, prep: Exclude<Preparation, { type: "perform" }>): Promise<void> {
  switch (prep.type) {
    case "later":
      if (prep.readyAt === null) await moveToNext(scope, e, { type: "end", reason: "unreachable" }, e.baseAt);
      else await scope.store.updateEnrollment(e.id, { readyAt: prep.readyAt });
      return;
    case "replan":
      await moveToNext(scope, e, prep.next, e.baseAt);
      return;
    case "end":
      await moveToNext(scope, e, { type: "end", reason: prep.reason }, e.baseAt);
      return;
    default: {
      const never: never = prep;
      return never;
    }
  }
}
