/**
 * Enrollments of the memory store (../enrollments.ts is the SQL one), with its invariant: at most one enrollment
 * per person per workspace is not `done` (the unique index enrollments_one_active, database.ts).
 *
 * insertEnrollments is all or nothing, in a transaction or not: a refused call writes nothing (SQLite outside a
 * transaction does the same; inside one it may keep earlier batches, which the caller must give up anyway). The
 * error names the same person and campaign as the SQL does: the first batch of ROWS_PER_INSERT rows with a
 * refused row, then its first person (by workspace, then in chunks) with an active enrollment, the smallest id.
 */
import { LinkpaceError } from "../../core/errors.js";
import { ENROLLMENT_INSERT_COLUMNS, enrollmentFromDb, enrollmentPatchToDb, enrollmentToDb } from "../rows.js";
import { chunks, MAX_PARAMS } from "../store-context.js";
import type { EnrollmentRow, NewEnrollment } from "../store.js";
import { conflict, type MemoryContext } from "./context.js";
import { key, type CampaignDbRow, type EnrollmentDbRow, type MemoryDatabase, type PersonDbRow } from "./database.js";
import { ascending, enrollmentOf } from "./rows.js";
import { activePeople, refuseTwiceInBatch, type EnrollmentQueries } from "../enrollments.js";

/** As in ../enrollments.ts: the SQL inserts in batches of this many rows, and names a holder among one batch. */
const ROWS_PER_INSERT = Math.floor(MAX_PARAMS / ENROLLMENT_INSERT_COLUMNS.length);
const PEOPLE_PER_QUERY = 500;

export function enrollmentMethods(ctx: MemoryContext): EnrollmentQueries {
  return {
    insertEnrollments: (rows) =>
      ctx.run((db) => {
        if (rows.length === 0) return [];
        refuseTwiceInBatch(rows);
        const refused = firstRefusedBatch(db, rows);
        if (refused) throw whoHoldsThem(db, refused);
        return rows.map(
          (row) => conflict("a person is already enrolled in this workspace", () => db.enrollments.insertWithId(enrollmentToDb(row))).id,
        );
      }),

    updateEnrollment: (id, patch) =>
      ctx.run((db) => {
        const set = enrollmentPatchToDb(patch) as Partial<EnrollmentDbRow>;
        if (Object.keys(set).length === 0) return;
        conflict(`enrollment ${id} cannot become active again: its person is enrolled elsewhere`, () => db.enrollments.update(id, set));
      }),

    getEnrollment: (id) => ctx.run((db) => enrollmentOf(db, id)),

    activeEnrollments: (workspaceId, personIds) =>
      ctx.run((db) => {
        const found = new Map<number, { enrollment: EnrollmentRow; campaignName: string }>();
        // In person id order, as SQLite answers an IN list from an index led by person_id (callers may iterate).
        for (const personId of ascending(new Set(personIds))) {
          const id = db.enrollmentsOneActive.get(key(workspaceId, personId));
          if (id === undefined) continue;
          const enrollment = enrollmentFromDb(db.enrollments.get(id) as EnrollmentDbRow);
          found.set(personId, { enrollment, campaignName: (db.campaigns.get(enrollment.campaignId) as CampaignDbRow).name });
        }
        return found;
      }),

    latestEnrollment: (accountId, personId) =>
      ctx.run((db) => {
        let latest: EnrollmentDbRow | undefined;
        for (const id of db.enrollmentsByPerson.get(personId)) {
          const r = db.enrollments.get(id) as EnrollmentDbRow;
          if (r.account_id !== accountId) continue;
          // ORDER BY enrolled_at DESC, id DESC LIMIT 1
          if (!latest || r.enrolled_at > latest.enrolled_at || (r.enrolled_at === latest.enrolled_at && r.id > latest.id)) latest = r;
        }
        return latest ? enrollmentFromDb(latest) : null;
      }),
  };
}

/** The first batch (as the SQL splits them) with a row whose person already has an active enrollment. */
function firstRefusedBatch(db: MemoryDatabase, rows: NewEnrollment[]): NewEnrollment[] | undefined {
  return chunks(rows, ROWS_PER_INSERT).find((batch) =>
    batch.some((r) => r.status !== "done" && db.enrollmentsOneActive.get(key(r.workspaceId, r.personId)) !== undefined),
  );
}

/** The conflict naming the first person of `rows` who already has an active enrollment. */
function whoHoldsThem(db: MemoryDatabase, rows: NewEnrollment[]): LinkpaceError {
  for (const [workspaceId, people] of activePeople(rows)) {
    for (const batch of chunks(people, PEOPLE_PER_QUERY)) {
      const held = batch
        .map((p) => db.enrollmentsOneActive.get(key(workspaceId, p)))
        .filter((id): id is number => id !== undefined)
        .sort((a, b) => a - b)[0];
      if (held === undefined) continue;
      const e = db.enrollments.get(held) as EnrollmentDbRow;
      const person = db.persons.get(e.person_id) as PersonDbRow;
      const campaign = db.campaigns.get(e.campaign_id) as CampaignDbRow;
      return new LinkpaceError(
        "conflict",
        `person ${e.person_id} (${person.display_url}) is already enrolled in campaign "${campaign.name}" (enrollment ${e.id}) in workspace ${workspaceId}`,
      );
    }
  }
  return new LinkpaceError("conflict", "a person is already enrolled in this workspace (enrollments_one_active)");
}
