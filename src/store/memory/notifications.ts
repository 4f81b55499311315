/** The notification outbox of the memory store (../notifications.ts is the SQL one): appended, read in id order. */
import { notificationFromDb } from "../webhooks.js";
import type { MemoryContext } from "./context.js";
import type { NotificationDbRow } from "./database.js";
import type { NotificationQueries } from "../notifications.js";

export function notificationMethods(ctx: MemoryContext): NotificationQueries {
  return {
    appendNotification: (row) =>
      ctx.run(
        (db) =>
          db.notifications.insertWithId({
            workspace_id: row.workspaceId,
            at: row.at,
            kind: row.kind,
            account_id: row.accountId,
            campaign_id: row.campaignId,
            person_id: row.personId,
            data: JSON.stringify(row.data),
          }).id,
      ),

    readNotifications: (workspaceId, afterId, limit) =>
      ctx.run((db) =>
        (db.notificationsByWorkspace.group(workspaceId)?.after({ sort: afterId, id: afterId }, limit) ?? []).map((id) =>
          notificationFromDb(db.notifications.get(id) as NotificationDbRow),
        ),
      ),
  };
}
