/** ReportQueries of the memory store (../enrollment-reports.ts is the SQL one): not written yet, each method throws. */
import type { Store } from "../store.js";
import type { MemoryContext } from "./context.js";
import { placeholders } from "./placeholders.js";

type ReportQueries = Pick<Store, "enrollmentCounts" | "listInvitations">;

export function enrollmentReportMethods(_ctx: MemoryContext): ReportQueries {
  return placeholders<ReportQueries>({ enrollmentCounts: true, listInvitations: true });
}
