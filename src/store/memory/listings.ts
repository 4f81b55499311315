/** ListingQueries of the memory store (../listings.ts is the SQL one): not written yet, each method throws. */
import type { Store } from "../store.js";
import type { MemoryContext } from "./context.js";
import { placeholders } from "./placeholders.js";

type ListingQueries = Pick<Store, "listEnrollments" | "recentPeople">;

export function listingMethods(_ctx: MemoryContext): ListingQueries {
  return placeholders<ListingQueries>({ listEnrollments: true, recentPeople: true });
}
