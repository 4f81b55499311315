/**
 * Campaigns: a sender's sequence of steps, active, paused or stopped. A document changes only by an update, which
 * numbers it (campaigns.version) and keeps every version (campaign_versions, migration 016).
 */
import { LinkpaceError } from "../core/errors.js";
import type { CampaignDoc } from "../core/model.js";
import { runPrepared, runPreparedFirst } from "./prepared.js";
import { campaignFromDb, toJson } from "./rows.js";
import type { StoreContext } from "./store-context.js";
import { mapConflict } from "./store-errors.js";
import type { CampaignStatus, Store, WorkspaceId } from "./store.js";

export type CampaignQueries = Pick<
  Store,
  | "insertCampaign"
  | "getCampaign"
  | "getCampaignById"
  | "listCampaigns"
  | "setCampaignStatus"
  | "updateCampaignDoc"
  | "campaignVersion"
  | "listCampaignVersions"
>;

export function campaignQueries(ctx: StoreContext): CampaignQueries {
  const { db } = ctx;
  const byName = (workspaceId: WorkspaceId, name: string) =>
    runPreparedFirst(
      ctx,
      "campaign.byName",
      (w: number, n: string) => db.selectFrom("campaigns").selectAll().where("workspace_id", "=", w).where("name", "=", n),
      workspaceId,
      name,
    );

  return {
    async insertCampaign(row) {
      const what = `campaign "${row.name}" in workspace ${row.workspaceId}`;
      if (await byName(row.workspaceId, row.name)) throw new LinkpaceError("conflict", `${what} already exists (choose another name)`);
      const inserted = await mapConflict(`${what} already exists`, () =>
        db
          .insertInto("campaigns")
          .values({
            workspace_id: row.workspaceId,
            name: row.name,
            account_id: row.accountId,
            doc: toJson(row.doc),
            status: row.status,
            created_at: row.createdAt,
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      await db
        .insertInto("campaign_versions")
        .values({ campaign_id: inserted.id, version: 1, doc: inserted.doc, created_at: row.createdAt })
        .execute();
      return campaignFromDb(inserted);
    },

    async getCampaign(workspaceId, name) {
      const r = await byName(workspaceId, name);
      return r ? campaignFromDb(r) : null;
    },

    async getCampaignById(id) {
      const r = await runPreparedFirst(ctx, "campaign.byId", (i: number) => db.selectFrom("campaigns").selectAll().where("id", "=", i), id);
      return r ? campaignFromDb(r) : null;
    },

    async listCampaigns(workspaceId) {
      const rows = await db.selectFrom("campaigns").selectAll().where("workspace_id", "=", workspaceId).orderBy("id").execute();
      return rows.map(campaignFromDb);
    },

    async setCampaignStatus(id, status) {
      await runPrepared(
        ctx,
        "campaign.setStatus",
        (i: number, s: CampaignStatus) => db.updateTable("campaigns").set({ status: s }).where("id", "=", i),
        id,
        status,
      );
    },

    async updateCampaignDoc(id, doc, version, at) {
      const json = toJson(doc);
      const updated = await db
        .updateTable("campaigns")
        .set({ doc: json, version })
        .where("id", "=", id)
        .where("version", "=", version - 1)
        .returningAll()
        .executeTakeFirst();
      if (!updated) throw new LinkpaceError("conflict", `campaign ${id} changed meanwhile (expected version ${version - 1}): try again`);
      await db.insertInto("campaign_versions").values({ campaign_id: id, version, doc: json, created_at: at }).execute();
      return campaignFromDb(updated);
    },

    async campaignVersion(id) {
      const r = await runPreparedFirst(
        ctx,
        "campaign.version",
        (i: number) => db.selectFrom("campaigns").select("version").where("id", "=", i),
        id,
      );
      return r ? r.version : null;
    },

    async listCampaignVersions(id) {
      const rows = await db.selectFrom("campaign_versions").selectAll().where("campaign_id", "=", id).orderBy("version").execute();
      return rows.map((r) => ({
        campaignId: r.campaign_id,
        version: r.version,
        doc: JSON.parse(r.doc) as CampaignDoc,
        createdAt: r.created_at,
      }));
    },
  };
}
