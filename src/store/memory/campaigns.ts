/** Campaigns and their versions, of the memory store (../campaigns.ts is the SQL one). */
import { LinkpaceError } from "../../core/errors.js";
import type { CampaignDoc } from "../../core/model.js";
import { campaignFromDb, toJson } from "../rows.js";
import { conflict, type MemoryContext } from "./context.js";
import { key, type CampaignDbRow, type CampaignVersionDbRow, type MemoryDatabase } from "./database.js";
import type { CampaignQueries } from "../campaigns.js";

const byName = (db: MemoryDatabase, workspaceId: number, name: string) => {
  const id = db.campaignsByName.get(key(workspaceId, name));
  return id === undefined ? undefined : db.campaigns.get(id);
};

export function campaignMethods(ctx: MemoryContext): CampaignQueries {
  return {
    insertCampaign: (row) =>
      ctx.run((db) => {
        const what = `campaign "${row.name}" in workspace ${row.workspaceId}`;
        if (byName(db, row.workspaceId, row.name)) throw new LinkpaceError("conflict", `${what} already exists (choose another name)`);
        const inserted = conflict(`${what} already exists`, () =>
          db.campaigns.insertWithId({
            workspace_id: row.workspaceId,
            name: row.name,
            account_id: row.accountId,
            doc: toJson(row.doc),
            status: row.status,
            created_at: row.createdAt,
            version: 1,
          }),
        );
        db.campaignVersions.insert({ campaign_id: inserted.id, version: 1, doc: inserted.doc, created_at: row.createdAt });
        return campaignFromDb(inserted);
      }),

    getCampaign: (workspaceId, name) =>
      ctx.run((db) => {
        const r = byName(db, workspaceId, name);
        return r ? campaignFromDb(r) : null;
      }),

    getCampaignById: (id) =>
      ctx.run((db) => {
        const r = db.campaigns.get(id);
        return r ? campaignFromDb(r) : null;
      }),

    listCampaigns: (workspaceId) =>
      ctx.run((db) =>
        [...db.campaignsByWorkspace.get(workspaceId)]
          .sort((a, b) => (a as number) - (b as number))
          .map((id) => campaignFromDb(db.campaigns.get(id) as CampaignDbRow)),
      ),

    setCampaignStatus: (id, status) =>
      ctx.run((db) => {
        db.campaigns.update(id, { status });
      }),

    updateCampaignDoc: (id, doc, version, at) =>
      ctx.run((db) => {
        const current = db.campaigns.get(id);
        if (!current || current.version !== version - 1) {
          throw new LinkpaceError("conflict", `campaign ${id} changed meanwhile (expected version ${version - 1}): try again`);
        }
        const json = toJson(doc);
        const updated = db.campaigns.update(id, { doc: json, version }) as CampaignDbRow;
        conflict(`campaign ${id} version ${version}`, () =>
          db.campaignVersions.insert({ campaign_id: id, version, doc: json, created_at: at }),
        );
        return campaignFromDb(updated);
      }),

    campaignVersion: (id) => ctx.run((db) => db.campaigns.get(id)?.version ?? null),

    listCampaignVersions: (id) =>
      ctx.run((db) =>
        [...db.campaignVersionsByCampaign.get(id)]
          .map((k) => db.campaignVersions.get(k) as CampaignVersionDbRow)
          .sort((a, b) => a.version - b.version)
          .map((r) => ({ campaignId: r.campaign_id, version: r.version, doc: JSON.parse(r.doc) as CampaignDoc, createdAt: r.created_at })),
      ),
  };
}
