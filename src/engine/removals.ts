/**
 * Stopping and deleting campaigns, removing a prospect from one, removing an account. Every enrollment change
 * goes through the state machine's end_requested event (core/enrollment/transition.ts):
 *
 * - campaign stop: the campaign becomes `stopped` for good (it cannot be resumed) and every enrollment not done
 *   ends `stopped`. Nothing more is sent, except that a pending invitation whose withdrawal is scheduled is still
 *   withdrawn on schedule (that protects the account's pending cap); that enrollment ends then. An action in
 *   flight that nobody ever held is put back unperformed and its enrollment ends now; one a runner or an agent
 *   holds ends when its result arrives (or the task is skipped).
 * - prospects remove: the same for one person's enrollment(s), with the reason `removed`.
 * - campaign delete: only a stopped campaign with nothing pending; store/removals.ts says what goes and what stays.
 * - account remove: refused while the account has active or paused campaigns, unless told to stop them; then
 *   only when nothing is pending (no withdrawal to come, no task open), and it removes the account with its
 *   campaigns and its whole log.
 */
import type { StopReason } from "../core/enrollment/transition.js";
import { LinkpaceError } from "../core/errors.js";
import { profileIdentifiers } from "../core/prospect/profile-url.js";
import { formatInstant, type Instant } from "../core/time.js";
import type { AccountRow, CampaignRow, EnrollmentRow, RemovedRows, Store } from "../store/store.js";
import { RELEASES_KEPT } from "./answer-outcome.js";
import type { EngineContext } from "./context.js";
import { applyTransition } from "./transitions.js";

/** What became of one enrollment told to end. */
export interface EndedEnrollment {
  enrollmentId: number;
  campaign: string;
  /** ended: done now; withdrawal: ends once its pending invitation is withdrawn (at `at`, its scheduled time); task: ends when its task in flight is answered. */
  outcome: "ended" | "withdrawal" | "task";
  at: Instant | null;
}

export interface StopOutcome {
  campaign: CampaignRow;
  /** False when the campaign was stopped already (nothing changed). */
  changed: boolean;
  enrollments: EndedEnrollment[];
  /** Tasks nobody held, put back unperformed. */
  released: number;
}

/** What is still pending for a stopped campaign (or an account): what delete waits for. */
export interface Pending {
  withdrawals: number;
  /** When the last of them is due (its scheduled time; the governor may take a little longer). */
  lastWithdrawalAt: Instant | null;
  tasks: number;
}

export async function stopCampaign(ctx: EngineContext, name: string): Promise<StopOutcome> {
  const found = await campaignNamed(ctx, name);
  const now = ctx.clock.now();
  const out = await ctx.store.transaction(async (tx): Promise<StopOutcome> => {
    // The engine moves the campaign's enrollments under its account's lock: take it, then read the status.
    const account = await tx.lockAccount(found.accountId);
    const campaign = (await tx.getCampaignById(found.id)) as CampaignRow;
    const changed = campaign.status !== "stopped";
    if (changed) await tx.setCampaignStatus(campaign.id, "stopped");
    const stopped: CampaignRow = { ...campaign, status: "stopped" };
    let released = 0;
    const enrollments: EndedEnrollment[] = [];
    for (const e of await tx.openEnrollments(ctx.workspaceId, { campaignId: campaign.id })) {
      // Told to end already (removed, suppressed): it keeps that reason and its pending withdrawal or task.
      if (e.stopReason !== null) {
        enrollments.push(describeEnded(e, campaign.name));
        continue;
      }
      const ended = await endEnrollment(tx, { account, campaign: stopped, now }, e, "stopped");
      if (ended.released) released++;
      enrollments.push(ended.enrollment);
    }
    await wake(tx, account, now);
    return { campaign: stopped, changed, enrollments, released };
  });
  ctx.campaigns.forget(found.id);
  return out;
}

export interface RemoveOutcome {
  person: { id: number; url: string };
  enrollments: EndedEnrollment[];
}

