/**
 * Migration 002: the notification outbox (what webhooks and alerts deliver, written in the same transaction as
 * the change it reports, so delivery never blocks the engine and nothing is lost), and task leases on action
 * log rows (an in-flight action shown to the owner by an assisted runner).
 */
import { type ColumnDefinitionBuilder, type Kysely, type Migration } from "kysely";
import type { StoreDialect } from "../store-context.js";

export function notificationsAndTasksMigration(dialect: StoreDialect): Migration {
  const pg = dialect === "postgres";
  const int = pg ? "bigint" : "integer";
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("notifications")
        .addColumn("id", int, (col: ColumnDefinitionBuilder) =>
          pg ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement(),
        )
        .addColumn("workspace_id", int, (c) => c.notNull().references("workspaces.id"))
        .addColumn("at", int, (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("account_id", int, (c) => c.notNull().references("accounts.id"))
        .addColumn("campaign_id", int, (c) => c.references("campaigns.id"))
        .addColumn("person_id", int, (c) => c.references("persons.id"))
        .addColumn("data", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("notifications_workspace").on("notifications").columns(["workspace_id", "id"]).execute();
      await db.schema.alterTable("log").addColumn("claimed_by", "text").execute();
      await db.schema.alterTable("log").addColumn("lease_until", int).execute();
      await db.schema.createIndex("log_open_tasks").on("log").columns(["account_id", "result", "id"]).execute();
    },
  };
}
