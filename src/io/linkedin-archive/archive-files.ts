/**
 * The CSV files of an export, from the zip LinkedIn sends (`Basic_LinkedInDataExport_MM-DD-YYYY.zip`,
 * `Complete_…`) or the folder it unzips to (searched recursively). Only `.csv` entries are decompressed:
 * a Complete export also holds media that linkpace never reads. A zip is refused, before anything is
 * inflated, when it holds too many files or its CSVs declare too many bytes.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { LinkpaceError } from "../../core/errors.js";
import { inflateEntry, zipDirectory, zipEntryCount } from "./zip-directory.js";

export interface ArchiveFile {
  /** Path inside the zip or folder, with `/` separators. */
  name: string;
  bytes: Buffer;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
/** Compression methods fflate reads: stored and deflate. */
const READABLE_METHODS = new Set([0, 8]);
/**
 * What linkpace reads from one zip: a LinkedIn export holds a few dozen files and its CSVs inflate to a few
 * MB (messages.csv of a busy account: tens of MB). Past these it is not an export, or too big to hold in
 * memory at once; a folder is read without them.
 */
export const MAX_ARCHIVE_ENTRIES = 10_000;
export const MAX_ARCHIVE_CSV_BYTES = 256 * 1024 * 1024;
const EXPECTED =
  "expected LinkedIn's data export: the zip (Basic_LinkedInDataExport_MM-DD-YYYY.zip or Complete_…) or the folder it unzips to";

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
      else if (entry.isFile() && isCsvName(entry.name))
        out.push({ name: relative(root, full).split("\\").join("/"), bytes: readFileSync(full) });
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

/**
 * The CSV files of a zip held in memory (an upload); `path` names it in errors. The archive's own directory
 * is checked against the limits before anything is inflated (zip-directory.ts).
 */
export function zipEntries(bytes: Buffer, path: string): ArchiveFile[] {
  if (startsWith(bytes, EMPTY_ZIP_MAGIC)) return [];
  if (!startsWith(bytes, ZIP_MAGIC)) {
    const hint = isCsvName(path) ? "; to read one CSV, put it in a folder and name the folder" : "";
    throw new LinkpaceError("invalid_input", `${path}: not a zip archive; ${EXPECTED}${hint}`);
  }
  const csvs = damagedUnless(path, () => {
    const count = zipEntryCount(bytes);
    if (count > MAX_ARCHIVE_ENTRIES) throw tooMany(path, count);
    return zipDirectory(bytes).filter((e) => isCsvName(e.name) && !e.name.endsWith("/"));
  });
  const unsupported = csvs.filter((e) => !READABLE_METHODS.has(e.method)).map((e) => e.name);
  if (unsupported.length > 0) {
    throw new LinkpaceError(
      "invalid_input",
      `${path}: ${unsupported.join(", ")}: compressed with a method linkpace cannot read; unzip the archive and import the folder`,
    );
  }
  const declared = csvs.reduce((sum, e) => sum + e.size, 0);
  if (declared > MAX_ARCHIVE_CSV_BYTES) throw tooBig(path, declared);
  return csvs
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((entry) => {
      const data = damagedUnless(path, () => inflateEntry(bytes, entry));
      return { name: entry.name, bytes: Buffer.from(data.buffer, data.byteOffset, data.byteLength) };
    });
}

function damagedUnless<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof LinkpaceError) throw e;
    throw new LinkpaceError(
      "invalid_input",
      `${path}: the zip archive is damaged (${(e as Error).message}); download the export again from LinkedIn`,
    );
  }
}

function tooMany(path: string, count: number): LinkpaceError {
  return new LinkpaceError(
    "invalid_input",
    `${path}: the archive holds ${count} files, more than the ${MAX_ARCHIVE_ENTRIES} linkpace reads from a zip (a LinkedIn export holds a few dozen); ${EXPECTED}`,
  );
}

function tooBig(path: string, declared: number): LinkpaceError {
  const mb = (n: number): string => `${Math.ceil(n / 1024 / 1024)} MB`;
  return new LinkpaceError(
    "invalid_input",
    `${path}: its CSV files would inflate to ${mb(declared)}, more than the ${mb(MAX_ARCHIVE_CSV_BYTES)} linkpace inflates from a zip; ` +
      "if this is a genuine export, unzip it and import the folder (linkpace import linkedin-archive FOLDER --account NAME)",
  );
}

function isCsvName(name: string): boolean {
  return name.toLowerCase().endsWith(".csv");
}

function startsWith(bytes: Buffer, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}
