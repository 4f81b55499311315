/**
 * What `campaign delete` and `account remove` take out of the database (engine/removals.ts decides when).
 *
 * Deleting a campaign removes its enrollments, its texts (the notes and messages of its actions), the replies and
 * notifications about its people, and the refusals its imports recorded. Its account's past actions stay in the
 * log, because the governor's budgets count them: each keeps its account, instant, kind and result, and loses its
 * campaign, person, enrollment, prospect URL and zone, note and text. Removing an account removes everything of
 * it, its log included: no budget is left to count.
 */
import { sql } from "kysely";
import type { StoreContext } from "./store-context.js";
import { enrollmentFromDb } from "./rows.js";
import type { EnrollmentRow, WorkspaceId } from "./store.js";

/** How many rows a removal deleted or stripped of personal data, per table. */
export interface RemovedRows {
  enrollments: number;
  /** Log rows kept without campaign, person or text (campaign delete), or deleted (account remove). */
  logRows: number;
  replies: number;
  notifications: number;
  campaigns: number;
}

export interface RemovalStore {
  /** The enrollments not done that match (a campaign's, a person's, an account's), in id order. */
  openEnrollments(
    workspaceId: WorkspaceId,
    filter: { campaignId?: number; personId?: number; accountId?: number },
  ): Promise<EnrollmentRow[]>;
  /** Actions still in flight (no result yet) of a campaign, or of an account. */
  countOpenActions(filter: { campaignId?: number; accountId?: number }): Promise<number>;
  /** Deletes a campaign as the header says, in the caller's transaction. */
  deleteCampaignRows(campaignId: number): Promise<RemovedRows>;
  /** Deletes an account and everything of it (its campaigns too), in the caller's transaction. */
  deleteAccountRows(accountId: number): Promise<RemovedRows>;
}

export function removalQueries({ db }: StoreContext): RemovalStore {
  /** Webhook deliveries first: they point at the notifications. */
  const deleteNotifications = async (column: "campaign_id" | "account_id", id: number): Promise<number> => {
    const ids = db.selectFrom("notifications").select("id").where(column, "=", id);
    await db.deleteFrom("webhook_deliveries").where("notification_id", "in", ids).execute();
    return Number((await db.deleteFrom("notifications").where(column, "=", id).executeTakeFirst()).numDeletedRows);
  };
  const count = (r: { numDeletedRows: bigint } | { numUpdatedRows: bigint }): number =>
    Number("numDeletedRows" in r ? r.numDeletedRows : r.numUpdatedRows);

  return {
    async openEnrollments(workspaceId, filter) {
      const rows = await db
        .selectFrom("enrollments")
        .selectAll()
        .where("workspace_id", "=", workspaceId)
        .where("status", "<>", sql.lit("done"))
        .$if(filter.campaignId !== undefined, (q) => q.where("campaign_id", "=", filter.campaignId as number))
        .$if(filter.personId !== undefined, (q) => q.where("person_id", "=", filter.personId as number))
        .$if(filter.accountId !== undefined, (q) => q.where("account_id", "=", filter.accountId as number))
        .orderBy("id")
        .execute();
      return rows.map(enrollmentFromDb);
    },

    async countOpenActions(filter) {
      const r = await db
        .selectFrom("log")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("type", "=", "action")
        .where("result", "is", null)
        .$if(filter.campaignId !== undefined, (q) => q.where("campaign_id", "=", filter.campaignId as number))
        .$if(filter.accountId !== undefined, (q) => q.where("account_id", "=", filter.accountId as number))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async deleteCampaignRows(campaignId) {
      const logRows = count(
        await db
          .updateTable("log")
          .set({ campaign_id: null, person_id: null, enrollment_id: null, prospect: null, prospect_tz: null, note: null, text: null })
          .where("campaign_id", "=", campaignId)
          .executeTakeFirst(),
      );
      const replies = count(await db.deleteFrom("replies").where("campaign_id", "=", campaignId).executeTakeFirst());
      const notifications = await deleteNotifications("campaign_id", campaignId);
      await db.deleteFrom("unreachable_prospects").where("campaign_id", "=", campaignId).execute();
      const enrollments = count(await db.deleteFrom("enrollments").where("campaign_id", "=", campaignId).executeTakeFirst());
      await db.deleteFrom("campaign_versions").where("campaign_id", "=", campaignId).execute();
      await db.deleteFrom("variant_winners").where("campaign_id", "=", campaignId).execute();
      const campaigns = count(await db.deleteFrom("campaigns").where("id", "=", campaignId).executeTakeFirst());
      return { enrollments, logRows, replies, notifications, campaigns };
    },

    async deleteAccountRows(accountId) {
      const campaignIds = db.selectFrom("campaigns").select("id").where("account_id", "=", accountId);
      const replies = count(await db.deleteFrom("replies").where("account_id", "=", accountId).executeTakeFirst());
      const notifications = await deleteNotifications("account_id", accountId);
      await db.deleteFrom("released_actions").where("account_id", "=", accountId).execute();
      const logRows = count(await db.deleteFrom("log").where("account_id", "=", accountId).executeTakeFirst());
      await db.deleteFrom("unreachable_prospects").where("campaign_id", "in", campaignIds).execute();
      const enrollments = count(await db.deleteFrom("enrollments").where("account_id", "=", accountId).executeTakeFirst());
      await db.deleteFrom("campaign_versions").where("campaign_id", "in", campaignIds).execute();
      await db.deleteFrom("variant_winners").where("campaign_id", "in", campaignIds).execute();
      const campaigns = count(await db.deleteFrom("campaigns").where("account_id", "=", accountId).executeTakeFirst());
      await db.deleteFrom("accounts").where("id", "=", accountId).execute();
      return { enrollments, logRows, replies, notifications, campaigns };
    },
  };
}
