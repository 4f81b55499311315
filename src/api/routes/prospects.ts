/**
 * POST /v1/prospects/import?campaign=NAME[&dryRun=true]: the CSV is the request body (Content-Type text/csv or
 * another CSV type), or the file of a multipart form (upload-body.ts); the bytes are decoded as the CLI
 * decodes a file. The report is the CLI's `--json` report. Reading and enrolling pause between chunks of rows,
 * so a million-row import does not stall the server, and stop when the client goes away.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { importReport } from "../../engine/import-report.js";
import { readProspectCsvInChunks } from "../../io/prospect-csv/index.js";
import { pauseForOthers } from "../pause-for-others.js";
import type { Router } from "../router.js";
import { BoolQuery, failures, ok } from "../schemas.js";
import { CSV_UPLOAD, FILE_FORM, readUpload } from "../upload-body.js";

/** importReport's answer (`linkpace prospects import --json`). */
export const CsvImportReport = z
  .object({
    file: z.string(),
    format: z.string(),
    encoding: z.string(),
    delimiter: z.string(),
    campaign: z.string(),
    dryRun: z.boolean(),
    enrolled: z.number().int(),
    rejected: z.number().int(),
    zoneSources: z.record(z.string(), z.number().int()).openapi({ description: "enrolled prospects by where their time zone came from" }),
    rejects: z.array(
      z.object({
        line: z.number().int(),
        reason: z.string(),
        raw: z
          .string()
          .optional()
          .openapi({ description: "the record as written in the file (possibly truncated), for rows the CSV reader refused" }),
      }),
    ),
  })
  .openapi("CsvImportReport");

/** A larger upload is refused with 413 (create-api.ts), split it; the CLI reads files of any size. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export function registerProspectRoutes(r: Router): void {
  r.openapi(
    createRoute({
      method: "post",
      path: "/v1/prospects/import",
      tags: ["prospects"],
      summary: "Import a prospect CSV into a campaign (all-or-nothing)",
      request: {
        query: z.object({
          campaign: z
            .string()
            .min(1)
            .openapi({ param: { name: "campaign", in: "query" }, example: "founders-q1" }),
          dryRun: BoolQuery.optional().openapi({ param: { name: "dryRun", in: "query" }, type: "string", enum: ["true", "false"] }),
          file: z
            .string()
            .min(1)
            .optional()
            .openapi({ param: { name: "file", in: "query" }, description: "the file name, shown in the report" }),
        }),
        body: {
          required: true,
          content: { "text/csv": { schema: z.string().openapi({ format: "binary" }) }, "multipart/form-data": { schema: FILE_FORM } },
        },
      },
      responses: {
        ...ok("the import report: enrolled, rejected with line and reason, time zone sources", CsvImportReport),
        ...failures(404, 413, 415, 422),
      },
    }),
    async (c) => {
      const { campaign, dryRun } = c.req.valid("query");
      const upload = await readUpload(c, CSV_UPLOAD);
      const file = c.req.valid("query").file ?? upload.fileName ?? "upload.csv";
      const app = c.var.app;
      await app.campaign(campaign); // 404 before reading a CSV for nothing
      const pause = pauseForOthers(c.req.raw.signal);
      const csv = await readProspectCsvInChunks(upload.bytes, file, { pause });
      // The accepted rows are enrollment items as they are: no copy of a million objects in one go.
      const results = await app.enroll(campaign, csv.rows, { dryRun: dryRun === true, pause });
      return c.json(importReport({ file, campaign, dryRun: dryRun === true, csv, results }), 200);
    },
  );
}
