/** UnreachableStore of the memory store (../unreachable.ts is the SQL one): not written yet, each method throws. */
import type { UnreachableStore } from "../unreachable.js";
import type { MemoryContext } from "./context.js";
import { placeholders } from "./placeholders.js";

export function unreachableMethods(_ctx: MemoryContext): UnreachableStore {
  return placeholders<UnreachableStore>({ recordUnreachable: true, forgetUnreachable: true, unreachableByAccount: true });
}
