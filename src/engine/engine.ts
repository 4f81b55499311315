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
import {
  ACTION_KINDS,
  chargeShare,
  decideAccount,
  decideVisitBacklog,
  loadGovernorState,
  inSitting,
  recordAction,
  recordSitting,
  isSharedKind,
  type AccountDecision,
  type Sitting,
  type GovernorState,
  type ReadyByKind,
  type ShareTurn,
} from "../core/governor/index.js";
import type { ActionKind, ActionResult } from "../core/model.js";
import type { Instant } from "../core/time.js";
import type { ActionRequest } from "../channels/channel.js";
import type { AccountRow, ActionLogRow, DueEnrollment, ReadyWithBacklog, Store } from "../store/store.js";
import { readAction, RELEASES_KEPT, settledOutcome, type AnswerOutcome } from "./answer-outcome.js";
import { applyResult } from "./apply-result.js";
import { dueInTurn } from "./due-in-turn.js";
import { logRow, TASK_LEASE, toRequest, type Claim } from "./claim.js";
import { notifyHealth, notifyMilestone } from "./notify.js";
import type { EngineContext } from "./context.js";
import { prepareAction } from "./prepare-action.js";
import type { HourModel } from "../core/learning/hour-model.js";
import { byHourNow, DEFER_GAIN, learnsSendTimes, outlook, SendTimeLearner, type HourOutlook } from "./send-times.js";
import { isReachable } from "./windows.js";
import { VariantChooser } from "./variants.js";
import { applyPreparation, applyTransition } from "./transitions.js";
import { exactWake } from "./exact-wake.js";
import { TurnLedger, verifyingLedger, verifyRead } from "./turn-ledger.js";

/** The id an inline action's claim holds for the moment of its own write: the result clears it (Engine.finish). */
const UNSTORED_ID = 0;
/** How many due enrollments of one kind (of one campaign, for the kinds shared among campaigns) are examined per claim. */
const CANDIDATES = 4;
/** With send times learnt, how many due invitations of a campaign are compared by their recipient's hour. */
const LEARNING_CANDIDATES = 16;
/** Due prospects reachable now that send-time learning never defers, so that the next releases find someone. */
const RESERVE = 1;
/** What updateWake wrote to the account's row, and the due times it planned the wake from. */
interface WakeWritten {
  state: GovernorState;
  wakeAt: Instant | null;
  ready: ReadyByKind;
  /** The store's earliest wake of all accounts just after this write (as the writing statement saw the others). */
  nextWake: Instant | null;
}

/**
 * One account's turn (step): "none", no account was due; "busy", the account had a task open; "woke", the turn
 * (performed inline, or nothing allowed or due) ended by writing the account's wake, which returned the earliest
 * wake of all accounts; "handed", an action to perform outside the transaction.
 */
type StepOutcome =
  | { type: "none" }
  | { type: "busy" }
  | { type: "woke"; turns: number; performed: number; empty: number; nextWake: Instant | null }
  | { type: "handed"; request: ActionRequest };
type Woke = Extract<StepOutcome, { type: "woke" }>;
/** What handOver did: handed an action out, found nothing allowed or due (the wake written), or found a task open. */
type HandOver = { type: "handed"; request: ActionRequest } | { type: "idle"; written: WakeWritten; examined: boolean } | { type: "busy" };
/** What findAction found: an action to claim, or nothing allowed or due (the wake written). */
type Found = { type: "claim"; claim: Claim } | { type: "idle"; written: WakeWritten; examined: boolean };
/** What decide read and decided: the earliest due per kind, the visit backlog (null: not read), the decision. */
interface Decided {
  ready: ReadyByKind;
  visitedAwaiting: number | null;
  decision: AccountDecision;
}

/** What the loop's transactions did, since the engine was made: how many it opened, and how many performed nothing. */
export interface PassCounts {
  transactions: number;
  /** Accounts' turns in them (several in one transaction when due accounts are claimed together). */
  turns: number;
  /** Transactions that claimed nothing, and accounts' turns whose governor allowed nothing that was due. */
  empty: number;
}

