/**
 * GET /v1/plan: per account, what the engine expects to release today and on the coming days (by hour of the
 * sender's day) and the suggested sittings, a forecast from the governor and the queue (engine/plan/). The
 * dashboard's Today page and the browser companion (its badge, its next sitting) read it.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { MAX_NAME_LENGTH } from "../../core/limits.js";
import { STEP_KINDS } from "../../core/model.js";
import { MINUTE } from "../../core/time.js";
import { DEFAULT_MAX_SITTING, DEFAULT_PLAN_DAYS, MAX_PLAN_DAYS } from "../../engine/plan/plan.js";
import { planFor } from "../../engine/plan/plan-json.js";
import type { Router } from "../router.js";
import { failures, ok } from "../schemas.js";
import { SittingSchema } from "./sittings.js";

const PlannedSitting = z
  .object({
    from: z.string().datetime(),
    until: z.string().datetime(),
    local: z.string().openapi({ description: "the sitting in the sender's local time", example: "09:00-09:20" }),
    tasks: z.number().int().openapi({ description: "the tasks the plan expects in it" }),
    zones: z.array(z.string()).openapi({ description: "the recipients' zones of its invitations and messages" }),
    label: z.string().openapi({ example: "Europe + US East coast" }),
  })
  // Not a named schema: used nullable (nextSitting), a named one would make every use nullable in the document.
  .openapi({ description: "a suggested sitting and the tasks the plan expects in it" });

const DayPlan = z
  .object({
    date: z.string().openapi({ description: "the sender's local date" }),
    total: z.number().int(),
    byKind: z.object(Object.fromEntries(STEP_KINDS.map((k) => [k, z.number().int()])) as Record<(typeof STEP_KINDS)[number], z.ZodNumber>),
    byHour: z.array(z.object({ hour: z.number().int().min(0).max(23), count: z.number().int() })).openapi({
      description: "the sender's local hours with something planned",
    }),
    sittings: z.array(PlannedSitting),
  })
  .openapi("DayPlan");

export const PlanSchema = z
  .object({
    at: z.string().datetime().openapi({ description: "the server's clock" }),
    accounts: z.array(
      z.object({
        account: z.string(),
        timezone: z.string(),
        pacing: z.enum(["drip", "sittings"]),
        sitting: SittingSchema.nullable(),
        dueNow: z.number().int().openapi({
          description: "sittings: the tasks a sitting started now would hand out; drip: 1 when a task is due now, else 0",
        }),
        nextSitting: PlannedSitting.nullable(),
        days: z.array(DayPlan),
      }),
    ),
  })
  .openapi("Plan");

const PlanQuery = z.object({
  account: z
    .string()
    .min(1)
    .max(MAX_NAME_LENGTH)
    .optional()
    .openapi({ param: { name: "account", in: "query" }, description: "only this account" }),
  days: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PLAN_DAYS)
    .default(DEFAULT_PLAN_DAYS)
    .openapi({ param: { name: "days", in: "query" }, description: "today and the days after it" }),
  maxSitting: z.coerce
    .number()
    .int()
    .min(5)
    .max(240)
    .default(DEFAULT_MAX_SITTING / MINUTE)
    .openapi({ param: { name: "maxSitting", in: "query" }, description: "the longest suggested sitting, in minutes" }),
});

export function registerPlanRoutes(r: Router): void {
  r.openapi(
    createRoute({
      method: "get",
      path: "/v1/plan",
      tags: ["tasks"],
      summary: "What the engine expects to release today and on the coming days, and the suggested sittings",
      description:
        "A forecast from the governor's state and the queue, as if every action succeeds: acceptances and replies that come in add messages it cannot know of.",
      request: { query: PlanQuery },
      responses: { ...ok("the plan per account", PlanSchema), ...failures(404, 422) },
    }),
    async (c) => {
      const { account, days, maxSitting } = c.req.valid("query");
      const plan = await planFor(c.var.app, { ...(account !== undefined ? { account } : {}), days, maxSitting: maxSitting * MINUTE });
      return c.json(plan, 200);
    },
  );
}
