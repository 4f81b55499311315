/**
 * The one place an enrollment's status changes: `transition(state, event, scope)` gives the columns to write and
 * the effects on the person, or an error naming the illegal move. Pure: the caller reads the row, writes the
 * change, and applies the effects, in one transaction under the account's lock.
 *
 * Statuses:
 * - ready: the step `step` (of kind `nextKind`) may run from `readyAt` on (null: parked by a paused campaign).
 * - in_flight: an action was claimed for it (`leaseActionId`); only that action's result or release moves it.
 * - invited: the invitation is pending; `nextKind` is `withdraw` at `readyAt` when the campaign withdraws.
 * - done: ended for `endReason`. Final: no event ever changes its status again.
 *
 * Events and what they do:
 * - claimed: ready, or invited with a withdrawal due, goes in_flight holding the action.
 * - performed (an action's result; in_flight only): see `performed` below. A channel that answers inline claims
 *   and performs in one transaction: the caller applies `claimed` then `performed` and writes once.
 * - released (the task was put back unperformed; in_flight only): back to ready (invited for a withdrawal).
 * - deferred (not now, from `readyAt`; ready or invited): readyAt moves; null means never: done "unreachable".
 * - skipped (a connection skips its connect; ready only): on to the next step.
 * - ended (the step cannot run: note or message unsendable, not connected; ready only): done.
 * - accepted, replied, messaged_by_hand: facts, recorded in every status. Accepted moves an invited enrollment
 *   to the step after its connect; replied ends a ready or invited one when the campaign stops on reply; a
 *   message by hand ends a ready one that still has a message step ahead. In flight, the action's result sees
 *   the fact when it arrives.
 * - declined (said by the owner; invited only): done "declined".
 * - invited_outside (an invitation sent by hand, adopted from a data export; ready only): invited.
 * - withdrawal_requested (invited, not accepted): the withdrawal is due now.
 * - end_requested (the owner stopped the campaign or removed the person; any status but done): a ready one ends
 *   now with the reason; an invited one whose withdrawal is scheduled keeps only that withdrawal, and an in-flight
 *   one its action's result: both are marked `stopReason`. A marked enrollment never runs another step: whatever
 *   would move it on (an acceptance, a result, a release) ends it instead, and every end it reaches is recorded
 *   with the stop reason (its dates still say what happened: withdrawnAt, acceptedAt, repliedAt). Reason
 *   `suppressed` (the do-not-contact list) also makes an invitation sent by the action in flight due for
 *   withdrawal now.
 * - campaign_updated (the owner changed the campaign's document; any status but done): the enrollment keeps its
 *   progress on the new steps (core/campaign/step-map.ts). Ready at a kept step: that step, its readyAt planned
 *   again when its delay or the schedule changed (a parked one stays parked); at a removed step: the next step
 *   that exists. Invited: the step after its connect, the pending withdrawal planned again from the invitation
 *   when the connect's withdrawAfter or the schedule changed (a withdrawal already due stays due; one of a
 *   removed connect stays as it was). In flight: the new index of its step (the caller puts back, or refuses, an
 *   action whose step was removed).
 *
 * What can never happen: a status change out of done; an in_flight enrollment moved by anything but its
 * action's result or release; a claim of an enrollment that is in flight or done.
 */
import { stepAfter, type StepMap } from "../campaign/step-map.js";
import type { ActionKind, ActionResult, CampaignDoc } from "../model.js";
import { DAY, type Instant } from "../time.js";
import { REINVITE_BLOCK } from "./reinvite.js";
import { connectStepAt, planAfterAcceptance, planNextStep, type EndReason, type NextStep } from "./state-machine.js";

export type EnrollmentStatus = "ready" | "in_flight" | "invited" | "done";
/** Why the owner ended an enrollment (end_requested). */
export type StopReason = Extract<EndReason, "stopped" | "removed" | "suppressed">;
export const STOP_REASONS: readonly StopReason[] = ["stopped", "removed", "suppressed"];
export const ENROLLMENT_STATUSES: readonly EnrollmentStatus[] = ["ready", "in_flight", "invited", "done"];

