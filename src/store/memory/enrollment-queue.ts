/** QueueQueries of the memory store (../enrollment-queue.ts is the SQL one). */
import type { Store } from "../store.js";
import type { MemoryContext } from "./context.js";
import { placeholders } from "./placeholders.js";

type QueueQueries = Pick<
  Store,
  | "dueEnrollments"
  | "dueEnrollmentsByCampaign"
  | "nextReadyByKind"
  | "countVisitedAwaiting"
  | "nextReadyWithBacklog"
  | "nextReadyByAccount"
  | "setCampaignReadyAt"
  | "resumeCampaignStep"
>;

export function enrollmentQueueMethods(_ctx: MemoryContext): QueueQueries {
  return placeholders<QueueQueries>({
    dueEnrollments: true,
    dueEnrollmentsByCampaign: true,
    nextReadyByKind: true,
    countVisitedAwaiting: true,
    nextReadyWithBacklog: true,
    nextReadyByAccount: true,
    setCampaignReadyAt: true,
    resumeCampaignStep: true,
  });
}
