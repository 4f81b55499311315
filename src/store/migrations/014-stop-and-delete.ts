/**
 * Migration 014: campaigns can be stopped for good, and enrollments told to end.
 *
 * - A campaign's status may be `stopped` (the CHECK rule of migration 011 is replaced: a constraint on
 *   PostgreSQL, the two triggers on SQLite).
 * - `enrollments.stop_reason`: the owner ended this enrollment (`stopped` with its campaign, or `removed` on its
 *   own) while something of it was still pending: an invitation to withdraw on schedule, or an action in flight.
 *   It ends with this reason once that is settled (core/enrollment/transition.ts). Null otherwise.
 *
 * Written to run again over itself (a test may roll the later migrations back and forth).
 */
import { sql, type Kysely, type Migration } from "kysely";
import type { StoreDialect } from "../store-context.js";

const NAME = "campaigns_status_known";
const RULE = "status IN ('active', 'paused', 'stopped')";

export function stopAndDeleteMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect === "postgres") {
        await sql.raw(`ALTER TABLE campaigns DROP CONSTRAINT IF EXISTS ${NAME}, ADD CONSTRAINT ${NAME} CHECK (${RULE})`).execute(db);
        await sql.raw("ALTER TABLE enrollments ADD COLUMN IF NOT EXISTS stop_reason text").execute(db);
        return;
      }
      // SQLite: the triggers of migration 011, dropped and made again with the new rule (same names, same message form).
      const abort = `SELECT RAISE(ABORT, 'campaigns: status known (CHECK ${RULE.replace(/'/g, "''")})')`;
      const when = `NOT (${RULE.replace("status", "NEW.status")})`;
      for (const op of ["insert", "update"] as const) {
        await sql.raw(`DROP TRIGGER IF EXISTS ${NAME}_${op}`).execute(db);
        const on = op === "insert" ? "BEFORE INSERT ON campaigns" : "BEFORE UPDATE OF status ON campaigns";
        await sql.raw(`CREATE TRIGGER ${NAME}_${op} ${on} WHEN ${when} BEGIN ${abort}; END`).execute(db);
      }
      const columns = await sql<{ name: string }>`SELECT name FROM pragma_table_info('enrollments')`.execute(db);
      if (!columns.rows.some((c) => c.name === "stop_reason"))
        await sql.raw("ALTER TABLE enrollments ADD COLUMN stop_reason text").execute(db);
    },
  };
}
