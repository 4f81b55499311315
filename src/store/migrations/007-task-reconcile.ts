/**
 * Migration 007: `log.reconcile`, 0 or 1. An in-flight action that was shown to a runner or an agent and then
 * let go of, taken over after a lease ran out, or claimed again by an agent may have been performed: from then
 * on, whoever takes it is asked whether it was (store/tasks.ts takeTask), until its result is recorded.
 */
import { sql, type Kysely, type Migration } from "kysely";

export function taskReconcileMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable("log")
        .addColumn("reconcile", "integer", (c) => c.notNull().defaultTo(sql`0`))
        .execute();
    },
  };
}
