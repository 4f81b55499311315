/**
 * The zod schemas that validate requests and, through @hono/zod-openapi, describe them in /openapi.json. Account
 * and campaign documents are validated by the same code as the CLI's files (accountDocFromObject,
 * campaignDocFromObject), so here they are described only as objects.
 */
import { z } from "@hono/zod-openapi";
import { unknownFieldsMessage } from "../core/campaign/doc-fields.js";
import { ACTION_RESULTS } from "./action-results.js";

/**
 * The schema of every JSON request body that is not a document: an object whose unknown fields are errors (a
 * misspelled optional field must not silently fall back to its default), named as documents name them.
 */
export function strictBody<S extends z.ZodRawShape>(shape: S) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? unknownFieldsMessage(issue.keys, known) : undefined),
  });
}

export const NameParam = z.object({
  name: z
    .string()
    .min(1)
    .openapi({ param: { name: "name", in: "path" }, example: "alice" }),
});
export const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: "id", in: "path" }, example: 1 }),
});

export const PageQuery = z.object({
  page: z.coerce
    .number()
    .int()
    .min(1)
    .default(1)
    .openapi({ param: { name: "page", in: "query" } }),
  perPage: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(50)
    .openapi({ param: { name: "perPage", in: "query" } }),
});

export const Page = z
  .object({ number: z.number().int(), perPage: z.number().int(), total: z.number().int(), next: z.number().int().nullable() })
  .openapi("Page");

export const Document = z
  .record(z.string(), z.unknown())
  .openapi("Document", { description: "An account or campaign document, as the CLI reads it from YAML, as JSON" });

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })),
  })
  .openapi("Problem");

export const AnyObject = z.record(z.string(), z.unknown());

export const ActionResultSchema = z.enum(ACTION_RESULTS).openapi("ActionResult");

/** The `campaign` and `account` filters of the listing and export routes (spread into their query schemas). */
export const ScopeQueryFields = {
  campaign: z
    .string()
    .min(1)
    .optional()
    .openapi({ param: { name: "campaign", in: "query" } }),
  account: z
    .string()
    .min(1)
    .optional()
    .openapi({ param: { name: "account", in: "query" } }),
};

/** A person's names in every answer that shows one (spread into the prospect's object). */
export const PersonNameFields = {
  firstName: z.string(),
  lastName: z.string(),
  fullName: z.string().openapi({ description: "the name as shown: the full name as the imported file wrote it, else first and last name" }),
};

export const BoolQuery = z.enum(["true", "false"]).transform((v) => v === "true");

/** Response entries for the usual failures of an authenticated route. */
export function failures(...statuses: number[]) {
  const descriptions: Record<number, string> = {
    401: "no credential, or an unknown or revoked token",
    403: "a write with the session cookie lacks the session's X-CSRF-Token, or comes from another origin",
    404: "not found in this workspace",
    409: "conflict with the current state",
    413: "the body is larger than the limit",
    415: "the body's Content-Type is not one this route reads",
    422: "invalid input: `errors` names each field",
    429: "rate limited: see Retry-After",
  };
  const out: Record<number, { description: string; content: { "application/problem+json": { schema: typeof Problem } } }> = {};
  for (const s of [401, 429, ...statuses])
    out[s] = { description: descriptions[s] ?? "error", content: { "application/problem+json": { schema: Problem } } };
  return out;
}

export function ok(description: string, schema: z.ZodType = AnyObject) {
  return { 200: { description, content: { "application/json": { schema } } } };
}

/** Slices a list for `?page=&perPage=`. */
export function paginate<T>(items: T[], q: { page: number; perPage: number }): { items: T[]; page: z.infer<typeof Page> } {
  const start = (q.page - 1) * q.perPage;
  const slice = items.slice(start, start + q.perPage);
  return {
    items: slice,
    page: { number: q.page, perPage: q.perPage, total: items.length, next: start + q.perPage < items.length ? q.page + 1 : null },
  };
}
