/**
 * Finds the header row and the delimiter. The header is the first of the first few physical lines that
 * names a profile-URL column: LinkedIn's Connections.csv puts a preamble (`Notes:`, a quoted sentence, a
 * blank line) before it. The delimiter is whichever of `,` `;` tab occurs most often in that line outside
 * quotes (Excel in French or German locales writes `;`, "Unicode text" writes tabs).
 */
import { parse } from "csv-parse/sync";
import { LinkpaceError } from "../../core/errors.js";
import { isProfileUrlHeader, URL_ALIASES_SHOWN, normalizeHeader } from "./column-aliases.js";
import type { CsvDelimiter } from "./types.js";

/** How many physical lines may come before the header. */
const HEADER_SEARCH_LINES = 10;

export interface HeaderLocation {
  /** Byte offset in the data where the header line starts. */
  offset: number;
  /** 1-based physical line of the header. */
  line: number;
  delimiter: CsvDelimiter;
  /** Header cells, trimmed. */
  columns: string[];
}

interface PhysicalLine {
  offset: number;
  line: number;
  text: string;
}

export function findHeader(data: Buffer, fileName: string): HeaderLocation {
  const lines = firstLines(data, HEADER_SEARCH_LINES);
  let widest: string[] = [];
  for (const candidate of lines) {
    if (candidate.text.trim() === "") continue;
    const delimiter = detectDelimiter(candidate.text);
    const columns = splitLine(candidate.text, delimiter);
    if (columns === null) continue;
    if (columns.some(isProfileUrlHeader)) {
      return { offset: candidate.offset, line: candidate.line, delimiter, columns };
    }
    if (columns.length > widest.length) widest = columns;
  }
  throw noUrlColumn(fileName, widest);
}

/** The delimiter that occurs most often outside double quotes; `,` on a tie or when none occurs. */
export function detectDelimiter(line: string): CsvDelimiter {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "," || ch === ";" || ch === "\t")) counts[ch]++;
  }
  let best: CsvDelimiter = ",";
  for (const d of [";", "\t"] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

function splitLine(text: string, delimiter: CsvDelimiter): string[] | null {
  try {
    const records = parse(text, { delimiter, relax_quotes: true, relax_column_count: true }) as string[][];
    const first = records[0];
    return first === undefined ? null : first.map((c) => c.trim());
  } catch {
    return null; // an unclosed quote: a line of a multi-line preamble cell, not a header
  }
}

/** The first `max` physical lines (`\n`, `\r\n` or `\r` endings) with their byte offsets. */
function firstLines(data: Buffer, max: number): PhysicalLine[] {
  const lines: PhysicalLine[] = [];
  let start = 0;
  let i = 0;
  while (lines.length < max && start < data.length) {
    while (i < data.length && data[i] !== 0x0a && data[i] !== 0x0d) i++;
    lines.push({ offset: start, line: lines.length + 1, text: data.toString("utf8", start, i) });
    if (data[i] === 0x0d && data[i + 1] === 0x0a) i++;
    i++;
    start = i;
  }
  return lines;
}

function noUrlColumn(fileName: string, found: string[]): LinkpaceError {
  const shown = found.length > 20 ? [...found.slice(0, 20), "…"] : found;
  const normalized = new Set(found.map(normalizeHeader));
  const hint =
    normalized.has("connectedon") && normalized.has("firstname")
      ? "; this LinkedIn Connections.csv comes from an old export without profile URLs: request a new export"
      : "; rename the column that holds the LinkedIn profile URLs to profileUrl";
  return new LinkpaceError(
    "invalid_input",
    `${fileName}: no LinkedIn profile URL column (looked for: ${URL_ALIASES_SHOWN.join(", ")}, …; ` +
      `found: ${shown.length === 0 ? "nothing" : shown.join(", ")})${hint}`,
  );
}
