/**
 * Errors as RFC 9457 problem documents (`application/problem+json`):
 * `{type, title, status, detail, errors: [{field, message}]}`. `statusFor` is the one mapping from
 * LinkpaceError codes to HTTP statuses; request validation (zod) and document validation
 * (accountDocFromObject, campaignDocFromObject) both end up as `invalid_input`, so every 422 looks the same.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type * as z from "zod";
import { LinkpaceError, type ErrorCode, type ErrorIssue } from "../core/errors.js";
import { formatPath } from "../core/campaign/doc-issues.js";

export interface ProblemField {
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors: ProblemField[];
}

export function statusFor(code: ErrorCode): ContentfulStatusCode {
  switch (code) {
    case "invalid_input":
      return 422;
    case "not_found":
      return 404;
    case "conflict":
    case "problem":
      return 409;
    case "internal":
      return 500;
    default: {
      const never: never = code;
      return never;
    }
  }
}

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  413: "Payload too large",
  415: "Unsupported media type",
  422: "Invalid input",
  429: "Too many requests",
  500: "Internal error",
};

export function problem(status: ContentfulStatusCode, detail: string, errors: ProblemField[] = [], type?: string): Problem {
  return { type: type ?? `https://linkpace.dev/problems/${status}`, title: TITLES[status] ?? "Error", status, detail, errors };
}

export function sendProblem(c: Context, p: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(p), { status: p.status, headers: { ...headers, "content-type": "application/problem+json" } });
}

/** `where` of a document issue (`body: limits.minGap`) as the field inside the request body (`limits.minGap`). */
export function fieldOf(where: string): string {
  const m = /^body(?:: |(?=\[))?(.*)$/.exec(where);
  return m ? m[1] || "body" : where;
}

export function problemFromError(e: LinkpaceError): Problem {
  const detail = e.issues.length === 0 ? e.message : (e.message.split("\n")[0] ?? e.message);
  return problem(
    statusFor(e.code),
    detail,
    e.issues.map((i: ErrorIssue) => ({ field: fieldOf(i.where), message: i.message })),
    `https://linkpace.dev/problems/${e.code}`,
  );
}

/** A zod failure on one part of the request (json body, query, path parameter). */
export function problemFromZod(target: string, error: z.ZodError): Problem {
  const part = target === "json" ? "body" : target;
  const errors = error.issues.map((i) => ({ field: formatPath(i.path) || part, message: i.message }));
  return problem(
    422,
    `the request's ${part} is invalid: ${errors.map((e) => `${e.field}: ${e.message}`).join("; ")}`,
    errors,
    "https://linkpace.dev/problems/invalid_input",
  );
}
