/**
 * One error type for everything a user can cause or must fix. `code` is stable (scripts match on it);
 * the message names the thing, the place and the fix. Expected outcomes (limit reached, nothing due,
 * already enrolled) are return values, never LinkpaceErrors.
 */
export type ErrorCode =
  | "invalid_input" // a file, flag or field is wrong: exit 2, HTTP 400/422
  | "not_found" // a named account, campaign or person does not exist: exit 2, HTTP 404
  | "conflict" // the thing already exists: exit 2, HTTP 409
  | "problem" // the command ran and found something the user must act on: exit 1
  | "internal"; // a bug or an unavailable dependency: exit 3, HTTP 500

export interface ErrorIssue {
  /** Where: a file, a line, a field path such as `steps[2].connect.note`. */
  where: string;
  message: string;
}

export class LinkpaceError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[];
  constructor(code: ErrorCode, message: string, issues: ErrorIssue[] = []) {
    super(issues.length === 0 ? message : `${message}\n${issues.map((i) => `  ${i.where}: ${i.message}`).join("\n")}`);
    this.name = "LinkpaceError";
    this.code = code;
    this.issues = issues;
  }
}

export function isLinkpaceError(e: unknown): e is LinkpaceError {
  return e instanceof LinkpaceError;
}

/** The CLI's exit code for an error code: 2 for what the user must correct, 1 for a problem found, 3 for a failure. */
export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case "invalid_input":
    case "not_found":
    case "conflict":
      return 2;
    case "problem":
      return 1;
    case "internal":
      return 3;
    default: {
      const never: never = code;
      return never;
    }
  }
}
