/**
 * /v1/exports/{what} and /v1/alerts: `linkpace export prospects|activity` and `linkpace alerts` over HTTP.
 * Exports are streamed: records go from the store, page by page, through the CLI's CSV or JSON writer into the
 * response, waiting for the client to read (one chunk in memory). A client that goes away stops the export.
 */
import { PassThrough, Readable } from "node:stream";
import { createRoute, z } from "@hono/zod-openapi";
import { ALERT_KINDS } from "../../core/notifications.js";
import { toAlertLine } from "../../engine/alerts.js";
import { ACTIVITY_COLUMNS, readActivityRecords, readProspectRecords } from "../../io/export-rows.js";
import { prospectRecordWriter } from "../../io/prospect-writer.js";
import { recordWriterFor, type RecordWriter } from "../../io/record-writer.js";
import type { ExportFilter } from "../../store/store.js";
import { formatInstant, parseInstant } from "../../core/time.js";
import { LinkpaceError } from "../../core/errors.js";
import type { Router } from "../router.js";
import { failures, ok, ScopeQueryFields } from "../schemas.js";

const What = z.object({ what: z.enum(["prospects", "activity"]).openapi({ param: { name: "what", in: "path" }, example: "prospects" }) });

async function pump<R>(records: AsyncIterable<R>, writer: RecordWriter<R>, out: PassThrough): Promise<void> {
  try {
    for await (const r of records) {
      if (out.destroyed) return; // the client went away
      await writer.write(r);
    }
    await writer.end();
    out.end();
  } catch (e) {
    out.destroy(e instanceof Error ? e : new Error(String(e)));
  }
}

export function registerExportRoutes(r: Router): void {
  r.openapi(
    createRoute({
      method: "get",
      path: "/v1/exports/{what}",
      tags: ["exports"],
      summary: "Prospects (one row per enrollment) or the activity log, as CSV (UTF-8 with BOM, formula-safe) or JSON, streamed",
      request: {
        params: What,
        query: z.object({
          format: z
            .enum(["csv", "json"])
            .default("csv")
            .openapi({ param: { name: "format", in: "query" } }),
          ...ScopeQueryFields,
        }),
      },
      responses: {
        200: {
          description: "the export; every column is described in docs/exports.md",
          content: { "text/csv": { schema: z.string() }, "application/json": { schema: z.object({}).passthrough() } },
        },
        ...failures(404, 422),
      },
    }),
    async (c) => {
      const app = c.var.app;
      const { what } = c.req.valid("param");
      const q = c.req.valid("query");
      const filter: ExportFilter = {
        ...(q.campaign ? { campaignId: (await app.campaign(q.campaign)).id } : {}),
        ...(q.account ? { accountId: (await app.account(q.account)).id } : {}),
      };
      const out = new PassThrough();
      if (what === "prospects") {
        const writer = await prospectRecordWriter({ store: app.store, workspaceId: app.ctx.workspaceId, filter, format: q.format, out });
        void pump(readProspectRecords(app.store, app.ctx.workspaceId, filter), writer, out);
      } else
        void pump(readActivityRecords(app.store, app.ctx.workspaceId, filter), recordWriterFor(q.format, out, what, ACTIVITY_COLUMNS), out);
      const stamp = formatInstant(app.now()).slice(0, 10);
      const headers = {
        "content-type": q.format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="linkpace-${what}-${stamp}.${q.format}"`,
      };
      return new Response(Readable.toWeb(out) as ReadableStream, { status: 200, headers }) as never;
    },
  );

  r.openapi(
    createRoute({
      method: "get",
      path: "/v1/alerts",
      tags: ["status"],
      summary: `Account health alerts, newest first (${ALERT_KINDS.join(", ")})`,
      request: {
        query: z.object({
          account: z
            .string()
            .min(1)
            .optional()
            .openapi({ param: { name: "account", in: "query" } }),
          since: z
            .string()
            .min(1)
            .optional()
            .openapi({ param: { name: "since", in: "query" }, description: "an ISO instant or date" }),
          limit: z.coerce
            .number()
            .int()
            .min(1)
            .max(1000)
            .default(100)
            .openapi({ param: { name: "limit", in: "query" } }),
        }),
      },
      responses: {
        ...ok(
          "alerts",
          z.object({
            alerts: z.array(
              z.object({
                id: z.number().int(),
                at: z.string(),
                account: z.string(),
                type: z.string(),
                message: z.string(),
                data: z.record(z.string(), z.unknown()),
              }),
            ),
          }),
        ),
        ...failures(404, 422),
      },
    }),
    async (c) => {
      const app = c.var.app;
      const q = c.req.valid("query");
      const since = q.since === undefined ? undefined : parseInstant(q.since);
      if (since === null)
        throw new LinkpaceError("invalid_input", "since: expected an ISO instant or date", [
          { where: "since", message: `expected an ISO instant or date like 2027-03-01, got "${q.since}"` },
        ]);
      const only = q.account ? await app.account(q.account) : null;
      const accounts = await app.store.listAccounts(app.ctx.workspaceId);
      const rows = await app.store.recentNotifications(app.ctx.workspaceId, {
        kinds: ALERT_KINDS,
        limit: q.limit,
        ...(only ? { accountId: only.id } : {}),
        ...(since !== undefined ? { since } : {}),
      });
      const names = new Map(accounts.map((a) => [a.id, a.name]));
      return c.json({ alerts: rows.map((n) => toAlertLine(n, names.get(n.accountId) ?? String(n.accountId))) }, 200);
    },
  );
}
