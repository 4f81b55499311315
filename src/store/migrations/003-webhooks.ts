/**
 * Migration 003: webhooks and their delivery log.
 *
 * - `webhooks`: where to POST which notification kinds, the signing secret (kept as given: it must sign), and
 *   the webhook's cursor into the outbox (`last_notification_id`: every notification up to it has been fanned
 *   out to this webhook) with `gap_since`, when the dispatcher first saw an id missing right after the cursor
 *   (an uncommitted or rolled-back outbox row; see webhooks/plan-cursor.ts).
 * - `webhook_deliveries`: one row per notification × webhook (unique), with its attempts and outcome.
 * - an index for `linkpace alerts` and the status line: health alerts by kind and time.
 */
import { type ColumnDefinitionBuilder, type Kysely, type Migration } from "kysely";
import type { StoreDialect } from "../store-context.js";

export function webhooksMigration(dialect: StoreDialect): Migration {
  const pg = dialect === "postgres";
  const int = pg ? "bigint" : "integer";
  const id = (col: ColumnDefinitionBuilder) => (pg ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement());
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("webhooks")
        .addColumn("id", int, id)
        .addColumn("workspace_id", int, (c) => c.notNull().references("workspaces.id"))
        .addColumn("url", "text", (c) => c.notNull())
        .addColumn("events", "text", (c) => c.notNull())
        .addColumn("secret", "text", (c) => c.notNull())
        .addColumn("last_notification_id", int, (c) => c.notNull())
        .addColumn("gap_since", int)
        .addColumn("created_at", int, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("webhook_deliveries")
        .addColumn("id", int, id)
        .addColumn("webhook_id", int, (c) => c.notNull().references("webhooks.id"))
        .addColumn("notification_id", int, (c) => c.notNull().references("notifications.id"))
        .addColumn("delivery_id", "text", (c) => c.notNull().unique())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull())
        .addColumn("next_attempt_at", int)
        .addColumn("last_attempt_at", int)
        .addColumn("last_status_code", "integer")
        .addColumn("last_error", "text")
        .addColumn("delivered_at", int)
        .addColumn("created_at", int, (c) => c.notNull())
        .addUniqueConstraint("webhook_deliveries_once", ["webhook_id", "notification_id"])
        .execute();
      // claimDueDeliveries: one index range per webhook, in (next_attempt_at, id) order.
      await db.schema
        .createIndex("webhook_deliveries_due")
        .on("webhook_deliveries")
        .columns(["webhook_id", "status", "next_attempt_at", "id"])
        .execute();

      await db.schema.createIndex("notifications_kind_at").on("notifications").columns(["workspace_id", "kind", "at"]).execute();
    },
  };
}
