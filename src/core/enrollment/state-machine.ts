/**
 * The enrollment state machine: one person going through one campaign's steps.
 *
 *   ready ──claim──▶ in_flight ──ok(visit|message)──▶ ready (next step) or done "completed"
 *     ▲                 │ ok(connect) ─────────────▶ invited ──accepted──▶ ready (step after connect) or done "accepted"
 *     │                 │ ok(withdraw) ────────────▶ done "withdrawn"
 *     └──retry later────┤ refused for the account (limit, restriction, note quota, cannot_resend_yet)
 *                       └ refused for the person (profile unavailable, not connected) ──▶ done
 *   invited ──withdrawAfter passes──▶ (withdraw is claimed like any step; its readyAt is the withdrawal time)
 *   any state but done ──replied, stopOnReply──▶ done "replied"
 *   invited ──declined (told by the owner)──▶ done "declined"
 *   ready before a message step ──the owner messaged them by hand (data export, or found when the step is due)──▶ done "messaged_by_hand"
 *   (outside linkpace: an invitation sent by hand is adopted as `invited`, engine/adopt.ts)
 *   any state but done ──the owner stops the campaign or removes the person──▶ done "stopped" / "removed", at once,
 *     or once its pending withdrawal (kept on schedule) or its action in flight is settled
 *
 * Rules: steps after `connect` run only once the invitation is accepted; a person who is
 * already a connection skips `connect` and the next step's `after` counts from the step before; a message never
 * goes to a non-connection; a step's `after` counts from the previous step, and for the first step after
 * `connect` from the acceptance. Nothing here reads a clock: every transition takes the instant it happens at.
 * In `done` nothing ever happens again; an in_flight enrollment changes only when its action's result arrives.
 * The status changes only in transition.ts, which applies these plans; this file plans the steps.
 */
import type { CampaignDoc, CampaignStep } from "../model.js";
import type { Instant } from "../time.js";

export type EndReason =
  | "completed" // every step ran
  | "accepted" // the campaign ended with the invitation, which was accepted
  | "replied"
  | "withdrawn"
  | "profile_unavailable"
  | "not_connected" // a message step for a person who is not (and will not become) a connection
  | "note_unsendable" // noteFallback skip, and the note could not be rendered
  | "message_unsendable"
  | "unreachable" // the campaign's windows never meet the sender's working hours for this person
  | "declined" // the owner said the invitation was declined (`linkpace mark … declined`)
  | "messaged_by_hand" // the owner wrote to the person outside linkpace (data export): no second first message
  | "stopped" // the owner stopped the campaign (`linkpace campaign stop`); a pending invitation was still withdrawn on schedule
  | "removed" // the owner removed the person from the campaign (`linkpace prospects remove`); likewise
  | "suppressed"; // the person went on the do-not-contact list (`linkpace suppress`); a pending invitation was withdrawn now

/** What comes next for an enrollment: a step to run from `dueAt`, or the end. */
export type NextStep = { type: "step"; step: number; kind: CampaignStep["kind"]; dueAt: Instant } | { type: "end"; reason: EndReason };

/**
 * The next runnable step from index `from` on, with its `after` counted from `baseAt`. Connect steps are
 * skipped for connections; message steps need a connection (else the sequence ends "not_connected").
 */
export function planNextStep(campaign: CampaignDoc, from: number, baseAt: Instant, connected: boolean): NextStep {
  for (let i = from; i < campaign.steps.length; i++) {
    const step = campaign.steps[i] as CampaignStep;
    if (step.kind === "connect" && connected) continue;
    if (step.kind === "withdraw") continue; // folded into connect.withdrawAfter when the campaign was parsed
    if (step.kind === "message" && !connected) return { type: "end", reason: "not_connected" };
    return { type: "step", step: i, kind: step.kind, dueAt: baseAt + step.after };
  }
  return { type: "end", reason: "completed" };
}

/** After an accepted invitation: the step after the connect, counted from the acceptance. */
export function planAfterAcceptance(campaign: CampaignDoc, connectStep: number, acceptedAt: Instant): NextStep {
  const next = planNextStep(campaign, connectStep + 1, acceptedAt, true);
  return next.type === "end" && next.reason === "completed" ? { type: "end", reason: "accepted" } : next;
}

/** The connect step at `index`, or null when that step is not a connect. */
export function connectStepAt(campaign: CampaignDoc, index: number): Extract<CampaignStep, { kind: "connect" }> | null {
  const step = campaign.steps[index];
  return step && step.kind === "connect" ? step : null;
}

/** The index of the campaign's connect step, or -1. */
export function connectIndex(campaign: CampaignDoc): number {
  return campaign.steps.findIndex((s) => s.kind === "connect");
}
