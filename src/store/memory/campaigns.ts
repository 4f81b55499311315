/** CampaignQueries of the memory store (../campaigns.ts is the SQL one). */
import type { Store } from "../store.js";
import type { MemoryContext } from "./context.js";
import { placeholders } from "./placeholders.js";

type CampaignQueries = Pick<
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

export function campaignMethods(_ctx: MemoryContext): CampaignQueries {
  return placeholders<CampaignQueries>({
    insertCampaign: true,
    getCampaign: true,
    getCampaignById: true,
    listCampaigns: true,
    setCampaignStatus: true,
    updateCampaignDoc: true,
    campaignVersion: true,
    listCampaignVersions: true,
  });
}
