/** Campaigns: a sender's sequence of steps, active or paused. Documents never change once created. */
import { LinkpaceError } from "../core/errors.js";
import { campaignFromDb, toJson } from "./rows.js";
import type { StoreContext } from "./store-context.js";
import { mapConflict } from "./store-errors.js";
import type { Store } from "./store.js";

type CampaignQueries = Pick<Store, "insertCampaign" | "getCampaign" | "getCampaignById" | "listCampaigns" | "setCampaignStatus">;

export function campaignQueries({ db }: StoreContext): CampaignQueries {
  return {
    async insertCampaign(row) {
      const what = `campaign "${row.name}" in workspace ${row.workspaceId}`;
      const existing = await db
        .selectFrom("campaigns")
        .select("id")
        .where("workspace_id", "=", row.workspaceId)
        .where("name", "=", row.name)
        .executeTakeFirst();
      if (existing) throw new LinkpaceError("conflict", `${what} already exists (choose another name)`);
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
      return campaignFromDb(inserted);
    },

    async getCampaign(workspaceId, name) {
      const r = await db
        .selectFrom("campaigns")
        .selectAll()
        .where("workspace_id", "=", workspaceId)
        .where("name", "=", name)
        .executeTakeFirst();
      return r ? campaignFromDb(r) : null;
    },

    async getCampaignById(id) {
      const r = await db.selectFrom("campaigns").selectAll().where("id", "=", id).executeTakeFirst();
      return r ? campaignFromDb(r) : null;
    },

    async listCampaigns(workspaceId) {
      const rows = await db.selectFrom("campaigns").selectAll().where("workspace_id", "=", workspaceId).orderBy("id").execute();
      return rows.map(campaignFromDb);
    },

    async setCampaignStatus(id, status) {
      await db.updateTable("campaigns").set({ status }).where("id", "=", id).execute();
    },
  };
}
