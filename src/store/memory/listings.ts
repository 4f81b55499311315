/**
 * Listings of the memory store (../listings.ts is the SQL one): the API's enrollments and a campaign preview's
 * people, newest first by id, a page at a time.
 */
import { enrollmentFromDb, personFromDb } from "../rows.js";
import type { EnrollmentWithPerson } from "../store.js";
import type { MemoryContext } from "./context.js";
import type { EnrollmentDbRow, PersonDbRow } from "./database.js";
import { enrollmentIdsOf, exportPerson } from "./selection.js";
import type { ListingQueries } from "../listings.js";

export function listingMethods(ctx: MemoryContext): ListingQueries {
  return {
    listEnrollments: (workspaceId, filter, page) =>
      ctx.run((db) => {
        const matching: EnrollmentDbRow[] = [];
        for (const id of enrollmentIdsOf(db, workspaceId, filter)) {
          const e = db.enrollments.get(id) as EnrollmentDbRow;
          if (e.workspace_id !== workspaceId) continue;
          if (filter.accountId !== undefined && e.account_id !== filter.accountId) continue;
          if (filter.campaignId !== undefined && e.campaign_id !== filter.campaignId) continue;
          if (filter.status !== undefined && e.status !== filter.status) continue;
          matching.push(e);
        }
        // The count is of the enrollments; the page, of those joined with their person (inner join), by id desc.
        const rows: EnrollmentWithPerson[] = [];
        const sorted = matching.sort((a, b) => b.id - a.id);
        let skipped = 0;
        for (const e of sorted) {
          if (rows.length >= page.limit) break;
          const p = db.persons.get(e.person_id);
          if (!p) continue;
          if (skipped < page.offset) {
            skipped++;
            continue;
          }
          rows.push({ enrollment: enrollmentFromDb(e), person: exportPerson(p) });
        }
        return { total: matching.length, rows };
      }),

    recentPeople: (workspaceId, limit) =>
      ctx.run((db) => {
        // Newest first by id: the end of the workspace's (id, id) range.
        const ids = db.personsByWorkspace.group(workspaceId)?.lastIds(limit) ?? [];
        return ids.map((id) => personFromDb(db.persons.get(id) as PersonDbRow));
      }),
  };
}
