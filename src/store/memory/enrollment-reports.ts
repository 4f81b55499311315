/**
 * Read-only views over enrollments for status reports, of the memory store (../enrollment-reports.ts is the SQL
 * one): counts by status and end reason, and the invitations sent. Reports may scan a campaign's, an account's or
 * a workspace's enrollments.
 */
import type { EnrollmentCounts, EnrollmentStatus, InvitationRow } from "../store.js";
import { compareText, type MemoryContext } from "./context.js";
import type { EnrollmentDbRow } from "./database.js";
import { enrollmentIdsOf } from "./selection.js";
import type { ReportQueries } from "../enrollment-reports.js";

/** The key for `done` enrollments that have no end reason (none should), as in the SQL module. */
const NO_REASON = "unknown";

/** GROUP BY status, end_reason comes out in that order on SQLite (NULL first): so do the keys of byEndReason. */
function byReason(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return compareText(a, b);
}

export function enrollmentReportMethods(ctx: MemoryContext): ReportQueries {
  return {
    enrollmentCounts: (filter) =>
      ctx.run((db): EnrollmentCounts => {
        const byStatus: Record<EnrollmentStatus, number> = { ready: 0, in_flight: 0, invited: 0, done: 0 };
        const done = new Map<string | null, number>();
        for (const id of enrollmentIdsOf(db, null, filter)) {
          const e = db.enrollments.get(id) as EnrollmentDbRow;
          if (filter.accountId !== undefined && e.account_id !== filter.accountId) continue;
          if (filter.campaignId !== undefined && e.campaign_id !== filter.campaignId) continue;
          byStatus[e.status] = (byStatus[e.status] ?? 0) + 1;
          if (e.status === "done") done.set(e.end_reason, (done.get(e.end_reason) ?? 0) + 1);
        }
        const byEndReason: Record<string, number> = {};
        for (const reason of [...done.keys()].sort(byReason)) {
          const key = reason ?? NO_REASON;
          byEndReason[key] = (byEndReason[key] ?? 0) + (done.get(reason) as number);
        }
        return { byStatus, byEndReason };
      }),

    listInvitations: (workspaceId, filter) =>
      ctx.run((db) => {
        const rows: InvitationRow[] = [];
        for (const id of enrollmentIdsOf(db, workspaceId, filter)) {
          const e = db.enrollments.get(id) as EnrollmentDbRow;
          if (e.workspace_id !== workspaceId || e.invited_at === null) continue;
          if (filter.accountId !== undefined && e.account_id !== filter.accountId) continue;
          if (filter.campaignId !== undefined && e.campaign_id !== filter.campaignId) continue;
          const c = db.campaigns.get(e.campaign_id);
          const a = db.accounts.get(e.account_id);
          const p = db.persons.get(e.person_id);
          if (!c || !a || !p) continue; // the inner joins
          rows.push({
            enrollmentId: e.id,
            campaignName: c.name,
            accountName: a.name,
            personId: e.person_id,
            displayUrl: p.display_url,
            firstName: p.first_name,
            lastName: p.last_name,
            fullName: p.full_name,
            company: p.company,
            title: p.title,
            invitedAt: e.invited_at,
            inviteNote: e.invite_note,
            acceptedAt: e.accepted_at,
            repliedAt: e.replied_at,
            withdrawnAt: e.withdrawn_at,
            endReason: e.end_reason,
            status: e.status,
            withdrawalAt: e.status === "invited" && e.next_kind === "withdraw" ? e.ready_at : null,
          });
        }
        return rows.sort((x, y) => y.invitedAt - x.invitedAt || y.enrollmentId - x.enrollmentId);
      }),
  };
}
