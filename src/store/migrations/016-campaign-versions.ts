/**
 * Migration 016: a campaign's document can change (campaign update), and each change is a numbered version.
 *
 * - `campaigns.version`: the number of the document in `campaigns.doc`, 1 at creation, one more at each update.
 *   The engine's cache of campaign documents compares it (engine/context.ts), so that every process sees an
 *   update made by another.
 * - `campaign_versions`: every document a campaign had, with its number and the time it took effect (version 1
 *   is the created document, at the campaign's creation). Deleted with the campaign.
 * - `log.campaign_version`: the campaign's version an action was handed out under (null for events, and for
 *   actions logged before this migration): the event log prints it, analytics split by it.
 *
 * Written to run again over itself (a test may roll the later migrations back and forth).
 */
import { sql, type Kysely, type Migration } from "kysely";
import type { StoreDialect } from "../store-context.js";

export function campaignVersionsMigration(dialect: StoreDialect): Migration {
  const int = dialect === "postgres" ? "bigint" : "integer";
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect === "postgres") {
        await sql.raw("ALTER TABLE campaigns ADD COLUMN IF NOT EXISTS version integer NOT NULL DEFAULT 1").execute(db);
        await sql.raw("ALTER TABLE log ADD COLUMN IF NOT EXISTS campaign_version integer").execute(db);
      } else {
        const columns = await sql<{ name: string }>`SELECT name FROM pragma_table_info('campaigns')`.execute(db);
        if (!columns.rows.some((c) => c.name === "version"))
          await sql.raw("ALTER TABLE campaigns ADD COLUMN version integer NOT NULL DEFAULT 1").execute(db);
        const logColumns = await sql<{ name: string }>`SELECT name FROM pragma_table_info('log')`.execute(db);
        if (!logColumns.rows.some((c) => c.name === "campaign_version"))
          await sql.raw("ALTER TABLE log ADD COLUMN campaign_version integer").execute(db);
      }
      await db.schema
        .createTable("campaign_versions")
        .ifNotExists()
        .addColumn("campaign_id", int, (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("doc", "text", (c) => c.notNull())
        .addColumn("created_at", int, (c) => c.notNull())
        .addPrimaryKeyConstraint("campaign_versions_pk", ["campaign_id", "version"])
        .execute();
      // Campaigns created before this migration: their document is their first version.
      await sql
        .raw(
          "INSERT INTO campaign_versions (campaign_id, version, doc, created_at) SELECT id, version, doc, created_at FROM campaigns " +
            "WHERE NOT EXISTS (SELECT 1 FROM campaign_versions v WHERE v.campaign_id = campaigns.id AND v.version = campaigns.version)",
        )
        .execute(db);
    },
  };
}