export class Engine {
  /** Counted by tickFrom, for the tests and benchmarks that measure what a pass costs. */
  readonly passes: PassCounts = { transactions: 0, turns: 0, empty: 0 };
  /** Chooses the variant of a step that has several (engine/variants.ts), seeded by the workspace's seed. */
  private readonly variants: VariantChooser;
  /** Acceptance by the recipient's local hour, learnt across the workspace (engine/send-times.ts). */
  private readonly sendTimes: SendTimeLearner;

  constructor(private readonly ctx: EngineContext) {
    this.sendTimes = new SendTimeLearner(ctx.workspaceId);
    this.variants = new VariantChooser(ctx.seed ?? `workspace-${ctx.workspaceId}`, ctx.variantPolicy);
  }

  /** What send-time learning knows now (engine/send-times.ts), or null while too little is known. */
  learnedHours(now: Instant): Promise<HourModel | null> {
    return this.sendTimes.current(this.ctx.store, now);
  }

  /** Processes every account due at `now`; returns how many actions were performed. */
  async tick(now: Instant = this.ctx.clock.now()): Promise<number> {
    return (await this.tickFrom(now)).performed;
  }

  /**
   * tick, for a loop that keeps the store's earliest wake between ticks: `wake` is that instant as the caller
   * last read it, with nothing written since (undefined: unknown, read it). Returns the earliest wake as the
   * tick last saw it (later than `now`, or null), or undefined when the tick ended without seeing it.
   */
  async tickFrom(now: Instant, wake?: Instant | null): Promise<{ performed: number; nextWake: Instant | null | undefined }> {
    let performed = 0;
    let known = wake;
    for (;;) {
      // A cheap look first: most ticks end with no account left to claim, and a transaction costs more.
      const next = known !== undefined ? known : await this.ctx.store.nextWakeAt();
      known = undefined;
      if (next === null || next > now) return { performed, nextWake: next };
      const step = await this.ctx.store.transaction((tx) => this.step(tx, now));
      this.passes.transactions++;
      if (step.type === "none") this.passes.empty++;
      if (step.type === "woke") this.passes.empty += step.empty;
      this.passes.turns += step.type === "woke" ? step.turns : step.type === "none" ? 0 : 1;
      switch (step.type) {
        case "none":
          return { performed, nextWake: undefined };
        case "busy":
          continue;
        case "woke":
          // The step's last write was the account's wake and saw the earliest wake then: the next look needs no query.
          known = step.nextWake;
          performed += step.performed;
          continue;
        case "handed": {
          const outcome = await this.ctx.channel.perform(step.request);
          if (outcome.status === "done" && (await this.recordResult(step.request.actionId, outcome.result, now)).type === "recorded")
            performed++;
          continue;
        }
        default: {
          const never: never = step;
          return never;
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
   * to perform outside the transaction (StepOutcome says which).
   */
  private async step(tx: Store, now: Instant): Promise<StepOutcome> {
    const batch = this.ctx.claimBatch ?? 1;
    if (this.ctx.channel.inline && batch > 1 && tx.claimDueAccounts !== undefined)
      return this.inlineTurns(tx, tx.claimDueAccounts, batch, now);
    const account = await tx.claimDueAccount(now);
    if (!account) return { type: "none" };
    if (this.ctx.channel.inline) return this.inlineTurn(tx, account, now);
    const handed = await this.handOver(tx, account, now, null);
    return handed.type === "idle"
      ? { type: "woke", turns: 1, performed: 0, empty: handed.examined ? 0 : 1, nextWake: handed.written.nextWake }
      : handed;
  }

  /**
   * With an inline channel, up to `batch` (EngineContext.claimBatch) due accounts claimed in one statement and given their turns one by
   * one in this transaction: what claiming each in a transaction of its own would do (a turn writes only its own
   * account's row), in fewer round trips. The last turn's wake saw every other account's, those of this batch too.
   */
  private async inlineTurns(tx: Store, claim: NonNullable<Store["claimDueAccounts"]>, batch: number, now: Instant): Promise<StepOutcome> {
    const claimed = await claim.call(tx, now, batch);
    if (claimed.length === 0) return { type: "none" };
    const sum: Woke = { type: "woke", turns: 0, performed: 0, empty: 0, nextWake: null };
    // Each account's due times came with the claim: a turn writes only its own account's enrollments.
    for (const { account, ready } of claimed) {
      if (verifyingLedger(tx)) await verifyRead(tx, account.id, now, ready, "claimed with its due times");
      const turn = await this.inlineTurn(tx, account, now, ready);
      sum.turns++;
      sum.performed += turn.performed;
      sum.empty += turn.empty;
      sum.nextWake = turn.nextWake;
    }
    return sum;
  }

  /** An inline channel's turn for a claimed account: its next action performed and recorded, or its wake written. */
  private async inlineTurn(tx: Store, account: AccountRow, now: Instant, read?: ReadyWithBacklog): Promise<Woke> {
    const state = loadGovernorState(account.state);
    // The turn's enrollment writes, followed so that the wake at its end needs no second read (turn-ledger.ts).
    const ledger = new TurnLedger();
    const watched = ledger.watch(tx, read);
    const found = await this.findAction(watched, account, state, now, ledger);
    if (found.type === "idle")
      return { type: "woke", turns: 1, performed: 0, empty: found.examined ? 0 : 1, nextWake: found.written.nextWake };
    const { claim } = found;
    const request = toRequest(claim, 0);
    const outcome = await this.ctx.channel.perform(request);
    if (outcome.status !== "done") throw new Error(`inline channel ${this.ctx.channel.name} deferred an action`);
    const written = await this.finish(watched, claim, outcome.result, now, ledger);
    return { type: "woke", turns: 1, performed: 1, empty: 0, nextWake: written.nextWake };
  }

  /**
   * Claims the account's next action for a channel that answers later: its log row is written with no result
   * (optionally held by `runner`), the enrollment goes in flight, and the account sleeps until the result is
   * recorded or the task released. An account with a task still open gets no second one ("busy"); "idle": nothing
   * was allowed or due, and what the account's row now holds.
   */
  private async handOver(tx: Store, account: AccountRow, now: Instant, runner: { by: string; until: Instant } | null): Promise<HandOver> {
    if ((await tx.openTasks(account.id)).length > 0) {
      await tx.updateAccount(account.id, { wakeAt: null });
      return { type: "busy" };
    }
    const found = await this.findAction(tx, account, loadGovernorState(account.state), now);
    if (found.type === "idle") return found;
    const { claim } = found;
    const actionId = await tx.appendLog(logRow(claim, null));
    if (runner) await tx.takeTask(actionId, { ...runner, now, repeat: "refresh" });
    const campaign = await this.ctx.campaigns.get(claim.due.campaignId, tx);
    await applyTransition({ store: tx, account: account.doc, campaign: campaign.doc, now }, claim.due.enrollment, {
      type: "claimed",
      actionId,
    });
    // The state as the claim left it: the campaign's turn in the shared budgets is counted when it is handed out.
    await tx.updateAccount(account.id, { wakeAt: null, state: claim.state });
    return { type: "handed", request: toRequest(claim, actionId) };
  }

  /** An assisted runner asks for this account's next task: claimed and held for it, if the governor allows one now. */
  async claimForRunner(accountId: number, now: Instant, runner: { by: string; until: Instant }): Promise<ActionRequest | null> {
    return (await this.claimOrWait(accountId, now, runner)).request;
  }

  /**
   * claimForRunner, and when it hands out nothing because nothing is allowed or due now, `wait`: the account as
   * the transaction left it (its governor state and wake written) and its due times, so that the caller can tell
   * what it waits for without reading them again. `wait` is null when the account already had a task open.
   */
  async claimOrWait(
    accountId: number,
    now: Instant,
    runner: { by: string; until: Instant },
  ): Promise<{ request: ActionRequest; wait: null } | { request: null; wait: { account: AccountRow; ready: ReadyByKind } | null }> {
    return this.ctx.store.transaction(async (tx) => {
      // The governor and the due enrollments decide; the account's wake time is only the loop's shortcut.
      const account = await tx.lockAccount(accountId);
      const handed = await this.handOver(tx, account, now, runner);
      switch (handed.type) {
        case "busy":
          return { request: null, wait: null };
        case "handed":
          return { request: handed.request, wait: null };
        case "idle": {
          const { state, wakeAt, ready } = handed.written;
          return { request: null, wait: { account: { ...account, state, wakeAt }, ready } };
        }
        default: {
          const never: never = handed;
          return never;
        }
      }
    });
  }

  /**
   * Opens a sitting on the account from `now` for `duration` (an open one is extended), or closes it (`duration`
   * 0): while it is open the account's tasks come back to back, within every budget and window. Returns the
   * sitting now open, or null.
   */
  async setSitting(accountId: number, now: Instant, duration: number): Promise<Sitting | null> {
    return this.ctx.store.transaction(async (tx) => {
      const account = await tx.lockAccount(accountId);
      const state = recordSitting(account.doc, loadGovernorState(account.state), now, duration);
      await this.updateWake(tx, account, state, now);
      return inSitting(state, now) ? state.sitting : null;
    });
  }

  /**
   * Puts a task that was never performed back (the owner skipped it): its log row is removed (the release is
   * remembered, see RELEASES_KEPT), the enrollment waits `delay`, and nothing is charged. `unheldOnly`: only if
   * no runner or agent ever held it (else "held"). "recorded" when this release took effect (answer-outcome.ts
   * lists the others).
   */
  async releaseTask(actionId: number, now: Instant, opts: { delay: number; unheldOnly?: boolean }): Promise<AnswerOutcome> {
    return this.ctx.store.transaction(async (tx) => {
      const locked = await this.lockOpenAction(tx, actionId, "skip");
      if (locked.type !== "locked") return locked;
      const { action, account } = locked;
      const release = opts.unheldOnly ? ({ which: "unheld", reason: "released" } as const) : ({ which: "any", reason: "skipped" } as const);
      if (!(await tx.releaseOpenAction(actionId, { ...release, at: now, forgetBefore: now - RELEASES_KEPT }))) {
        return settledOutcome(await readAction(tx, actionId), "skip") ?? { type: "held" };
      }
      const enrollment = action.enrollmentId === null ? null : await tx.getEnrollment(action.enrollmentId);
      if (enrollment && enrollment.leaseActionId === actionId) {
        // A paused campaign keeps its ready enrollments parked (readyAt null) until resumed; withdrawals go on.
        const parked = action.kind !== "withdraw" && (await tx.getCampaignById(enrollment.campaignId))?.status === "paused";
        const campaign = await this.ctx.campaigns.get(enrollment.campaignId, tx);
        const released = { type: "released", kind: action.kind, readyAt: parked ? null : now + opts.delay } as const;
        await applyTransition({ store: tx, account: account.doc, campaign: campaign.doc, now }, enrollment, released);
      }
      await this.updateWake(tx, account, loadGovernorState(account.state), now);
      return { type: "recorded" };
    });
  }

  /**
   * The account's lock first, then the action as it stands under it: every answer for an action takes that lock,
   * so of two at once (in two processes too) the second sees what the first did. The outcome when it is settled
   * (a release, once recorded, is final: no lock is needed to read it).
   */
  private async lockOpenAction(
    tx: Store,
    actionId: number,
    answer: ActionResult | "skip",
  ): Promise<{ type: "locked"; action: ActionLogRow; account: AccountRow } | AnswerOutcome> {
    const seen = await readAction(tx, actionId);
    if (seen.action?.type !== "action") return settledOutcome(seen, answer) ?? { type: "gone" };
    const account = await tx.lockAccount(seen.action.accountId);
    const current = await readAction(tx, actionId);
    const settled = settledOutcome(current, answer);
    if (settled !== null) return settled;
    // Not settled: the action is in the log with no result yet.
    return current.action?.type === "action" ? { type: "locked", action: current.action, account } : { type: "gone" };
  }

  /**
   * The first due enrollment, in kind priority, that the governor allows and that can be acted on now; else the
   * wake written. Within a kind shared among the account's campaigns, the campaigns come in their fair order
   * (core/governor/fair-share.ts), and the claim's state counts the turn of the one that got it.
   */
  private async findAction(tx: Store, account: AccountRow, state: GovernorState, now: Instant, ledger?: TurnLedger): Promise<Found> {
    const decided = await this.decide(tx, account, state, now);
    const { ready, decision } = decided;
    // A person does a task within its lease: it is handed out only if it still lands inside the windows then.
    const margin = this.ctx.channel.inline ? 0 : TASK_LEASE;
    let changed = false;
    let examined = false;
    for (const kind of ACTION_KINDS) {
      const readyAt = ready[kind];
      if (!decision.kinds[kind].allowed || readyAt === undefined || readyAt > now) continue;
      examined = true;
      const { items, outlooks } = await this.offered(tx, account, state, kind, now);
      for (const { due, turn } of items) {
        const campaign = await this.ctx.campaigns.get(due.campaignId, tx);
        const variant = kind === "connect" || kind === "message" ? await this.variants.choose(tx, campaign, due.enrollment, now) : null;
        const prep = prepareAction({
          due,
          account: account.doc,
          campaign: campaign.doc,
          noteAllowed: decision.note.allowed,
          now,
          margin,
          variant,
        });
        if (prep.type === "perform") {
          if (prep.variant !== undefined && (kind === "connect" || kind === "message"))
            this.variants.handedOut(campaign.id, kind, prep.variant);
          if (outlooks.size > 0) await this.deferToBetterHours(tx, account, items, outlooks, due.enrollment.id, now);
          const charged = turn === null || !isSharedKind(kind) ? state : chargeShare(state, kind, turn);
          return { type: "claim", claim: { account, state: charged, due, prep, at: now, campaignVersion: campaign.version } };
        }
        await applyPreparation({ store: tx, account: account.doc, campaign: campaign.doc, now }, due.enrollment, prep);
        changed = true;
      }
    }
    const known = changed ? await this.followed(tx, ledger, account, state, now) : decided;
    return { type: "idle", examined, written: await this.updateWake(tx, account, state, now, known) };
  }

  /**
   * The due enrollments of a kind in the order to try them: the fair order of campaigns (due-in-turn.ts), and for
   * invitations, once send times are learnt, the better local hours first within each campaign that learns
   * (send-times.ts), from a wider pool.
   */
  private async offered(
    tx: Store,
    account: AccountRow,
    state: GovernorState,
    kind: ActionKind,
    now: Instant,
  ): Promise<{ items: Array<{ due: DueEnrollment; turn: ShareTurn | null }>; outlooks: Map<number, HourOutlook> }> {
    const outlooks = new Map<number, HourOutlook>();
    const model = kind === "connect" && this.ctx.hourLearning !== false ? await this.sendTimes.current(tx, now) : null;
    const candidates = model === null ? CANDIDATES : LEARNING_CANDIDATES;
    const items = await dueInTurn(tx, this.ctx, { accountId: account.id, state, kind, now, candidates });
    if (model === null) return { items, outlooks };
    for (const { due } of items) {
      const campaign = (await this.ctx.campaigns.get(due.campaignId, tx)).doc;
      if (!learnsSendTimes(campaign)) continue;
      const zone = due.enrollment.prospectTz;
      outlooks.set(
        due.enrollment.id,
        outlook(model, zone, now, (at) => isReachable(kind, account.doc, campaign, zone, at)),
      );
    }
    return { items: byHourNow(items, ({ due }) => outlooks.get(due.enrollment.id) ?? null), outlooks };
  }

  /**
   * Once an invitation is claimed now, the other due prospects whose best hour in the next day is clearly better
   * than now wait for it (send-times.ts): the next releases go to them then, and to others meanwhile.
   */
  private async deferToBetterHours(
    tx: Store,
    account: AccountRow,
    offered: ReadonlyArray<{ due: DueEnrollment }>,
    outlooks: ReadonlyMap<number, HourOutlook>,
    claimed: number,
    now: Instant,
  ): Promise<void> {
    // Only those after the claimed one: each before it was prepared in this pass, and what was decided for it
    // then (a connection's skipped invitation, a window's wait) is already written.
    const after = offered.findIndex(({ due }) => due.enrollment.id === claimed) + 1;
    const rest = offered.slice(after).map(({ due }) => ({ due, o: outlooks.get(due.enrollment.id) }));
    const waits = (o: HourOutlook | undefined): o is HourOutlook => o !== undefined && o.best >= o.now * DEFER_GAIN && o.bestAt > now;
    // Some who can be reached now stay for the next releases, so that waiting never leaves a release unused.
    let spare = RESERVE - rest.filter(({ o }) => o !== undefined && o.reachableNow && !waits(o)).length;
    for (const { due, o } of rest) {
      if (!waits(o)) continue;
      if (o.reachableNow && spare > 0) {
        spare--;
        continue;
      }
      const campaign = await this.ctx.campaigns.get(due.campaignId, tx);
      await applyPreparation({ store: tx, account: account.doc, campaign: campaign.doc, now }, due.enrollment, {
        type: "later",
        readyAt: o.bestAt,
      });
    }
  }

  /** Records an inline action's result in the claiming transaction; the account's wake is its last write. */
  private async finish(tx: Store, claim: Claim, result: ActionResult, now: Instant, ledger: TurnLedger): Promise<WakeWritten> {
    // Its id is not waited for (on PostgreSQL the row travels with the turn's last write, deferred-writes.ts): the
    // claim and the result are one write of the enrollment, and the result clears the claim's lease, so the id
    // given to the claim below is never stored (test/core/enrollment/transition.test.ts checks every result).
    await tx.appendLogDeferrable(logRow(claim, result));
    const action: ActionLogRow = { id: UNSTORED_ID, ...logRow(claim, result) };
    await applyResult(tx, this.ctx, { action, account: claim.account, enrollment: claim.due.enrollment, result, claimed: true });
    return this.charge(tx, claim.account, claim.state, { action, result, invitedAt: claim.due.enrollment.invitedAt }, now, ledger);
  }

  /**
   * Records the result of an action performed outside the claiming transaction (assisted, agent): "recorded"
   * when this result took effect and was charged (answer-outcome.ts lists the others, which change nothing).
   */
  async recordResult(actionId: number, result: ActionResult, now: Instant): Promise<AnswerOutcome> {
    return this.ctx.store.transaction(async (tx) => {
      const locked = await this.lockOpenAction(tx, actionId, result);
      if (locked.type !== "locked") return locked;
      const { action, account } = locked;
      // Guarded too, so that nothing below runs unless this very write gave the action its result.
      if (!(await tx.setLogResult(actionId, result))) return settledOutcome(await readAction(tx, actionId), result) ?? { type: "gone" };
      const enrollment = action.enrollmentId === null ? null : await tx.getEnrollment(action.enrollmentId);
      if (enrollment && enrollment.leaseActionId === actionId) {
        await applyResult(tx, this.ctx, { action, account, enrollment, result });
      }
      await this.charge(tx, account, loadGovernorState(account.state), { action, result, invitedAt: enrollment?.invitedAt ?? null }, now);
      return { type: "recorded" };
    });
  }

  /** `invitedAt`: when the action's enrollment was invited (a withdrawal says which pending invitation it closes). */
  private async charge(
    tx: Store,
    account: AccountRow,
    prev: GovernorState,
    done: { action: ActionLogRow; result: ActionResult; invitedAt: Instant | null },
    now: Instant,
    ledger?: TurnLedger,
  ): Promise<WakeWritten> {
    const { action, result, invitedAt } = done;
    const state = recordAction(account.doc, prev, {
      kind: action.kind,
      result,
      at: action.at,
      withNote: (action.note ?? "") !== "",
      invitedAt,
    });
    if (result === "ok" && (action.kind === "connect" || action.kind === "withdraw")) {
      await notifyMilestone(tx, this.ctx, {
        at: action.at,
        kind: action.kind === "connect" ? "invite_sent" : "withdrawn",
        account,
        campaignId: action.campaignId,
        personId: action.personId,
        prospect: action.prospect,
        ...(action.kind === "connect" ? { extra: { note: action.note ?? "" } } : {}),
      });
    }
    await notifyHealth(tx, account, prev, state, action.at);
    return this.updateWake(tx, account, state, now, await this.followed(tx, ledger, account, state, now));
  }

  /**
   * Persists the account's state with its next wake: the first instant a pass would find something to do.
   * `known` reuses what the caller just read. Returns what it wrote.
   */
  async updateWake(tx: Store, account: AccountRow, state: GovernorState, now: Instant, known?: Decided): Promise<WakeWritten> {
    const { ready, decision, visitedAwaiting } = known ?? (await this.decide(tx, account, state, now));
    // Past the passes that would find the governor still blocking everything due (exact-wake.ts).
    const wake = exactWake({ doc: account.doc, state, ready, visitedAwaiting }, decision, now);
    const nextWake = await tx.setAccountWake(account.id, state, wake);
    return { state, wakeAt: wake, ready, nextWake };
  }

  /**
   * The account's earliest due enrollment per kind and the governor's decision, with the engine's own rule that
   * visits run only a little ahead of invitations. The decision is the governor's pure function of the account;
   * the visit backlog is read with the due times, in one query, even when visits are not allowed now, so that
   * the exact wake (exact-wake.ts) can tell whether they will be at a later instant.
   */
  private async decide(tx: Store, account: AccountRow, state: GovernorState, now: Instant): Promise<Decided> {
    return decided(account, state, now, await tx.nextReadyWithBacklog(account.id, "connect"));
  }

  /**
   * decide, from what the turn's ledger followed instead of a read (turn-ledger.ts); undefined when it cannot
   * tell (then updateWake reads). With LINKPACE_VERIFY_LEDGER=1 (the tests), on a backend where no other
   * transaction writes meanwhile, it is checked against a read.
   */
  private async followed(
    tx: Store,
    ledger: TurnLedger | undefined,
    account: AccountRow,
    state: GovernorState,
    now: Instant,
  ): Promise<Decided | undefined> {
    const known = ledger?.readyNow(now);
    if (!known) return undefined;
    if (verifyingLedger(tx)) await verifyRead(tx, account.id, now, known, "followed by the turn ledger");
    return decided(account, state, now, known);
  }
}

/** The governor's decision for the account with its due times and visit backlog (Engine.decide). */
function decided(
  account: AccountRow,
  state: GovernorState,
  now: Instant,
  read: { ready: ReadyByKind; visitedAwaiting: number | null },
): Decided {
  const decision = decideAccount(account.doc, state, now);
  const { ready, visitedAwaiting } = read;
  return {
    ready,
    visitedAwaiting,
    decision: ready.visit === undefined ? decision : decideVisitBacklog(account.doc, decision, visitedAwaiting ?? 0),
  };
}
