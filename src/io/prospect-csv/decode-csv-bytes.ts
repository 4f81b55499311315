/**
 * Turns a file's bytes into UTF-8 without a BOM, the one encoding the parser sees. Spreadsheets save CSVs as
 * UTF-8 (with or without BOM), as "Unicode text" (UTF-16 with a BOM) or, on older Windows Excel, in the ANSI
 * code page: bytes that are not valid UTF-8 are read as Windows-1252, the usual western one.
 */
import { isUtf8 } from "node:buffer";
import iconv from "iconv-lite";
import { LinkpaceError } from "../../core/errors.js";

export interface DecodedCsv {
  /** UTF-8, BOM removed. Shares memory with the input when it already was UTF-8. */
  data: Buffer;
  encoding: "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252";
}

/** Leading bytes of files people pick by mistake, with what to do instead. */
const NOT_CSV: Array<{ magic: number[]; what: string; fix: string }> = [
  { magic: [0x50, 0x4b, 0x03, 0x04], what: "a ZIP archive (an Excel .xlsx workbook?)", fix: 'save the sheet as "CSV UTF-8"' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], what: "an Excel .xls workbook", fix: 'save the sheet as "CSV UTF-8"' },
  { magic: [0x1f, 0x8b], what: "a gzip archive", fix: "decompress it first" },
  { magic: [0x25, 0x50, 0x44, 0x46], what: "a PDF document", fix: "export the list as CSV" },
];

export function decodeCsvBytes(bytes: Buffer, fileName: string): DecodedCsv {
  if (bytes.length === 0) throw emptyFile(fileName);
  const decoded = decode(bytes, fileName);
  assertText(decoded.data, fileName);
  return decoded;
}

function decode(bytes: Buffer, fileName: string): DecodedCsv {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { data: bytes.subarray(3), encoding: "utf-8-bom" };
  if (startsWith(bytes, [0xff, 0xfe])) return fromUtf16(bytes.subarray(2), "utf-16le");
  if (startsWith(bytes, [0xfe, 0xff])) return fromUtf16(bytes.subarray(2), "utf-16be");
  for (const { magic, what, fix } of NOT_CSV) {
    if (startsWith(bytes, magic)) {
      throw new LinkpaceError("invalid_input", `${fileName}: this is ${what}, not a CSV file; ${fix} and import that`);
    }
  }
  const utf16 = guessBomlessUtf16(bytes);
  if (utf16 !== null) return fromUtf16(bytes, utf16);
  if (isUtf8(bytes)) return { data: bytes, encoding: "utf-8" };
  return { data: Buffer.from(iconv.decode(bytes, "windows-1252"), "utf8"), encoding: "windows-1252" };
}

function fromUtf16(body: Buffer, encoding: "utf-16le" | "utf-16be"): DecodedCsv {
  return { data: Buffer.from(iconv.decode(body, encoding), "utf8"), encoding };
}

/**
 * UTF-16 saved without a BOM: ASCII text then has a zero in every other byte. Real UTF-8 or Windows-1252
 * text never holds zero bytes, so the pattern is unambiguous.
 */
function guessBomlessUtf16(bytes: Buffer): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.7 && evenZeros === 0) return "utf-16le";
  if (evenZeros > pairs * 0.7 && oddZeros === 0) return "utf-16be";
  return null;
}

/** Binary files decode "successfully" as Windows-1252; zero bytes and control characters give them away. */
function assertText(data: Buffer, fileName: string): void {
  const n = Math.min(data.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = data[i] as number;
    if (b === 0)
      control += n; // one NUL is enough
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  if (control > n * 0.01) {
    throw new LinkpaceError(
      "invalid_input",
      `${fileName}: does not look like a CSV text file (binary content); export the list as CSV (UTF-8) and import that`,
    );
  }
  if (data.toString("utf8", 0, n).trim() === "" && data.toString("utf8").trim() === "") throw emptyFile(fileName);
}

function emptyFile(fileName: string): LinkpaceError {
  return new LinkpaceError(
    "invalid_input",
    `${fileName}: the file is empty; expected a header row such as "profileUrl,firstName,lastName" and one row per person`,
  );
}

function startsWith(bytes: Buffer, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}
