/**
 * Applies what LinkedIn's data export says (io/linkedin-archive) to one account, in one transaction: all of
 * it or nothing, and nothing at all with `dryRun`. Phases run in this order so each sees the previous one's
 * work: invitations sent by hand are adopted (adopt.ts), then connections mark acceptances
 * (archive-connections.ts), then messages mark replies and messages sent by hand (archive-messages.ts).
 * Acceptances and replies go through recordNetworkEvent, like any outcome LinkedIn reports.
 *
 * People on the do-not-contact list whom it gave an enrollment or a new identifier end as `suppress add` ends
 * them (engine/suppress.ts): a hand-sent invitation to them is adopted, so that it counts, and withdrawn.
 *
 * Idempotent: every phase changes only what is not on record yet, so importing the same archive again, or a
 * newer one, changes and counts only what is new.
 */
import { loadGovernorState } from "../core/governor/index.js";
import type { ArchiveFacts } from "../io/linkedin-archive/index.js";
import type { AccountRow } from "../store/store.js";
import { adoptedCampaignName, adoptInvitations } from "./adopt.js";
import { applyConnections } from "./archive-connections.js";
import { applyMessages } from "./archive-messages.js";
import type { ArchiveChanges, ArchiveScope } from "./archive-scope.js";
import type { EngineContext } from "./context.js";
import type { Engine } from "./engine.js";
import { endSuppressedAmong } from "./suppress.js";

export type { ArchiveChanges } from "./archive-scope.js";

export interface ArchiveImport {
  account: AccountRow;
  facts: ArchiveFacts;
  dryRun: boolean;
}

export interface ArchiveOutcome extends ArchiveChanges {
  /** The account's campaign for adopted invitations of people in no campaign (created on first use). */
  adoptedCampaign: string;
}

export async function applyArchive(ctx: EngineContext, engine: Engine, input: ArchiveImport): Promise<ArchiveOutcome> {
  const { account, facts } = input;
  const now = ctx.clock.now();
  const changes: ArchiveChanges = {
    connections: 0,
    accepted: 0,
    alreadyConnected: 0,
    invitationsAdopted: 0,
    adoptedInto: [],
    replies: 0,
    messagesSeen: 0,
    suppressed: 0,
    problems: [],
  };
  const created: number[] = [];
  const dryRun = new Error("dry run");
  try {
    await ctx.store.transaction(async (tx) => {
      const txCtx = { ...ctx, store: tx };
      const scope: ArchiveScope = { ctx: txCtx, tx, engine, account, now, changes, created, touched: new Set() };
      // The list before the account, as `suppress add` takes them: neither waits for the other in a circle.
      await tx.lockSuppressions(account.workspaceId, "share");
      await adoptInvitations(scope, facts.invitations);
      await applyConnections(scope, facts.connections);
      await applyMessages(scope, facts.messages);
      const ended = await endSuppressedAmong(txCtx, tx, account.workspaceId, [...scope.touched], now);
      changes.suppressed = ended.ended + ended.withdrawals + ended.awaitingResult;
      const fresh = await tx.lockAccount(account.id);
      await engine.updateWake(tx, fresh, loadGovernorState(fresh.state), now);
      if (input.dryRun) throw dryRun;
    });
  } catch (e) {
    for (const id of created) ctx.campaigns.forget(id);
    if (e !== dryRun) throw e;
  }
  changes.problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  changes.adoptedInto.sort((a, b) => a.campaign.localeCompare(b.campaign));
  return { ...changes, adoptedCampaign: adoptedCampaignName(account.name) };
}
