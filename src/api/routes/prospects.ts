/**
 * POST /v1/prospects/import?campaign=NAME[&dryRun=true]: the CSV is the request body (any content type the
 * CLI reads: the bytes are decoded as the CLI decodes a file). The report is the CLI's `--json` report.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { LinkpaceError } from "../../core/errors.js";
import { enrollItems, importReport } from "../../engine/import-report.js";
import { readProspectCsv } from "../../io/prospect-csv/index.js";
import type { Router } from "../router.js";
import { BoolQuery, failures, ok } from "../schemas.js";

/** A larger upload is refused with 413 (create-api.ts), split it; the CLI reads files of any size. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export function registerProspectRoutes(r: Router): void {
  r.openapi(
    createRoute({
      method: "post", path: "/v1/prospects/import", tags: ["prospects"], summary: "Import a prospect CSV into a campaign (all-or-nothing)",
      request: {
        query: z.object({
          campaign: z.string().min(1).openapi({ param: { name: "campaign", in: "query" }, example: "founders-q1" }),
          dryRun: BoolQuery.optional().openapi({ param: { name: "dryRun", in: "query" }, type: "string", enum: ["true", "false"] }),
          file: z.string().min(1).optional().openapi({ param: { name: "file", in: "query" }, description: "the file name, shown in the report" }),
        }),
        body: { required: true, content: { "text/csv": { schema: z.string().openapi({ format: "binary" }) } } },
      },
      responses: { ...ok("the import report: enrolled, rejected with line and reason, time zone sources"), ...failures(404, 413, 422) },
    }),
    async (c) => {
      const { campaign, dryRun, file = "upload.csv" } = c.req.valid("query");
      const bytes = Buffer.from(await c.req.arrayBuffer());
      if (bytes.length === 0) throw new LinkpaceError("invalid_input", "the request body is empty: send the CSV as the body", [{ where: "body", message: "empty" }]);
      const app = c.var.app;
      await app.campaign(campaign); // 404 before reading a CSV for nothing
      const csv = readProspectCsv(bytes, file);
      const results = await app.enroll(campaign, enrollItems(csv), { dryRun: dryRun === true });
      return c.json(importReport({ file, campaign, dryRun: dryRun === true, csv, results }), 200);
    },
  );
}
