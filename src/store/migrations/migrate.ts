/**
 * Brings a database up to the latest schema. Migrations are listed here, not found by scanning a folder, so
 * the same code runs from src/ under Vitest and from dist/ after a build. Add a migration by appending it.
 */
import { scopedToSchema } from "./scoped-migrator-db.js";
import { Migrator, type Kysely, type Migration, type MigrationProvider } from "kysely";
import { LinkpaceError } from "../../core/errors.js";
import type { StoreDialect } from "../store-context.js";
import { initialMigration } from "./001-initial.js";
import { notificationsAndTasksMigration } from "./002-notifications-and-tasks.js";
import { webhooksMigration } from "./003-webhooks.js";
import { apiMigration } from "./004-api.js";
import { sessionsMigration } from "./005-sessions.js";
import { unreachableMigration } from "./006-unreachable.js";
import { taskReconcileMigration } from "./007-task-reconcile.js";
import { personFullNameMigration } from "./008-person-full-name.js";
import { pendingSinceMigration } from "./009-pending-since.js";
import { releasedActionsMigration } from "./010-released-actions.js";
import { statusChecksMigration } from "./011-status-checks.js";
import { repliesMigration } from "./012-replies.js";
import { suppressionsMigration } from "./013-suppressions.js";
import { stopAndDeleteMigration } from "./014-stop-and-delete.js";
import { campaignQueueMigration } from "./015-campaign-queue.js";
import { campaignVersionsMigration } from "./016-campaign-versions.js";
import { variantsMigration } from "./017-variants.js";
import { rateBucketsMigration } from "./018-rate-buckets.js";

export function migrations(dialect: StoreDialect): Record<string, Migration> {
  return {
    "001-initial": initialMigration(dialect),
    "002-notifications-and-tasks": notificationsAndTasksMigration(dialect),
    "003-webhooks": webhooksMigration(dialect),
    "004-api": apiMigration(dialect),
    "005-sessions": sessionsMigration(dialect),
    "006-unreachable": unreachableMigration(dialect),
    "007-task-reconcile": taskReconcileMigration(),
    "008-person-full-name": personFullNameMigration(),
    "009-pending-since": pendingSinceMigration(),
    "010-released-actions": releasedActionsMigration(dialect),
    "011-status-checks": statusChecksMigration(dialect),
    "012-replies": repliesMigration(dialect),
    "013-suppressions": suppressionsMigration(dialect),
    "014-stop-and-delete": stopAndDeleteMigration(dialect),
    "015-campaign-queue": campaignQueueMigration(),
    "016-campaign-versions": campaignVersionsMigration(dialect),
    "017-variants": variantsMigration(dialect),
    "018-rate-buckets": rateBucketsMigration(dialect),
  };
}

/**
 * `schema` (PostgreSQL) is where the tables and Kysely's bookkeeping live. Kysely looks for its own tables in
 * every schema unless told which one, and would take another schema's for ours; on PostgreSQL its questions
 * about what exists are asked of that schema only (scoped-migrator-db.ts).
 */
export async function migrateToLatest(db: Kysely<unknown>, opts: { dialect: StoreDialect; schema?: string; where: string }): Promise<void> {
  const { dialect, schema, where } = opts;
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  const scoped = schema !== undefined && dialect === "postgres" ? scopedToSchema(db, schema) : db;
  const migrator = new Migrator({ db: scoped, provider, ...(schema !== undefined ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error === undefined) return;
  const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "(before any migration ran)";
  const reason = error instanceof Error ? error.message : String(error);
  throw new LinkpaceError("internal", `${where}: migration ${failed} failed: ${reason}`);
}
