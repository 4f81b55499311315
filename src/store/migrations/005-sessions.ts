/**
 * Migration 005: the dashboard's sign-in sessions. A session belongs to the token it was opened with (and dies
 * with it) and to that token's workspace. Only the SHA-256 hash of the cookie's secret is kept; the CSRF token
 * is stored as is, since it is no credential by itself (writes need the cookie and it together).
 */
import { type ColumnDefinitionBuilder, type Kysely, type Migration } from "kysely";
import type { StoreDialect } from "../store-context.js";

export function sessionsMigration(dialect: StoreDialect): Migration {
  const pg = dialect === "postgres";
  const int = pg ? "bigint" : "integer";
  const id = (col: ColumnDefinitionBuilder) => (pg ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement());
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("sessions")
        .addColumn("id", int, id)
        .addColumn("workspace_id", int, (c) => c.notNull().references("workspaces.id"))
        .addColumn("token_id", int, (c) => c.notNull().references("api_tokens.id"))
        .addColumn("hash", "text", (c) => c.notNull().unique())
        .addColumn("csrf_token", "text", (c) => c.notNull())
        .addColumn("created_at", int, (c) => c.notNull())
        .addColumn("expires_at", int, (c) => c.notNull())
        .addColumn("revoked_at", int)
        .execute();
      await db.schema.createIndex("sessions_token").on("sessions").column("token_id").execute();
      await db.schema.createIndex("sessions_expires").on("sessions").column("expires_at").execute();
    },
  };
}
