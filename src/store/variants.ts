/**
 * What the engine learns from about text variants (core/campaign/variants.ts, migration 017): for a campaign's
 * actions of one kind that sent a variant, how many were sent, decided and successful, by variant and by the
 * campaign's version; and, with autoWinner, the variants found best.
 *
 * An invitation is a success when accepted, and decided when accepted, withdrawn, ended otherwise, or pending
 * `decideAfter` (21 days). A message is a success when the person's reply came after it and before any later
 * message of theirs, and decided when so, when a later message went out, when the enrollment ended, or
 * `decideAfter` after it was sent.
 *
 * `matured` counts only the actions sent at least `decideAfter` ago: every one of them is decided, whatever
 * happened, so their rate is not lifted by quick successes of recent actions whose failures are not known yet.
 * This is what the engine learns from (engine/variants.ts); the decided counts are what analytics show.
 */
import { sql } from "kysely";
import type { Instant } from "../core/time.js";
import type { StoreContext } from "./store-context.js";

export interface VariantTally {
  /** The variant's key (name and text hash). */
  variant: string;
  /** The campaign's version the actions were handed out under (null for rows logged before versions). */
  version: number | null;
  sent: number;
  decided: number;
  successes: number;
  /** Of those sent at least `decideAfter` ago (whose every outcome is known): how many, and their successes. */
  matured: number;
  maturedSuccesses: number;
}

export interface VariantStore {
  /** Per variant and version, the campaign's `ok` actions of `kind` that sent a variant (see the header). */
  variantTallies(campaignId: number, kind: "connect" | "message", opts: { now: Instant; decideAfter: number }): Promise<VariantTally[]>;
  /** The variant keys found best in this campaign (autoWinner), oldest first. */
  variantWinners(campaignId: number): Promise<string[]>;
  /** Records a winner; nothing when it is recorded already. */
  addVariantWinner(campaignId: number, variant: string, at: Instant): Promise<void>;
}

interface TallyRow {
  variant: string;
  version: number | null;
  sent: number | string;
  decided: number | string | null;
  successes: number | string | null;
  matured: number | string | null;
  matured_successes: number | string | null;
}

export function variantQueries(ctx: StoreContext): VariantStore {
  const { db } = ctx;
  return {
    async variantTallies(campaignId, kind, { now, decideAfter }) {
      const cutoff = now - decideAfter;
      const query =
        kind === "connect"
          ? sql<TallyRow>`
              SELECT l.variant AS variant, l.campaign_version AS version, COUNT(*) AS sent,
                SUM(CASE WHEN e.accepted_at IS NOT NULL OR e.withdrawn_at IS NOT NULL OR e.status = 'done' OR l.at <= ${cutoff}
                  THEN 1 ELSE 0 END) AS decided,
                SUM(CASE WHEN e.accepted_at IS NOT NULL THEN 1 ELSE 0 END) AS successes,
                SUM(CASE WHEN l.at <= ${cutoff} THEN 1 ELSE 0 END) AS matured,
                SUM(CASE WHEN l.at <= ${cutoff} AND e.accepted_at IS NOT NULL THEN 1 ELSE 0 END) AS matured_successes
              FROM log l JOIN enrollments e ON e.id = l.enrollment_id
              WHERE l.campaign_id = ${campaignId} AND l.kind = 'connect' AND l.variant IS NOT NULL AND l.type = 'action' AND l.result = 'ok'
              GROUP BY l.variant, l.campaign_version`
          : sql<TallyRow>`
              SELECT l.variant AS variant, l.campaign_version AS version, COUNT(*) AS sent,
                SUM(CASE WHEN s.success = 1 OR s.later = 1 OR s.status = 'done' OR s.at <= ${cutoff} THEN 1 ELSE 0 END) AS decided,
                SUM(s.success) AS successes,
                SUM(CASE WHEN s.at <= ${cutoff} THEN 1 ELSE 0 END) AS matured,
                SUM(CASE WHEN s.at <= ${cutoff} THEN s.success ELSE 0 END) AS matured_successes
              FROM log l JOIN (
                SELECT m.id, m.at, e.status,
                  CASE WHEN e.replied_at IS NOT NULL AND e.replied_at >= m.at AND NOT EXISTS (
                    SELECT 1 FROM log n WHERE n.enrollment_id = m.enrollment_id AND n.kind = 'message' AND n.type = 'action'
                      AND n.result = 'ok' AND n.at > m.at AND n.at <= e.replied_at) THEN 1 ELSE 0 END AS success,
                  CASE WHEN EXISTS (
                    SELECT 1 FROM log n WHERE n.enrollment_id = m.enrollment_id AND n.kind = 'message' AND n.type = 'action'
                      AND n.result = 'ok' AND n.at > m.at) THEN 1 ELSE 0 END AS later
                FROM log m JOIN enrollments e ON e.id = m.enrollment_id
                WHERE m.campaign_id = ${campaignId} AND m.kind = 'message' AND m.variant IS NOT NULL AND m.type = 'action' AND m.result = 'ok'
              ) s ON s.id = l.id
              GROUP BY l.variant, l.campaign_version`;
      const rows = (await query.execute(db)).rows;
      return rows
        .map((r) => ({
          variant: r.variant,
          version: r.version === null ? null : Number(r.version),
          sent: Number(r.sent),
          decided: Number(r.decided ?? 0),
          successes: Number(r.successes ?? 0),
          matured: Number(r.matured ?? 0),
          maturedSuccesses: Number(r.matured_successes ?? 0),
        }))
        .sort((a, b) => a.variant.localeCompare(b.variant) || (a.version ?? 0) - (b.version ?? 0));
    },

    async variantWinners(campaignId) {
      const rows = await db
        .selectFrom("variant_winners")
        .select("variant")
        .where("campaign_id", "=", campaignId)
        .orderBy("decided_at")
        .orderBy("variant")
        .execute();
      return rows.map((r) => r.variant);
    },

    async addVariantWinner(campaignId, variant, at) {
      await db
        .insertInto("variant_winners")
        .values({ campaign_id: campaignId, variant, decided_at: at })
        .onConflict((oc) => oc.columns(["campaign_id", "variant"]).doNothing())
        .execute();
    },
  };
}
