import { readFileSync } from "node:fs";
import { LinkpaceError } from "../core/errors.js";

/** Reads a file the user named, turning "no such file" and friends into a clear bad-input error. */
export function readUserFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "is a directory"
          : code === "EACCES"
            ? "permission denied"
            : (e as Error).message;
    throw new LinkpaceError("invalid_input", `${path}: cannot read: ${why}`);
  }
}

export function readUserText(path: string): string {
  return readUserFile(path)
    .toString("utf8")
    .replace(/^\uFEFF/, "");
}
