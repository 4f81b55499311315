/** EnrollmentQueries of the memory store (../enrollments.ts is the SQL one). */
import type { Store } from "../store.js";
import type { MemoryContext } from "./context.js";
import { placeholders } from "./placeholders.js";

type EnrollmentQueries = Pick<Store, "insertEnrollments" | "updateEnrollment" | "getEnrollment" | "activeEnrollments" | "latestEnrollment">;

export function enrollmentMethods(_ctx: MemoryContext): EnrollmentQueries {
  return placeholders<EnrollmentQueries>({
    insertEnrollments: true,
    updateEnrollment: true,
    getEnrollment: true,
    activeEnrollments: true,
    latestEnrollment: true,
  });
}
