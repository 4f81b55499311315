/**
 * Replies people sent (migration 012): written with the `replied` event that records one (engine/replies.ts),
 * listed for the dashboard's Replies page and the API, marked handled by the owner, and read by the activity
 * export for its text column. The same reply (account, person and instant) is one row however often it is
 * learned; learning it again with a text fills in a text that was missing, never replaces one.
 */
import type { SelectQueryBuilder } from "kysely";
import type { Instant } from "../core/time.js";
import type { Database, RepliesTable } from "./schema.js";
import type { StoreContext } from "./store-context.js";
import type { WorkspaceId } from "./store.js";

export interface ReplyRow {
  id: number;
  workspaceId: WorkspaceId;
  accountId: number;
  personId: number;
  enrollmentId: number | null;
  campaignId: number | null;
  logId: number | null;
  at: Instant;
  text: string | null;
  handledAt: Instant | null;
  recordedAt: Instant;
}

export type NewReply = Omit<ReplyRow, "id" | "handledAt">;

/** A reply as the listing shows it: with its account's and campaign's names and the person's. */
export interface ReplyListRow extends ReplyRow {
  accountName: string;
  campaignName: string | null;
  person: { displayUrl: string; firstName: string; lastName: string; fullName: string | null; company: string; title: string };
}

export interface ReplyFilter {
  accountId?: number;
  campaignId?: number;
  handled?: boolean;
}

export interface ReplyStore {
  /**
   * Records a reply; the same one again (account, person, at) gives the row on record, with `text` filled in
   * when it had none. `created`: whether this call inserted it.
   */
  recordReply(row: NewReply): Promise<{ reply: ReplyRow; created: boolean }>;
  /** The reply on record from the person to the account at this instant, or null. */
  findReply(accountId: number, personId: number, at: Instant): Promise<ReplyRow | null>;
  /** The account's latest reply from the person (by at, then id), or null. */
  latestReply(accountId: number, personId: number): Promise<ReplyRow | null>;
  /** Sets the text of a reply that has none; false when it has one already (or is gone). */
  fillReplyText(id: number, text: string): Promise<boolean>;
  getReply(workspaceId: WorkspaceId, id: number): Promise<ReplyListRow | null>;
  /** Sets or clears handledAt; false when the workspace has no such reply. */
  setReplyHandled(workspaceId: WorkspaceId, id: number, handledAt: Instant | null): Promise<boolean>;
  /** One page of the workspace's replies, newest first by (at, id), and how many match. */
  listReplies(
    workspaceId: WorkspaceId,
    filter: ReplyFilter,
    page: { offset: number; limit: number },
  ): Promise<{ total: number; rows: ReplyListRow[] }>;
}

interface ReplyDbRow {
  id: number;
  workspace_id: number;
  account_id: number;
  person_id: number;
  enrollment_id: number | null;
  campaign_id: number | null;
  log_id: number | null;
  at: number;
  text: string | null;
  handled_at: number | null;
  recorded_at: number;
}

const fromDb = (r: ReplyDbRow): ReplyRow => ({
  id: Number(r.id),
  workspaceId: Number(r.workspace_id),
  accountId: Number(r.account_id),
  personId: Number(r.person_id),
  enrollmentId: r.enrollment_id === null ? null : Number(r.enrollment_id),
  campaignId: r.campaign_id === null ? null : Number(r.campaign_id),
  logId: r.log_id === null ? null : Number(r.log_id),
  at: Number(r.at),
  text: r.text,
  handledAt: r.handled_at === null ? null : Number(r.handled_at),
  recordedAt: Number(r.recorded_at),
});

