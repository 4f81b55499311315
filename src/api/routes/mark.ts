/**
 * POST /v1/mark: an outcome learned outside linkpace, as `linkpace mark --json` records it (engine/mark.ts).
 * "nothing" (no pending invitation or enrollment to apply it to) is a 200 with that status: the CLI exits 1 on
 * it, HTTP returns it as data.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { isLinkpaceError, LinkpaceError } from "../../core/errors.js";
import { MAX_NAME_LENGTH, MAX_REPLY_LENGTH, MAX_SECRET_LENGTH, MAX_URL_LENGTH } from "../../core/limits.js";
import { parseInstant } from "../../core/time.js";
import { MARK_OUTCOMES } from "../../engine/mark.js";
import type { Router } from "../router.js";
import { failures, ok, strictBody } from "../schemas.js";

const MarkBody = strictBody({
  person: z
    .string()
    .min(1)
    .max(MAX_URL_LENGTH)
    .openapi({ description: "any profile URL of the person", example: "https://www.linkedin.com/in/jane-doe" }),
  outcome: z.enum(MARK_OUTCOMES),
  at: z
    .string()
    .max(MAX_SECRET_LENGTH)
    .refine((v) => parseInstant(v) !== null, { message: "expected an ISO 8601 instant like 2027-03-01T09:00:00Z" })
    .optional()
    .openapi({ description: "when it happened (default: now)" }),
  account: z
    .string()
    .min(1)
    .max(MAX_NAME_LENGTH)
    .optional()
    .openapi({ description: "the account concerned (default: the one that has this person in a campaign)" }),
  text: z
    .string()
    .max(MAX_REPLY_LENGTH)
    .optional()
    .openapi({ description: "replied: the reply's text, as pasted (kept in the replies, the activity export and the webhook)" }),
}).openapi("Mark");

export const MarkResultSchema = z
  .object({
    status: z.enum(["applied", "already", "nothing"]),
    recorded: z.enum(MARK_OUTCOMES),
    person: z.string(),
    account: z.string().nullable(),
    campaign: z.string().nullable(),
    at: z.string(),
    message: z.string(),
    reply: z
      .object({ id: z.number().int(), text: z.string().nullable() })
      .optional()
      .openapi({ description: "replied, when a reply is on record: the one kept (its id in GET /v1/replies) and its text" }),
  })
  .openapi("MarkResult");

/** markPerson speaks the CLI's language (`--at`, `--account`); here its input errors name the body's fields. */
function asBodyError(e: unknown): unknown {
  if (!isLinkpaceError(e) || e.code !== "invalid_input" || e.issues.length > 0) return e;
  const field = e.message.startsWith("--at ")
    ? "at"
    : e.message.startsWith("--text")
      ? "text"
      : e.message.includes("--account")
        ? "account"
        : "person";
  const message = e.message
    .replace(/^--at /, "at ")
    .replace(/^--text/, "text")
    .replace("with --account", 'with "account"');
  return new LinkpaceError("invalid_input", message, [{ where: `body: ${field}`, message }]);
}

export function registerMarkRoutes(r: Router): void {
  r.openapi(
    createRoute({
      method: "post",
      path: "/v1/mark",
      tags: ["outcomes"],
      summary: "Record an outcome learned outside linkpace: accepted, replied, declined, connected",
      request: { body: { required: true, content: { "application/json": { schema: MarkBody } } } },
      responses: { ...ok("applied, already on record, or nothing to apply it to", MarkResultSchema), ...failures(404, 422) },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const at = body.at === undefined ? undefined : (parseInstant(body.at) as number);
      try {
        const result = await c.var.app.mark({
          person: body.person,
          outcome: body.outcome,
          ...(at !== undefined ? { at } : {}),
          ...(body.account !== undefined ? { account: body.account } : {}),
          ...(body.text !== undefined ? { text: body.text } : {}),
        });
        return c.json(result, 200);
      } catch (e) {
        throw asBodyError(e);
      }
    },
  );
}
