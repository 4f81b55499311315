/**
 * A do-not-contact file (`linkpace suppress add --file FILE.csv`): a CSV whose first line names its columns.
 * Read: a profile column (profileUrl, linkedinUrl, url, linkedin, profile), a company column (company,
 * companyName) and a domain column (domain, website, companyDomain, email: an address gives its domain), and an
 * optional reason column. Every non-empty cell of those columns is one entry; a cell that is not a valid value
 * is refused with its line, and the others of its line are still read. Other columns are ignored. Encodings
 * and delimiters as for a prospect file.
 */
import { LinkpaceError } from "../core/errors.js";
import { normalizeDomain, suppressionValue } from "../core/suppression/match.js";
import type { NewSuppression } from "../store/store.js";
import { csvRecords } from "./prospect-csv/csv-records.js";
import { decodeCsvBytes } from "./prospect-csv/decode-csv-bytes.js";
import { detectDelimiter } from "./prospect-csv/find-header.js";

export interface SuppressionFile {
  /** Data lines read (the header excluded). */
  lines: number;
  entries: Array<NewSuppression & { line: number }>;
  refused: Array<{ line: number; reason: string }>;
  /** The columns read, as the file names them. */
  columns: { profile: string | null; company: string | null; domain: string | null; reason: string | null };
}

const ALIASES = {
  profile: ["profileurl", "linkedinurl", "linkedinprofileurl", "url", "linkedin", "profile"],
  company: ["company", "companyname"],
  domain: ["domain", "website", "companydomain", "companywebsite", "email"],
  reason: ["reason", "note"],
} as const;

const key = (header: string): string => header.toLowerCase().replace(/[\s_.-]+/g, "");

export function readSuppressionFile(bytes: Buffer, fileName: string, defaultReason: string | null): SuppressionFile {
  const text = decodeCsvBytes(bytes, fileName).data.toString("utf8");
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const delimiter = detectDelimiter(firstLine);
  let header: string[] | null = null;
  const index: Record<keyof typeof ALIASES, number> = { profile: -1, company: -1, domain: -1, reason: -1 };
  const out: SuppressionFile = {
    lines: 0,
    entries: [],
    refused: [],
    columns: { profile: null, company: null, domain: null, reason: null },
  };
  for (const record of csvRecords(text, delimiter)) {
    if (record.kind === "unclosed_quote") {
      out.refused.push({ line: record.line, reason: "a quote opens here and never closes" });
      break;
    }
    if (header === null) {
      header = record.cells.map((c) => c.trim());
      const keys = header.map(key);
      for (const field of Object.keys(ALIASES) as Array<keyof typeof ALIASES>) {
        for (const alias of ALIASES[field]) {
          const at = keys.indexOf(alias);
          if (at >= 0) {
            index[field] = at;
            out.columns[field] = header[at] as string;
            break;
          }
        }
      }
      if (index.profile < 0 && index.company < 0 && index.domain < 0)
        throw new LinkpaceError(
          "invalid_input",
          `${fileName}: no profileUrl, company or domain column in its first line (found: ${header.join(", ") || "nothing"})`,
        );
      continue;
    }
    out.lines++;
    const cell = (i: number): string => (i < 0 ? "" : (record.cells[i] ?? "").trim());
    const reason = cell(index.reason) || defaultReason;
    for (const kind of ["profile", "company", "domain"] as const) {
      const input = cell(index[kind]);
      if (input === "") continue;
      try {
        const value = kind === "domain" ? domainOf(input, out.columns.domain as string) : suppressionValue(kind, input);
        out.entries.push({ line: record.line, kind, value, input, reason });
      } catch (e) {
        if (!(e instanceof LinkpaceError)) throw e;
        out.refused.push({ line: record.line, reason: `${out.columns[kind] as string}: ${e.message.replace(/^input: /, "")}` });
      }
    }
  }
  if (header === null) throw new LinkpaceError("invalid_input", `${fileName}: the file is empty`);
  return out;
}

function domainOf(input: string, column: string): string {
  const value = normalizeDomain(input);
  if (value === null)
    throw new LinkpaceError(
      "invalid_input",
      `${JSON.stringify(input)} is not a domain (such as example.com)${key(column) === "email" ? " or an email address" : ""}`,
    );
  return value;
}
