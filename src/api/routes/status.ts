/**
 * /v1/status: per account, today's and the rolling week's usage against budgets, pending, acceptance, next action,
 * and the prospects its campaigns' imports refused as unreachable.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { STEP_KINDS } from "../../core/model.js";
import { formatInstant } from "../../core/time.js";
import { accountStatuses, unreachableCounts } from "../../engine/account-status.js";
import { statusJson } from "../../engine/status-json.js";
import type { Router } from "../router.js";
import { failures, ok } from "../schemas.js";

/** AccountStatus with instants as ISO strings and unlimited budgets as null (shared with the CLI's --json). */
export { statusJson };

const StepKindSchema = z.enum(STEP_KINDS);
const Usage = z.object({ used: z.number().int(), budget: z.number().int().nullable().openapi({ description: "null: unlimited" }) });

/** One account's status (statusJson), as GET /v1/status and GET /v1/accounts/{name} answer it. */
export const AccountStatusSchema = z
  .object({
    name: z.string(),
    type: z.string(),
    timezone: z.string(),
    today: z.object({ invites: Usage, messages: Usage, visits: Usage }),
    week: z.object({ invites: Usage, learned: z.boolean() }),
    notes: z.object({ used: z.number().int(), perMonth: z.number().int().nullable(), blocked: z.boolean() }),
    pending: z.object({ count: z.number().int(), max: z.number().int() }),
    acceptance: z.object({ rate: z.number().nullable(), decided: z.number().int() }),
    paused: z.object({ until: z.string().datetime(), reason: z.string() }).nullable(),
    warmup: z.string().nullable().openapi({ description: "why today's invitation cap is below the full one (warm-up), or null" }),
    next: z.object({ kind: StepKindSchema, at: z.string().datetime(), waitsFor: z.string().nullable() }).nullable(),
    limitSignals: z.number().int(),
    unreachable: z
      .object({ count: z.number().int(), campaigns: z.record(z.string(), z.number().int()) })
      .optional()
      .openapi({
        description: "GET /v1/status only: prospects its campaigns' imports refused as never reachable, in all and per campaign",
      }),
  })
  .openapi("AccountStatus");

export const StatusSchema = z
  .object({ at: z.string().datetime().openapi({ description: "the server's clock" }), accounts: z.array(AccountStatusSchema) })
  .openapi("Status");

export function registerStatusRoutes(r: Router): void {
  r.openapi(
    createRoute({
      method: "get",
      path: "/v1/status",
      tags: ["status"],
      summary: "Every account's budgets, pending invitations, acceptance and next action",
      request: {
        query: z.object({
          account: z
            .string()
            .min(1)
            .optional()
            .openapi({ param: { name: "account", in: "query" } }),
        }),
      },
      responses: { ...ok("status per account", StatusSchema), ...failures(404, 422) },
    }),
    async (c) => {
      const app = c.var.app;
      const { account } = c.req.valid("query");
      const rows = account ? [await app.account(account)] : await app.store.listAccounts(app.ctx.workspaceId);
      const now = app.now();
      const unreachable = await unreachableCounts(app.store, rows);
      const accounts = (await accountStatuses(app.store, rows, now)).map((s, i) => ({ ...statusJson(s), unreachable: unreachable[i] }));
      return c.json({ at: formatInstant(now), accounts }, 200);
    },
  );
}
