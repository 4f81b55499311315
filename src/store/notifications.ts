/**
 * The notification outbox: appended by the engine inside its transactions, read in id order by whoever
 * delivers them (webhooks keep their own cursor).
 */
import type { NotificationKind } from "../core/notifications.js";
import type { Selectable } from "kysely";
import { rowOf, runDeferrable, valuesOf } from "./prepared.js";
import type { NotificationsTable } from "./schema.js";
import type { StoreContext } from "./store-context.js";
import type { NewNotificationRow, Store } from "./store.js";

export type NotificationQueries = Pick<Store, "appendNotification" | "readNotifications">;

const NOTIFICATION_COLUMNS = ["workspace_id", "at", "kind", "account_id", "campaign_id", "person_id", "data"] as const;

/** The outbox row of a new notification (its data as JSON text). */
export function notificationToDb(row: NewNotificationRow): Omit<Selectable<NotificationsTable>, "id"> {
  return {
    workspace_id: row.workspaceId,
    at: row.at,
    kind: row.kind,
    account_id: row.accountId,
    campaign_id: row.campaignId,
    person_id: row.personId,
    data: JSON.stringify(row.data),
  };
}

export function notificationQueries(ctx: StoreContext): NotificationQueries {
  const { db } = ctx;
  return {
    async appendNotification(row) {
      await runDeferrable(
        ctx,
        { table: "notifications", key: "new" },
        "notification.append",
        (...values: unknown[]) => db.insertInto("notifications").values(rowOf(NOTIFICATION_COLUMNS, values)),
        ...valuesOf(NOTIFICATION_COLUMNS, notificationToDb(row)),
      );
    },

    async readNotifications(workspaceId, afterId, limit) {
      const rows = await db
        .selectFrom("notifications")
        .selectAll()
        .where("workspace_id", "=", workspaceId)
        .where("id", ">", afterId)
        .orderBy("id")
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: Number(r.id),
        workspaceId: r.workspace_id,
        at: r.at,
        kind: r.kind as NotificationKind,
        accountId: r.account_id,
        campaignId: r.campaign_id,
        personId: r.person_id,
        data: JSON.parse(r.data) as Record<string, unknown>,
      }));
    },
  };
}
