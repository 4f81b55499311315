/**
 * Migration 012: `replies`, one row per reply a person sent to an account, wherever it was learned (a runner's
 * key, `linkpace mark`, the API, the LinkedIn archive's messages, the simulator), with the reply's text when
 * someone pasted it and whether the owner has handled it. Written with the `replied` event it belongs to (its
 * `log_id`), in the same transaction. The same reply learned twice (the same account, person and instant) is
 * one row: the unique constraint makes a second write fill in a missing text instead.
 *
 * The replies logged before this migration are copied from the log's `replied` events (the first of each account,
 * person and instant), without a text, and handled as of their own instant: they are history the owner has seen.
 * Written to run again over itself (a test may roll the later migrations back and forth).
 */
import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from "kysely";
import type { StoreDialect } from "../store-context.js";

export function repliesMigration(dialect: StoreDialect): Migration {
  const pg = dialect === "postgres";
  const int = pg ? "bigint" : "integer";
  const id = (col: ColumnDefinitionBuilder) => (pg ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement());
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("replies")
        .ifNotExists()
        .addColumn("id", int, id)
        .addColumn("workspace_id", int, (c) => c.notNull().references("workspaces.id"))
        .addColumn("account_id", int, (c) => c.notNull().references("accounts.id"))
        .addColumn("person_id", int, (c) => c.notNull().references("persons.id"))
        .addColumn("enrollment_id", int, (c) => c.references("enrollments.id"))
        .addColumn("campaign_id", int, (c) => c.references("campaigns.id"))
        .addColumn("log_id", int)
        .addColumn("at", int, (c) => c.notNull())
        .addColumn("text", "text")
        .addColumn("handled_at", int)
        .addColumn("recorded_at", int, (c) => c.notNull())
        .addUniqueConstraint("replies_account_person_at", ["account_id", "person_id", "at"])
        .execute();
      await db.schema.createIndex("replies_workspace_at").ifNotExists().on("replies").columns(["workspace_id", "at"]).execute();
      await db.schema.createIndex("replies_log").ifNotExists().on("replies").column("log_id").execute();
      await sql`
        INSERT INTO replies (workspace_id, account_id, person_id, enrollment_id, campaign_id, log_id, at, text, handled_at, recorded_at)
        SELECT workspace_id, account_id, person_id, enrollment_id, campaign_id, id, at, NULL, at, at
        FROM log
        WHERE type = 'event' AND kind = 'replied' AND person_id IS NOT NULL
        ORDER BY id
        ON CONFLICT (account_id, person_id, at) DO NOTHING`.execute(db);
    },
  };
}
