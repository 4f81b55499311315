/**
 * /v1/accounts/{name}/sitting: the person who does an account's tasks starts a sitting (tasks come back to back
 * until it ends, within every budget and window) or stops it. The dashboard's runner, the browser companion and
 * executors on the agent protocol that work like a person use it.
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { Sitting } from "../../core/governor/index.js";
import { formatInstant, MINUTE } from "../../core/time.js";
import type { Router } from "../router.js";
import { failures, NameParam, ok, strictBody } from "../schemas.js";

/** A sitting lasts this long unless asked otherwise. */
export const DEFAULT_SITTING_MINUTES = 30;
export const MAX_SITTING_MINUTES = 240;

export const SittingSchema = z
  .object({ from: z.string().datetime(), until: z.string().datetime() })
  // Not a named schema: used nullable, a named one would make every use nullable in the document.
  .openapi({ description: "an open sitting: tasks come back to back from `from` until `until`" });
const SittingState = z.object({ account: z.string(), sitting: SittingSchema.nullable() }).openapi("SittingState");
const StartBody = strictBody({
  minutes: z
    .number()
    .int()
    .min(1)
    .max(MAX_SITTING_MINUTES)
    .optional()
    .openapi({ description: `how long the sitting lasts from now (default ${DEFAULT_SITTING_MINUTES}); an open one is extended` }),
}).openapi("SittingStart");

export function sittingJson(sitting: Sitting | null): z.infer<typeof SittingSchema> | null {
  return sitting === null ? null : { from: formatInstant(sitting.from), until: formatInstant(sitting.until) };
}

export function registerSittingRoutes(r: Router): void {
  r.openapi(
    createRoute({
      method: "post",
      path: "/v1/accounts/{name}/sitting",
      tags: ["tasks"],
      summary: "Start a sitting: the account's due tasks come back to back until it ends",
      description:
        "Budgets, the pending cap, the note quota, warm-up and every recipient's window apply as always; only the drip pacing gives way to the account's `sittingGap`. An account whose pacing is `sittings` hands out tasks only during one.",
      request: { params: NameParam, body: { required: false, content: { "application/json": { schema: StartBody } } } },
      responses: { ...ok("the sitting now open", SittingState), ...failures(404, 422) },
    }),
    async (c) => {
      const app = c.var.app;
      const account = await app.account(c.req.valid("param").name);
      const minutes = (c.req.valid("json") as { minutes?: number } | undefined)?.minutes ?? DEFAULT_SITTING_MINUTES;
      const sitting = await app.engine.setSitting(account.id, app.now(), minutes * MINUTE);
      return c.json({ account: account.name, sitting: sittingJson(sitting) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "delete",
      path: "/v1/accounts/{name}/sitting",
      tags: ["tasks"],
      summary: "Stop the account's sitting",
      request: { params: NameParam },
      responses: { ...ok("no sitting is open", SittingState), ...failures(404) },
    }),
    async (c) => {
      const app = c.var.app;
      const account = await app.account(c.req.valid("param").name);
      await app.engine.setSitting(account.id, app.now(), 0);
      return c.json({ account: account.name, sitting: null }, 200);
    },
  );
}
