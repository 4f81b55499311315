/**
 * Webhooks and their delivery log (migration 003). The dispatcher (webhooks/webhook-dispatcher.ts) drives
 * these queries; the engine never touches them, so a slow or broken receiver can never hold up the engine.
 *
 * Fan-out: inside one transaction the dispatcher locks a webhook (`lockWebhook`: PostgreSQL `FOR UPDATE`, so
 * two dispatchers fan out one webhook in turn), reads the outbox after its cursor, inserts the deliveries
 * (a (webhook, notification) pair that has one already is left alone: the unique constraint
 * `webhook_deliveries_once` makes doubling impossible) and moves the cursor.
 *
 * Attempts: `claimDueDeliveries` leases due deliveries (their next attempt moves to `leaseUntil`) with
 * `FOR UPDATE SKIP LOCKED` on PostgreSQL, so concurrent dispatchers never attempt the same delivery at once; a
 * dispatcher killed mid-attempt leaves the delivery due again when its lease runs out.
 */
import type { Selectable } from "kysely";
import type { NotificationKind } from "../core/notifications.js";
import type { Instant } from "../core/time.js";
import type { NotificationsTable, WebhookDeliveriesTable, WebhooksTable } from "./schema.js";
import { atomically, type StoreContext } from "./store-context.js";
import type { NotificationRow, WorkspaceId } from "./store.js";

export interface WebhookRow {
  id: number;
  workspaceId: WorkspaceId;
  url: string;
  events: NotificationKind[];
  /** The HMAC secret, as given or generated: it must sign, so it is kept as is. */
  secret: string;
  /** Every notification with an id up to this one has been fanned out to this webhook. */
  cursor: number;
  /** When an id was first seen missing right after the cursor, null when none is. */
  gapSince: Instant | null;
  createdAt: Instant;
}

export type NewWebhook = Pick<WebhookRow, "workspaceId" | "url" | "events" | "secret" | "createdAt">;

export type DeliveryStatus = "pending" | "delivered" | "failed";
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ["pending", "delivered", "failed"];

export interface DeliveryRow {
  id: number;
  webhookId: number;
  notificationId: number;
  kind: NotificationKind;
  /** Sent as X-Linkpace-Delivery: the same on every attempt, so receivers can de-duplicate. */
  deliveryId: string;
  status: DeliveryStatus;
  attempts: number;
  /** pending: when it is next due (or the lease of an attempt under way); null once delivered or failed. */
  nextAttemptAt: Instant | null;
  lastAttemptAt: Instant | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: Instant | null;
  createdAt: Instant;
}

export interface NewDelivery {
  webhookId: number;
  notificationId: number;
  deliveryId: string;
  nextAttemptAt: Instant;
  createdAt: Instant;
}

export interface DueDelivery {
  delivery: DeliveryRow;
  notification: NotificationRow;
}

/** An outbox entry as the fan-out needs it. */
export interface OutboxEntry {
  id: number;
  workspaceId: WorkspaceId;
  kind: NotificationKind;
}

export interface AttemptRecord {
  at: Instant;
  status: DeliveryStatus;
  statusCode: number | null;
  error: string | null;
  nextAttemptAt: Instant | null;
}

