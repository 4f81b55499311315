/**
 * /v1/persons: find a person by a profile URL (their id, name, identifiers) and erase them everywhere
 * (engine/forget.ts, docs/privacy.md). The id is also on each enrollment (`personId`, GET /v1/enrollments).
 */
import { createRoute, z } from "@hono/zod-openapi";
import { MAX_URL_LENGTH } from "../../core/limits.js";
import { findPersonByUrl, forgetJson, forgetPerson } from "../../engine/forget.js";
import type { Router } from "../router.js";
import { BoolQuery, failures, IdParam, ok } from "../schemas.js";

const PersonFound = z
  .object({
    id: z.number().int(),
    name: z.string(),
    url: z.string().openapi({ description: "the profile URL shown for them" }),
    identifiers: z.array(z.string()).openapi({ description: "every canonical identifier they are known by" }),
    activeEnrollments: z.number().int().openapi({ description: "enrollments not ended yet" }),
  })
  .openapi("Person");

const Erased = z.object({
  persons: z.number().int(),
  identifiers: z.number().int(),
  enrollments: z.number().int(),
  logRows: z.number().int().openapi({ description: "log rows kept for the account's budgets, without campaign, person, prospect or text" }),
  replies: z.number().int(),
  notifications: z.number().int(),
  webhookDeliveries: z.number().int(),
  unreachable: z.number().int().openapi({ description: "import refusals that named them" }),
  suppressionEntries: z
    .number()
    .int()
    .openapi({ description: "profile entries of the do-not-contact list naming them, replaced by hashes" }),
});

const PersonErased = z
  .object({
    person: z.object({ id: z.number().int(), url: z.string() }).nullable(),
    dryRun: z.boolean(),
    erased: Erased,
    releasedTasks: z.number().int().openapi({ description: "tasks nobody held, put back unperformed first" }),
    hashes: z.object({ added: z.number().int(), alreadyListed: z.number().int() }).openapi({
      description: "their identifiers on the do-not-contact list as salted hashes",
    }),
    withdrawByHand: z
      .array(z.object({ account: z.string(), campaign: z.string(), invitedAt: z.string().nullable() }))
      .openapi({ description: "pending invitations linkpace can no longer withdraw: withdraw them by hand on LinkedIn" }),
    summary: z.string(),
  })
  .openapi("PersonErased");

export function registerPersonRoutes(r: Router): void {
  r.openapi(
    createRoute({
      method: "get",
      path: "/v1/persons",
      tags: ["persons"],
      summary: "Find a person by any profile URL of theirs (to erase them: DELETE /v1/persons/{id})",
      request: {
        query: z.object({
          url: z
            .string()
            .min(1)
            .max(MAX_URL_LENGTH)
            .openapi({ param: { name: "url", in: "query" }, example: "https://www.linkedin.com/in/jane-doe" }),
        }),
      },
      responses: { ...ok("the person", PersonFound), ...failures(404, 422) },
    }),
    async (c) => c.json(await findPersonByUrl(c.var.app.ctx, c.req.valid("query").url), 200),
  );
  r.openapi(
    createRoute({
      method: "delete",
      path: "/v1/persons/{id}",
      tags: ["persons"],
      summary: "Erase a person everywhere; their identifiers go on the do-not-contact list as salted hashes",
      description:
        "Deletes the person, their identifiers and fields, enrollments, replies, notifications (and queued webhook deliveries) and import refusals; their account's past actions stay in the log without campaign, person or text, for the budgets. A task nobody held is put back first; 409 while a runner or an agent holds a task for them. Pending invitations are listed in `withdrawByHand`: linkpace can no longer withdraw them. `dryRun=true` answers what would be erased and writes nothing.",
      request: {
        params: IdParam,
        query: z.object({
          dryRun: BoolQuery.optional().openapi({ param: { name: "dryRun", in: "query" }, type: "string", enum: ["true", "false"] }),
        }),
      },
      responses: { ...ok("what was erased", PersonErased), ...failures(404, 409, 422) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const dryRun = c.req.valid("query").dryRun === true;
      return c.json(forgetJson(await forgetPerson(c.var.app.ctx, { personId: id }, { dryRun })), 200);
    },
  );
}
