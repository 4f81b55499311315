/**
 * Read-only queries for `linkpace export`, of the memory store (../exports.ts is the SQL one): a page at a time
 * after a key of the last row seen. People and the log come in key order from their indexes (personsByWorkspace,
 * logVisible); enrollments from the narrowest group index, the page's ids picked without sorting the rest.
 */
import { enrollmentFromDb, logFromDb } from "../rows.js";
import type { ActivityExportRow, ExportFilter, ProspectExportRow } from "../store.js";
import type { MemoryContext } from "./context.js";
import type { EnrollmentDbRow, LogDbRow, MemoryDatabase, PersonDbRow } from "./database.js";
import { ascendingLazily, enrollmentIdsOf, exportPerson } from "./selection.js";
import type { ExportQueries } from "../exports.js";

function matches(e: EnrollmentDbRow, filter: ExportFilter): boolean {
  return (
    (filter.accountId === undefined || e.account_id === filter.accountId) &&
    (filter.campaignId === undefined || e.campaign_id === filter.campaignId)
  );
}

/** The workspace's people with id > afterId, in id order. */
function peopleAfter(db: MemoryDatabase, workspaceId: number, afterId: number): Iterable<number> {
  return db.personsByWorkspace.group(workspaceId)?.idsAfter({ sort: afterId, id: afterId }) ?? [];
}

export function exportMethods(ctx: MemoryContext): ExportQueries {
  return {
    exportEnrollments: (workspaceId, filter, afterId, limit) =>
      ctx.run((db) => {
        const out: ProspectExportRow[] = [];
        if (limit <= 0) return out;
        const later: number[] = [];
        for (const id of enrollmentIdsOf(db, workspaceId, filter)) if (id > afterId) later.push(id);
        for (const id of ascendingLazily(later, limit)) {
          const e = db.enrollments.get(id) as EnrollmentDbRow;
          if (e.workspace_id !== workspaceId || !matches(e, filter)) continue;
          const p = db.persons.get(e.person_id);
          if (!p) continue; // the inner join
          out.push({ person: exportPerson(p), enrollment: enrollmentFromDb(e) });
          if (out.length >= limit) break;
        }
        return out;
      }),

    exportUnenrolled: (workspaceId, afterId, limit) =>
      ctx.run((db) => {
        const out: ProspectExportRow[] = [];
        if (limit <= 0) return out;
        for (const id of peopleAfter(db, workspaceId, afterId)) {
          if (db.enrollmentsByPerson.count(id) > 0) continue;
          out.push({ person: exportPerson(db.persons.get(id) as PersonDbRow), enrollment: null });
          if (out.length >= limit) break;
        }
        return out;
      }),

    exportCustomFields: (workspaceId, filter, afterId, limit) =>
      ctx.run((db) => {
        const out: Array<{ id: number; custom: Record<string, string> }> = [];
        if (limit <= 0) return out;
        const filtered = filter.accountId !== undefined || filter.campaignId !== undefined;
        for (const id of peopleAfter(db, workspaceId, afterId)) {
          const p = db.persons.get(id) as PersonDbRow;
          if (p.custom === "{}") continue;
          if (filtered && ![...db.enrollmentsByPerson.get(id)].some((e) => matches(db.enrollments.get(e) as EnrollmentDbRow, filter)))
            continue;
          out.push({ id, custom: JSON.parse(p.custom) as Record<string, string> });
          if (out.length >= limit) break;
        }
        return out;
      }),

    exportActivity: (workspaceId, filter, after, limit) =>
      ctx.run((db) => {
        const out: ActivityExportRow[] = [];
        const visible = db.logVisible.group(workspaceId);
        if (!visible || limit <= 0) return out;
        for (const id of visible.idsAfter(after === null ? null : { sort: after.at, id: after.id })) {
          const l = db.log.get(id) as LogDbRow;
          if (filter.accountId !== undefined && l.account_id !== filter.accountId) continue;
          if (filter.campaignId !== undefined && l.campaign_id !== filter.campaignId) continue;
          const account = db.accounts.get(l.account_id);
          if (!account) continue; // the inner join
          const campaign = l.campaign_id === null ? undefined : db.campaigns.get(l.campaign_id);
          const person = l.person_id === null ? undefined : db.persons.get(l.person_id);
          const row = {
            ...logFromDb(l),
            accountName: account.name,
            campaignName: campaign?.name ?? null,
            firstName: person?.first_name ?? null,
            lastName: person?.last_name ?? null,
            fullName: person?.full_name ?? null,
          };
          // The left join on replies.log_id: a row per reply of this line (in id order), one with null when none.
          const replies = [...db.repliesByLog.get(id)].map(Number).sort((a, b) => a - b);
          for (const replyId of replies.length === 0 ? [null] : replies) {
            out.push({ ...row, replyText: replyId === null ? null : (db.replies.get(replyId)?.text ?? null) });
            if (out.length >= limit) return out;
          }
        }
        return out;
      }),
  };
}
