/**
 * Migration 006: the people an import refused because a campaign can never reach them (its schedule in their
 * zone never meets the sender's working hours). One row per campaign and person, by the URL the report named,
 * so that importing the same file twice counts them once; a later enrollment in that campaign deletes the row.
 */
import { type ColumnDefinitionBuilder, type Kysely, type Migration } from "kysely";
import type { StoreDialect } from "../store-context.js";

export function unreachableMigration(dialect: StoreDialect): Migration {
  const pg = dialect === "postgres";
  const int = pg ? "bigint" : "integer";
  const id = (col: ColumnDefinitionBuilder) => (pg ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement());
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("unreachable_prospects")
        .addColumn("id", int, id)
        .addColumn("workspace_id", int, (c) => c.notNull().references("workspaces.id"))
        .addColumn("campaign_id", int, (c) => c.notNull().references("campaigns.id"))
        .addColumn("prospect", "text", (c) => c.notNull())
        .addColumn("reason", "text", (c) => c.notNull())
        .addColumn("refused_at", int, (c) => c.notNull())
        .addUniqueConstraint("unreachable_prospects_campaign_prospect", ["campaign_id", "prospect"])
        .execute();
    },
  };
}
