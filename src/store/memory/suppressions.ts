/** SuppressionStore of the memory store (../suppressions.ts is the SQL one): not written yet, each method throws. */
import type { SuppressionStore } from "../suppressions.js";
import type { MemoryContext } from "./context.js";
import { placeholders } from "./placeholders.js";

export function suppressionMethods(_ctx: MemoryContext): SuppressionStore {
  return placeholders<SuppressionStore>({
    addSuppressions: true,
    listSuppressions: true,
    allSuppressions: true,
    getSuppression: true,
    findSuppression: true,
    removeSuppression: true,
    suppressionSalt: true,
    lockSuppressions: true,
    activeCandidates: true,
    activeCandidatesAmong: true,
  });
}
