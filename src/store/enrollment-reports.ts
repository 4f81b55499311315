/** Read-only views over enrollments for status reports: counts and the list of invitations sent. */
import type { EnrollmentStatus, InvitationRow, Store } from "./store.js";
import type { StoreContext } from "./store-context.js";

export type ReportQueries = Pick<Store, "enrollmentCounts" | "listInvitations">;

/** The key for `done` enrollments that have no end reason (none should). */
const NO_REASON = "unknown";

/** NULL first, then text by code unit. */
function compareGroup(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null || b === null) return a === null ? -1 : 1;
  return a < b ? -1 : 1;
}

export function enrollmentReportQueries({ db }: StoreContext): ReportQueries {
  return {
    async enrollmentCounts(filter) {
      const rows = await db
        .selectFrom("enrollments")
        .select((eb) => ["status", "end_reason", eb.fn.countAll<number>().as("n")])
        .$if(filter.accountId !== undefined, (q) => q.where("account_id", "=", filter.accountId as number))
        .$if(filter.campaignId !== undefined, (q) => q.where("campaign_id", "=", filter.campaignId as number))
        .groupBy(["status", "end_reason"])
        .execute();
      const byStatus: Record<EnrollmentStatus, number> = { ready: 0, in_flight: 0, invited: 0, done: 0 };
      const byEndReason: Record<string, number> = {};
      // In (status, end reason) order, a NULL reason first: the keys of byEndReason come out in the same order on
      // every backend (PostgreSQL's hashed GROUP BY has none of its own).
      rows.sort((a, b) => compareGroup(a.status, b.status) || compareGroup(a.end_reason, b.end_reason));
      for (const r of rows) {
        const n = Number(r.n);
        const status = r.status as EnrollmentStatus;
        byStatus[status] = (byStatus[status] ?? 0) + n;
        if (status !== "done") continue;
        const reason = r.end_reason ?? NO_REASON;
        byEndReason[reason] = (byEndReason[reason] ?? 0) + n;
      }
      return { byStatus, byEndReason };
    },

    async listInvitations(workspaceId, filter) {
      const rows = await db
        .selectFrom("enrollments as e")
        .innerJoin("campaigns as c", "c.id", "e.campaign_id")
        .innerJoin("accounts as a", "a.id", "e.account_id")
        .innerJoin("persons as p", "p.id", "e.person_id")
        .select([
          "e.id",
          "c.name as campaign_name",
          "a.name as account_name",
          "e.person_id",
          "p.display_url",
          "p.first_name",
          "p.last_name",
          "p.full_name",
          "p.company",
          "p.title",
          "e.invited_at",
          "e.invite_note",
          "e.accepted_at",
          "e.replied_at",
          "e.withdrawn_at",
          "e.end_reason",
          "e.status",
          "e.next_kind",
          "e.ready_at",
        ])
        .where("e.workspace_id", "=", workspaceId)
        .where("e.invited_at", "is not", null)
        .$if(filter.accountId !== undefined, (q) => q.where("e.account_id", "=", filter.accountId as number))
        .$if(filter.campaignId !== undefined, (q) => q.where("e.campaign_id", "=", filter.campaignId as number))
        .orderBy("e.invited_at", "desc")
        .orderBy("e.id", "desc")
        .execute();
      return rows.map((r): InvitationRow => ({
        enrollmentId: r.id,
        campaignName: r.campaign_name,
        accountName: r.account_name,
        personId: r.person_id,
        displayUrl: r.display_url,
        firstName: r.first_name,
        lastName: r.last_name,
        fullName: r.full_name,
        company: r.company,
        title: r.title,
        invitedAt: r.invited_at as number,
        inviteNote: r.invite_note,
        acceptedAt: r.accepted_at,
        repliedAt: r.replied_at,
        withdrawnAt: r.withdrawn_at,
        endReason: r.end_reason,
        status: r.status as EnrollmentStatus,
        withdrawalAt: r.status === "invited" && r.next_kind === "withdraw" ? r.ready_at : null,
      }));
    },
  };
}
