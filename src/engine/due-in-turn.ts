/**
 * The order in which the engine offers an account's due enrollments of one kind: withdrawals oldest due first,
 * across campaigns; a kind shared among the account's campaigns (core/governor/fair-share.ts) campaign by
 * campaign in their fair order, each campaign's earliest due first, each with the campaign's turn (what
 * chargeShare counts when one is handed out).
 */
import { campaignPriority, isSharedKind, shareOrder, type GovernorState, type ShareTurn } from "../core/governor/index.js";
import type { ActionKind } from "../core/model.js";
import type { Instant } from "../core/time.js";
import type { DueEnrollment, Store } from "../store/store.js";
import type { EngineContext } from "./context.js";

/** Tells the campaign cache the versions the due rows came with (no version query for them in this transaction). */
function seen(tx: Store, ctx: EngineContext, rows: DueEnrollment[]): DueEnrollment[] {
  for (const due of rows) if (due.campaignVersion !== undefined) ctx.campaigns.seen(tx, due.campaignId, due.campaignVersion);
  return rows;
}

export async function dueInTurn(
  tx: Store,
  ctx: EngineContext,
  q: { accountId: number; state: GovernorState; kind: ActionKind; now: Instant; candidates: number },
): Promise<Array<{ due: DueEnrollment; turn: ShareTurn | null }>> {
  const { accountId, state, kind, now, candidates } = q;
  if (!isSharedKind(kind))
    return seen(tx, ctx, await tx.dueEnrollments(accountId, kind, now, candidates)).map((due) => ({ due, turn: null }));
  const byCampaign = new Map<number, DueEnrollment[]>();
  for (const due of seen(tx, ctx, await tx.dueEnrollmentsByCampaign(accountId, kind, now, candidates))) {
    const list = byCampaign.get(due.campaignId);
    if (list) list.push(due);
    else byCampaign.set(due.campaignId, [due]);
  }
  const weights = [];
  for (const campaignId of byCampaign.keys()) {
    weights.push({ campaignId, priority: campaignPriority((await ctx.campaigns.get(campaignId, tx)).doc) });
  }
  return shareOrder(state, kind, weights).flatMap((turn) => (byCampaign.get(turn.campaignId) ?? []).map((due) => ({ due, turn })));
}
