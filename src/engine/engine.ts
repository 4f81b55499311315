/**
 * The engine loop: find accounts that are due, ask the governor what each may do, pick the due enrollment that
 * fits, claim it (the account's lease and the action's log row are written in the same transaction, so two
 * workers never act twice), hand the action to the channel, then record the outcome.
 */
import { ACTION_KINDS, decideAccount, loadGovernorState, recordAction, type AccountDecision, type GovernorState } from "../core/governor/index.js";
import type { AccountDoc, ActionKind, ActionResult, CampaignDoc } from "../core/model.js";
import { MINUTE, type Instant } from "../core/time.js";
import type { AccountRow, DueEnrollment, Store } from "../store/store.js";
import { applyResult } from "./apply-result.js";
import type { EngineContext } from "./context.js";
import { prepareAction, type Preparation } from "./prepare-action.js";
import { moveToNext } from "./transitions.js";
import { planWake } from "./wake.js";

/** How long a claimed account stays unclaimable while its action is performed. */
export const CLAIM_LEASE = 5 * MINUTE;
/** How many due enrollments of one kind are examined per claim. */
const CANDIDATES = 25;
/** Visits run ahead of invitations by at most this many days of invitations. */
const VISIT_BACKLOG_DAYS = 2;

export interface Claim {
  account: AccountRow;
  due: DueEnrollment;
  actionId: number;
  kind: ActionKind;
  note?: string;
  text?: string;
  at: Instant;
}

export class Engine {
  constructor(private readonly ctx: EngineContext) {}

  /** Processes every account due at `now`; returns how many actions were performed. */
  async tick(now: Instant = this.ctx.clock.now()): Promise<number> {
    let performed = 0;
    for (;;) {
      const claim = await this.ctx.store.transaction((tx) => this.claimNext(tx, now));
      if (claim === "none") return performed;
      if (claim === "idle") continue;
      const outcome = await this.ctx.channel.perform({
        actionId: claim.actionId,
        at: claim.at,
        account: { name: claim.account.name, type: claim.account.doc.type },
        kind: claim.kind,
        prospect: {
          url: claim.due.person.displayUrl,
          identifiers: [claim.due.person.displayUrl],
          firstName: claim.due.person.firstName,
          lastName: claim.due.person.lastName,
          timezone: claim.due.enrollment.prospectTz,
        },
        ...(claim.note !== undefined ? { note: claim.note } : {}),
        ...(claim.text !== undefined ? { text: claim.text } : {}),
      });
      if (outcome.status === "done") {
        await this.recordResult(claim.actionId, outcome.result, now);
        performed++;
      }
    }
  }

  /** The earliest instant any account wants to act. */
  nextWakeAt(): Promise<Instant | null> {
    return this.ctx.store.nextWakeAt();
  }

  /** Claims the next due account's next action, or reports that no account is due ("none") or this one had nothing ("idle"). */
  private async claimNext(tx: Store, now: Instant): Promise<Claim | "none" | "idle"> {
    const account = await tx.claimDueAccount(now);
    if (!account) return "none";
    const state = loadGovernorState(account.state);
    const decision = await this.decide(tx, account, state, now);
    for (const kind of ACTION_KINDS) {
      if (!decision.kinds[kind].allowed) continue;
      const claim = await this.claimKind(tx, { account, decision, kind, now });
      if (claim) return claim;
    }
    await this.updateWake(tx, account, state, now);
    return "idle";
  }

  private async claimKind(tx: Store, input: { account: AccountRow; decision: AccountDecision; kind: ActionKind; now: Instant }): Promise<Claim | null> {
    const { account, decision, kind, now } = input;
    const candidates = await tx.dueEnrollments(account.id, kind, now, CANDIDATES);
    for (const due of candidates) {
      const campaignRow = await this.ctx.campaigns.get(due.campaignId, tx);
      const prep = prepareAction({ due, account: account.doc, campaign: campaignRow.doc, noteAllowed: decision.note.allowed, now });
      if (prep.type === "perform") return this.claimAction(tx, account, due, prep, now);
      await this.applyPreparation(tx, { account: account.doc, campaign: campaignRow.doc, due, prep, now });
    }
    return null;
  }

  private async claimAction(tx: Store, account: AccountRow, due: DueEnrollment, prep: Extract<Preparation, { type: "perform" }>, now: Instant): Promise<Claim> {
    const actionId = await tx.appendLog({
      workspaceId: account.workspaceId,
      at: now,
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
      result: null,
    });
    await tx.updateEnrollment(due.enrollment.id, { status: "in_flight", leaseActionId: actionId });
    await tx.updateAccount(account.id, { wakeAt: now + CLAIM_LEASE });
    return { account, due, actionId, kind: prep.kind, ...(prep.note !== undefined ? { note: prep.note } : {}), ...(prep.text !== undefined ? { text: prep.text } : {}), at: now };
  }

  private async applyPreparation(tx: Store, input: { account: AccountDoc; campaign: CampaignDoc; due: DueEnrollment; prep: Exclude<Preparation, { type: "perform" }>; now: Instant }): Promise<void> {
    const { due, prep, now } = input;
    const scope = { store: tx, account: input.account, campaign: input.campaign, now };
    switch (prep.type) {
      case "later":
        if (prep.readyAt === null) await moveToNext(scope, due.enrollment, { type: "end", reason: "unreachable" }, due.enrollment.baseAt);
        else await tx.updateEnrollment(due.enrollment.id, { readyAt: prep.readyAt });
        return;
      case "replan":
        await moveToNext(scope, due.enrollment, prep.next, due.enrollment.baseAt);
        return;
      case "end":
        await moveToNext(scope, due.enrollment, { type: "end", reason: prep.reason }, due.enrollment.baseAt);
        return;
      default: {
        const never: never = prep;
        return never;
      }
    }
  }

  /** Records a performed action's result: governor state, log, enrollment, and the account's next wake. */
  async recordResult(actionId: number, result: ActionResult, now: Instant): Promise<void> {
    await this.ctx.store.transaction(async (tx) => {
      const action = await applyResult(tx, this.ctx, actionId, result);
      const account = await tx.lockAccount(action.accountId);
      const prev = loadGovernorState(account.state);
      const state = recordAction(account.doc, prev, { kind: action.kind as ActionKind, result, at: action.at, withNote: (action.note ?? "") !== "" });
      await this.updateWake(tx, account, state, now);
    });
  }

  /** Persists the account's state with its next wake. */
  async updateWake(tx: Store, account: AccountRow, state: GovernorState, now: Instant): Promise<void> {
    const decision = await this.decide(tx, account, state, now);
    const ready = await tx.nextReadyByKind(account.id);
    let wake = planWake(decision, ready, now);
    // Never wake at `now` again: whatever was due now was just examined.
    if (wake !== null && wake <= now) wake = now + MINUTE;
    await tx.updateAccount(account.id, { state, wakeAt: wake });
  }

  /** The governor's decision, with the engine's own rule that visits run only a little ahead of invitations. */
  private async decide(tx: Store, account: AccountRow, state: GovernorState, now: Instant): Promise<AccountDecision> {
    const decision = decideAccount(account.doc, state, now);
    if (decision.kinds.visit.allowed) {
      const backlog = await tx.countVisitedAwaiting(account.id, "connect");
      const limit = VISIT_BACKLOG_DAYS * account.doc.limits.invitesPerDay;
      if (backlog >= limit) {
        decision.kinds.visit = { allowed: false, until: null, reason: `${backlog} visited prospects already wait for an invitation` };
      }
    }
    return decision;
  }
}
