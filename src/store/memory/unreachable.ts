/** People an import refused as unreachable, of the memory store (../unreachable.ts is the SQL one). */
import type { UnreachableStore } from "../unreachable.js";
import { compareText, type MemoryContext } from "./context.js";
import { key, type CampaignDbRow } from "./database.js";

export function unreachableMethods(ctx: MemoryContext): UnreachableStore {
  return {
    recordUnreachable: (row) =>
      ctx.run((db) => {
        // INSERT … ON CONFLICT (campaign_id, prospect) DO UPDATE: one row per person and campaign.
        const known = db.unreachableByCampaignProspect.get(key(row.campaignId, row.prospect));
        if (known !== undefined) {
          db.unreachableProspects.update(known, { reason: row.reason, refused_at: row.at });
          return;
        }
        db.unreachableProspects.insertWithId({
          workspace_id: row.workspaceId,
          campaign_id: row.campaignId,
          prospect: row.prospect,
          reason: row.reason,
          refused_at: row.at,
        });
      }),

    forgetUnreachable: (campaignId, prospects) =>
      ctx.run((db) => {
        for (const prospect of new Set(prospects)) {
          const known = db.unreachableByCampaignProspect.get(key(campaignId, prospect));
          if (known !== undefined) db.unreachableProspects.delete(known);
        }
      }),

    unreachableByAccount: (accountIds) =>
      ctx.run((db) => {
        const out = new Map<number, Record<string, number>>(accountIds.map((id) => [id, {}]));
        const counts = new Map<number, Map<string, number>>();
        for (const accountId of new Set(accountIds)) {
          for (const campaignId of db.campaignsByAccount.get(accountId)) {
            const n = db.unreachableByCampaign.count(campaignId);
            if (n === 0) continue;
            const names = counts.get(accountId) ?? new Map<string, number>();
            counts.set(accountId, names);
            const name = (db.campaigns.get(campaignId) as CampaignDbRow).name;
            names.set(name, (names.get(name) ?? 0) + n);
          }
        }
        // ORDER BY c.name: each account's record lists its campaigns by name.
        for (const [accountId, names] of counts) {
          const record = out.get(accountId) as Record<string, number>;
          for (const name of [...names.keys()].sort(compareText)) record[name] = names.get(name) as number;
        }
        return out;
      }),
  };
}
