import { expect } from "vitest";
import { LinkpaceError, type ErrorIssue } from "../../../src/core/errors.js";

/** The issues of the LinkpaceError `parse` throws; fails the test when it does not throw one. */
export function issuesOf(parse: () => unknown): { message: string; issues: ErrorIssue[] } {
  try {
    parse();
  } catch (e) {
    expect(e).toBeInstanceOf(LinkpaceError);
    const error = e as LinkpaceError;
    expect(error.code).toBe("invalid_input");
    return { message: error.message.split("\n")[0]!, issues: error.issues };
  }
  throw new Error("expected the document to be refused");
}
