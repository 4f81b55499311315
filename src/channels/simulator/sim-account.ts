/**
 * One simulated LinkedIn account: its hidden truth, the invitations it sent and its restriction state.
 *
 * An invitation is in one state:
 *   pending   - sent; counts toward the 1,200 pending that restrict the account
 *   accepted  - reached its acceptAt while pending (final: the person is now a connection)
 *   withdrawn - withdrawn while pending (final): its acceptance event is cancelled and the person cannot be
 *               invited again by this account for REINVITE_BLOCK
 *   expired   - still pending INVITE_EXPIRY after it was sent (final)
 * A new invitation to the same person replaces a withdrawn or expired one; it can never replace a pending or
 * accepted one.
 *
 * State is advanced lazily: before an action at `at`, `advanceTo(at)` settles every invitation whose accept
 * or expiry instant has come, so the answer depends only on the account's own history up to `at`, never on
 * whether the caller has taken the corresponding events yet.
 */
import type { AccountType } from "../../core/model.js";
import type { Instant } from "../../core/time.js";
import type { EventQueue, ScheduledEvent } from "./event-queue.js";
import { MinHeap } from "./min-heap.js";
import {
  INVITE_EXPIRY,
  LIMIT_WINDOW,
  PENDING_RESTRICTION,
  PENDING_RESTRICTION_THRESHOLD,
  REFUSALS_BEFORE_RESTRICTION,
  RESTRICTION_LADDER,
} from "./rules.js";
import { SortedTimes } from "./sorted-times.js";
import type { SimAccountTruth, SimStats } from "./types.js";

export type InvitationState = "pending" | "accepted" | "withdrawn" | "expired";

export interface Invitation {
  readonly sentAt: Instant;
  /** null: never accepted. */
  readonly acceptAt: Instant | null;
  /** When it stops being pending by itself: acceptAt, or expiry. */
  readonly settlesAt: Instant;
  state: InvitationState;
  /** The scheduled `accepted` event, cancelled on withdrawal. */
  readonly event: ScheduledEvent | null;
}

/** What this account and one person have between them. */
export interface Relation {
  invitation: Invitation | null;
  lastWithdrawnAt: Instant | null;
  messaged: boolean;
}

export class SimAccount {
  readonly stats: SimStats = { invitesOk: 0, accepted: 0, replies: 0, restrictions: 0, limitRefusals: 0, withdrawn: 0, notesOk: 0 };
  private readonly okInvites = new SortedTimes();
  private readonly refusals = new SortedTimes();
  private readonly notesByMonth = new Map<number, number>();
  private readonly unsettled = new MinHeap<Invitation>((a, b) => a.settlesAt < b.settlesAt);
  private readonly relations = new Map<number, Relation>();
  private pending = 0;
  private restrictedFrom = Number.NEGATIVE_INFINITY;
  private restrictedUntil = Number.NEGATIVE_INFINITY;
  private restrictionCount = 0;

  constructor(
    readonly name: string,
    readonly timezone: string,
    readonly type: AccountType,
    readonly truth: SimAccountTruth,
    private readonly queue: EventQueue,
  ) {}

  get pendingCount(): number {
    return this.pending;
  }

  /** Settles the invitations accepted or expired by `at`. */
  advanceTo(at: Instant): void {
    for (let top = this.unsettled.peek(); top !== undefined && top.settlesAt <= at; top = this.unsettled.peek()) {
      this.unsettled.pop();
      if (top.state !== "pending") continue;
      top.state = top.acceptAt === null ? "expired" : "accepted";
      this.pending--;
    }
  }

  isRestricted(at: Instant): boolean {
    return at >= this.restrictedFrom && at < this.restrictedUntil;
  }

  relation(prospectId: number): Relation | undefined {
    return this.relations.get(prospectId);
  }

  relationFor(prospectId: number): Relation {
    let rel = this.relations.get(prospectId);
    if (rel === undefined) {
      rel = { invitation: null, lastWithdrawnAt: null, messaged: false };
      this.relations.set(prospectId, rel);
    }
    return rel;
  }

  /** ok invitations in the rolling window (at - 7×24 h, at]. */
  invitesInWindow(at: Instant): number {
    return this.okInvites.countIn(at - LIMIT_WINDOW, at);
  }

  /** ok invitations with a note in the UTC calendar month of `at`. */
  notesInMonth(at: Instant): number {
    return this.notesByMonth.get(utcMonth(at)) ?? 0;
  }

  /** A `weekly_limit_reached` at `at`; the third within the window, and each later one, restricts. */
  recordLimitRefusal(at: Instant): void {
    this.stats.limitRefusals++;
    this.refusals.add(at);
    if (this.refusals.countIn(at - LIMIT_WINDOW, at) >= REFUSALS_BEFORE_RESTRICTION) {
      const step = Math.min(this.restrictionCount, RESTRICTION_LADDER.length - 1);
      this.restrict(at, RESTRICTION_LADDER[step] as number);
    }
  }

  /** Records an invitation LinkedIn accepted for sending; too many pending restricts the account. */
  recordInvitation(rel: Relation, sentAt: Instant, acceptAt: Instant | null, event: ScheduledEvent | null, hasNote: boolean): void {
    const invitation: Invitation = {
      sentAt,
      acceptAt,
      settlesAt: acceptAt ?? sentAt + INVITE_EXPIRY,
      state: "pending",
      event,
    };
    rel.invitation = invitation;
    this.unsettled.push(invitation);
    this.pending++;
    this.okInvites.add(sentAt);
    this.stats.invitesOk++;
    if (hasNote) {
      const month = utcMonth(sentAt);
      this.notesByMonth.set(month, (this.notesByMonth.get(month) ?? 0) + 1);
      this.stats.notesOk++;
    }
    if (this.pending > PENDING_RESTRICTION_THRESHOLD) this.restrict(sentAt, PENDING_RESTRICTION);
  }

  /** Withdraws the pending invitation of `rel`: its acceptance never happens. */
  withdraw(rel: Relation, at: Instant): void {
    const invitation = rel.invitation;
    if (invitation === null || invitation.state !== "pending") throw new Error("withdraw needs a pending invitation");
    invitation.state = "withdrawn";
    if (invitation.event !== null) invitation.event.cancelled = true;
    rel.lastWithdrawnAt = at;
    this.pending--;
    this.stats.withdrawn++;
  }

  private restrict(at: Instant, duration: number): void {
    this.restrictedFrom = at;
    this.restrictedUntil = at + duration;
    this.restrictionCount++;
    this.queue.schedule(at, "restricted", this.name, null);
  }
}

function utcMonth(at: Instant): number {
  const d = new Date(at);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}
