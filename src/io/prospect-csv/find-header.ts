/**
 * Finds the header row and the delimiter. The header is the first of the first few physical lines that
 * names a profile-URL column: LinkedIn's Connections.csv puts a preamble (`Notes:`, a quoted sentence, a
 * blank line) before it. The delimiter is whichever of `,` `;` tab occurs most often in that line outside
 * quotes (Excel in French or German locales writes `;`, "Unicode text" writes tabs).
 */
import { LinkpaceError } from "../../core/errors.js";
import { isIdentifierHeader, URL_ALIASES_SHOWN, normalizeHeader } from "./column-aliases.js";
import { csvRecords } from "./csv-records.js";
import type { CsvDelimiter } from "./types.js";

/** How many physical lines may come before the header. */
const HEADER_SEARCH_LINES = 10;

export interface HeaderLocation {
  /** Offset in the text where the header line starts. */
  offset: number;
  /** 1-based physical line of the header. */
  line: number;
  delimiter: CsvDelimiter;
  /** Header cells, trimmed. */
  columns: string[];
}

export interface PhysicalLine {
  offset: number;
  line: number;
  text: string;
}

export function findHeader(text: string, fileName: string): HeaderLocation {
  const lines = firstLines(text, HEADER_SEARCH_LINES);
  let widest: string[] = [];
  for (const candidate of lines) {
    if (candidate.text.trim() === "") continue;
    const delimiter = detectDelimiter(candidate.text);
    const columns = splitLine(candidate.text, delimiter);
    if (columns === null) continue;
    if (columns.some(isIdentifierHeader)) {
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

/** The line's cells, or null when a quote opens and never closes (a line of a multi-line preamble cell). */
function splitLine(line: string, delimiter: CsvDelimiter): string[] | null {
  for (const record of csvRecords(line, delimiter)) {
    return record.kind === "record" ? record.cells.map((c) => c.trim()) : null;
  }
  return null;
}

/** The first `max` physical lines (`\n`, `\r\n` or `\r` endings) with their offsets. */
export function firstLines(text: string, max: number): PhysicalLine[] {
  const lines: PhysicalLine[] = [];
  const lineBreak = /\r\n|\n|\r/g;
  let start = 0;
  while (lines.length < max && start < text.length) {
    lineBreak.lastIndex = start;
    const m = lineBreak.exec(text);
    const end = m === null ? text.length : m.index;
    lines.push({ offset: start, line: lines.length + 1, text: text.slice(start, end) });
    start = m === null ? text.length : m.index + m[0].length;
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
