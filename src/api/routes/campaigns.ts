/** /v1/campaigns: list, create (the CLI's campaign document as JSON), show, pause, resume. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../app.js";
import { campaignDocFromObject, campaignDocToObject } from "../../core/campaign/index.js";
import { formatInstant } from "../../core/time.js";
import type { CampaignRow } from "../../store/store.js";
import type { Router } from "../router.js";
import { Document, failures, NameParam, ok, Page, PageQuery, paginate } from "../schemas.js";

/** `describe`'s answer. */
const CampaignSummary = z
  .object({
    name: z.string(),
    account: z.string(),
    status: z.enum(["active", "paused", "stopped"]),
    createdAt: z.string().datetime(),
    definition: Document,
    enrollments: z.object({
      active: z.number().int(),
      invited: z.number().int(),
      done: z.number().int(),
      endReasons: z.record(z.string(), z.number().int()),
    }),
  })
  .openapi("CampaignSummary");
export const CampaignList = z.object({ campaigns: z.array(CampaignSummary), page: Page }).openapi("CampaignList");
export const OneCampaign = z.object({ campaign: CampaignSummary }).openapi("OneCampaign");

async function describe(app: App, row: CampaignRow) {
  const counts = await app.store.enrollmentCounts({ campaignId: row.id });
  const by = counts.byStatus;
  return {
    name: row.name,
    account: row.doc.account,
    status: row.status,
    createdAt: formatInstant(row.createdAt),
    definition: campaignDocToObject(row.doc),
    enrollments: { active: by.ready + by.in_flight, invited: by.invited, done: by.done, endReasons: counts.byEndReason },
  };
}

export function registerCampaignRoutes(r: Router): void {
  r.openapi(
    createRoute({
      method: "get",
      path: "/v1/campaigns",
      tags: ["campaigns"],
      summary: "List campaigns with enrollment counts",
      request: { query: PageQuery },
      responses: { ...ok("campaigns, by id", CampaignList), ...failures(422) },
    }),
    async (c) => {
      const app = c.var.app;
      const { items, page } = paginate(await app.store.listCampaigns(app.ctx.workspaceId), c.req.valid("query"));
      const campaigns = [];
      for (const row of items) campaigns.push(await describe(app, row));
      return c.json({ campaigns, page }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/v1/campaigns",
      tags: ["campaigns"],
      summary: "Create a campaign (the campaign document, as JSON); templates are checked now",
      request: { body: { required: true, content: { "application/json": { schema: Document } } } },
      responses: {
        201: { description: "the campaign", content: { "application/json": { schema: OneCampaign } } },
        ...failures(404, 409, 422),
      },
    }),
    async (c) => {
      const app = c.var.app;
      const row = await app.createCampaign(campaignDocFromObject(c.req.valid("json"), "body"));
      return c.json({ campaign: await describe(app, row) }, 201);
    },
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/v1/campaigns/{name}",
      tags: ["campaigns"],
      summary: "A campaign's definition and progress",
      request: { params: NameParam },
      responses: { ...ok("the campaign", OneCampaign), ...failures(404) },
    }),
    async (c) => {
      const app = c.var.app;
      return c.json({ campaign: await describe(app, await app.campaign(c.req.valid("param").name)) }, 200);
    },
  );

  for (const [verb, paused] of [
    ["pause", true],
    ["resume", false],
  ] as const) {
    const summary = paused ? "Stop new visits, invitations and messages (withdrawals go on)" : "Resume a paused campaign";
    r.openapi(
      createRoute({
        method: "post",
        path: `/v1/campaigns/{name}/${verb}`,
        tags: ["campaigns"],
        summary,
        request: { params: NameParam },
        responses: { ...ok("the campaign's new status"), ...failures(404) },
      }),
      async (c) => {
        const row = await c.var.app.setCampaignPaused(c.req.valid("param").name, paused);
        return c.json({ campaign: { name: row.name, status: row.status } }, 200);
      },
    );
  }
}
