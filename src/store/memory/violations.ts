/**
 * What the in-memory database (tables.ts, indexes.ts) refuses, as the SQL backends' constraints would: the
 * memory store's counterparts of their errors, and the primary key that names a row.
 */

/** A primary key: the id of tables with one, else a composite key built by the table (see database.ts). */
export type Key = number | string;

/** A unique constraint refused a write: the memory store's counterpart of SQLSTATE 23505 (see conflict() in context.ts). */
export class UniqueViolation extends Error {
  constructor(readonly constraint: string) {
    super(`UNIQUE constraint failed: ${constraint}`);
  }
}

/** A CHECK constraint refused a write (the SQL backends' CHECK constraints and triggers, migration 011). */
export class CheckViolation extends Error {
  constructor(
    table: string,
    readonly constraint: string,
  ) {
    super(`${table}: CHECK ${constraint} failed`);
  }
}

/** A foreign key refused a write: a child naming a parent that does not exist, or a parent still named by a child. */
export class ForeignKeyViolation extends Error {
  constructor(readonly constraint: string) {
    super(`FOREIGN KEY constraint failed: ${constraint}`);
  }
}
