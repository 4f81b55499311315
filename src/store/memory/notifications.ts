/** The notification outbox of the memory store (../notifications.ts is the SQL one): appended, read in id order. */
import { notificationFromDb } from "../webhooks.js";
import type { MemoryContext } from "./context.js";
import type { NotificationDbRow } from "./database.js";
import { notificationToDb, type NotificationQueries } from "../notifications.js";

export function notificationMethods(ctx: MemoryContext): NotificationQueries {
  return {
    appendNotification: (row) =>
      ctx.run((db) => {
        db.notifications.insertWithId(notificationToDb(row));
      }),

    readNotifications: (workspaceId, afterId, limit) =>
      ctx.run((db) =>
        (db.notificationsByWorkspace.group(workspaceId)?.after({ sort: afterId, id: afterId }, limit) ?? []).map((id) =>
          notificationFromDb(db.notifications.get(id) as NotificationDbRow),
        ),
      ),
  };
}
