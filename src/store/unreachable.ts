/**
 * People an import refused because the campaign can never reach them (migration 006): kept per campaign so
 * that `status` and the dashboard can count them after the import's report is gone. A person counts once per
 * campaign however often the file is imported, and stops counting once enrolled in that campaign.
 */
import type { Instant } from "../core/time.js";
import { chunks, MAX_PARAMS, type StoreContext } from "./store-context.js";
import type { WorkspaceId } from "./store.js";

export interface UnreachableStore {
  /** Records (or refreshes) one refusal; `prospect` is the URL the import report named. */
  recordUnreachable(row: { workspaceId: WorkspaceId; campaignId: number; prospect: string; reason: string; at: Instant }): Promise<void>;
  /** Forgets the refusals of these URLs in this campaign (they are enrolled now). */
  forgetUnreachable(campaignId: number, prospects: readonly string[]): Promise<void>;
  /** Per account, for every id given: campaign name -> how many people its imports refused as unreachable. */
  unreachableByAccount(accountIds: readonly number[]): Promise<Map<number, Record<string, number>>>;
}

export function unreachableQueries({ db }: StoreContext): UnreachableStore {
  return {
    async recordUnreachable(row) {
      await db
        .insertInto("unreachable_prospects")
        .values({
          workspace_id: row.workspaceId,
          campaign_id: row.campaignId,
          prospect: row.prospect,
          reason: row.reason,
          refused_at: row.at,
        })
        .onConflict((oc) => oc.columns(["campaign_id", "prospect"]).doUpdateSet({ reason: row.reason, refused_at: row.at }))
        .execute();
    },

    async forgetUnreachable(campaignId, prospects) {
      for (const part of chunks([...new Set(prospects)], MAX_PARAMS - 1)) {
        await db.deleteFrom("unreachable_prospects").where("campaign_id", "=", campaignId).where("prospect", "in", part).execute();
      }
    },

    async unreachableByAccount(accountIds) {
      const out = new Map<number, Record<string, number>>(accountIds.map((id) => [id, {}]));
      if (accountIds.length === 0) return out;
      const rows = await db
        .selectFrom("unreachable_prospects as u")
        .innerJoin("campaigns as c", "c.id", "u.campaign_id")
        .select((eb) => ["c.account_id", "c.name", eb.fn.countAll<number>().as("n")])
        .where("c.account_id", "in", [...accountIds])
        .groupBy(["c.account_id", "c.name"])
        .orderBy("c.name")
        .execute();
      for (const r of rows) (out.get(Number(r.account_id)) as Record<string, number>)[r.name] = Number(r.n);
      return out;
    },
  };
}