/** Ends the person's enrollments not done (in `campaignName` only, when given) with the reason `removed`. */
export async function removeProspect(ctx: EngineContext, input: { person: string; campaign?: string }): Promise<RemoveOutcome> {
  const identifiers = profileIdentifiers([input.person]).map((id) => id.url);
  if (identifiers.length === 0)
    throw new LinkpaceError(
      "invalid_input",
      `${input.person}: not a LinkedIn profile URL (expected like https://www.linkedin.com/in/jane-doe)`,
    );
  const campaign = input.campaign === undefined ? null : await campaignNamed(ctx, input.campaign);
  const ids = [...new Set((await ctx.store.findPersonIds(ctx.workspaceId, identifiers)).values())];
  if (ids.length > 1) throw new LinkpaceError("invalid_input", `${input.person}: its identifiers belong to ${ids.length} different people`);
  const personId = ids[0];
  if (personId === undefined) throw new LinkpaceError("not_found", `${identifiers[0]}: nobody with this profile URL in the workspace`);
  const filter = { personId, ...(campaign ? { campaignId: campaign.id } : {}) };
  const open = await ctx.store.openEnrollments(ctx.workspaceId, filter);
  if (open.length === 0) {
    const where = campaign ? `campaign ${campaign.name}` : "any campaign";
    throw new LinkpaceError("not_found", `${identifiers[0]} has no enrollment in progress in ${where} (nothing to remove)`);
  }
  const enrollments: EndedEnrollment[] = [];
  for (const e of open) enrollments.push(await removeEnrollment(ctx, e.id));
  return { person: { id: personId, url: identifiers[0] as string }, enrollments };
}

/** Ends one enrollment with the reason `removed` (the API's route by id); not_found when it is gone, conflict when it is done. */
export async function removeEnrollment(ctx: EngineContext, enrollmentId: number): Promise<EndedEnrollment> {
  const seen = await ctx.store.getEnrollment(enrollmentId);
  if (!seen || seen.workspaceId !== ctx.workspaceId) throw new LinkpaceError("not_found", `no enrollment ${enrollmentId}`);
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx) => {
    const account = await tx.lockAccount(seen.accountId);
    const e = (await tx.getEnrollment(enrollmentId)) as EnrollmentRow;
    const campaign = await ctx.campaigns.get(e.campaignId, tx);
    if (e.status === "done")
      throw new LinkpaceError(
        "conflict",
        `enrollment ${enrollmentId} (campaign ${campaign.name}) has ended already: ${e.endReason ?? "done"}`,
      );
    if (e.stopReason !== null) return describeEnded(e, campaign.name);
    const ended = await endEnrollment(tx, { account, campaign, now }, e, "removed");
    await wake(tx, account, now);
    return ended.enrollment;
  });
}

/** Deletes a stopped campaign with nothing pending (store/removals.ts); a conflict says what is left. */
export async function deleteCampaign(ctx: EngineContext, name: string): Promise<RemovedRows> {
  const found = await campaignNamed(ctx, name);
  const out = await ctx.store.transaction(async (tx) => {
    await tx.lockAccount(found.accountId);
    const campaign = (await tx.getCampaignById(found.id)) as CampaignRow;
    if (campaign.status !== "stopped") {
      throw new LinkpaceError(
        "conflict",
        `campaign ${campaign.name} is ${campaign.status}: only a stopped campaign can be deleted (stop it first: linkpace campaign stop ${campaign.name})`,
      );
    }
    const pending = await pendingOf(tx, ctx, { campaignId: campaign.id });
    if (pending.withdrawals + pending.tasks > 0)
      throw new LinkpaceError(
        "conflict",
        `campaign ${campaign.name} cannot be deleted yet: ${describePending(pending)}; delete it once they are done`,
      );
    return tx.deleteCampaignRows(campaign.id);
  });
  ctx.campaigns.forget(found.id);
  return out;
}

export interface AccountRemoval {
  /** The campaigns this call stopped (stopCampaigns). */
  stopped: string[];
  removed: RemovedRows;
}

/**
 * Removes an account and everything of it. Refused while it has active or paused campaigns unless
 * `stopCampaigns` (which stops them first, and stays done even when the removal is then refused); refused
 * while anything is pending (withdrawals to come, tasks open), saying what and until when.
 */
export async function removeAccount(ctx: EngineContext, name: string, opts: { stopCampaigns: boolean }): Promise<AccountRemoval> {
  const account = await ctx.store.getAccount(ctx.workspaceId, name);
  if (!account) throw new LinkpaceError("not_found", `no account named ${name}`);
  const mine = (await ctx.store.listCampaigns(ctx.workspaceId)).filter((c) => c.accountId === account.id);
  const running = mine.filter((c) => c.status !== "stopped");
  if (running.length > 0 && !opts.stopCampaigns) {
    const list = running.map((c) => `${c.name} (${c.status})`).join(", ");
    throw new LinkpaceError(
      "conflict",
      `account ${name} has campaigns that are not stopped: ${list}; stop them (linkpace campaign stop NAME) or ask for it (--stop-campaigns, or ?stopCampaigns=true)`,
    );
  }
  const stopped: string[] = [];
  for (const c of running) {
    await stopCampaign(ctx, c.name);
    stopped.push(c.name);
  }
  const removed = await ctx.store.transaction(async (tx) => {
    await tx.lockAccount(account.id);
    const pending = await pendingOf(tx, ctx, { accountId: account.id });
    if (pending.withdrawals + pending.tasks > 0) {
      const done = stopped.length > 0 ? `stopped its campaigns ${stopped.join(", ")}, but ` : "";
      throw new LinkpaceError(
        "conflict",
        `${done}account ${name} cannot be removed yet: ${describePending(pending)}; remove it once they are done`,
      );
    }
    return tx.deleteAccountRows(account.id);
  });
  for (const c of mine) ctx.campaigns.forget(c.id);
  return { stopped, removed };
}

