/**
 * Turns one due enrollment into an action ready to perform, or says why not now: the prospect is outside
 * their window (reschedule), is already a connection (skip the connect), may not be re-invited yet, or the
 * text cannot be sent (fallback or end). Pure: it decides, the caller writes.
 */
import { reinviteBlockedUntil } from "../core/enrollment/reinvite.js";
import { connectStepAt, planNextStep, type EndReason, type NextStep } from "../core/enrollment/state-machine.js";
import type { AccountDoc, ActionKind, CampaignDoc, CampaignStep } from "../core/model.js";
import { personName } from "../core/prospect/person-name.js";
import { startOfNextLocalMonth } from "../core/schedule/index.js";
import { renderForProspect, type RenderResult, type TemplateVars } from "../core/template/index.js";
import type { Instant } from "../core/time.js";
import type { DueEnrollment, PersonRow } from "../store/store.js";
import type { ChosenVariant } from "./variants.js";
import { isReachable, isReachableThrough, nextReachable, nextReachableFor } from "./windows.js";

export type Preparation =
  | { type: "perform"; kind: ActionKind; note?: string; text?: string; variant?: string }
  /** Not now: try again from `readyAt` (null: never, the enrollment ends `unreachable`). */
  | { type: "later"; readyAt: Instant | null }
  /** The plan changed without acting (a connection skips its connect). */
  | { type: "replan"; next: NextStep; connected: boolean }
  | { type: "end"; reason: EndReason; detail: string };

export interface PrepareInput {
  due: DueEnrollment;
  account: AccountDoc;
  campaign: CampaignDoc;
  /** Whether the governor lets a connect carry a note now. */
  noteAllowed: boolean;
  now: Instant;
  /**
   * How long after `now` the action may still be performed (a task a person does within its lease): invitations
   * and messages are handed out only when the prospect's window stays open that long. 0 for a channel that
   * performs at once.
   */
  margin?: number;
  /** The variant chosen for a connect's note or a message's text (engine/variants.ts), when the step has variants. */
  variant?: ChosenVariant | null;
}

export function prepareAction(input: PrepareInput): Preparation {
  const { due, account, campaign, now } = input;
  const { enrollment, person } = due;
  const kind = enrollment.nextKind;
  if (kind === null) throw new Error(`enrollment ${enrollment.id}: due with no next step (dueEnrollments reads one kind)`);
  const step = campaign.steps[enrollment.step];
  if (kind === "connect" && person.connected) {
    return { type: "replan", next: planNextStep(campaign, enrollment.step + 1, enrollment.baseAt, true), connected: true };
  }
  const margin = input.margin ?? 0;
  const reachable =
    margin > 0
      ? isReachableThrough(kind, account, campaign, enrollment.prospectTz, now, now + margin)
      : isReachable(kind, account, campaign, enrollment.prospectTz, now);
  if (!reachable) {
    const readyAt =
      margin > 0
        ? nextReachableFor(kind, account, campaign, enrollment.prospectTz, now, margin)
        : nextReachable(kind, account, campaign, enrollment.prospectTz, now);
    return { type: "later", readyAt };
  }
  switch (kind) {
    case "visit":
    case "withdraw":
      return { type: "perform", kind };
    case "connect":
      return prepareConnect(input, person, step);
    case "message":
      return prepareMessage(input, person, step);
    default: {
      const never: never = kind;
      return never;
    }
  }
}

function prepareConnect(input: PrepareInput, person: PersonRow, step: CampaignStep | undefined): Preparation {
  const { account, campaign, now } = input;
  const connect = connectStepAt(campaign, input.due.enrollment.step);
  if (!connect || step?.kind !== "connect") throw new Error(`enrollment ${input.due.enrollment.id}: step is not a connect`);
  const blockedUntil = reinviteBlockedUntil(person.lastWithdrawnAt, now);
  if (blockedUntil !== null) return { type: "later", readyAt: blockedUntil };
  const chosen = input.variant ? { variant: input.variant.key } : {};
  const note = input.variant ? input.variant.variant.text : connect.note;
  if (note === null) return { type: "perform", kind: "connect", note: "", ...chosen };
  const rendered = renderNote(note, person, account);
  if (rendered.sendable && input.noteAllowed) return { type: "perform", kind: "connect", note: rendered.text, ...chosen };
  // Sent without its note, the invitation says nothing of the variant: it is not counted for it.
  if (connect.noteFallback === "blank") return { type: "perform", kind: "connect", note: "" };
  if (rendered.sendable) {
    // `skip` and only the note quota stands in the way: the note can go next month.
    return { type: "later", readyAt: startOfNextLocalMonth(account.timezone, now) };
  }
  return { type: "end", reason: "note_unsendable", detail: rendered.reason };
}

function prepareMessage(input: PrepareInput, person: PersonRow, step: CampaignStep | undefined): Preparation {
  const { enrollment } = input.due;
  if (step?.kind !== "message") throw new Error(`enrollment ${enrollment.id}: step is not a message`);
  if (!person.connected && enrollment.acceptedAt === null) {
    return { type: "end", reason: "not_connected", detail: "a message goes only to a connection" };
  }
  // linkpace's own messages set lastMessageAt and baseAt together; a later one was written by hand (data export).
  if (enrollment.lastMessageAt !== null && enrollment.lastMessageAt > enrollment.baseAt) {
    return { type: "end", reason: "messaged_by_hand", detail: "you wrote to them outside linkpace after its last step" };
  }
  const rendered = renderMessage(input.variant?.variant.text ?? step.text, person);
  if (!rendered.sendable) return { type: "end", reason: "message_unsendable", detail: rendered.reason };
  return { type: "perform", kind: "message", text: rendered.text, ...(input.variant ? { variant: input.variant.key } : {}) };
}

/** An invitation note for this person, and whether it may be sent: the account's note limit applies. */
export function renderNote(note: string, person: PersonRow, account: AccountDoc): RenderResult {
  return renderForProspect(note, templateVars(person), account.noteMaxLength);
}

/** A message for this person, and whether it may be sent (messages have no length limit here). */
export function renderMessage(text: string, person: PersonRow): RenderResult {
  return renderForProspect(text, templateVars(person), null);
}

export function templateVars(person: PersonRow): TemplateVars {
  return {
    firstName: person.firstName,
    lastName: person.lastName,
    fullName: personName(person),
    company: person.company,
    title: person.title,
    location: person.location,
    custom: person.custom,
  };
}
