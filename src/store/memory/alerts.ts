/** AlertStore of the memory store (../alerts.ts is the SQL one): not written yet, each method throws. */
import type { AlertStore } from "../alerts.js";
import type { MemoryContext } from "./context.js";
import { placeholders } from "./placeholders.js";

export function alertMethods(_ctx: MemoryContext): AlertStore {
  return placeholders<AlertStore>({ recentNotifications: true });
}
