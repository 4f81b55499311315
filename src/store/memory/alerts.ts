/**
 * Notifications read back for people (`linkpace alerts`, the status line), of the memory store (../alerts.ts is
 * the SQL one): newest first by (at, id), merged from each kind's range of notifications_kind_at (database.ts).
 */
import type { AlertStore } from "../alerts.js";
import type { NotificationRow } from "../store.js";
import { notificationFromDb } from "../webhooks.js";
import type { MemoryContext } from "./context.js";
import { key, type NotificationDbRow } from "./database.js";

export function alertMethods(ctx: MemoryContext): AlertStore {
  return {
    recentNotifications: (workspaceId, filter) =>
      ctx.run((db) => {
        const rows: NotificationDbRow[] = [];
        for (const kind of new Set(filter.kinds)) {
          const list = db.notificationsKindAt.group(key(workspaceId, kind));
          if (!list) continue;
          const ids = filter.since === undefined ? list.idsAfter(null) : list.range(filter.since, Infinity);
          for (const id of ids) {
            const r = db.notifications.get(id) as NotificationDbRow;
            if (filter.accountId === undefined || r.account_id === filter.accountId) rows.push(r);
          }
        }
        const out: NotificationRow[] = rows
          .sort((a, b) => b.at - a.at || b.id - a.id)
          .slice(0, Math.max(0, filter.limit))
          .map(notificationFromDb);
        return out;
      }),
  };
}
