/**
 * Writes notifications (core/notifications.ts) into the outbox, in the caller's transaction.
 */
import type { GovernorState } from "../core/governor/index.js";
import { healthAlerts, type NotificationKind } from "../core/notifications.js";
import { formatInstant, type Instant } from "../core/time.js";
import type { AccountRow, Store } from "../store/store.js";
import type { EngineContext } from "./context.js";

export interface Milestone {
  at: Instant;
  kind: NotificationKind;
  account: AccountRow;
  campaignId: number | null;
  personId: number | null;
  prospect: string | null;
  extra?: Record<string, unknown>;
}

export async function notifyMilestone(tx: Store, ctx: EngineContext, m: Milestone): Promise<void> {
  const campaign = m.campaignId === null ? null : await ctx.campaigns.get(m.campaignId, tx);
  await tx.appendNotification({
    workspaceId: m.account.workspaceId,
    at: m.at,
    kind: m.kind,
    accountId: m.account.id,
    campaignId: m.campaignId,
    personId: m.personId,
    data: { account: m.account.name, campaign: campaign?.name ?? null, prospect: m.prospect, at: formatInstant(m.at), ...m.extra },
  });
}

/** The health alerts a state change raises, each written once, when it starts. */
export async function notifyHealth(tx: Store, account: AccountRow, prev: GovernorState, next: GovernorState, at: Instant): Promise<void> {
  for (const alert of healthAlerts(account.doc, prev, next, at)) {
    await tx.appendNotification({
      workspaceId: account.workspaceId,
      at,
      kind: alert.kind,
      accountId: account.id,
      campaignId: null,
      personId: null,
      data: { account: account.name, at: formatInstant(at), message: alert.message, ...alert.data },
    });
  }
}
