/**
 * Migration 011: the database refuses a status or kind the code does not know, as the TypeScript unions do:
 * an enrollment's status and next kind, a campaign's status, and a log row's kind for its type (an action's
 * kind is a step kind; an event is accepted, replied or restricted, with no result). PostgreSQL gets CHECK
 * constraints; SQLite, which cannot add one to an existing table, gets triggers that abort the same writes.
 * Written to run again over itself (a test may roll the later migrations back and forth).
 */
import { sql, type Kysely, type Migration } from "kysely";
import type { StoreDialect } from "../store-context.js";

// The values as of this migration (core/enrollment/transition.ts, core/model.ts, store.ts).
const STEP_KINDS = "'visit', 'connect', 'message', 'withdraw'";
const CHECKS: Array<{ table: string; name: string; columns: string[]; rule: string }> = [
  {
    table: "enrollments",
    name: "enrollments_status_known",
    columns: ["status"],
    rule: "status IN ('ready', 'in_flight', 'invited', 'done')",
  },
  {
    table: "enrollments",
    name: "enrollments_next_kind_known",
    columns: ["next_kind"],
    rule: `next_kind IS NULL OR next_kind IN (${STEP_KINDS})`,
  },
  { table: "campaigns", name: "campaigns_status_known", columns: ["status"], rule: "status IN ('active', 'paused')" },
  {
    table: "log",
    name: "log_kind_fits_type",
    columns: ["type", "kind", "result"],
    rule: `(type = 'action' AND kind IN (${STEP_KINDS})) OR (type = 'event' AND kind IN ('accepted', 'replied', 'restricted') AND result IS NULL)`,
  },
];

export function statusChecksMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      for (const c of CHECKS) {
        if (dialect === "postgres") {
          await sql
            .raw(`ALTER TABLE ${c.table} DROP CONSTRAINT IF EXISTS ${c.name}, ADD CONSTRAINT ${c.name} CHECK (${c.rule})`)
            .execute(db);
          continue;
        }
        const abort = `SELECT RAISE(ABORT, '${c.table}: ${c.name.replace(`${c.table}_`, "").replace(/_/g, " ")} (CHECK ${c.rule.replace(/'/g, "''")})')`;
        await sql
          .raw(
            `CREATE TRIGGER IF NOT EXISTS ${c.name}_insert BEFORE INSERT ON ${c.table} WHEN NOT (${rowRule(c.rule, c.columns)}) BEGIN ${abort}; END`,
          )
          .execute(db);
        await sql
          .raw(
            `CREATE TRIGGER IF NOT EXISTS ${c.name}_update BEFORE UPDATE OF ${c.columns.join(", ")} ON ${c.table} WHEN NOT (${rowRule(c.rule, c.columns)}) BEGIN ${abort}; END`,
          )
          .execute(db);
      }
    },
  };
}

/** The rule on the row being written: each column as NEW.column. */
function rowRule(rule: string, columns: string[]): string {
  return columns.reduce((r, col) => r.replace(new RegExp(`\\b(?<!')${col}\\b(?!')`, "g"), `NEW.${col}`), rule);
}