/** The withdrawals still to come and the tasks still open of a campaign or an account. */
export async function pendingOf(tx: Store, ctx: EngineContext, filter: { campaignId?: number; accountId?: number }): Promise<Pending> {
  const open = await tx.openEnrollments(ctx.workspaceId, filter);
  const withdrawals = open.filter((e) => e.status === "invited");
  const due = withdrawals.map((e) => e.readyAt).filter((t): t is Instant => t !== null);
  // A stopped campaign has no ready enrollment left: what is not a pending invitation waits for its task.
  const tasks = Math.max(open.length - withdrawals.length, await tx.countOpenActions(filter));
  return { withdrawals: withdrawals.length, lastWithdrawalAt: due.length > 0 ? Math.max(...due) : null, tasks };
}

export function describePending(p: Pending): string {
  const parts: string[] = [];
  if (p.withdrawals > 0) {
    const when = p.lastWithdrawalAt !== null ? ` (the last is due ${formatInstant(p.lastWithdrawalAt)})` : "";
    parts.push(`${p.withdrawals} pending invitation${p.withdrawals === 1 ? "" : "s"} still to withdraw${when}`);
  }
  if (p.tasks > 0)
    parts.push(
      `${p.tasks} task${p.tasks === 1 ? "" : "s"} still open (answer or skip ${p.tasks === 1 ? "it" : "them"}: linkpace work, or the dashboard's runner)`,
    );
  return parts.join(" and ");
}

async function campaignNamed(ctx: EngineContext, name: string): Promise<CampaignRow> {
  const row = await ctx.store.getCampaign(ctx.workspaceId, name);
  if (!row) throw new LinkpaceError("not_found", `no campaign named ${name}`);
  return row;
}

/**
 * Tells one enrollment to end, under its account's lock. An action in flight that nobody ever held (and that is
 * not a withdrawal) is put back unperformed first, so that its enrollment ends now.
 */
async function endEnrollment(
  tx: Store,
  scope: { account: AccountRow; campaign: CampaignRow; now: Instant },
  e: EnrollmentRow,
  reason: StopReason,
): Promise<{ enrollment: EndedEnrollment; released: boolean }> {
  const { account, campaign, now } = scope;
  const ts = { store: tx, account: account.doc, campaign: campaign.doc, now };
  if (e.status === "in_flight" && e.leaseActionId !== null && e.nextKind !== "withdraw") {
    const release = { which: "unheld", reason: "released", at: now, forgetBefore: now - RELEASES_KEPT } as const;
    const action = await tx.getLogRow(e.leaseActionId);
    if (action?.type === "action" && (await tx.releaseOpenAction(e.leaseActionId, release))) {
      await applyTransition(ts, e, { type: "released", kind: action.kind, readyAt: now }, { type: "end_requested", reason });
      return { enrollment: describeEnded((await tx.getEnrollment(e.id)) as EnrollmentRow, campaign.name), released: true };
    }
  }
  await applyTransition(ts, e, { type: "end_requested", reason });
  return { enrollment: describeEnded((await tx.getEnrollment(e.id)) as EnrollmentRow, campaign.name), released: false };
}

function describeEnded(e: EnrollmentRow, campaign: string): EndedEnrollment {
  const base = { enrollmentId: e.id, campaign };
  if (e.status === "done") return { ...base, outcome: "ended", at: e.endedAt };
  if (e.status === "invited") return { ...base, outcome: "withdrawal", at: e.readyAt };
  return { ...base, outcome: "task", at: null };
}

/** The engine re-decides for the account now (a task put back frees it; its wake was cleared while the task was open). */
async function wake(tx: Store, account: AccountRow, now: Instant): Promise<void> {
  const current = await tx.lockAccount(account.id);
  if (current.wakeAt === null || current.wakeAt > now) await tx.updateAccount(account.id, { wakeAt: now });
}
