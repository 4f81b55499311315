/**
 * Migration 013: the do-not-contact list (store/suppressions.ts, core/suppression/match.ts).
 *
 * - `suppressions`: one row per entry of a workspace's list: its kind (profile, company, domain, hash), the
 *   normalised value it matches by, what the user typed, an optional reason, and when it was added. An entry
 *   is unique per workspace, kind and value: the same company typed twice is one entry.
 * - `suppression_salts`: one random salt per workspace, for `hash` entries (salted SHA-256 of the identifiers
 *   of a person who was erased): the same identifier hashes alike within a workspace, and differently in
 *   another, so the list cannot be matched against a table of hashed profile URLs.
 *
 * Written to run again over itself (a test may roll the later migrations back and forth).
 */
import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from "kysely";
import type { StoreDialect } from "../store-context.js";

export function suppressionsMigration(dialect: StoreDialect): Migration {
  const pg = dialect === "postgres";
  const int = pg ? "bigint" : "integer";
  const id = (col: ColumnDefinitionBuilder) => (pg ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement());
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("suppressions")
        .ifNotExists()
        .addColumn("id", int, id)
        .addColumn("workspace_id", int, (c) => c.notNull().references("workspaces.id"))
        .addColumn("kind", "text", (c) => c.notNull().check(sql`kind IN ('profile', 'company', 'domain', 'hash')`))
        .addColumn("value", "text", (c) => c.notNull())
        .addColumn("input", "text", (c) => c.notNull())
        .addColumn("reason", "text")
        .addColumn("created_at", int, (c) => c.notNull())
        .addUniqueConstraint("suppressions_workspace_kind_value", ["workspace_id", "kind", "value"])
        .execute();
      await db.schema
        .createTable("suppression_salts")
        .ifNotExists()
        .addColumn("workspace_id", int, (c) => c.primaryKey().references("workspaces.id"))
        .addColumn("salt", "text", (c) => c.notNull())
        .execute();
    },
  };
}