export interface WebhookStore {
  /** Adds a webhook whose cursor is the newest notification now: it receives only notifications written later. */
  insertWebhook(row: NewWebhook): Promise<WebhookRow>;
  /** A workspace's webhooks, by id. */
  listWebhooks(workspaceId: WorkspaceId): Promise<WebhookRow[]>;
  getWebhook(id: number): Promise<WebhookRow | null>;
  /** Removes a webhook and its delivery log; false when there is no such webhook. */
  deleteWebhook(id: number): Promise<boolean>;
  /** Inside a transaction: the webhook, locked for the rest of it (waits for other holders); null if removed. */
  lockWebhook(id: number): Promise<WebhookRow | null>;
  /** Outbox entries of every workspace with id > afterId, in id order (the fan-out checks ids are contiguous). */
  outboxAfter(afterId: number, limit: number): Promise<OutboxEntry[]>;
  /** Inserts deliveries, leaving alone a (webhook, notification) pair that has one; how many were inserted. */
  insertDeliveries(rows: NewDelivery[]): Promise<number>;
  setWebhookCursor(id: number, cursor: number, gapSince: Instant | null): Promise<void>;
  /**
   * Up to `limit` pending deliveries of a webhook due at `now`, in (nextAttemptAt, id) order, each leased until
   * `leaseUntil` (its nextAttemptAt), with its notification. Deliveries another transaction holds are skipped.
   */
  claimDueDeliveries(webhookId: number, now: Instant, leaseUntil: Instant, limit: number): Promise<DueDelivery[]>;
  /** Records one attempt on a pending delivery; false when it is no longer pending (or was removed). */
  recordDeliveryAttempt(id: number, rec: AttemptRecord): Promise<boolean>;
  /** The delivery log of a workspace, newest first (by id). */
  listDeliveries(workspaceId: WorkspaceId, filter: { webhookId?: number; status?: DeliveryStatus; limit: number }): Promise<DeliveryRow[]>;
}

export function webhookFromDb(r: Selectable<WebhooksTable>): WebhookRow {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    url: r.url,
    events: JSON.parse(r.events) as NotificationKind[],
    secret: r.secret,
    cursor: r.last_notification_id,
    gapSince: r.gap_since,
    createdAt: r.created_at,
  };
}

export function deliveryFromDb(r: Selectable<WebhookDeliveriesTable> & { kind: string }): DeliveryRow {
  return {
    id: r.id,
    webhookId: r.webhook_id,
    notificationId: r.notification_id,
    kind: r.kind as NotificationKind,
    deliveryId: r.delivery_id,
    status: r.status as DeliveryStatus,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastAttemptAt: r.last_attempt_at,
    lastStatusCode: r.last_status_code,
    lastError: r.last_error,
    deliveredAt: r.delivered_at,
    createdAt: r.created_at,
  };
}

/** A new delivery's row: pending, never attempted. */
export function pendingDeliveryRow(d: NewDelivery): Omit<Selectable<WebhookDeliveriesTable>, "id"> {
  return {
    webhook_id: d.webhookId,
    notification_id: d.notificationId,
    delivery_id: d.deliveryId,
    status: "pending",
    attempts: 0,
    next_attempt_at: d.nextAttemptAt,
    last_attempt_at: null,
    last_status_code: null,
    last_error: null,
    delivered_at: null,
    created_at: d.createdAt,
  };
}

export function notificationFromDb(r: Selectable<NotificationsTable>): NotificationRow {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    at: r.at,
    kind: r.kind as NotificationKind,
    accountId: r.account_id,
    campaignId: r.campaign_id,
    personId: r.person_id,
    data: JSON.parse(r.data) as Record<string, unknown>,
  };
}

