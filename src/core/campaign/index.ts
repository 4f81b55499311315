export { parseAccountDoc, accountDocFromObject, accountDocToObject, checkCreatedDate, type AccountObject } from "./account-doc.js";
export { parseCampaignDoc, campaignDocFromObject, campaignDocToObject, type CampaignObject, type StepObject } from "./campaign-doc.js";
