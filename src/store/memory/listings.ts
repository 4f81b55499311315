/** Listings of the memory store (../listings.ts is the SQL one); listEnrollments is not written yet and throws. */
import { personFromDb } from "../rows.js";
import type { Store } from "../store.js";
import type { MemoryContext } from "./context.js";
import type { PersonDbRow } from "./database.js";
import { placeholders } from "./placeholders.js";

type ListingQueries = Pick<Store, "listEnrollments" | "recentPeople">;

export function listingMethods(ctx: MemoryContext): ListingQueries {
  return {
    ...placeholders<Pick<Store, "listEnrollments">>({ listEnrollments: true }),

    recentPeople: (workspaceId, limit) =>
      ctx.run((db) => {
        // Newest first by id: the end of the workspace's (id, id) range.
        const ids = [...(db.personsByWorkspace.group(workspaceId)?.idsAfter(null) ?? [])];
        return ids
          .slice(Math.max(0, ids.length - limit))
          .reverse()
          .map((id) => personFromDb(db.persons.get(id) as PersonDbRow));
      }),
  };
}