/** The columns of an enrollment that transitions read and write. */
export interface EnrollmentState {
  status: EnrollmentStatus;
  step: number;
  nextKind: ActionKind | null;
  readyAt: Instant | null;
  baseAt: Instant;
  visitedAt: Instant | null;
  invitedAt: Instant | null;
  inviteNote: string | null;
  acceptedAt: Instant | null;
  lastMessageAt: Instant | null;
  messagesSent: number;
  repliedAt: Instant | null;
  withdrawnAt: Instant | null;
  endedAt: Instant | null;
  endReason: string | null;
  leaseActionId: number | null;
  /** Told to end (end_requested) while a withdrawal or an action was pending: the reason it ends with. */
  stopReason: StopReason | null;
}

export type EnrollmentChange = Partial<EnrollmentState>;

export type EnrollmentEvent =
  | { type: "claimed"; actionId: number }
  | { type: "performed"; kind: ActionKind; result: ActionResult; note: string }
  | { type: "released"; kind: ActionKind; readyAt: Instant | null }
  | { type: "deferred"; readyAt: Instant | null }
  | { type: "skipped"; next: NextStep }
  | { type: "ended"; reason: EndReason }
  | { type: "accepted" }
  | { type: "replied" }
  | { type: "messaged_by_hand"; at: Instant }
  | { type: "declined" }
  | { type: "invited_outside"; step: number; note: string }
  | { type: "withdrawal_requested" }
  | { type: "end_requested"; reason: StopReason }
  /** The campaign's document changed from `previous` (scope.campaign is the new one); `connected`: the person is a connection. */
  | { type: "campaign_updated"; previous: CampaignDoc; map: StepMap; connected: boolean };

export type EnrollmentEventType = EnrollmentEvent["type"];

/** What a transition does to the person as well (written by the caller with the enrollment). */
export type PersonEffect = { type: "person_connected"; at: Instant } | { type: "person_withdrawn"; at: Instant };

export interface TransitionScope {
  campaign: CampaignDoc;
  /** The first instant from `from` on at which an action of this kind may run for this enrollment; null: never. */
  reachable: (kind: ActionKind, from: Instant) => Instant | null;
  now: Instant;
}

export type TransitionResult = { ok: true; change: EnrollmentChange; effects: PersonEffect[] } | { ok: false; error: string };

/** The statuses each event may start from (facts recorded everywhere are listed with every status). */
export const LEGAL_FROM: Record<EnrollmentEventType, readonly EnrollmentStatus[]> = {
  claimed: ["ready", "invited"],
  performed: ["in_flight"],
  released: ["in_flight"],
  deferred: ["ready", "invited"],
  skipped: ["ready"],
  ended: ["ready"],
  accepted: ENROLLMENT_STATUSES,
  replied: ENROLLMENT_STATUSES,
  messaged_by_hand: ENROLLMENT_STATUSES,
  declined: ["invited"],
  invited_outside: ["ready"],
  withdrawal_requested: ["invited"],
  end_requested: ["ready", "in_flight", "invited"],
  campaign_updated: ["ready", "in_flight", "invited"],
};

export function transition(state: EnrollmentState, event: EnrollmentEvent, scope: TransitionScope): TransitionResult {
  const out = step(state, event, scope);
  if (!out.ok) return out;
  const stopReason = out.change.stopReason ?? state.stopReason;
  if (stopReason === null) return out;
  // Someone put on the do-not-contact list while their invitation was in flight: it is withdrawn now, not on schedule.
  const sent = stopReason === "suppressed" && event.type === "performed" && event.kind === "connect" && out.change.status === "invited";
  const change: EnrollmentChange = sent
    ? { ...out.change, nextKind: "withdraw", readyAt: scope.reachable("withdraw", scope.now) }
    : out.change;
  return { ...out, change: settleStop({ ...state, ...change }, change, stopReason, scope.now) };
}

