/**
 * Migration 017: text variants (core/campaign/variants.ts).
 *
 * - `log.variant`: the variant an action sent, as its key (name and text hash, variantKey); null for an action
 *   of a step without variants, for events, and for actions logged before this migration.
 * - `variant_winners`: with `autoWinner`, the variant of a campaign found best (core/learning/bandit.ts), and
 *   when: from then on it is the only one sent, until it is edited or paused. Deleted with the campaign.
 *
 * Written to run again over itself (a test may roll the later migrations back and forth).
 */
import { sql, type Kysely, type Migration } from "kysely";
import type { StoreDialect } from "../store-context.js";

export function variantsMigration(dialect: StoreDialect): Migration {
  const int = dialect === "postgres" ? "bigint" : "integer";
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect === "postgres") {
        await sql.raw("ALTER TABLE log ADD COLUMN IF NOT EXISTS variant text").execute(db);
      } else {
        const columns = await sql<{ name: string }>`SELECT name FROM pragma_table_info('log')`.execute(db);
        if (!columns.rows.some((c) => c.name === "variant")) await sql.raw("ALTER TABLE log ADD COLUMN variant text").execute(db);
      }
      await db.schema
        .createTable("variant_winners")
        .ifNotExists()
        .addColumn("campaign_id", int, (c) => c.notNull())
        .addColumn("variant", "text", (c) => c.notNull())
        .addColumn("decided_at", int, (c) => c.notNull())
        .addPrimaryKeyConstraint("variant_winners_pk", ["campaign_id", "variant"])
        .execute();
      // Statistics read a campaign's actions of one kind that sent a variant: only those rows are indexed, so
      // campaigns without variants pay nothing for it.
      await sql.raw("CREATE INDEX IF NOT EXISTS log_variant ON log (campaign_id, kind) WHERE variant IS NOT NULL").execute(db);
    },
  };
}
