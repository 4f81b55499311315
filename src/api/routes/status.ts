/**
 * /v1/status: per account, today's and the rolling week's usage against budgets, pending, acceptance, next action,
 * and the prospects its campaigns' imports refused as unreachable.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { formatInstant } from "../../core/time.js";
import { accountStatuses, unreachableCounts } from "../../engine/account-status.js";
import { statusJson } from "../../engine/status-json.js";
import type { Router } from "../router.js";
import { failures, ok } from "../schemas.js";

/** AccountStatus with instants as ISO strings and unlimited budgets as null (shared with the CLI's --json). */
export { statusJson };

export function registerStatusRoutes(r: Router): void {
  r.openapi(
    createRoute({
      method: "get", path: "/v1/status", tags: ["status"], summary: "Every account's budgets, pending invitations, acceptance and next action",
      request: { query: z.object({ account: z.string().min(1).optional().openapi({ param: { name: "account", in: "query" } }) }) },
      responses: { ...ok("status per account"), ...failures(404, 422) },
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
