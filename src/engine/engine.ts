/**
 * The engine loop: find accounts that are due, ask the governor what each may do, pick the due enrollment that
 * fits, claim it, hand the action to the channel, record the outcome.
 *
 * The account row is taken with SKIP LOCKED on PostgreSQL, so several workers never act for one account at
 * once. A channel that answers inline (the simulator) is performed and recorded inside that transaction, so
 * the budget it spends is decided and charged atomically. For the others (assisted tasks, agents) the claim
 * writes the action's log row with no result, puts the enrollment in flight and the account to sleep, in one
 * transaction; the account gets no second action until recordResult or releaseTask.
 */
import { ACTION_KINDS, decideAccount, loadGovernorState, recordAction, type AccountDecision, type GovernorState } from "../core/governor/index.js";
import type { ActionKind, ActionResult } from "../core/model.js";
import { SECOND, type Instant } from "../core/time.js";
import type { ActionRequest } from "../channels/channel.js";
import type { AccountRow, DueEnrollment, LogRow, Store } from "../store/store.js";
import { applyResult } from "./apply-result.js";
import { notifyHealth, notifyMilestone } from "./notify.js";
import type { EngineContext } from "./context.js";
import { prepareAction, type Preparation } from "./prepare-action.js";
import { applyPreparation } from "./transitions.js";
import { planWake } from "./wake.js";

/** How many due enrollments of one kind are examined per claim. */
const CANDIDATES = 4;
/** Visits run ahead of invitations by at most this many days of invitations. */
const VISIT_BACKLOG_DAYS = 5;

type ReadyByKind = Partial<Record<ActionKind, Instant>>;
type Perform = Extract<Preparation, { type: "perform" }>;

interface Claim {
  account: AccountRow;
  state: GovernorState;
  due: DueEnrollment;
  prep: Perform;
  at: Instant;
}

export class Engine {
  constructor(private readonly ctx: EngineContext) {}

  /** Processes every account due at `now`; returns how many actions were performed. */
  async tick(now: Instant = this.ctx.clock.now()): Promise<number> {
    let performed = 0;
    for (;;) {
      // A cheap look first: most ticks end with no account left to claim, and a transaction costs more.
      const wake = await this.ctx.store.nextWakeAt();
      if (wake === null || wake > now) return performed;
      const step = await this.ctx.store.transaction((tx) => this.step(tx, now));
      if (step === "none") return performed;
      if (step === "performed") performed++;
      if (typeof step === "object") {
        const outcome = await this.ctx.channel.perform(step.request);
        if (outcome.status === "done") {
          await this.recordResult(step.request.actionId, outcome.result, now);
          performed++;
        }
      }
    }
  }

  /** The earliest instant any account wants to act. */
  nextWakeAt(): Promise<Instant | null> {
    return this.ctx.store.nextWakeAt();
  }

  /**
   * One account's turn: claim it, find its next action, and either perform it inline or hand back the request
   * to perform outside the transaction. "idle": the account had nothing to do now; "none": no account is due.
   */
  private async step(tx: Store, now: Instant): Promise<"none" | "idle" | "performed" | { request: ActionRequest }> {
    const account = await tx.claimDueAccount(now);
    if (!account) return "none";
    if (!this.ctx.channel.inline) {
      const handed = await this.handOver(tx, account, now, null);
      return handed ?? "idle";
    }
    const state = loadGovernorState(account.state);
    const claim = await this.findAction(tx, account, state, now);
    if (!claim) return "idle";
    const request = toRequest(claim, 0);
    const outcome = await this.ctx.channel.perform(request);
    if (outcome.status !== "done") throw new Error(`inline channel ${this.ctx.channel.name} deferred an action`);
    await this.finish(tx, claim, outcome.result, now);
    return "performed";
  }

