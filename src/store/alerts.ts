/**
 * Reading the notification outbox back for people: `linkpace alerts` and the status line's last alert.
 * Newest first, by (at, id); index notifications_kind_at (migration 003).
 */
import type { NotificationKind } from "../core/notifications.js";
import type { Instant } from "../core/time.js";
import type { StoreContext } from "./store-context.js";
import type { NotificationRow, WorkspaceId } from "./store.js";
import { notificationFromDb } from "./webhooks.js";

export interface NotificationFilter {
  kinds: readonly NotificationKind[];
  accountId?: number;
  /** Only notifications at or after this instant. */
  since?: Instant;
  limit: number;
}

export interface AlertStore {
  /** Notifications of these kinds, newest first by (at, id). */
  recentNotifications(workspaceId: WorkspaceId, filter: NotificationFilter): Promise<NotificationRow[]>;
}

export function alertQueries({ db }: StoreContext): AlertStore {
  return {
    async recentNotifications(workspaceId, filter) {
      if (filter.kinds.length === 0) return [];
      const rows = await db
        .selectFrom("notifications")
        .selectAll()
        .where("workspace_id", "=", workspaceId)
        .where("kind", "in", [...filter.kinds])
        .$if(filter.accountId !== undefined, (q) => q.where("account_id", "=", filter.accountId as number))
        .$if(filter.since !== undefined, (q) => q.where("at", ">=", filter.since as Instant))
        .orderBy("at", "desc")
        .orderBy("id", "desc")
        .limit(filter.limit)
        .execute();
      return rows.map(notificationFromDb);
    },
  };
}
