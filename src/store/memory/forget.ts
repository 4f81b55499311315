/** ForgetStore of the memory store (../forget.ts is the SQL one): not written yet, each method throws. */
import type { ForgetStore } from "../forget.js";
import type { MemoryContext } from "./context.js";
import { placeholders } from "./placeholders.js";

export function forgetMethods(_ctx: MemoryContext): ForgetStore {
  return placeholders<ForgetStore>({ personIdentifiers: true, personEnrollments: true, erasePersonRows: true });
}
