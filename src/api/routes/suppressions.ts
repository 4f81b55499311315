/**
 * /v1/suppressions: the workspace's do-not-contact list (docs/suppression.md): a page of entries, newest first;
 * add one or many (every enrolled person they match ends `suppressed`, pending invitations are withdrawn, in
 * the same transaction: engine/suppress.ts); remove one (the people it ended stay ended).
 */
import { createRoute, z } from "@hono/zod-openapi";
import { MAX_TEMPLATE_LENGTH, MAX_URL_LENGTH } from "../../core/limits.js";
import { LinkpaceError, type ErrorIssue } from "../../core/errors.js";
import { SUPPRESSION_KINDS, suppressionValue } from "../../core/suppression/match.js";
import { addedJson, addSuppressions, removeSuppressionEntry, suppressionJson } from "../../engine/suppress.js";
import type { Router } from "../router.js";
import { failures, IdParam, ok, Page, PageQuery, strictBody } from "../schemas.js";

/** Entries one request may add; a longer list goes in several requests (or `linkpace suppress add --file`). */
export const MAX_SUPPRESSIONS_PER_REQUEST = 10_000;

const SuppressionFields = {
  id: z.number().int(),
  kind: z.enum(SUPPRESSION_KINDS as [string, ...string[]]).openapi({
    description: "profile: a profile URL; company: a company name; domain: an email or website domain; hash: an erased person's identifier",
  }),
  value: z.string().openapi({ description: "the normalised value it matches by (a hash entry: the salted SHA-256, hex)" }),
  input: z.string().openapi({ description: 'what was typed ("" for a hash entry)' }),
  reason: z.string().nullable(),
  createdAt: z.string().openapi({ description: "when it was added (UTC)" }),
};

export const SuppressionSchema = z.object(SuppressionFields).openapi("Suppression");

const SuppressionList = z.object({ suppressions: z.array(SuppressionSchema), page: Page }).openapi("SuppressionList");

const NewSuppressionEntry = strictBody({
  kind: z.enum(["profile", "company", "domain"]),
  value: z
    .string()
    .min(1)
    .max(MAX_URL_LENGTH)
    .openapi({ description: "a profile URL, a company name, or a domain (example.com, a URL or an email address)", example: "acme.com" }),
}).openapi("NewSuppressionEntry");

const NewSuppressions = strictBody({
  entries: z.array(NewSuppressionEntry).min(1).max(MAX_SUPPRESSIONS_PER_REQUEST),
  reason: z
    .string()
    .trim()
    .max(MAX_TEMPLATE_LENGTH)
    .optional()
    .openapi({ description: "why, kept with each entry (customer, competitor, asked not to be contacted…)", example: "customer" }),
}).openapi("NewSuppressions");

const SuppressionsAdded = z
  .object({
    added: z.number().int().openapi({ description: "entries new on the list" }),
    alreadyListed: z.number().int().openapi({ description: "entries given that were on the list already (left as they were)" }),
    ended: z.number().int().openapi({ description: "enrollments ended now, reason suppressed" }),
    withdrawals: z.number().int().openapi({
      description: "pending invitations whose withdrawal is due now (in the sender's working hours); they then end suppressed",
    }),
    awaitingResult: z
      .number()
      .int()
      .openapi({ description: "enrollments whose task a runner or agent holds: its result is recorded, then they end suppressed" }),
    entries: z
      .array(z.object({ ...SuppressionFields, added: z.boolean() }))
      .openapi({ description: "every entry given, in order, as on the list now" }),
  })
  .openapi("SuppressionsAdded");

const SuppressionRemoved = z.object({ removed: SuppressionSchema }).openapi("SuppressionRemoved");

export function registerSuppressionRoutes(r: Router): void {
  r.openapi(
    createRoute({
      method: "get",
      path: "/v1/suppressions",
      tags: ["suppressions"],
      summary: "The do-not-contact list, newest first",
      request: { query: PageQuery },
      responses: { ...ok("one page of the list", SuppressionList), ...failures(422) },
    }),
    async (c) => {
      const app = c.var.app;
      const q = c.req.valid("query");
      const { total, rows } = await app.store.listSuppressions(app.ctx.workspaceId, { offset: (q.page - 1) * q.perPage, limit: q.perPage });
      const next = q.page * q.perPage < total ? q.page + 1 : null;
      return c.json({ suppressions: rows.map(suppressionJson), page: { number: q.page, perPage: q.perPage, total, next } }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: "post",
      path: "/v1/suppressions",
      tags: ["suppressions"],
      summary: "Add profiles, companies or domains to the do-not-contact list; every enrolled person they match ends",
      request: { body: { required: true, content: { "application/json": { schema: NewSuppressions } } } },
      responses: { ...ok("what was added, and what it ended", SuppressionsAdded), ...failures(422) },
    }),
    async (c) => {
      const app = c.var.app;
      const body = c.req.valid("json");
      const reason = body.reason || null;
      const issues: ErrorIssue[] = [];
      const entries = body.entries.flatMap((e, i) => {
        try {
          return [{ kind: e.kind, value: suppressionValue(e.kind, e.value, "value"), input: e.value.trim(), reason }];
        } catch (err) {
          if (!(err instanceof LinkpaceError)) throw err;
          issues.push({ where: `body: entries[${i}].value`, message: err.message.replace(/^value: /, "") });
          return [];
        }
      });
      if (issues.length > 0) throw new LinkpaceError("invalid_input", "invalid do-not-contact entries", issues);
      return c.json(addedJson(await addSuppressions(app.ctx, entries)), 200);
    },
  );

  r.openapi(
    createRoute({
      method: "delete",
      path: "/v1/suppressions/{id}",
      tags: ["suppressions"],
      summary: "Take an entry off the do-not-contact list (the people it ended stay ended)",
      request: { params: IdParam },
      responses: { ...ok("the entry removed", SuppressionRemoved), ...failures(404) },
    }),
    async (c) => {
      const app = c.var.app;
      const { id } = c.req.valid("param");
      return c.json({ removed: suppressionJson(await removeSuppressionEntry(app.ctx, { id })) }, 200);
    },
  );
}
