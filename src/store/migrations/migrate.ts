/**
 * Brings a database up to the latest schema. Migrations are listed here, not found by scanning a folder, so
 * the same code runs from src/ under Vitest and from dist/ after a build. Add a migration by appending it.
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from "kysely";
import { LinkpaceError } from "../../core/errors.js";
import type { StoreDialect } from "../store-context.js";
import { initialMigration } from "./001-initial.js";

export function migrations(dialect: StoreDialect): Record<string, Migration> {
  return {
    "001-initial": initialMigration(dialect),
  };
}

export async function migrateToLatest(db: Kysely<unknown>, dialect: StoreDialect, where: string): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error === undefined) return;
  const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "(before any migration ran)";
  const reason = error instanceof Error ? error.message : String(error);
  throw new LinkpaceError("internal", `${where}: migration ${failed} failed: ${reason}`);
}
