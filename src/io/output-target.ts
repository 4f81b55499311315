/**
 * Where an export goes: stdout, or a file replaced atomically. The file is written under a temporary name in
 * the same directory, flushed to disk, then renamed over the target, so a reader (or a crash) never sees half
 * an export, and a failed export leaves the previous file as it was.
 */
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { once } from "node:events";
import { basename, dirname, join } from "node:path";
import { LinkpaceError } from "../core/errors.js";

export interface OutputTarget {
  readonly stream: NodeJS.WritableStream;
  /** Makes the output final: for a file, flush it and rename it into place. */
  commit(): Promise<void>;
  /** Gives up: for a file, remove the temporary file; the target is untouched. */
  abort(): Promise<void>;
}

export function stdoutTarget(): OutputTarget {
  return { stream: process.stdout, commit: async () => {}, abort: async () => {} };
}

export async function atomicFileTarget(path: string, option = "--output"): Promise<OutputTarget> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  // `flush`: the data reaches the disk before the file is closed, so the rename never exposes an empty file.
  const stream = createWriteStream(temp, { flags: "wx", flush: true });
  try {
    await once(stream, "open");
  } catch (e) {
    throw new LinkpaceError(
      "invalid_input",
      `${option} ${path}: cannot write there (${describe(e)}); name a file in an existing, writable directory`,
    );
  }
  let settled = false;
  return {
    stream,
    async commit() {
      if (settled) return;
      settled = true;
      try {
        stream.end();
        await once(stream, "close");
        await rename(temp, path);
      } catch (e) {
        await rm(temp, { force: true });
        throw new LinkpaceError("invalid_input", `${option} ${path}: could not write the file (${describe(e)})`);
      }
    },
    async abort() {
      if (settled) return;
      settled = true;
      if (!stream.destroyed) {
        stream.destroy();
        await once(stream, "close").catch(() => {});
      }
      await rm(temp, { force: true });
    },
  };
}

function describe(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  if (code === "ENOENT") return "no such directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "it is a directory";
  if (code === "ENOSPC") return "the disk is full";
  return e instanceof Error ? e.message : String(e);
}
