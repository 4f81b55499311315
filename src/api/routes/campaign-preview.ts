/**
 * POST /v1/campaigns/preview: a campaign definition (the document of POST /v1/campaigns, not saved) rendered
 * for real prospects, as the campaign editor shows it: each note and message with its length against the
 * account's note limit, and whether the engine would send it (engine/campaign-preview.ts).
 */
import { createRoute, z } from "@hono/zod-openapi";
import { campaignDocFromObject } from "../../core/campaign/index.js";
import { STEP_KINDS } from "../../core/model.js";
import { previewCampaign } from "../../engine/campaign-preview.js";
import type { Router } from "../router.js";
import { Document, failures, ok, PersonNameFields, strictBody } from "../schemas.js";

const StepKindSchema = z.enum(STEP_KINDS);

const PreviewBody = strictBody({
  definition: Document,
  limit: z.number().int().min(1).max(50).default(10).openapi({ description: "how many prospects (default 10)" }),
}).openapi("CampaignPreviewRequest");

export const CampaignPreviewSchema = z
  .object({
    noteLimit: z.number().int().openapi({ description: "the account's invitation note limit, in characters" }),
    steps: z.array(z.object({ step: z.number().int(), kind: StepKindSchema, template: z.string().nullable() })),
    prospects: z.array(
      z.object({
        url: z.string(),
        ...PersonNameFields,
        company: z.string(),
        title: z.string(),
        renders: z.array(
          z.object({
            step: z.number().int(),
            kind: StepKindSchema,
            text: z.string().nullable().openapi({ description: "as it would be sent; null for steps without text" }),
            chars: z.number().int().openapi({ description: "as LinkedIn counts them" }),
            sendable: z.boolean(),
            problem: z.string().nullable(),
          }),
        ),
      }),
    ),
    unsendable: z.number().int().openapi({ description: "prospects with at least one text that cannot be sent" }),
    source: z
      .enum(["campaign", "workspace"])
      .openapi({ description: "campaign: prospects of the campaign of that name; workspace: the most recent people" }),
  })
  .openapi("CampaignPreview");

export function registerCampaignPreviewRoutes(r: Router): void {
  r.openapi(
    createRoute({
      method: "post",
      path: "/v1/campaigns/preview",
      tags: ["campaigns"],
      summary: "Render a campaign definition's templates for real prospects (nothing is saved)",
      request: { body: { required: true, content: { "application/json": { schema: PreviewBody } } } },
      responses: {
        ...ok("each step's text per prospect, its length and whether it can be sent", CampaignPreviewSchema),
        ...failures(404, 422),
      },
    }),
    async (c) => {
      const app = c.var.app;
      const body = c.req.valid("json");
      const doc = campaignDocFromObject(body.definition, "body: definition");
      const account = await app.account(doc.account);
      return c.json(
        await previewCampaign(app.store, { workspaceId: app.ctx.workspaceId, doc, account: account.doc, limit: body.limit }),
        200,
      );
    },
  );
}
