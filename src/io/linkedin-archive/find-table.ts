/**
 * Which table a CSV of the export holds, from its header: the first of the first 10 physical lines whose cells
 * include a table's signature columns (Connections.csv has a preamble before its header). File names are not
 * trusted, except for LinkedIn's assistant chats, which share messages.csv's header and must be skipped.
 */
import { normalizeHeader } from "../prospect-csv/column-aliases.js";
import { csvRecords } from "../prospect-csv/csv-records.js";
import { detectDelimiter, firstLines } from "../prospect-csv/find-header.js";
import type { CsvDelimiter } from "../prospect-csv/types.js";
import type { ArchiveTable } from "./types.js";

const HEADER_SEARCH_LINES = 10;

/** Columns (normalised) that identify each table; checked in this order. */
const SIGNATURES: Array<[ArchiveTable, string[]]> = [
  ["messages", ["conversationid", "from", "date", "content"]],
  ["invitations", ["from", "to", "sentat", "direction"]],
  ["connections", ["firstname", "lastname", "connectedon"]],
  ["profile", ["firstname", "lastname", "headline"]],
];

/** LinkedIn-assistant chats (lower-cased base names): same header as messages.csv, not messages between people. */
export const ASSISTANT_CHAT_FILES = new Set([
  "guide_messages.csv",
  "coach_messages.csv",
  "learning_coach_messages.csv",
  "learning_role_play_messages.csv",
]);

export interface TableHeader {
  table: ArchiveTable;
  /** Offset of the header line in the text, and its 1-based line number. */
  offset: number;
  line: number;
  delimiter: CsvDelimiter;
  /** Normalised column name → index (the first column of that name wins). */
  columns: Map<string, number>;
}

export function isAssistantChat(name: string): boolean {
  const base = name.split("/").pop() ?? name;
  return ASSISTANT_CHAT_FILES.has(base.toLowerCase());
}

export function findTable(text: string): TableHeader | null {
  for (const candidate of firstLines(text, HEADER_SEARCH_LINES)) {
    if (candidate.text.trim() === "") continue;
    const delimiter = detectDelimiter(candidate.text);
    const first = csvRecords(candidate.text, delimiter).next();
    if (first.done || first.value.kind !== "record") continue;
    const columns = new Map<string, number>();
    first.value.cells.forEach((cell, i) => {
      const key = normalizeHeader(cell.trim());
      if (key !== "" && !columns.has(key)) columns.set(key, i);
    });
    const match = SIGNATURES.find(([, required]) => required.every((c) => columns.has(c)));
    if (match) return { table: match[0], offset: candidate.offset, line: candidate.line, delimiter, columns };
  }
  return null;
}
