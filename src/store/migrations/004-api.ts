/**
 * Migration 004: what the HTTP API needs. `api_tokens` holds one row per token: its workspace, a name the owner
 * chose, and only the SHA-256 hash of the secret (the token itself is printed once and never stored).
 * Workspace names become unique so that `--workspace NAME` names exactly one.
 */
import { type ColumnDefinitionBuilder, type Kysely, type Migration } from "kysely";
import type { StoreDialect } from "../store-context.js";

export function apiMigration(dialect: StoreDialect): Migration {
  const pg = dialect === "postgres";
  const int = pg ? "bigint" : "integer";
  const id = (col: ColumnDefinitionBuilder) => (pg ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement());
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createIndex("workspaces_name").on("workspaces").column("name").unique().execute();
      await db.schema
        .createTable("api_tokens")
        .addColumn("id", int, id)
        .addColumn("workspace_id", int, (c) => c.notNull().references("workspaces.id"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("hash", "text", (c) => c.notNull().unique())
        .addColumn("created_at", int, (c) => c.notNull())
        .addColumn("revoked_at", int)
        .execute();
      await db.schema.createIndex("api_tokens_workspace").on("api_tokens").columns(["workspace_id", "id"]).execute();
    },
  };
}
