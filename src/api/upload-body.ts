/**
 * The file of an import upload: the body itself when its Content-Type is one of the file's types, or the file
 * part of a multipart/form-data body (`curl -F file=@leads.csv`, a browser form), whose boundary and headers
 * are never read as the file's content. Any other Content-Type (none, a JSON or urlencoded body as
 * `curl --data-binary` sends by default) is 415, naming what to send. The size limit is create-api.ts's.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { LinkpaceError } from "../core/errors.js";

export interface UploadKind {
  /** How messages name the file: "CSV", "zip". */
  what: string;
  /** Media types sent as the body itself, lower case. */
  types: readonly string[];
  /** A file name for the curl examples. */
  example: string;
}

export const CSV_UPLOAD: UploadKind = {
  what: "CSV",
  // Spreadsheets and browsers label CSV files in all of these ways (Windows: application/vnd.ms-excel).
  types: [
    "text/csv",
    "application/csv",
    "text/x-csv",
    "text/comma-separated-values",
    "application/vnd.ms-excel",
    "text/plain",
    "text/tab-separated-values",
  ],
  example: "leads.csv",
};

export const ZIP_UPLOAD: UploadKind = {
  what: "zip",
  types: ["application/zip", "application/x-zip-compressed", "application/x-zip", "application/octet-stream"],
  example: "Basic_LinkedInDataExport_03-10-2027.zip",
};

/** The form in the OpenAPI document: the file as the field `file` (a plain schema, so no form validator runs). */
export const FILE_FORM = {
  type: "object" as const,
  properties: { file: { type: "string" as const, format: "binary" } },
  required: ["file"],
};

export interface Upload {
  bytes: Buffer;
  /** The name the form gave the file part; null for a bare body. */
  fileName: string | null;
}

/** The uploaded file; throws 415 for another Content-Type, 422 for a form without exactly one file or an empty file. */
export async function readUpload(c: Context, kind: UploadKind): Promise<Upload> {
  const header = c.req.header("content-type") ?? "";
  const type = (header.split(";")[0] ?? "").trim().toLowerCase();
  let upload: Upload;
  if (type === "multipart/form-data") upload = await filePart(c, kind);
  else if (kind.types.includes(type)) upload = { bytes: Buffer.from(await c.req.arrayBuffer()), fileName: null };
  else throw unsupported(type, kind);
  if (upload.bytes.length === 0) {
    throw new LinkpaceError("invalid_input", `the ${kind.what} file is empty: send the ${kind.what} file`, [
      { where: "body", message: "empty" },
    ]);
  }
  return upload;
}

async function filePart(c: Context, kind: UploadKind): Promise<Upload> {
  let form: FormData;
  try {
    form = await c.req.raw.formData();
  } catch (e) {
    throw new LinkpaceError("invalid_input", `the multipart/form-data body cannot be read (${(e as Error).message}); ${howToSend(kind)}`, [
      { where: "body", message: "not a readable form" },
    ]);
  }
  const files = [...form.entries()].filter((entry): entry is [string, File] => typeof entry[1] !== "string");
  const chosen = files.length === 1 ? files[0] : files.find(([field]) => field === "file");
  if (chosen === undefined) {
    const found =
      files.length === 0 ? "no file" : `${files.length} files (fields ${files.map(([field]) => field).join(", ")}) and none named file`;
    throw new LinkpaceError(
      "invalid_input",
      `the form holds ${found}: send one ${kind.what} file, as the field file (curl -F file=@${kind.example})`,
      [{ where: "body", message: found }],
    );
  }
  const file = chosen[1];
  return { bytes: Buffer.from(await file.arrayBuffer()), fileName: file.name === "" ? null : file.name };
}

function unsupported(type: string, kind: UploadKind): HTTPException {
  const sent = type === "" ? "has no Content-Type" : `is ${type}`;
  return new HTTPException(415, { message: `the body ${sent}, not a ${kind.what} file: ${howToSend(kind)}` });
}

function howToSend(kind: UploadKind): string {
  return `send the file as the body with Content-Type: ${kind.types[0]} (curl --data-binary @${kind.example} -H "Content-Type: ${kind.types[0]}"), or as a form (curl -F file=@${kind.example})`;
}
