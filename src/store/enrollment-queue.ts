/**
 * The engine's work queue over enrollments: what is due for an account, and when the next thing will be.
 * These run once or more per simulated action, so each is one query answered from the index
 * enrollments_due (account_id, status, next_kind, ready_at, id) or enrollments_visited.
 */
import type { ExpressionBuilder } from "kysely";
import { STEP_KINDS, type ActionKind } from "../core/model.js";
import { enrollmentFromDb, personFromDb } from "./rows.js";
import type { Database } from "./schema.js";
import type { StoreContext } from "./store-context.js";
import type { EnrollmentStatus, Store } from "./store.js";

type QueueQueries = Pick<Store, "dueEnrollments" | "nextReadyByKind" | "countVisitedAwaiting" | "setCampaignReadyAt">;

/** The person's columns next to the enrollment's in one joined row, prefixed so that names do not clash. */
const PERSON_SELECTION = [
  "p.id as p_id",
  "p.workspace_id as p_workspace_id",
  "p.display_url as p_display_url",
  "p.first_name as p_first_name",
  "p.last_name as p_last_name",
  "p.company as p_company",
  "p.title as p_title",
  "p.location as p_location",
  "p.timezone as p_timezone",
  "p.zone_source as p_zone_source",
  "p.custom as p_custom",
  "p.member_id as p_member_id",
  "p.connected_at as p_connected_at",
  "p.connected as p_connected",
  "p.last_withdrawn_at as p_last_withdrawn_at",
  "p.created_at as p_created_at",
] as const;

export function enrollmentQueueQueries({ db }: StoreContext): QueueQueries {
  return {
    async dueEnrollments(accountId, kind, now, limit) {
      const rows = await db
        .selectFrom("enrollments as e")
        .innerJoin("persons as p", "p.id", "e.person_id")
        .selectAll("e")
        .select(PERSON_SELECTION)
        .where("e.account_id", "=", accountId)
        // A pending invitation whose withdrawal is due is `invited`, not `ready`.
        .$if(kind !== "withdraw", (q) => q.where("e.status", "=", "ready"))
        .$if(kind === "withdraw", (q) => q.where("e.status", "in", ["ready", "invited"]))
        .where("e.next_kind", "=", kind)
        .where("e.ready_at", "<=", now)
        .orderBy("e.ready_at")
        .orderBy("e.id")
        .limit(limit)
        .execute();
      return rows.map((r) => {
        const enrollment = enrollmentFromDb(r);
        const person = personFromDb({
          id: r.p_id,
          workspace_id: r.p_workspace_id,
          display_url: r.p_display_url,
          first_name: r.p_first_name,
          last_name: r.p_last_name,
          company: r.p_company,
          title: r.p_title,
          location: r.p_location,
          timezone: r.p_timezone,
          zone_source: r.p_zone_source,
          custom: r.p_custom,
          member_id: r.p_member_id,
          connected_at: r.p_connected_at,
          connected: r.p_connected,
          last_withdrawn_at: r.p_last_withdrawn_at,
          created_at: r.p_created_at,
        });
        return { enrollment, person, campaignId: enrollment.campaignId };
      });
    },

    async nextReadyByKind(accountId) {
      // One MIN per (status, kind) rather than a GROUP BY: each is a single seek in enrollments_due, where a
      // GROUP BY reads every waiting enrollment of the account (9 ms instead of 0.06 ms at 40,000 of them).
      const earliest = (eb: ExpressionBuilder<Database, never>, status: EnrollmentStatus, kind: ActionKind) =>
        eb
          .selectFrom("enrollments")
          .select((sub) => sub.fn.min("ready_at").as("at"))
          .where("account_id", "=", accountId)
          .where("status", "=", status)
          .where("next_kind", "=", kind);
      const row = await db
        .selectNoFrom((eb) => [
          ...STEP_KINDS.map((kind) => earliest(eb, "ready", kind).as(kind)),
          earliest(eb, "invited", "withdraw").as("invited_withdraw"),
        ])
        .executeTakeFirstOrThrow();
      const at = row as Record<string, number | null>;
      const next: Partial<Record<ActionKind, number>> = {};
      for (const kind of STEP_KINDS) {
        const candidates = [at[kind], kind === "withdraw" ? at.invited_withdraw : null].filter((v): v is number => typeof v === "number");
        if (candidates.length > 0) next[kind] = Math.min(...candidates);
      }
      return next;
    },

    async countVisitedAwaiting(accountId, kind) {
      const r = await db
        .selectFrom("enrollments")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("account_id", "=", accountId)
        .where("status", "=", "ready")
        .where("next_kind", "=", kind)
        .where("visited_at", "is not", null)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async setCampaignReadyAt(campaignId, readyAt) {
      await db
        .updateTable("enrollments")
        .set({ ready_at: readyAt })
        .where("campaign_id", "=", campaignId)
        .where("status", "=", "ready")
        .execute();
    },
  };
}
