/** Campaigns: a sender's sequence of steps, active or paused. Documents never change once created. */
import { LinkpaceError } from "../core/errors.js";
import { runPrepared, runPreparedFirst } from "./prepared.js";
import { campaignFromDb, toJson } from "./rows.js";
import type { StoreContext } from "./store-context.js";
import { mapConflict } from "./store-errors.js";
import type { CampaignStatus, Store, WorkspaceId } from "./store.js";

type CampaignQueries = Pick<Store, "insertCampaign" | "getCampaign" | "getCampaignById" | "listCampaigns" | "setCampaignStatus">;

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
  };
}
