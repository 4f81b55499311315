/**
 * Decides once per file what each column means: the format (by signature columns), which columns hold
 * profile URLs, which one feeds each prospect field, and which are kept as `custom[<header>]`.
 */
import { FIELD_ALIASES, URL_ALIASES, normalizeHeader, type MappedField } from "./column-aliases.js";
import type { CsvFormat } from "./types.js";

export interface ColumnPlan {
  format: CsvFormat;
  /** Number of header cells: a row may have more only if the extra cells are empty. */
  width: number;
  /** Up to the last named column: a row may lack cells under blank trailing header cells. */
  minFields: number;
  /** Column indexes of every profile-URL column, most public first. */
  urls: number[];
  fields: Partial<Record<MappedField, number>>;
  /** Unmapped columns and the key they get in `custom`; `blank`: the header cell was empty. */
  custom: Array<{ index: number; key: string; blank: boolean }>;
  /**
   * `custom` with every named column set to "". Rows copy it (`{ ...template }`) and then fill it in: V8 then
   * shares one layout across rows, where adding 30 keys one by one makes each row a hash table 7 times larger
   * (200,000 rows: 50 MB instead of 330 MB).
   */
  customTemplate: Record<string, string>;
}

/** Formats in the order they are tried; each names the normalized columns that give it away. */
const SIGNATURES: Array<{ format: CsvFormat; matches: (h: ReadonlySet<string>) => boolean }> = [
  { format: "phantombuster", matches: (h) => h.has("defaultprofileurl") || (h.has("vmid") && h.has("profileurl")) },
  { format: "phantombuster-v2", matches: (h) => h.has("linkedinprofileslug") || h.has("linkedinprofileurn") },
  { format: "evaboot", matches: (h) => h.has("linkedinurlpublic") || (h.has("salesnavigatorurl") && h.has("currentjob")) },
  { format: "apollo", matches: (h) => h.has("personlinkedinurl") },
  { format: "waalaxy", matches: (h) => h.has("linkedinurl") && (h.has("salesnavigatorurl") || h.has("occupation")) },
  { format: "linkedin-connections", matches: (h) => h.has("connectedon") && h.has("firstname") && h.has("url") },
];

export function detectFormat(columns: readonly string[]): CsvFormat {
  const normalized = new Set(columns.map(normalizeHeader));
  return SIGNATURES.find((s) => s.matches(normalized))?.format ?? "plain";
}

export function planColumns(columns: readonly string[]): ColumnPlan {
  const normalized = columns.map(normalizeHeader);
  const used = new Set<number>();
  const urls: number[] = [];
  for (const alias of URL_ALIASES) {
    normalized.forEach((name, index) => {
      if (name === alias) {
        urls.push(index);
        used.add(index);
      }
    });
  }
  const fields: Partial<Record<MappedField, number>> = {};
  for (const field of Object.keys(FIELD_ALIASES) as MappedField[]) {
    for (const alias of FIELD_ALIASES[field]) {
      const index = normalized.findIndex((name, i) => name === alias && !used.has(i));
      if (index >= 0) {
        fields[field] = index;
        used.add(index);
        break;
      }
    }
  }
  const custom = customColumns(columns, used);
  let minFields = columns.length;
  while (minFields > 1 && columns[minFields - 1] === "") minFields--;
  return {
    format: detectFormat(columns),
    width: columns.length,
    minFields,
    urls,
    fields,
    custom,
    customTemplate: template(custom),
  };
}

function template(custom: ColumnPlan["custom"]): Record<string, string> {
  const named = custom.filter((c) => !c.blank).map((c) => [c.key, ""] as const);
  // JSON.parse builds a fast-mode object (and makes `__proto__` an own key, not the prototype).
  return JSON.parse(JSON.stringify(Object.fromEntries(named))) as Record<string, string>;
}

/** Unmapped columns keyed by their header; blank or repeated headers get a key that cannot collide. */
function customColumns(columns: readonly string[], used: ReadonlySet<number>): ColumnPlan["custom"] {
  const keys = new Set<string>();
  const custom: ColumnPlan["custom"] = [];
  columns.forEach((header, index) => {
    if (used.has(index)) return;
    let key = header === "" ? `column ${index + 1}` : header;
    for (let n = 2; keys.has(key); n++) key = `${header} (${n})`;
    keys.add(key);
    custom.push({ index, key, blank: header === "" });
  });
  return custom;
}