  /**
   * Claims the account's next action for a channel that answers later: its log row is written with no result
   * (optionally held by `runner`), the enrollment goes in flight, and the account sleeps until the result is
   * recorded or the task released. An account with a task still open gets no second one.
   */
  private async handOver(tx: Store, account: AccountRow, now: Instant, runner: { by: string; until: Instant } | null): Promise<{ request: ActionRequest } | null> {
    if ((await tx.openTasks(account.id)).length > 0) {
      await tx.updateAccount(account.id, { wakeAt: null });
      return null;
    }
    const claim = await this.findAction(tx, account, loadGovernorState(account.state), now);
    if (!claim) return null;
    const actionId = await tx.appendLog(logRow(claim, null));
    if (runner) await tx.takeTask(actionId, runner.by, runner.until, now);
    await tx.updateEnrollment(claim.due.enrollment.id, { status: "in_flight", leaseActionId: actionId });
    await tx.updateAccount(account.id, { wakeAt: null });
    return { request: toRequest(claim, actionId) };
  }

  /** An assisted runner asks for this account's next task: claimed and held for it, if the governor allows one now. */
  async claimForRunner(accountId: number, now: Instant, runner: { by: string; until: Instant }): Promise<ActionRequest | null> {
    return this.ctx.store.transaction(async (tx) => {
      // The governor and the due enrollments decide; the account's wake time is only the loop's shortcut.
      const account = await tx.lockAccount(accountId);
      const handed = await this.handOver(tx, account, now, runner);
      return handed?.request ?? null;
    });
  }

  /**
   * Puts a task that was never performed back (the owner skipped it): its log row is removed, the enrollment
   * waits `delay`, and nothing is charged. false when its result was already recorded.
   */
  async releaseTask(actionId: number, now: Instant, delay: number): Promise<boolean> {
    return this.ctx.store.transaction(async (tx) => {
      const action = await tx.getLogRow(actionId);
      if (!action || action.result !== null) return false;
      const account = await tx.lockAccount(action.accountId);
      if (!(await tx.deleteOpenAction(actionId))) return false;
      const enrollment = action.enrollmentId === null ? null : await tx.getEnrollment(action.enrollmentId);
      if (enrollment && enrollment.leaseActionId === actionId) {
        // A paused campaign keeps its ready enrollments parked (readyAt null) until resumed; withdrawals go on.
        const parked = action.kind !== "withdraw" && (await tx.getCampaignById(enrollment.campaignId))?.status === "paused";
        await tx.updateEnrollment(enrollment.id, { status: action.kind === "withdraw" ? "invited" : "ready", leaseActionId: null, readyAt: parked ? null : now + delay });
      }
      await this.updateWake(tx, account, loadGovernorState(account.state), now);
      return true;
    });
  }

  /** The first due enrollment, in kind priority, that the governor allows and that can be acted on now. */
  private async findAction(tx: Store, account: AccountRow, state: GovernorState, now: Instant): Promise<Claim | null> {
    const ready = await tx.nextReadyByKind(account.id);
    const decision = await this.decide(tx, account, state, ready, now);
    let changed = false;
    for (const kind of ACTION_KINDS) {
      const readyAt = ready[kind];
      if (!decision.kinds[kind].allowed || readyAt === undefined || readyAt > now) continue;
      for (const due of await tx.dueEnrollments(account.id, kind, now, CANDIDATES)) {
        const campaign = await this.ctx.campaigns.get(due.campaignId, tx);
        const prep = prepareAction({ due, account: account.doc, campaign: campaign.doc, noteAllowed: decision.note.allowed, now });
        if (prep.type === "perform") return { account, state, due, prep, at: now };
        await applyPreparation({ store: tx, account: account.doc, campaign: campaign.doc, now }, due.enrollment, prep);
        changed = true;
      }
    }
    await this.updateWake(tx, account, state, now, changed ? undefined : { ready, decision });
    return null;
  }

  /** Records an inline action's result in the claiming transaction. */
  private async finish(tx: Store, claim: Claim, result: ActionResult, now: Instant): Promise<void> {
    const id = await tx.appendLog(logRow(claim, result));
    const action: LogRow = { id, ...logRow(claim, result) };
    await applyResult(tx, this.ctx, { action, account: claim.account, enrollment: claim.due.enrollment, result });
    await this.charge(tx, claim.account, claim.state, action, result, now);
  }

