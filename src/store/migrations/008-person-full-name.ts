/**
 * Migration 008: `persons.full_name`, the person's name as the source wrote it in a full-name column
 * (PhantomBuster's `fullName`, a plain `name`), or null when the first and last names say it all. Names are
 * shown as written: "李伟" is not turned into "伟 李" from its first and last names.
 */
import type { Kysely, Migration } from "kysely";

export function personFullNameMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("persons").addColumn("full_name", "text").execute();
    },
  };
}
