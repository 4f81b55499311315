/** VariantStore of the memory store (../variants.ts is the SQL one): not written yet, each method throws. */
import type { VariantStore } from "../variants.js";
import type { MemoryContext } from "./context.js";
import { placeholders } from "./placeholders.js";

export function variantMethods(_ctx: MemoryContext): VariantStore {
  return placeholders<VariantStore>({ variantTallies: true, variantWinners: true, addVariantWinner: true });
}
