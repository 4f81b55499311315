/**
 * Replies of the memory store (../replies.ts is the SQL one): one row per (account, person, at), whose text a
 * second write fills in when it was missing.
 */
import type { ReplyListRow, ReplyRow, ReplyStore } from "../replies.js";
import type { MemoryContext } from "./context.js";
import { key, type AccountDbRow, type MemoryDatabase, type PersonDbRow } from "./database.js";

type ReplyDbRow = NonNullable<ReturnType<MemoryDatabase["replies"]["get"]>>;

const fromDb = (r: ReplyDbRow): ReplyRow => ({
  id: r.id,
  workspaceId: r.workspace_id,
  accountId: r.account_id,
  personId: r.person_id,
  enrollmentId: r.enrollment_id,
  campaignId: r.campaign_id,
  logId: r.log_id,
  at: r.at,
  text: r.text,
  handledAt: r.handled_at,
  recordedAt: r.recorded_at,
});

/** A reply with its names, or null where the SQL's inner joins (account, person) would drop it. */
function listRow(db: MemoryDatabase, r: ReplyDbRow): ReplyListRow | null {
  const account = db.accounts.get(r.account_id) as AccountDbRow | undefined;
  const p = db.persons.get(r.person_id) as PersonDbRow | undefined;
  if (!account || !p) return null;
  const campaign = r.campaign_id === null ? undefined : db.campaigns.get(r.campaign_id);
  return {
    ...fromDb(r),
    accountName: account.name,
    campaignName: campaign?.name ?? null,
    person: {
      displayUrl: p.display_url,
      firstName: p.first_name,
      lastName: p.last_name,
      fullName: p.full_name,
      company: p.company,
      title: p.title,
    },
  };
}

function byKey(db: MemoryDatabase, accountId: number, personId: number, at: number): ReplyDbRow | undefined {
  const id = db.repliesByAccountPersonAt.get(key(accountId, personId, at));
  return id === undefined ? undefined : db.replies.get(id);
}

export function replyMethods(ctx: MemoryContext): ReplyStore {
  return {
    recordReply: (row) =>
      ctx.run((db) => {
        const known = byKey(db, row.accountId, row.personId, row.at);
        if (!known) {
          const inserted = db.replies.insertWithId({
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
          });
          return { reply: fromDb(inserted), created: true };
        }
        if (known.text === null && row.text !== null) {
          return { reply: fromDb(db.replies.update(known.id, { text: row.text }) as ReplyDbRow), created: false };
        }
        return { reply: fromDb(known), created: false };
      }),

    findReply: (accountId, personId, at) =>
      ctx.run((db) => {
        const r = byKey(db, accountId, personId, at);
        return r ? fromDb(r) : null;
      }),

    latestReply: (accountId, personId) =>
      ctx.run((db) => {
        let latest: ReplyDbRow | undefined;
        for (const id of db.repliesByAccountPerson.get(key(accountId, personId))) {
          const r = db.replies.get(id) as ReplyDbRow;
          // ORDER BY at DESC, id DESC LIMIT 1
          if (!latest || r.at > latest.at || (r.at === latest.at && r.id > latest.id)) latest = r;
        }
        return latest ? fromDb(latest) : null;
      }),

    fillReplyText: (id, text) =>
      ctx.run((db) => {
        const r = db.replies.get(id);
        if (!r || r.text !== null) return false;
        db.replies.update(id, { text });
        return true;
      }),

    getReply: (workspaceId, id) =>
      ctx.run((db) => {
        const r = db.replies.get(id);
        return r && r.workspace_id === workspaceId ? listRow(db, r) : null;
      }),

    setReplyHandled: (workspaceId, id, handledAt) =>
      ctx.run((db) => {
        const r = db.replies.get(id);
        if (!r || r.workspace_id !== workspaceId) return false;
        db.replies.update(id, { handled_at: handledAt });
        return true;
      }),

    listReplies: (workspaceId, filter, page) =>
      ctx.run((db) => {
        const matching: ReplyDbRow[] = [];
        for (const r of db.replies.values()) {
          if (r.workspace_id !== workspaceId) continue;
          if (filter.accountId !== undefined && r.account_id !== filter.accountId) continue;
          if (filter.campaignId !== undefined && r.campaign_id !== filter.campaignId) continue;
          if (filter.handled === true && r.handled_at === null) continue;
          if (filter.handled === false && r.handled_at !== null) continue;
          matching.push(r);
        }
        // The count has no joins; the page has the inner joins (rows of a deleted account or person drop out).
        const named = matching
          .sort((a, b) => b.at - a.at || b.id - a.id)
          .map((r) => listRow(db, r))
          .filter((r): r is ReplyListRow => r !== null);
        return { total: matching.length, rows: named.slice(page.offset, page.offset + page.limit) };
      }),
  };
}
