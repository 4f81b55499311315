/** ExportQueries of the memory store (../exports.ts is the SQL one): not written yet, each method throws. */
import type { Store } from "../store.js";
import type { MemoryContext } from "./context.js";
import { placeholders } from "./placeholders.js";

type ExportQueries = Pick<Store, "exportEnrollments" | "exportUnenrolled" | "exportCustomFields" | "exportActivity">;

export function exportMethods(_ctx: MemoryContext): ExportQueries {
  return placeholders<ExportQueries>({ exportEnrollments: true, exportUnenrolled: true, exportCustomFields: true, exportActivity: true });
}
