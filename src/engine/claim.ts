/**
 * An action the engine claimed for an account: the due enrollment and what prepareAction decided to perform,
 * as the log row that records it and the request handed to the channel.
 */
import type { ActionRequest } from "../channels/channel.js";
import type { GovernorState } from "../core/governor/index.js";
import type { ActionResult } from "../core/model.js";
import { MINUTE, type Instant } from "../core/time.js";
import type { AccountRow, ActionLogRow, DueEnrollment } from "../store/store.js";
import { variantName } from "../core/campaign/variants.js";
import type { Preparation } from "./prepare-action.js";

/**
 * How long a runner or an agent holds a task without renewing it; also how long an invitation's or a message's
 * window must stay open after it is handed out to a person, so that it lands inside even if done at the end.
 */
export const TASK_LEASE = 10 * MINUTE;

export interface Claim {
  account: AccountRow;
  state: GovernorState;
  due: DueEnrollment;
  prep: Extract<Preparation, { type: "perform" }>;
  at: Instant;
  /** The campaign's version the action was prepared under (its texts): logged with it. */
  campaignVersion: number;
}

export function logRow(claim: Claim, result: ActionResult | null): Omit<ActionLogRow, "id"> {
  const { account, due, prep, at } = claim;
  return {
    workspaceId: account.workspaceId,
    at,
    type: "action",
    accountId: account.id,
    campaignId: due.campaignId,
    personId: due.person.id,
    enrollmentId: due.enrollment.id,
    prospect: due.person.displayUrl,
    prospectTz: due.enrollment.prospectTz,
    kind: prep.kind,
    note: prep.note ?? null,
    text: prep.text ?? null,
    result,
    campaignVersion: claim.campaignVersion,
    ...(prep.variant !== undefined ? { variant: prep.variant } : {}),
  };
}

export function toRequest(claim: Claim, actionId: number): ActionRequest {
  const { account, due, prep, at } = claim;
  return {
    actionId,
    at,
    account: { name: account.name, type: account.doc.type },
    kind: prep.kind,
    prospect: {
      url: due.person.displayUrl,
      identifiers: [due.person.displayUrl],
      firstName: due.person.firstName,
      lastName: due.person.lastName,
      timezone: due.enrollment.prospectTz,
    },
    ...(prep.note !== undefined ? { note: prep.note } : {}),
    ...(prep.text !== undefined ? { text: prep.text } : {}),
    ...(prep.variant !== undefined ? { variant: variantName(prep.variant) } : {}),
  };
}
