/**
 * Lists a user pages through (the API's enrollments, a campaign preview's people), newest first by id, one
 * page at a time with LIMIT/OFFSET: pages are small and the dashboard rarely goes deep.
 */
import { enrollmentFromDb, personFromDb } from "./rows.js";
import { PERSON_SELECTION, personOf } from "./exports.js";
import type { StoreContext } from "./store-context.js";
import type { EnrollmentStatus, EnrollmentWithPerson, Store } from "./store.js";

export type ListingQueries = Pick<Store, "listEnrollments" | "recentPeople">;

export function listingQueries({ db }: StoreContext): ListingQueries {
  return {
    async listEnrollments(workspaceId, filter, page) {
      const matching = db
        .selectFrom("enrollments as e")
        .where("e.workspace_id", "=", workspaceId)
        .$if(filter.accountId !== undefined, (q) => q.where("e.account_id", "=", filter.accountId as number))
        .$if(filter.campaignId !== undefined, (q) => q.where("e.campaign_id", "=", filter.campaignId as number))
        .$if(filter.status !== undefined, (q) => q.where("e.status", "=", filter.status as EnrollmentStatus));
      const counted = await matching.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst();
      const rows = await matching
        .innerJoin("persons as p", "p.id", "e.person_id")
        .selectAll("e")
        .select(PERSON_SELECTION)
        .orderBy("e.id", "desc")
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return {
        total: Number(counted?.n ?? 0),
        rows: rows.map((r): EnrollmentWithPerson => ({ enrollment: enrollmentFromDb(r), person: personOf(r) })),
      };
    },

    async recentPeople(workspaceId, limit) {
      const rows = await db
        .selectFrom("persons")
        .selectAll()
        .where("workspace_id", "=", workspaceId)
        .orderBy("id", "desc")
        .limit(limit)
        .execute();
      return rows.map(personFromDb);
    },
  };
}
