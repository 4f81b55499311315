/**
 * Migration 010: `released_actions`, one small row per action that was handed out to a runner or an agent and
 * then put back without a result (skipped, or never taken by anyone), whose log row is deleted. A late answer
 * for it is then told what became of it (a 409) instead of that it never existed (a 404). Written in the
 * transaction that deletes the log row; an account's rows older than a month are forgotten as it writes more
 * (store/tasks.ts). Log ids are never reused on either backend, so `action_id` names one action for good.
 */
import { type Kysely, type Migration } from "kysely";
import type { StoreDialect } from "../store-context.js";

export function releasedActionsMigration(dialect: StoreDialect): Migration {
  const int = dialect === "postgres" ? "bigint" : "integer";
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("released_actions")
        .addColumn("action_id", int, (c) => c.primaryKey())
        .addColumn("workspace_id", int, (c) => c.notNull().references("workspaces.id"))
        .addColumn("account_id", int, (c) => c.notNull().references("accounts.id"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("released_at", int, (c) => c.notNull())
        .addColumn("reason", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("released_actions_account_at").on("released_actions").columns(["account_id", "released_at"]).execute();
    },
  };
}
