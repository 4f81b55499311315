/**
 * What a performed action's result does to its enrollment and person (the governor's part is in
 * core/governor/record.ts). Runs inside the caller's transaction; each result writes the enrollment once.
 */
import type { ActionResult } from "../core/model.js";
import type { AccountRow, ActionLogRow, EnrollmentRow, Store } from "../store/store.js";
import type { EngineContext } from "./context.js";
import { applyTransition } from "./transitions.js";

/**
 * Moves the enrollment of a performed action on, given its result; `account` is locked by the caller. `claimed`:
 * the action was claimed and performed in this transaction (an inline channel), so the enrollment was never
 * written in flight: the claim and the result are applied together, in one write.
 */
export async function applyResult(
  tx: Store,
  ctx: EngineContext,
  input: { action: ActionLogRow; account: AccountRow; enrollment: EnrollmentRow; result: ActionResult; claimed?: boolean },
): Promise<void> {
  const { action, account, enrollment, result } = input;
  const campaign = await ctx.campaigns.get(enrollment.campaignId, tx);
  const performed = { type: "performed", kind: action.kind, result, note: action.note ?? "" } as const;
  const scope = { store: tx, account: account.doc, campaign: campaign.doc, now: action.at };
  if (input.claimed) await applyTransition(scope, enrollment, { type: "claimed", actionId: action.id }, performed);
  else await applyTransition(scope, enrollment, performed);
}
