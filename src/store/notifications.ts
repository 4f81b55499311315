/**
 * The notification outbox: appended by the engine inside its transactions, read in id order by whoever
 * delivers them (webhooks keep their own cursor).
 */
import type { NotificationKind } from "../core/notifications.js";
import type { StoreContext } from "./store-context.js";
import type { Store } from "./store.js";

export type NotificationQueries = Pick<Store, "appendNotification" | "readNotifications">;

export function notificationQueries({ db }: StoreContext): NotificationQueries {
  return {
    async appendNotification(row) {
      const r = await db
        .insertInto("notifications")
        .values({
          workspace_id: row.workspaceId,
          at: row.at,
          kind: row.kind,
          account_id: row.accountId,
          campaign_id: row.campaignId,
          person_id: row.personId,
          data: JSON.stringify(row.data),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return Number(r.id);
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
