/**
 * messages.csv: `CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,
 * SUBJECT,CONTENT,FOLDER,IS MESSAGE DRAFT,IS CONVERSATION DRAFT` (variants end `…,FOLDER,ATTACHMENTS` or lack
 * `RECIPIENT PROFILE URLS`). Rows are read here as written; who the owner is, and so who wrote to whom, is
 * decided once every table has been read (owner.ts). Drafts were never sent and are skipped.
 */
import { profileIdentifiers } from "../../core/prospect/profile-url.js";
import { parseArchiveDate } from "./archive-dates.js";
import type { TableHeader } from "./find-table.js";
import { hasColumn, tableRows } from "./table-rows.js";
import type { ArchiveCounts, ArchiveProblem } from "./types.js";

export interface RawMessage {
  file: string;
  line: number;
  at: number;
  conversationId: string;
  fromName: string;
  /** The sender's canonical profile URL. */
  sender: string;
  /** Recipients' canonical URLs; null when the export has no RECIPIENT PROFILE URLS column or the cell is empty. */
  recipients: string[] | null;
  text: string;
}

const YES = new Set(["yes", "true", "1"]);

export function readMessages(
  file: string,
  text: string,
  header: TableHeader,
  problems: ArchiveProblem[],
  read: ArchiveCounts,
): RawMessage[] {
  const rows: RawMessage[] = [];
  const hasRecipients = hasColumn(header, "recipientprofileurls");
  for (const row of tableRows(file, text, header, problems)) {
    if (YES.has(row.get("ismessagedraft").toLowerCase())) {
      read.draftsSkipped++;
      continue;
    }
    read.messages++;
    const raw = row.get("date");
    const date = parseArchiveDate(raw);
    if (date === null) {
      problems.push({ file, line: row.line, reason: `DATE "${raw}" is not a date (expected like 2023-05-01 14:22:10 UTC)` });
      continue;
    }
    const sender = profileIdentifiers([row.get("senderprofileurl")])[0]?.url;
    if (sender === undefined) {
      problems.push({
        file,
        line: row.line,
        reason: `no sender profile URL (FROM "${row.get("from")}"), so the sender cannot be identified`,
      });
      continue;
    }
    const listed = hasRecipients ? splitUrls(row.get("recipientprofileurls")) : [];
    rows.push({
      file,
      line: row.line,
      at: date.at,
      conversationId: row.get("conversationid"),
      fromName: row.get("from"),
      sender,
      recipients: listed.length > 0 ? listed : null,
      text: plainText(row.get("content")),
    });
  }
  return rows;
}

/** A cell listing several profile URLs (group threads), separated by commas and/or spaces. */
function splitUrls(cell: string): string[] {
  const urls = cell.split(/[\s,;]+/).filter((s) => s !== "");
  return [...new Set(profileIdentifiers(urls).map((id) => id.url))];
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** CONTENT as plain text, for comparing with what linkpace sent: tags dropped, entities decoded, spaces collapsed. */
export function plainText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/p>/gi, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith("#x") || name.startsWith("#X")) return safeChar(parseInt(name.slice(2), 16), whole);
      if (name.startsWith("#")) return safeChar(Number(name.slice(1)), whole);
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, " ")
    .trim();
}

function safeChar(code: number, fallback: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}
