/**
 * Turning validation problems into ErrorIssues whose `where` a user can follow: `alice.yaml: limits.minGap`,
 * or, for a document embedded in a scenario, `scenario.json: accounts[2].limits.minGap`.
 */
import type * as z from "zod";
import { LinkpaceError, type ErrorIssue } from "../errors.js";
import { quote } from "../limits.js";

/** A zod path as the user would write it: `steps[2].connect.note`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * Joins the document's location with a path inside it. A bare file name gets `file: path`; a location that
 * already points inside a file (`scenario.json: accounts[2]`) is continued with `.path` or `[i]`.
 */
export function joinWhere(where: string, path: string): string {
  if (path === "") return where;
  if (!where.includes(": ")) return `${where}: ${path}`;
  return path.startsWith("[") ? `${where}${path}` : `${where}.${path}`;
}

export function issuesFromZod(error: z.ZodError, where: string, prefix: readonly PropertyKey[] = []): ErrorIssue[] {
  return error.issues.map((issue) => ({
    where: joinWhere(where, formatPath([...prefix, ...issue.path])),
    message: issue.message,
  }));
}

/** How a value the user wrote is shown in a message: strings quoted (a long one only its start), containers named. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") return quote(value);
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return String(value);
}

/** The one error thrown for an invalid document, with every problem found. */
export function invalidDocument(where: string, what: "account" | "campaign", issues: ErrorIssue[]): LinkpaceError {
  return new LinkpaceError("invalid_input", `${where}: invalid ${what}`, issues);
}
