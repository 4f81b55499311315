/** Reads shared by the memory store's concept modules: stored rows to the Store's rows (copies, via ../rows.ts). */
import { enrollmentFromDb, personFromDb } from "../rows.js";
import type { DueEnrollment, EnrollmentRow, PersonRow } from "../store.js";
import type { EnrollmentDbRow, MemoryDatabase, PersonDbRow } from "./database.js";

export function personOf(db: MemoryDatabase, id: number): PersonRow | null {
  const r = db.persons.get(id);
  return r ? personFromDb(r) : null;
}

export function enrollmentOf(db: MemoryDatabase, id: number): EnrollmentRow | null {
  const r = db.enrollments.get(id);
  return r ? enrollmentFromDb(r) : null;
}

/** A due enrollment with its person (the inner join of the SQL: an enrollment's person always exists). */
export function dueOf(db: MemoryDatabase, id: number): DueEnrollment {
  const enrollment = enrollmentFromDb(db.enrollments.get(id) as EnrollmentDbRow);
  const person = personFromDb(db.persons.get(enrollment.personId) as PersonDbRow);
  return { enrollment, person, campaignId: enrollment.campaignId };
}

/** Numeric keys of an index group in ascending order (ids: the SQL's ORDER BY id). */
export function ascending(keys: Iterable<number | string>): number[] {
  return [...keys].map(Number).sort((a, b) => a - b);
}
