/** RemovalStore of the memory store (../removals.ts is the SQL one): not written yet, each method throws. */
import type { RemovalStore } from "../removals.js";
import type { MemoryContext } from "./context.js";
import { placeholders } from "./placeholders.js";

export function removalMethods(_ctx: MemoryContext): RemovalStore {
  return placeholders<RemovalStore>({ openEnrollments: true, countOpenActions: true, deleteCampaignRows: true, deleteAccountRows: true });
}
