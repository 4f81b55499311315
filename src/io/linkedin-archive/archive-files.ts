/**
 * The CSV files of an export, from the zip LinkedIn sends (`Basic_LinkedInDataExport_MM-DD-YYYY.zip`,
 * `Complete_…`) or the folder it unzips to (searched recursively). Only `.csv` entries are decompressed:
 * a Complete export also holds media that linkpace never reads.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { unzipSync } from "fflate";
import { LinkpaceError } from "../../core/errors.js";

export interface ArchiveFile {
  /** Path inside the zip or folder, with `/` separators. */
  name: string;
  bytes: Buffer;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
/** Compression methods fflate reads: stored and deflate. */
const READABLE_METHODS = new Set([0, 8]);
const EXPECTED = "expected LinkedIn's data export: the zip (Basic_LinkedInDataExport_MM-DD-YYYY.zip or Complete_…) or the folder it unzips to";

export function readArchiveFiles(path: string): ArchiveFile[] {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file or folder" : code === "EACCES" ? "permission denied" : (e as Error).message;
    throw new LinkpaceError("invalid_input", `${path}: cannot read: ${why}; ${EXPECTED}`);
  }
  return isDirectory ? folderFiles(path) : zipFiles(path);
}

function folderFiles(root: string): ArchiveFile[] {
  const out: ArchiveFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && isCsvName(entry.name)) out.push({ name: relative(root, full).split("\\").join("/"), bytes: readFileSync(full) });
    }
  };
  walk(root);
  return out;
}

function zipFiles(path: string): ArchiveFile[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new LinkpaceError("invalid_input", `${path}: cannot read: ${(e as Error).message}`);
  }
  return zipEntries(bytes, path);
}

/** The CSV files of a zip held in memory (an upload); `path` names it in errors. */
export function zipEntries(bytes: Buffer, path: string): ArchiveFile[] {
  if (startsWith(bytes, EMPTY_ZIP_MAGIC)) return [];
  if (!startsWith(bytes, ZIP_MAGIC)) {
    const hint = isCsvName(path) ? "; to read one CSV, put it in a folder and name the folder" : "";
    throw new LinkpaceError("invalid_input", `${path}: not a zip archive; ${EXPECTED}${hint}`);
  }
  const unsupported: string[] = [];
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        if (!isCsvName(f.name)) return false;
        if (READABLE_METHODS.has(f.compression)) return true;
        unsupported.push(f.name);
        return false;
      },
    });
  } catch (e) {
    throw new LinkpaceError("invalid_input", `${path}: the zip archive is damaged (${(e as Error).message}); download the export again from LinkedIn`);
  }
  if (unsupported.length > 0) {
    throw new LinkpaceError("invalid_input", `${path}: ${unsupported.join(", ")}: compressed with a method linkpace cannot read; unzip the archive and import the folder`);
  }
  return Object.keys(entries)
    .sort((a, b) => a.localeCompare(b))
    .map((name) => {
      const data = entries[name] as Uint8Array;
      return { name, bytes: Buffer.from(data.buffer, data.byteOffset, data.byteLength) };
    });
}

function isCsvName(name: string): boolean {
  return name.toLowerCase().endsWith(".csv");
}

function startsWith(bytes: Buffer, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}
