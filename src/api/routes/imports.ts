/**
 * POST /v1/imports/linkedin-archive?account=NAME[&dryRun=true][&file=NAME]: LinkedIn's data export (the zip)
 * as the request body or the file of a multipart form (upload-body.ts), applied as `linkpace import
 * linkedin-archive --json` applies it, with the same report. The upload limit is the CSV import's (create-api.ts).
 */
import { createRoute, z } from "@hono/zod-openapi";
import { archiveReport } from "../../engine/archive-report.js";
import { isLinkpaceError, LinkpaceError } from "../../core/errors.js";
import { readLinkedInArchiveZip } from "../../io/linkedin-archive/index.js";
import type { Router } from "../router.js";
import { BoolQuery, failures, ok } from "../schemas.js";
import { FILE_FORM, readUpload, ZIP_UPLOAD } from "../upload-body.js";

export const ARCHIVE_IMPORT_PATH = "/v1/imports/linkedin-archive";

const ArchiveProblem = z.object({
  file: z.string(),
  line: z.number().int().openapi({ description: "0: the file as a whole" }),
  reason: z.string(),
});

export const ArchiveReport = z
  .object({
    file: z.string(),
    account: z.string(),
    dryRun: z.boolean(),
    connections: z.number().int(),
    accepted: z.number().int(),
    alreadyConnected: z.number().int(),
    invitationsAdopted: z.number().int(),
    adoptedInto: z
      .array(z.object({ campaign: z.string(), invitations: z.number().int() }))
      .openapi({ description: "where the adopted invitations went, by campaign" }),
    replies: z.number().int(),
    messagesSeen: z.number().int(),
    suppressed: z.number().int().openapi({
      description:
        "people on the do-not-contact list whom this import gave an enrollment or a new identifier: they end (a pending invitation is withdrawn first)",
    }),
    unreadable: z.number().int(),
    problems: z.array(ArchiveProblem),
    adoptedCampaign: z
      .string()
      .openapi({ description: "the account's campaign for adopted invitations of people in no campaign (created on first use)" }),
    owner: z.object({ identifiers: z.array(z.string()), source: z.enum(["invitations", "profile", "conversations"]) }).nullable(),
    read: z.object({
      connections: z.number().int(),
      invitationsOutgoing: z.number().int(),
      invitationsIncoming: z.number().int(),
      messages: z.number().int(),
      draftsSkipped: z.number().int(),
    }),
    files: z.array(
      z.object({
        name: z.string(),
        table: z.enum(["connections", "invitations", "messages", "profile"]).nullable(),
        skipped: z.string().optional(),
      }),
    ),
  })
  .openapi("ArchiveReport");

/** The archive's facts; a body that is not an export is a 422 on `body`. */
function readBody(bytes: Buffer, file: string) {
  try {
    return readLinkedInArchiveZip(bytes, file);
  } catch (e) {
    if (isLinkpaceError(e) && e.code === "invalid_input" && e.issues.length === 0)
      throw new LinkpaceError("invalid_input", e.message, [{ where: "body", message: e.message }]);
    throw e;
  }
}

export function registerImportRoutes(r: Router): void {
  r.openapi(
    createRoute({
      method: "post",
      path: ARCHIVE_IMPORT_PATH,
      tags: ["prospects"],
      summary: "Import LinkedIn's data export (the zip) for one account (all-or-nothing, idempotent)",
      request: {
        query: z.object({
          account: z
            .string()
            .min(1)
            .openapi({ param: { name: "account", in: "query" }, example: "alice" }),
          dryRun: BoolQuery.optional().openapi({ param: { name: "dryRun", in: "query" }, type: "string", enum: ["true", "false"] }),
          file: z
            .string()
            .min(1)
            .optional()
            .openapi({ param: { name: "file", in: "query" }, description: "the file name, shown in the report" }),
        }),
        body: {
          required: true,
          content: {
            "application/zip": { schema: z.string().openapi({ format: "binary" }) },
            "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) },
            "multipart/form-data": { schema: FILE_FORM },
          },
        },
      },
      responses: {
        ...ok("the import report: what changed, and the rows not read with file, line and reason", ArchiveReport),
        ...failures(404, 413, 415, 422),
      },
    }),
    async (c) => {
      const { account, dryRun } = c.req.valid("query");
      const app = c.var.app;
      await app.account(account); // 404 before reading an archive for nothing
      const upload = await readUpload(c, ZIP_UPLOAD);
      const file = c.req.valid("query").file ?? upload.fileName ?? "upload.zip";
      const facts = readBody(upload.bytes, file);
      const outcome = await app.importLinkedInArchive(account, facts, { dryRun: dryRun === true });
      return c.json(archiveReport(file, account, dryRun === true, facts, outcome), 200);
    },
  );
}