/**
 * An enrollment told to end never goes on: where the event left it ready (or invited with no withdrawal to wait
 * for) it ends now, and any end is recorded with the stop reason.
 */
function settleStop(after: EnrollmentState, change: EnrollmentChange, reason: StopReason, now: Instant): EnrollmentChange {
  const withdrawalDue = after.status === "invited" && after.nextKind === "withdraw" && after.readyAt !== null;
  if (after.status === "in_flight" || withdrawalDue) return change;
  const ended =
    after.status === "done" ? {} : { status: "done" as const, nextKind: null, readyAt: null, endedAt: now, leaseActionId: null };
  return { ...change, ...ended, endReason: reason };
}

function step(state: EnrollmentState, event: EnrollmentEvent, scope: TransitionScope): TransitionResult {
  if (!LEGAL_FROM[event.type].includes(state.status))
    return illegal(state, event, `it is legal only from ${LEGAL_FROM[event.type].join(", ")}`);
  const done = (change: EnrollmentChange, effects: PersonEffect[] = []): TransitionResult => ({ ok: true, change, effects });
  const { now } = scope;
  switch (event.type) {
    case "claimed":
      if (state.status === "invited" && state.nextKind !== "withdraw") return illegal(state, event, "no withdrawal is due");
      return done({ status: "in_flight", leaseActionId: event.actionId });
    case "performed":
      return performed(state, event, scope);
    case "released":
      return done({ status: event.kind === "withdraw" ? "invited" : "ready", leaseActionId: null, readyAt: event.readyAt });
    case "deferred":
      return done(
        event.readyAt === null ? planNext(scope, { type: "end", reason: "unreachable" }, state.baseAt) : { readyAt: event.readyAt },
      );
    case "skipped":
      return done(planNext(scope, event.next, state.baseAt));
    case "ended":
      return done(planNext(scope, { type: "end", reason: event.reason }, state.baseAt));
    case "accepted": {
      // An in-flight withdrawal learns of the acceptance from its own result (already_connected).
      if (state.status !== "invited") return done({ acceptedAt: now });
      return done({ acceptedAt: now, ...planNext(scope, planAfterAcceptance(scope.campaign, state.step - 1, now), now) });
    }
    case "replied":
      if (!scope.campaign.stopOnReply || state.status === "done" || state.status === "in_flight") return done({ repliedAt: now });
      return done({ repliedAt: now, ...planNext(scope, { type: "end", reason: "replied" }, now) });
    case "messaged_by_hand": {
      // In flight: only recorded; the message step after that action sees it (prepare-action) and ends there.
      const ahead = scope.campaign.steps.slice(state.step).some((s) => s.kind === "message");
      if (state.status !== "ready" || !ahead) return done({ lastMessageAt: event.at });
      return done({ lastMessageAt: event.at, ...planNext(scope, { type: "end", reason: "messaged_by_hand" }, state.baseAt) });
    }
    case "declined":
      return done(planNext(scope, { type: "end", reason: "declined" }, now));
    case "invited_outside":
      return done(planInvited(scope, event.step, event.note));
    case "withdrawal_requested":
      if (state.acceptedAt !== null) return illegal(state, event, "the invitation was accepted");
      return done({ nextKind: "withdraw", readyAt: now });
    case "end_requested": {
      // What is pending is kept (a withdrawal on schedule, an action in flight) and settled by transition().
      const withdrawalDue = state.status === "invited" && state.nextKind === "withdraw" && state.readyAt !== null;
      if (state.status === "in_flight" || withdrawalDue) return done({ stopReason: event.reason });
      return done(planNext(scope, { type: "end", reason: event.reason }, state.baseAt));
    }
    case "campaign_updated": {
      const change = campaignUpdated(state, event, scope);
      return change === null ? illegal(state, event, "its step in flight was removed (put its action back first)") : done(change);
    }
    default: {
      const never: never = event;
      return never;
    }
  }
}

