/**
 * /v1/analytics: what the dashboard charts. An account: invitations per account-local day (a day's `accepted`
 * and `withdrawn` count that day's invitations, whenever they were decided), its acceptance and warm-up. A
 * campaign: its funnel, outcomes by step and invitations by the recipient's hour. Every acceptance rate is over
 * decided invitations: accepted, declined, withdrawn, or pending for 21 days (core/acceptance.ts). The counting
 * is core/analytics; engine/analytics.ts reads the rows. A campaign's answer is split by version too
 * (engine/version-analytics.ts) and by variant (engine/variant-analytics.ts).
 */
import { createRoute, z } from "@hono/zod-openapi";
import { FUNNEL_STAGES } from "../../core/analytics/index.js";
import { STEP_KINDS } from "../../core/model.js";
import { accountAnalytics } from "../../engine/analytics.js";
import type { Router } from "../router.js";
import { failures, NameParam, ok } from "../schemas.js";

const Rate = z.number().nullable().openapi({ description: "a fraction 0..1; null when there is nothing to divide by" });
const Decided = z
  .number()
  .int()
  .openapi({ description: "invitations accepted, declined, withdrawn, or pending for 21 days or more: what an acceptance rate is over" });
const StepKindSchema = z.enum(STEP_KINDS);
const VariantCountsShape = {
  sent: z.number().int(),
  decided: z.number().int().openapi({
    description: "invitations decided as for an acceptance rate; messages replied to, followed by another, ended, or 14 days old",
  }),
  successes: z.number().int(),
};

export const AccountAnalytics = z
  .object({
    account: z.string(),
    timezone: z.string(),
    days: z
      .array(
        z.object({
          date: z.string().openapi({ description: "YYYY-MM-DD in the account's zone", example: "2027-03-01" }),
          invited: z.number().int(),
          accepted: z.number().int().openapi({ description: "of that day's invitations, how many were accepted (whenever)" }),
          withdrawn: z.number().int().openapi({ description: "of that day's invitations, how many were withdrawn (whenever)" }),
          decided: Decided,
          rate: Rate.openapi({ description: "accepted over decided" }),
        }),
      )
      .openapi({ description: "oldest first, one entry per day, the last one today" }),
    acceptance: z.object({ rate: Rate, decided: Decided }).openapi({ description: "over the latest 100 decided invitations" }),
    warmup: z.object({
      active: z.boolean(),
      day: z.number().int().nullable().openapi({ description: "the ramp's day while active (1: the first day linkpace acted)" }),
      dailyCap: z.number().int().openapi({ description: "today's invitation cap" }),
      fullDailyCap: z.number().int().openapi({ description: "today's invitation cap without the warm-up ramp" }),
      why: z.string().nullable(),
    }),
  })
  .openapi("AccountAnalytics");

export const CampaignAnalytics = z
  .object({
    campaign: z.string(),
    funnel: z
      .array(z.object({ stage: z.enum(FUNNEL_STAGES), count: z.number().int(), base: z.number().int().nullable(), rate: Rate }))
      .openapi({
        description:
          "rate: count over base, null for enrolled and for a stage without a step. accepted's base is the decided invitations; any other stage's is the previous stage the campaign has steps for, plus those who got to this stage without it (connections skip the invitation; a note can be answered before any message)",
      }),
    bySteps: z.array(
      z.object({
        step: z.number().int(),
        kind: StepKindSchema,
        reached: z.number().int().openapi({ description: "enrollments this step became due for" }),
        outcome: z.enum(["visited", "accepted", "replied", "withdrawn"]),
        outcomeCount: z.number().int(),
        base: z
          .number()
          .int()
          .openapi({ description: "what rate is over: a connect's decided invitations, a message step's messages sent, else reached" }),
        rate: Rate,
      }),
    ),
    byHour: z
      .array(
        z.object({
          hour: z.number().int().min(0).max(23),
          invited: z.number().int(),
          accepted: z.number().int(),
          decided: Decided,
          rate: Rate,
          learned: Rate.openapi({
            description:
              "the acceptance send-time learning has learnt for this recipient hour across the workspace (shrunk toward the average while data is thin); null until 100 invitations 21 days old are known",
          }),
        }),
      )
      .openapi({ description: "24 entries: the hour of the recipient's day each invitation was sent at" }),
    versions: z
      .array(
        z.object({
          version: z.number().int(),
          from: z.string().openapi({ description: "when this version took effect" }),
          sent: z.record(StepKindSchema, z.number().int()).openapi({ description: "actions done under this version, by kind" }),
          accepted: z.number().int().openapi({ description: "acceptances of invitations sent under this version" }),
          replied: z.number().int().openapi({ description: "replies after an action of this version (the last before the reply)" }),
        }),
      )
      .openapi({
        description: "the campaign's versions (campaign update), oldest first, each with what was sent under it and what followed",
      }),
    variants: z
      .array(
        z.object({
          step: z.number().int(),
          kind: z.enum(["connect", "message"]),
          outcome: z
            .enum(["accepted", "replied"])
            .openapi({ description: "what a success is: an invitation accepted, a message replied to" }),
          variants: z.array(
            z.object({
              name: z.string(),
              key: z.string().openapi({ description: "name#hash of the text: a variant whose text is edited is another one" }),
              state: z.enum(["active", "paused", "retired"]).openapi({ description: "retired: no longer in the definition" }),
              winner: z.boolean().openapi({ description: "found best with autoWinner: the only one sent while active" }),
              ...VariantCountsShape,
              rate: Rate.openapi({ description: "successes over decided" }),
              low: Rate.openapi({ description: "the 95% interval's low end (Beta posterior)" }),
              high: Rate.openapi({ description: "the 95% interval's high end" }),
              probabilityBest: Rate.openapi({ description: "the probability of being the best of the step's active variants" }),
              byVersion: z.array(z.object({ version: z.number().int().nullable(), ...VariantCountsShape })),
            }),
          ),
        }),
      )
      .openapi({ description: "each step with variants, each variant with what it got (empty without variants)" }),
  })
  .openapi("CampaignAnalytics");

export function registerAnalyticsRoutes(r: Router): void {
  r.openapi(
    createRoute({
      method: "get",
      path: "/v1/analytics/accounts/{name}",
      tags: ["analytics"],
      summary: "An account's invitations and acceptance per day, and its warm-up",
      request: {
        params: NameParam,
        query: z.object({
          days: z.coerce
            .number()
            .int()
            .min(1)
            .max(365)
            .default(28)
            .openapi({ param: { name: "days", in: "query" }, example: 28 }),
        }),
      },
      responses: { ...ok("the account's daily series, acceptance and warm-up", AccountAnalytics), ...failures(404, 422) },
    }),
    async (c) => {
      const app = c.var.app;
      const account = await app.account(c.req.valid("param").name);
      return c.json(await accountAnalytics(app.store, account, { now: app.now(), days: c.req.valid("query").days }), 200);
    },
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/v1/analytics/campaigns/{name}",
      tags: ["analytics"],
      summary: "A campaign's funnel, outcomes by step and by the recipient's hour",
      request: { params: NameParam },
      responses: { ...ok("the campaign's funnel, steps and hours", CampaignAnalytics), ...failures(404) },
    }),
    async (c) => {
      const app = c.var.app;
      return c.json(await app.campaignStats(c.req.valid("param").name), 200);
    },
  );
}
