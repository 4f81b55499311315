/** What send-time learning reads, of the memory store (../invitation-outcomes.ts is the SQL one). */
import type { InvitationOutcome, InvitationOutcomeStore } from "../invitation-outcomes.js";
import type { MemoryContext } from "./context.js";
import type { LogDbRow } from "./database.js";

export function invitationOutcomeMethods(ctx: MemoryContext): InvitationOutcomeStore {
  return {
    invitationOutcomes: (workspaceId, from, to) =>
      ctx.run((db) => {
        const out: InvitationOutcome[] = [];
        if (to <= from) return out;
        // The workspace's `ok` invitations by (at, id): the span [from, to).
        for (const id of db.logInvitationsSent.group(workspaceId)?.range(from, to) ?? []) {
          const r = db.log.get(id) as LogDbRow;
          if (r.enrollment_id === null) continue;
          const e = db.enrollments.get(r.enrollment_id);
          if (!e || r.prospect_tz === null) continue; // the inner join, then the SQL's filter on the zone
          out.push({ at: r.at, prospectTz: r.prospect_tz, accepted: e.accepted_at !== null });
        }
        return out;
      }),
  };
}