/** The change that carries an enrollment over to the campaign's new document (see campaign_updated above); null: illegal. */
function campaignUpdated(
  state: EnrollmentState,
  event: Extract<EnrollmentEvent, { type: "campaign_updated" }>,
  scope: TransitionScope,
): EnrollmentChange | null {
  const { previous, map, connected } = event;
  const { campaign, now } = scope;
  const scheduleChanged = JSON.stringify(previous.schedule) !== JSON.stringify(campaign.schedule);
  if (state.status === "invited" || state.nextKind === "withdraw") {
    // A pending invitation, of the connect step before `step`.
    const to = stepAfter(map, state.step - 1);
    const change: EnrollmentChange = { step: to.kept ? to.step + 1 : to.step };
    if (!to.kept || state.status !== "invited" || state.stopReason !== null || state.acceptedAt !== null || state.invitedAt === null)
      return change;
    const before = connectStepAt(previous, state.step - 1)?.withdrawAfter ?? null;
    const after = connectStepAt(campaign, to.step)?.withdrawAfter ?? null;
    if (before === after && !scheduleChanged) return change;
    if (state.nextKind === "withdraw" && state.readyAt !== null && state.readyAt <= now) return change;
    if (after === null) return { ...change, nextKind: null, readyAt: null };
    const readyAt = scope.reachable("withdraw", Math.max(state.invitedAt + after, now));
    return { ...change, nextKind: readyAt === null ? null : "withdraw", readyAt };
  }
  const to = stepAfter(map, state.step);
  if (state.status === "in_flight") return to.kept ? { step: to.step } : null;
  if (to.kept) {
    const step = campaign.steps[to.step] as CampaignDoc["steps"][number];
    const delayChanged = previous.steps[state.step]?.after !== step.after;
    if (state.readyAt === null || (!delayChanged && !scheduleChanged)) return { step: to.step };
    return planNext(scope, { type: "step", step: to.step, kind: step.kind, dueAt: state.baseAt + step.after }, state.baseAt);
  }
  const next = planNextStep(campaign, to.step, state.baseAt, connected);
  // Parked by a paused campaign: it stays parked on its new step (resume plans it).
  if (state.readyAt === null && next.type === "step") return { step: next.step, nextKind: next.kind };
  return planNext(scope, next, state.baseAt);
}

/** The columns of a new enrollment, before `planStart` or an adopted invitation plans it. */
export function draftEnrollment(baseAt: Instant): EnrollmentState {
  return {
    status: "ready",
    step: 0,
    nextKind: null,
    readyAt: null,
    baseAt,
    visitedAt: null,
    invitedAt: null,
    inviteNote: null,
    acceptedAt: null,
    lastMessageAt: null,
    messagesSent: 0,
    repliedAt: null,
    withdrawnAt: null,
    endedAt: null,
    endReason: null,
    leaseActionId: null,
    stopReason: null,
  };
}

/** A new enrollment's first step (a connection skips its connect), counted from `now`. */
export function planStart(scope: TransitionScope, connected: boolean): EnrollmentState {
  const state = draftEnrollment(scope.now);
  return { ...state, ...planNext(scope, planNextStep(scope.campaign, 0, scope.now, connected), scope.now) };
}