export function replyQueries({ db }: StoreContext): ReplyStore {
  const matching = (workspaceId: WorkspaceId) => db.selectFrom("replies as r").where("r.workspace_id", "=", workspaceId);
  const named = (q: SelectQueryBuilder<Database & { r: RepliesTable }, "r", object>) =>
    q
      .innerJoin("accounts as a", "a.id", "r.account_id")
      .innerJoin("persons as p", "p.id", "r.person_id")
      .leftJoin("campaigns as c", "c.id", "r.campaign_id")
      .selectAll("r")
      .select([
        "a.name as account_name",
        "c.name as campaign_name",
        "p.display_url",
        "p.first_name",
        "p.last_name",
        "p.full_name",
        "p.company",
        "p.title",
      ]);
  type Listed = Awaited<ReturnType<ReturnType<typeof named>["executeTakeFirstOrThrow"]>>;
  const listRow = (r: Listed): ReplyListRow => ({
    ...fromDb(r),
    accountName: r.account_name,
    campaignName: r.campaign_name,
    person: {
      displayUrl: r.display_url,
      firstName: r.first_name,
      lastName: r.last_name,
      fullName: r.full_name,
      company: r.company,
      title: r.title,
    },
  });
  const byKey = (accountId: number, personId: number, at: Instant) =>
    db
      .selectFrom("replies")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("person_id", "=", personId)
      .where("at", "=", at)
      .executeTakeFirst();

  return {
    async recordReply(row) {
      const inserted = await db
        .insertInto("replies")
        .values({
          workspace_id: row.workspaceId,
          account_id: row.accountId,
          person_id: row.personId,
          enrollment_id: row.enrollmentId,
          campaign_id: row.campaignId,
          log_id: row.logId,
          at: row.at,
          text: row.text,
          handled_at: null,
          recorded_at: row.recordedAt,
        })
        .onConflict((oc) => oc.columns(["account_id", "person_id", "at"]).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return { reply: fromDb(inserted), created: true };
      const known = (await byKey(row.accountId, row.personId, row.at)) as ReplyDbRow;
      if (known.text === null && row.text !== null) {
        await db.updateTable("replies").set({ text: row.text }).where("id", "=", known.id).execute();
        return { reply: fromDb({ ...known, text: row.text }), created: false };
      }
      return { reply: fromDb(known), created: false };
    },

    async findReply(accountId, personId, at) {
      const r = await byKey(accountId, personId, at);
      return r ? fromDb(r) : null;
    },

    async latestReply(accountId, personId) {
      const r = await db
        .selectFrom("replies")
        .selectAll()
        .where("account_id", "=", accountId)
        .where("person_id", "=", personId)
        .orderBy("at", "desc")
        .orderBy("id", "desc")
        .limit(1)
        .executeTakeFirst();
      return r ? fromDb(r) : null;
    },

    async fillReplyText(id, text) {
      const r = await db.updateTable("replies").set({ text }).where("id", "=", id).where("text", "is", null).executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    async getReply(workspaceId, id) {
      const r = await named(matching(workspaceId).where("r.id", "=", id)).executeTakeFirst();
      return r ? listRow(r) : null;
    },

    async setReplyHandled(workspaceId, id, handledAt) {
      const r = await db
        .updateTable("replies")
        .set({ handled_at: handledAt })
        .where("workspace_id", "=", workspaceId)
        .where("id", "=", id)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    async listReplies(workspaceId, filter, page) {
      const q = matching(workspaceId)
        .$if(filter.accountId !== undefined, (q) => q.where("r.account_id", "=", filter.accountId as number))
        .$if(filter.campaignId !== undefined, (q) => q.where("r.campaign_id", "=", filter.campaignId as number))
        .$if(filter.handled === true, (q) => q.where("r.handled_at", "is not", null))
        .$if(filter.handled === false, (q) => q.where("r.handled_at", "is", null));
      const counted = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst();
      const rows = await named(q).orderBy("r.at", "desc").orderBy("r.id", "desc").limit(page.limit).offset(page.offset).execute();
      return { total: Number(counted?.n ?? 0), rows: rows.map(listRow) };
    },
  };
}
