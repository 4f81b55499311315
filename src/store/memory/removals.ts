/**
 * What `campaign delete` and `account remove` take out of the memory database (../removals.ts is the SQL one and
 * says what goes and what stays). Deletions may scan a table; the counts are the SQL statements' row counts.
 */
import { enrollmentFromDb } from "../rows.js";
import type { RemovalStore } from "../removals.js";
import type { MemoryContext } from "./context.js";
import type { EnrollmentDbRow, MemoryDatabase } from "./database.js";
import { ascending } from "./rows.js";

/** Deletes every row whose primary key is given (a copy: deleting changes the index sets being read). */
function deleteAll(table: { delete(key: number | string): unknown }, keys: Iterable<number | string>): number {
  let n = 0;
  for (const k of [...keys]) if (table.delete(k) !== undefined) n++;
  return n;
}

/** The notifications of a campaign or an account, with their webhook deliveries first; how many notifications. */
function deleteNotifications(db: MemoryDatabase, column: "campaign_id" | "account_id", id: number): number {
  const ids = [...db.notifications.values()].filter((n) => n[column] === id).map((n) => n.id);
  for (const n of ids) deleteAll(db.webhookDeliveries, db.webhookDeliveriesByNotification.get(n));
  return deleteAll(db.notifications, ids);
}

/** Of a deleted campaign's rows, what the campaign_id of the others points at: refusals, versions, winners. */
function deleteCampaignChildren(db: MemoryDatabase, campaignId: number): void {
  deleteAll(db.unreachableProspects, db.unreachableByCampaign.get(campaignId));
  deleteAll(db.campaignVersions, db.campaignVersionsByCampaign.get(campaignId));
  deleteAll(db.variantWinners, db.variantWinnersByCampaign.get(campaignId));
}

const ANONYMOUS = { campaign_id: null, person_id: null, enrollment_id: null, prospect: null, prospect_tz: null, note: null, text: null };

export function removalMethods(ctx: MemoryContext): RemovalStore {
  return {
    openEnrollments: (workspaceId, filter) =>
      ctx.run((db) => {
        const ids =
          filter.campaignId !== undefined
            ? db.enrollmentsByCampaign.get(filter.campaignId)
            : filter.personId !== undefined
              ? db.enrollmentsByPerson.get(filter.personId)
              : filter.accountId !== undefined
                ? db.enrollmentsByAccount.get(filter.accountId)
                : [...db.enrollments.values()].map((e) => e.id);
        return ascending(ids)
          .map((id) => db.enrollments.get(id) as EnrollmentDbRow)
          .filter(
            (e) =>
              e.workspace_id === workspaceId &&
              e.status !== "done" &&
              (filter.campaignId === undefined || e.campaign_id === filter.campaignId) &&
              (filter.personId === undefined || e.person_id === filter.personId) &&
              (filter.accountId === undefined || e.account_id === filter.accountId),
          )
          .map(enrollmentFromDb);
      }),

    countOpenActions: (filter) =>
      ctx.run((db) => {
        const open =
          filter.accountId !== undefined
            ? [...db.logOpenTasks.get(filter.accountId)].map((id) => db.log.get(id))
            : [...db.log.values()].filter((r) => r.type === "action" && r.result === null);
        return open.filter((r) => filter.campaignId === undefined || r?.campaign_id === filter.campaignId).length;
      }),

    deleteCampaignRows: (campaignId) =>
      ctx.run((db) => {
        const logIds = [...db.log.values()].filter((r) => r.campaign_id === campaignId).map((r) => r.id);
        for (const id of logIds) db.log.update(id, ANONYMOUS);
        const replies = deleteAll(
          db.replies,
          [...db.replies.values()].filter((r) => r.campaign_id === campaignId).map((r) => r.id),
        );
        const notifications = deleteNotifications(db, "campaign_id", campaignId);
        const enrollments = deleteAll(db.enrollments, db.enrollmentsByCampaign.get(campaignId));
        deleteCampaignChildren(db, campaignId);
        const campaigns = db.campaigns.delete(campaignId) === undefined ? 0 : 1;
        return { enrollments, logRows: logIds.length, replies, notifications, campaigns };
      }),

    deleteAccountRows: (accountId) =>
      ctx.run((db) => {
        const campaignIds = [...db.campaignsByAccount.get(accountId)] as number[];
        const replies = deleteAll(
          db.replies,
          [...db.replies.values()].filter((r) => r.account_id === accountId).map((r) => r.id),
        );
        const notifications = deleteNotifications(db, "account_id", accountId);
        deleteAll(db.releasedActions, db.releasedByAccount.get(accountId));
        const logRows = deleteAll(db.log, db.logByAccount.get(accountId));
        const enrollments = deleteAll(db.enrollments, db.enrollmentsByAccount.get(accountId));
        for (const id of campaignIds) deleteCampaignChildren(db, id);
        const campaigns = deleteAll(db.campaigns, campaignIds);
        db.accounts.delete(accountId);
        return { enrollments, logRows, replies, notifications, campaigns };
      }),
  };
}
