/**
 * Account health alerts as users read them (`linkpace alerts`, GET /v1/alerts), and the "last alert" of an
 * account's status: its latest alert of the last 7 days that its current state does not show as over (a pause
 * that ended, notes available again, …).
 */
import { ACCEPTANCE_ALERT_RATE, ALERT_KINDS, PENDING_ALERT_SHARE, type NotificationKind } from "../core/notifications.js";
import { DAY, formatInstant, type Instant } from "../core/time.js";
import type { AccountRow, NotificationRow, Store } from "../store/store.js";
import type { AccountStatus } from "./account-status.js";

export interface AlertLine {
  id: number;
  at: string;
  account: string;
  type: string;
  message: string;
  data: Record<string, unknown>;
}

export function toAlertLine(n: NotificationRow, accountName: string): AlertLine {
  const { account: _a, at: _at, message, ...data } = n.data;
  return {
    id: n.id,
    at: formatInstant(n.at),
    account: accountName,
    type: n.kind,
    message: typeof message === "string" ? message : n.kind,
    data,
  };
}

function isOver(kind: NotificationKind, s: AccountStatus): boolean {
  switch (kind) {
    case "account_paused":
      return s.paused === null;
    case "note_quota_exhausted":
      return !s.notes.blocked;
    case "pending_near_cap":
      return s.pending.count < Math.ceil(s.pending.max * PENDING_ALERT_SHARE);
    case "acceptance_falling":
      return s.acceptance.rate !== null && s.acceptance.rate >= ACCEPTANCE_ALERT_RATE;
    case "weekly_limit_reached": // the lowered budget stays: shown for the whole window
      return false;
    case "invite_sent":
    case "invite_accepted":
    case "replied":
    case "withdrawn":
      return true; // milestones, not alerts
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/** The account's latest alert of the last 7 days that still looks current, or null. */
export async function lastAlert(store: Store, account: AccountRow, status: AccountStatus, now: Instant): Promise<AlertLine | null> {
  const recent = await store.recentNotifications(account.workspaceId, {
    kinds: ALERT_KINDS,
    accountId: account.id,
    since: now - 7 * DAY,
    limit: 20,
  });
  const current = recent.find((n) => n.at <= now && !isOver(n.kind, status));
  return current ? toAlertLine(current, account.name) : null;
}
