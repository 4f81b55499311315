/**
 * The engine's work queue of the memory store (../enrollment-queue.ts is the SQL one), answered from the ordered
 * indexes of database.ts without scanning: enrollmentsDue ((account, status, kind) -> (ready_at, id)),
 * enrollmentsCampaignDue ((campaign, kind) -> (ready_at, id) of `ready` rows) and enrollmentsVisited (counts).
 * Rows with a null readyAt are in no ordered index: `ready_at <= now` and `IS NOT NULL` never match them.
 */
import { STEP_KINDS, type ActionKind } from "../../core/model.js";
import type { Instant } from "../../core/time.js";
import type { DueEnrollment, QueueKind } from "../store.js";
import type { MemoryContext } from "./context.js";
import { key, type EnrollmentDbRow, type MemoryDatabase } from "./database.js";
import { ascending, dueOf } from "./rows.js";
import type { SortedList } from "./indexes.js";
import { QUEUE_KINDS, type QueueQueries } from "../enrollment-queue.js";

export function enrollmentQueueMethods(ctx: MemoryContext): QueueQueries {
  return {
    dueEnrollments: (accountId, kind, now, limit) =>
      ctx.run((db) => {
        const ready = db.enrollmentsDue.group(key(accountId, "ready", kind));
        // A pending invitation whose withdrawal is due is `invited`, not `ready`: both ranges, merged by (readyAt, id).
        const ids =
          kind === "withdraw"
            ? mergeUpTo(ready, db.enrollmentsDue.group(key(accountId, "invited", kind)), now, limit)
            : (ready?.upTo(now, limit) ?? []);
        return ids.map((id) => dueOf(db, id));
      }),

    dueEnrollmentsByCampaign: (accountId, kind, now, limit) => {
      if (kind === "withdraw") {
        return Promise.reject(new Error("dueEnrollmentsByCampaign: withdrawals keep the account's order (dueEnrollments)"));
      }
      return ctx.run((db) => {
        const out: DueEnrollment[] = [];
        // ORDER BY campaign_id, ready_at, id: each campaign of the account in id order, its own earliest `limit`.
        for (const campaignId of ascending(db.campaignsByAccount.get(accountId))) {
          const due = db.enrollmentsCampaignDue.group(key(campaignId, kind))?.upTo(now, limit) ?? [];
          for (const id of due) out.push(dueOf(db, id));
        }
        return out;
      });
    },

    nextReadyByKind: (accountId) => ctx.run((db) => nextReady(db, accountId)),

    countVisitedAwaiting: (accountId, kind) => ctx.run((db) => db.enrollmentsVisited.count(key(accountId, kind))),

    nextReadyWithBacklog: (accountId, awaiting) =>
      ctx.run((db) =>
        awaiting === null
          ? { ready: nextReady(db, accountId), visitedAwaiting: null }
          : {
              ready: nextReady(db, accountId),
              visitedAwaiting: db.enrollmentsVisited.count(key(accountId, awaiting)),
              following: following(db, accountId),
            },
      ),

    nextReadyByAccount: (accountIds) => ctx.run((db) => new Map(accountIds.map((id) => [id, nextReady(db, id)]))),

    setCampaignReadyAt: (campaignId, readyAt) =>
      ctx.run((db) => {
        for (const id of [...db.enrollmentsReadyByCampaign.get(campaignId)]) db.enrollments.update(id, { ready_at: readyAt });
      }),

    resumeCampaignStep: (campaignId, step, after, now) =>
      ctx.run((db) => {
        for (const id of [...db.enrollmentsReadyByCampaign.get(campaignId)]) {
          const r = db.enrollments.get(id) as EnrollmentDbRow;
          if (r.step !== step || r.ready_at !== null) continue;
          db.enrollments.update(id, { ready_at: r.base_at + after > now ? r.base_at + after : now });
        }
      }),
  };
}

/** The earliest readyAt per kind of the account's `ready` enrollments; withdraw also counts `invited` ones. */
function nextReady(db: MemoryDatabase, accountId: number): Partial<Record<ActionKind, Instant>> {
  const next: Partial<Record<ActionKind, Instant>> = {};
  for (const kind of STEP_KINDS) {
    const ready = db.enrollmentsDue.group(key(accountId, "ready", kind))?.first()?.sort;
    const invited = kind === "withdraw" ? db.enrollmentsDue.group(key(accountId, "invited", kind))?.first()?.sort : undefined;
    const at = ready === undefined ? invited : invited === undefined ? ready : Math.min(ready, invited);
    if (at !== undefined) next[kind] = at;
  }
  return next;
}

/** The readyAt of the account's second `ready` enrollment per kind but withdraw (Store.nextReadyWithBacklog). */
function following(db: MemoryDatabase, accountId: number): Partial<Record<QueueKind, Instant>> {
  const out: Partial<Record<QueueKind, Instant>> = {};
  for (const kind of QUEUE_KINDS) {
    const second = db.enrollmentsDue.group(key(accountId, "ready", kind))?.entriesUpTo(Infinity, 2)[1];
    if (second !== undefined) out[kind] = second.sort;
  }
  return out;
}

/** Ids of two ordered ranges merged by (sort, id), sort <= max, at most `limit`. */
function mergeUpTo(a: SortedList | undefined, b: SortedList | undefined, max: number, limit: number): number[] {
  const left = a?.entriesUpTo(max, limit) ?? [];
  const right = b?.entriesUpTo(max, limit) ?? [];
  return [...left, ...right]
    .sort((x, y) => x.sort - y.sort || x.id - y.id)
    .slice(0, limit)
    .map((e) => e.id);
}
