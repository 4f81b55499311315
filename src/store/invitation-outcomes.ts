/**
 * What send-time learning reads (engine/send-times.ts): the workspace's invitations that went through, sent in
 * a span of time, each with the zone it was scheduled in and whether it was accepted. The engine asks only for
 * invitations sent at least 21 days ago, whose outcome is known.
 */
import type { Instant } from "../core/time.js";
import type { StoreContext } from "./store-context.js";
import type { WorkspaceId } from "./store.js";

export interface InvitationOutcome {
  at: Instant;
  /** The zone the invitation was scheduled in (the recipient's, or the campaign's). */
  prospectTz: string;
  accepted: boolean;
}

export interface InvitationOutcomeStore {
  /** `ok` invitations sent in [from, to), in time order, with their outcome as the enrollment records it. */
  invitationOutcomes(workspaceId: WorkspaceId, from: Instant, to: Instant): Promise<InvitationOutcome[]>;
}

export function invitationOutcomeQueries(ctx: StoreContext): InvitationOutcomeStore {
  const { db } = ctx;
  return {
    async invitationOutcomes(workspaceId, from, to) {
      if (to <= from) return [];
      const rows = await db
        .selectFrom("log as l")
        .innerJoin("enrollments as e", "e.id", "l.enrollment_id")
        .select(["l.at", "l.prospect_tz", "e.accepted_at"])
        .where("l.workspace_id", "=", workspaceId)
        .where("l.at", ">=", from)
        .where("l.at", "<", to)
        .where("l.type", "=", "action")
        .where("l.kind", "=", "connect")
        .where("l.result", "=", "ok")
        .orderBy("l.at")
        .orderBy("l.id")
        .execute();
      return rows
        .filter((r) => r.prospect_tz !== null)
        .map((r) => ({ at: Number(r.at), prospectTz: r.prospect_tz as string, accepted: r.accepted_at !== null }));
    },
  };
}