export function webhookQueries(ctx: StoreContext): WebhookStore {
  const { db } = ctx;
  const locking = ctx.dialect === "postgres";
  return {
    async insertWebhook(row) {
      return atomically(ctx, async (t) => {
        const newest = await t.selectFrom("notifications").select("id").orderBy("id", "desc").limit(1).executeTakeFirst();
        const r = await t
          .insertInto("webhooks")
          .values({
            workspace_id: row.workspaceId,
            url: row.url,
            events: JSON.stringify(row.events),
            secret: row.secret,
            last_notification_id: newest?.id ?? 0,
            gap_since: null,
            created_at: row.createdAt,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return webhookFromDb(r);
      });
    },

    async listWebhooks(workspaceId) {
      const rows = await db.selectFrom("webhooks").selectAll().where("workspace_id", "=", workspaceId).orderBy("id").execute();
      return rows.map(webhookFromDb);
    },

    async getWebhook(id) {
      const r = await db.selectFrom("webhooks").selectAll().where("id", "=", id).executeTakeFirst();
      return r ? webhookFromDb(r) : null;
    },

    async deleteWebhook(id) {
      return atomically(ctx, async (t) => {
        await t.deleteFrom("webhook_deliveries").where("webhook_id", "=", id).execute();
        const r = await t.deleteFrom("webhooks").where("id", "=", id).executeTakeFirst();
        return Number(r.numDeletedRows) === 1;
      });
    },

    async lockWebhook(id) {
      const r = await db
        .selectFrom("webhooks")
        .selectAll()
        .where("id", "=", id)
        .$if(locking, (q) => q.forUpdate())
        .executeTakeFirst();
      return r ? webhookFromDb(r) : null;
    },

    async outboxAfter(afterId, limit) {
      const rows = await db
        .selectFrom("notifications")
        .select(["id", "workspace_id", "kind"])
        .where("id", ">", afterId)
        .orderBy("id")
        .limit(limit)
        .execute();
      return rows.map((r) => ({ id: r.id, workspaceId: r.workspace_id, kind: r.kind as NotificationKind }));
    },

    async insertDeliveries(rows) {
      if (rows.length === 0) return 0;
      const r = await db
        .insertInto("webhook_deliveries")
        .values(rows.map(pendingDeliveryRow))
        .onConflict((oc) => oc.columns(["webhook_id", "notification_id"]).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0);
    },

    async setWebhookCursor(id, cursor, gapSince) {
      await db.updateTable("webhooks").set({ last_notification_id: cursor, gap_since: gapSince }).where("id", "=", id).execute();
    },

    async claimDueDeliveries(webhookId, now, leaseUntil, limit) {
      return atomically(ctx, async (t) => {
        const due = await t
          .selectFrom("webhook_deliveries")
          .select("id")
          .where("webhook_id", "=", webhookId)
          .where("status", "=", "pending")
          .where("next_attempt_at", "<=", now)
          .orderBy("next_attempt_at")
          .orderBy("id")
          .limit(limit)
          .$if(locking, (q) => q.forUpdate().skipLocked())
          .execute();
        if (due.length === 0) return [];
        const ids = due.map((d) => d.id);
        await t.updateTable("webhook_deliveries").set({ next_attempt_at: leaseUntil }).where("id", "in", ids).execute();
        const rows = await t
          .selectFrom("webhook_deliveries as d")
          .innerJoin("notifications as n", "n.id", "d.notification_id")
          .selectAll("d")
          .select([
            "n.workspace_id as n_workspace_id",
            "n.at as n_at",
            "n.kind as kind",
            "n.account_id as n_account_id",
            "n.campaign_id as n_campaign_id",
            "n.person_id as n_person_id",
            "n.data as n_data",
          ])
          .where("d.id", "in", ids)
          .orderBy("d.id")
          .execute();
        return rows.map((r) => ({
          delivery: deliveryFromDb(r),
          notification: notificationFromDb({
            id: r.notification_id,
            workspace_id: r.n_workspace_id,
            at: r.n_at,
            kind: r.kind,
            account_id: r.n_account_id,
            campaign_id: r.n_campaign_id,
            person_id: r.n_person_id,
            data: r.n_data,
          }),
        }));
      });
    },

    async recordDeliveryAttempt(id, rec) {
      const r = await db
        .updateTable("webhook_deliveries")
        .set((eb) => ({
          attempts: eb("attempts", "+", 1),
          status: rec.status,
          next_attempt_at: rec.nextAttemptAt,
          last_attempt_at: rec.at,
          last_status_code: rec.statusCode,
          last_error: rec.error,
          delivered_at: rec.status === "delivered" ? rec.at : null,
        }))
        .where("id", "=", id)
        .where("status", "=", "pending")
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async listDeliveries(workspaceId, filter) {
      const rows = await db
        .selectFrom("webhook_deliveries as d")
        .innerJoin("webhooks as w", "w.id", "d.webhook_id")
        .innerJoin("notifications as n", "n.id", "d.notification_id")
        .selectAll("d")
        .select("n.kind as kind")
        .where("w.workspace_id", "=", workspaceId)
        .$if(filter.webhookId !== undefined, (q) => q.where("d.webhook_id", "=", filter.webhookId as number))
        .$if(filter.status !== undefined, (q) => q.where("d.status", "=", filter.status as DeliveryStatus))
        .orderBy("d.id", "desc")
        .limit(filter.limit)
        .execute();
      return rows.map(deliveryFromDb);
    },
  };
}
