/**
 * Webhooks and their delivery log, of the memory store (../webhooks.ts is the SQL one). One transaction runs at a
 * time (context.ts), so lockWebhook and claimDueDeliveries need no row locks: what PostgreSQL's FOR UPDATE (SKIP
 * LOCKED) keeps apart never runs at once here. Due deliveries come from webhook_deliveries_due, the outbox from
 * its id order (database.ts).
 */
import type { Selectable } from "kysely";
import type { NotificationKind } from "../../core/notifications.js";
import type { WebhookDeliveriesTable } from "../schema.js";
import { deliveryFromDb, notificationFromDb, pendingDeliveryRow, webhookFromDb, type DeliveryRow, type WebhookStore } from "../webhooks.js";
import type { MemoryContext } from "./context.js";
import { key, type MemoryDatabase, type NotificationDbRow } from "./database.js";

type DeliveryDbRow = Selectable<WebhookDeliveriesTable>;

/** The newest notification's id, 0 when there is none. */
function newestNotification(db: MemoryDatabase): number {
  return db.notificationsById.group(0)?.lastIds(1)[0] ?? 0;
}

export function webhookMethods(ctx: MemoryContext): WebhookStore {
  const getWebhook = (id: number) =>
    ctx.run((db) => {
      const r = db.webhooks.get(id);
      return r ? webhookFromDb(r) : null;
    });

  return {
    insertWebhook: (row) =>
      ctx.run((db) =>
        webhookFromDb(
          db.webhooks.insertWithId({
            workspace_id: row.workspaceId,
            url: row.url,
            events: JSON.stringify(row.events),
            secret: row.secret,
            last_notification_id: newestNotification(db),
            gap_since: null,
            created_at: row.createdAt,
          }),
        ),
      ),

    listWebhooks: (workspaceId) =>
      ctx.run((db) =>
        [...db.webhooks.values()]
          .filter((r) => r.workspace_id === workspaceId)
          .sort((a, b) => a.id - b.id)
          .map(webhookFromDb),
      ),

    getWebhook,

    deleteWebhook: (id) =>
      ctx.run((db) => {
        for (const d of [...db.webhookDeliveriesByWebhook.get(id)]) db.webhookDeliveries.delete(d);
        return db.webhooks.delete(id) !== undefined;
      }),

    // One writer at a time: holding the mutex is the lock.
    lockWebhook: getWebhook,

    outboxAfter: (afterId, limit) =>
      ctx.run((db) =>
        (db.notificationsById.group(0)?.after({ sort: afterId, id: afterId }, limit) ?? []).map((id) => {
          const r = db.notifications.get(id) as NotificationDbRow;
          return { id: r.id, workspaceId: r.workspace_id, kind: r.kind as NotificationKind };
        }),
      ),

    insertDeliveries: (rows) =>
      ctx.run((db) => {
        let inserted = 0;
        for (const d of rows) {
          // ON CONFLICT (webhook_id, notification_id) DO NOTHING; another unique violation (delivery_id) throws.
          if (db.webhookDeliveriesOnce.get(key(d.webhookId, d.notificationId)) !== undefined) continue;
          db.webhookDeliveries.insertWithId(pendingDeliveryRow(d));
          inserted++;
        }
        return inserted;
      }),

    setWebhookCursor: (id, cursor, gapSince) =>
      ctx.run((db) => {
        db.webhooks.update(id, { last_notification_id: cursor, gap_since: gapSince });
      }),

    claimDueDeliveries: (webhookId, now, leaseUntil, limit) =>
      ctx.run((db) => {
        const due = db.webhookDeliveriesDue.group(webhookId)?.upTo(now, limit) ?? [];
        for (const id of due) db.webhookDeliveries.update(id, { next_attempt_at: leaseUntil });
        // Then joined with their notifications (inner join), by id.
        return due
          .sort((a, b) => a - b)
          .flatMap((id) => {
            const d = db.webhookDeliveries.get(id) as DeliveryDbRow;
            const n = db.notifications.get(d.notification_id);
            return n ? [{ delivery: deliveryFromDb({ ...d, kind: n.kind }), notification: notificationFromDb(n) }] : [];
          });
      }),

    recordDeliveryAttempt: (id, rec) =>
      ctx.run((db) => {
        const r = db.webhookDeliveries.get(id);
        if (!r || r.status !== "pending") return false;
        db.webhookDeliveries.update(id, {
          attempts: r.attempts + 1,
          status: rec.status,
          next_attempt_at: rec.nextAttemptAt,
          last_attempt_at: rec.at,
          last_status_code: rec.statusCode,
          last_error: rec.error,
          delivered_at: rec.status === "delivered" ? rec.at : null,
        });
        return true;
      }),

    listDeliveries: (workspaceId, filter) =>
      ctx.run((db) => {
        const rows: DeliveryRow[] = [];
        for (const w of db.webhooks.values()) {
          if (w.workspace_id !== workspaceId || (filter.webhookId !== undefined && w.id !== filter.webhookId)) continue;
          for (const id of db.webhookDeliveriesByWebhook.get(w.id)) {
            const d = db.webhookDeliveries.get(id) as DeliveryDbRow;
            if (filter.status !== undefined && d.status !== filter.status) continue;
            const n = db.notifications.get(d.notification_id);
            if (n) rows.push(deliveryFromDb({ ...d, kind: n.kind }));
          }
        }
        return rows.sort((a, b) => b.id - a.id).slice(0, Math.max(0, filter.limit));
      }),
  };
}
