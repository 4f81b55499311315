/** /v1/campaigns: list, create (the CLI's campaign document as JSON), show, update, pause, resume, stop, delete. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../app.js";
import { campaignDocFromObject, campaignDocToObject } from "../../core/campaign/index.js";
import { formatInstant } from "../../core/time.js";
import { deleteJson, stopJson } from "../../engine/removal-json.js";
import type { CampaignRow } from "../../store/store.js";
import type { Router } from "../router.js";
import { invalidDocument, joinWhere } from "../../core/campaign/doc-issues.js";
import { BoolQuery, Document, failures, NameParam, ok, Page, PageQuery, paginate } from "../schemas.js";
import { updateJson } from "../../engine/update-json.js";
import { CampaignDeleted, CampaignStopped, CampaignUpdated } from "./removal-schemas.js";

/** `describe`'s answer. */
const CampaignSummary = z
  .object({
    name: z.string(),
    account: z.string(),
    status: z.enum(["active", "paused", "stopped"]),
    createdAt: z.string().datetime(),
    version: z.number().int().openapi({ description: "the definition's version: 1 at creation, one more per update" }),
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
    version: row.version,
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

  r.openapi(
    createRoute({
      method: "put",
      path: "/v1/campaigns/{name}",
      tags: ["campaigns"],
      summary: "Update a campaign: the whole document (same name, same account) becomes its next version",
      description:
        "Texts, schedule, delays, priority, steps added or removed. People enrolled keep their progress: steps are matched by kind and order; someone waiting at a removed step goes on with the next one; a changed text applies to every action not handed out yet; a changed delay or schedule re-plans who waits for it; pending invitations keep their withdrawal. The templates are checked again; the answer lists people whose text would not be sendable. `dryRun=true` answers the same and writes nothing. 409: the campaign is stopped, or a task held by a runner or an agent is at a step the update removes.",
      request: {
        params: NameParam,
        query: z.object({
          dryRun: BoolQuery.optional().openapi({ param: { name: "dryRun", in: "query" }, type: "string", enum: ["true", "false"] }),
        }),
        body: { required: true, content: { "application/json": { schema: Document } } },
      },
      responses: { ...ok("what the update changed (or would)", CampaignUpdated), ...failures(404, 409, 422) },
    }),
    async (c) => {
      const app = c.var.app;
      const { name } = c.req.valid("param");
      const doc = campaignDocFromObject(c.req.valid("json"), "body");
      if (doc.name !== name)
        throw invalidDocument("body", "campaign", [
          {
            where: joinWhere("body", "name"),
            message: `must be ${JSON.stringify(name)} (the campaign in the path): a campaign cannot be renamed`,
          },
        ]);
      return c.json(updateJson(await app.updateCampaign(doc, { dryRun: c.req.valid("query").dryRun === true })), 200);
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
        responses: { ...ok("the campaign's new status"), ...failures(404, 409) },
      }),
      async (c) => {
        const row = await c.var.app.setCampaignPaused(c.req.valid("param").name, paused);
        return c.json({ campaign: { name: row.name, status: row.status } }, 200);
      },
    );
  }

  r.openapi(
    createRoute({
      method: "post",
      path: "/v1/campaigns/{name}/stop",
      tags: ["campaigns"],
      summary: "Stop a campaign for good: every enrollment ends (stopped); pending invitations are still withdrawn on schedule",
      description:
        "Nothing more is sent for the campaign except the scheduled withdrawals of its pending invitations (they protect the account); those enrollments end after their withdrawal. A task nobody held is put back unperformed; one a runner or an agent holds ends with its result. A stopped campaign cannot be resumed; it stays listed with its history until deleted. Stopping again changes nothing.",
      request: { params: NameParam },
      responses: { ...ok("what the stop did", CampaignStopped), ...failures(404) },
    }),
    async (c) => {
      return c.json(stopJson(await c.var.app.stopCampaign(c.req.valid("param").name)), 200);
    },
  );

  r.openapi(
    createRoute({
      method: "delete",
      path: "/v1/campaigns/{name}",
      tags: ["campaigns"],
      summary: "Delete a stopped campaign with nothing pending: its enrollments and texts",
      description:
        "Refused (409) unless the campaign is stopped, and while invitations are still to withdraw or tasks open: the problem says what is left and when it is due. The account's past actions stay in the log for its budgets, without campaign, person, prospect URL, note or text.",
      request: { params: NameParam },
      responses: { ...ok("what was removed", CampaignDeleted), ...failures(404, 409) },
    }),
    async (c) => {
      const name = c.req.valid("param").name;
      return c.json(deleteJson(name, await c.var.app.deleteCampaign(name)), 200);
    },
  );
}