  /** Records the result of an action performed outside the claiming transaction (assisted, agent). */
  async recordResult(actionId: number, result: ActionResult, now: Instant): Promise<void> {
    await this.ctx.store.transaction(async (tx) => {
      const action = await tx.getLogRow(actionId);
      if (!action || action.type !== "action") throw new Error(`no action ${actionId} to record a result for`);
      if (action.result !== null) throw new Error(`action ${actionId} already has its result (${action.result})`);
      const account = await tx.lockAccount(action.accountId);
      await tx.setLogResult(actionId, result);
      const enrollment = action.enrollmentId === null ? null : await tx.getEnrollment(action.enrollmentId);
      if (enrollment && enrollment.leaseActionId === actionId) {
        await applyResult(tx, this.ctx, { action, account, enrollment, result });
      }
      await this.charge(tx, account, loadGovernorState(account.state), action, result, now);
    });
  }

  private async charge(tx: Store, account: AccountRow, prev: GovernorState, action: LogRow, result: ActionResult, now: Instant): Promise<void> {
    const state = recordAction(account.doc, prev, { kind: action.kind as ActionKind, result, at: action.at, withNote: (action.note ?? "") !== "" });
    if (result === "ok" && (action.kind === "connect" || action.kind === "withdraw")) {
      await notifyMilestone(tx, this.ctx, {
        at: action.at, kind: action.kind === "connect" ? "invite_sent" : "withdrawn", account, campaignId: action.campaignId,
        personId: action.personId, prospect: action.prospect, ...(action.kind === "connect" ? { extra: { note: action.note ?? "" } } : {}),
      });
    }
    await notifyHealth(tx, account, prev, state, action.at);
    await this.updateWake(tx, account, state, now);
  }

  /** Persists the account's state with its next wake; `known` reuses what the caller just read. */
  async updateWake(tx: Store, account: AccountRow, state: GovernorState, now: Instant, known?: { ready: ReadyByKind; decision: AccountDecision }): Promise<void> {
    const ready = known?.ready ?? (await tx.nextReadyByKind(account.id));
    const decision = known?.decision ?? (await this.decide(tx, account, state, ready, now));
    let wake = planWake(decision, ready, now);
    // Never wake at `now` again: whatever was due now was just examined. Wake on whole seconds.
    if (wake !== null) wake = Math.ceil(Math.max(wake, now + 1) / SECOND) * SECOND;
    await tx.updateAccount(account.id, { state, wakeAt: wake });
  }

  /** The governor's decision, with the engine's own rule that visits run only a little ahead of invitations. */
  private async decide(tx: Store, account: AccountRow, state: GovernorState, ready: ReadyByKind, now: Instant): Promise<AccountDecision> {
    const decision = decideAccount(account.doc, state, now);
    if (decision.kinds.visit.allowed && ready.visit !== undefined) {
      const backlog = await tx.countVisitedAwaiting(account.id, "connect");
      const limit = VISIT_BACKLOG_DAYS * account.doc.limits.invitesPerDay;
      if (backlog >= limit) {
        decision.kinds.visit = { allowed: false, until: null, reason: `${backlog} visited prospects already wait for an invitation` };
      }
    }
    return decision;
  }
}

function logRow(claim: Claim, result: ActionResult | null): Omit<LogRow, "id"> {
  const { account, due, prep, at } = claim;
  return {
    workspaceId: account.workspaceId, at, type: "action", accountId: account.id, campaignId: due.campaignId,
    personId: due.person.id, enrollmentId: due.enrollment.id, prospect: due.person.displayUrl, prospectTz: due.enrollment.prospectTz,
    kind: prep.kind, note: prep.note ?? null, text: prep.text ?? null, result,
  };
}

function toRequest(claim: Claim, actionId: number): ActionRequest {
  const { account, due, prep, at } = claim;
  return {
    actionId, at, account: { name: account.name, type: account.doc.type }, kind: prep.kind,
    prospect: { url: due.person.displayUrl, identifiers: [due.person.displayUrl], firstName: due.person.firstName, lastName: due.person.lastName, timezone: due.enrollment.prospectTz },
    ...(prep.note !== undefined ? { note: prep.note } : {}),
    ...(prep.text !== undefined ? { text: prep.text } : {}),
  };
}
