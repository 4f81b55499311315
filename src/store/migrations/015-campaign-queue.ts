/**
 * Migration 015: the index behind Store.dueEnrollmentsByCampaign, which gives each campaign of an account its own
 * earliest due enrollments so that the account's budgets can be shared among its campaigns
 * (core/governor/fair-share.ts): one index range per (campaign, status, kind), in (readyAt, id) order, however
 * long another campaign's backlog. It replaces enrollments_campaign (campaign_id, status), its prefix, which
 * served counts and updates by campaign and still does through this one. Campaigns get an index by account: the
 * query starts from the account's campaigns.
 *
 * Written to run again over itself (a test may roll the later migrations back and forth).
 */
import { type Kysely, type Migration } from "kysely";

export function campaignQueueMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createIndex("enrollments_campaign_due")
        .ifNotExists()
        .on("enrollments")
        .columns(["campaign_id", "status", "next_kind", "ready_at", "id"])
        .execute();
      await db.schema.dropIndex("enrollments_campaign").ifExists().execute();
      await db.schema.createIndex("campaigns_account").ifNotExists().on("campaigns").columns(["account_id", "id"]).execute();
    },
  };
}
