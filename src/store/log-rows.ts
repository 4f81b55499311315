/**
 * The rows of the Store port for what happened: the log of actions and network events, the in-flight actions
 * held as assisted tasks, actions put back without a result, and the notification outbox (store.ts re-exports them).
 */
import type { NotificationKind } from "../core/notifications.js";
import type { ActionKind, ActionResult, NetworkEventKind } from "../core/model.js";
import type { EnrollmentStatus } from "../core/enrollment/transition.js";
import type { Instant } from "../core/time.js";
import type { WorkspaceId } from "./entity-rows.js";

/** The columns every log row has; `type` tells an action (ActionLogRow) from a network event (EventLogRow). */
interface LogRowFields {
  id: number;
  workspaceId: WorkspaceId;
  at: Instant;
  accountId: number;
  campaignId: number | null;
  personId: number | null;
  enrollmentId: number | null;
  /** The prospect's display identifier at the time. */
  prospect: string | null;
  prospectTz: string | null;
  note: string | null;
  text: string | null;
  /** The campaign's version an action was handed out under (null or absent: an event, or an action logged before versions). */
  campaignVersion?: number | null;
  /** The variant an action sent, as its key (core/campaign/variants.ts); absent for a step without variants. */
  variant?: string | null;
}

/** An action linkpace performed or handed out: `result` is null while in flight, then ok or a failure code. */
export interface ActionLogRow extends LogRowFields {
  type: "action";
  kind: ActionKind;
  result: ActionResult | null;
}

/** What LinkedIn told after the fact (an acceptance, a reply, a restriction): no result. */
export interface EventLogRow extends LogRowFields {
  type: "event";
  kind: NetworkEventKind;
  result: null;
}

export type LogRow = ActionLogRow | EventLogRow;
export type LogType = LogRow["type"];
export type NewLogRow = Omit<ActionLogRow, "id"> | Omit<EventLogRow, "id">;

/** A joined row of the event log, ready to print as one of its lines. */
export type LogLine = LogRow & {
  accountName: string;
  campaignName: string | null;
};

export interface InvitationRow {
  enrollmentId: number;
  campaignName: string;
  accountName: string;
  personId: number;
  displayUrl: string;
  firstName: string;
  lastName: string;
  fullName: string | null;
  company: string;
  title: string;
  invitedAt: Instant;
  inviteNote: string | null;
  acceptedAt: Instant | null;
  repliedAt: Instant | null;
  withdrawnAt: Instant | null;
  endReason: string | null;
  status: EnrollmentStatus;
  /** While pending: when the campaign's withdrawal is due (withdrawAfter, or now after a withdraw request). */
  withdrawalAt: Instant | null;
}

export interface EnrollmentCounts {
  /** enrollments by status */
  byStatus: Record<EnrollmentStatus, number>;
  /** done enrollments by end reason */
  byEndReason: Record<string, number>;
}

/** An in-flight action shown to an account's owner by an assisted runner. */
export interface TaskRow extends ActionLogRow {
  /** The runner showing it, or null. */
  claimedBy: string | null;
  /** Until when that runner holds it. */
  leaseUntil: Instant | null;
  /** It was shown before and let go of, or its holder may have restarted: whoever shows it asks whether it was done. */
  reconcile: boolean;
}

/** Why an in-flight action went back without a result: its owner skipped it, or nobody had ever taken it. */
export type ReleaseReason = "skipped" | "released";

/** How Store.releaseOpenAction puts an action back. */
export interface Release {
  which: "any" | "unheld";
  at: Instant;
  reason: ReleaseReason;
  forgetBefore: Instant;
}

/** An action handed out and put back without a result: its log row is gone, so a late answer is told this. */
export interface ReleasedAction {
  actionId: number;
  workspaceId: WorkspaceId;
  accountId: number;
  kind: ActionKind;
  at: Instant;
  reason: ReleaseReason;
}

/** Who takes a task, until when, and what taking it again means (Store.takeTask). */
export interface TaskHold {
  by: string;
  until: Instant;
  now: Instant;
  repeat: "refresh" | "restart";
}

export interface NotificationRow {
  id: number;
  workspaceId: WorkspaceId;
  at: Instant;
  kind: NotificationKind;
  accountId: number;
  campaignId: number | null;
  personId: number | null;
  /** Self-contained details (names, URLs), ready to deliver. */
  data: Record<string, unknown>;
}

export type NewNotificationRow = Omit<NotificationRow, "id">;