/** An action's result, for the enrollment that was in flight for it. */
function performed(
  state: EnrollmentState,
  event: Extract<EnrollmentEvent, { type: "performed" }>,
  scope: TransitionScope,
): TransitionResult {
  const { campaign, now } = scope;
  const done = (change: EnrollmentChange, effects: PersonEffect[] = []): TransitionResult => ({ ok: true, change, effects });
  if (state.repliedAt !== null && campaign.stopOnReply) return done(planNext(scope, { type: "end", reason: "replied" }, now));
  switch (event.result) {
    case "ok":
      return performedOk(state, event, scope);
    case "already_connected": {
      const connected: PersonEffect[] = [{ type: "person_connected", at: now }];
      // The invitation was accepted before we could withdraw it: carry on as after an acceptance.
      if (event.kind === "withdraw")
        return done({ acceptedAt: now, ...planNext(scope, planAfterAcceptance(campaign, state.step - 1, now), now) }, connected);
      return done(planNext(scope, planNextStep(campaign, state.step + 1, state.baseAt, true), state.baseAt), connected);
    }
    case "cannot_resend_yet":
      return done({ status: "ready", leaseActionId: null, readyAt: now + REINVITE_BLOCK });
    case "profile_unavailable":
      return done(planNext(scope, { type: "end", reason: "profile_unavailable" }, state.baseAt));
    case "not_connected":
      return done(planNext(scope, { type: "end", reason: event.kind === "withdraw" ? "withdrawn" : "not_connected" }, state.baseAt));
    case "weekly_limit_reached":
    case "note_quota_reached":
    case "restricted": {
      // Refused for the account, not the person: the step is tried again when the governor allows.
      const retryAt = event.result === "note_quota_reached" ? now : now + (event.result === "restricted" ? DAY : 0);
      return done({ status: event.kind === "withdraw" ? "invited" : "ready", leaseActionId: null, readyAt: retryAt });
    }
    default: {
      const never: never = event.result;
      return never;
    }
  }
}

function performedOk(
  state: EnrollmentState,
  event: Extract<EnrollmentEvent, { type: "performed" }>,
  scope: TransitionScope,
): TransitionResult {
  const { campaign, now } = scope;
  switch (event.kind) {
    case "visit":
      return {
        ok: true,
        change: { visitedAt: now, ...planNext(scope, planNextStep(campaign, state.step + 1, now, false), now) },
        effects: [],
      };
    case "connect":
      return { ok: true, change: planInvited(scope, state.step, event.note), effects: [] };
    case "message": {
      const sent = { lastMessageAt: now, messagesSent: state.messagesSent + 1 };
      return { ok: true, change: { ...sent, ...planNext(scope, planNextStep(campaign, state.step + 1, now, true), now) }, effects: [] };
    }
    case "withdraw":
      return {
        ok: true,
        change: { withdrawnAt: now, ...planNext(scope, { type: "end", reason: "withdrawn" }, now) },
        effects: [{ type: "person_withdrawn", at: now }],
      };
    default: {
      const never: never = event.kind;
      return never;
    }
  }
}

/** The change that puts an enrollment on its next step (or ends it), with the windows applied to its readyAt. */
function planNext(scope: TransitionScope, next: NextStep, baseAt: Instant): EnrollmentChange {
  const { now } = scope;
  if (next.type === "end") {
    return { status: "done", nextKind: null, readyAt: null, endedAt: now, endReason: next.reason, leaseActionId: null, baseAt };
  }
  const readyAt = scope.reachable(next.kind, Math.max(next.dueAt, now));
  if (readyAt === null) {
    return { status: "done", nextKind: null, readyAt: null, endedAt: now, endReason: "unreachable", leaseActionId: null, baseAt };
  }
  return { status: "ready", step: next.step, nextKind: next.kind, readyAt, baseAt, leaseActionId: null };
}

/** The invitation of the connect step at `step` is out: wait for the answer, and withdraw when the campaign says. */
function planInvited(scope: TransitionScope, step: number, note: string): EnrollmentChange {
  const { now } = scope;
  const withdrawAfter = connectStepAt(scope.campaign, step)?.withdrawAfter ?? null;
  const base: EnrollmentChange = { status: "invited", invitedAt: now, inviteNote: note, step: step + 1, leaseActionId: null, baseAt: now };
  if (withdrawAfter === null) return { ...base, nextKind: null, readyAt: null };
  return { ...base, nextKind: "withdraw", readyAt: scope.reachable("withdraw", now + withdrawAfter) };
}

function illegal(state: EnrollmentState, event: EnrollmentEvent, why: string): TransitionResult {
  return { ok: false, error: `an enrollment that is ${state.status} cannot take the event ${event.type}: ${why}` };
}
