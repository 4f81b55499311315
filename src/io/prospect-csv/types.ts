import type { ProspectInput } from "../../core/model.js";

/** The lead-list formats recognised by their header (the exports of the tools users already have). */
export const CSV_FORMATS = ["phantombuster", "phantombuster-v2", "evaboot", "apollo", "waalaxy", "linkedin-connections", "plain"] as const;
export type CsvFormat = (typeof CSV_FORMATS)[number];

export type CsvDelimiter = "," | ";" | "\t";

/** Location parts some sources give separately; the zone resolver uses them before the free-text location. */
export interface ZoneHints {
  city?: string;
  state?: string;
  country?: string;
}

export interface AcceptedRow {
  /** 1-based physical line of the file where the record starts. */
  line: number;
  prospect: ProspectInput;
  zoneHints: ZoneHints;
}

export interface RejectRow {
  /** 1-based physical line of the file where the record starts. */
  line: number;
  /** Why, without the line number: `duplicate of line 3`, `"x" is not a LinkedIn profile URL`. */
  reason: string;
  /** The record as written in the file (possibly truncated), when it helps the user find it. */
  raw?: string;
}

export interface ProspectCsvResult {
  format: CsvFormat;
  rows: AcceptedRow[];
  rejects: RejectRow[];
  delimiter: CsvDelimiter;
  /** `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be` or `windows-1252`. */
  encoding: string;
}

export interface ReadProspectCsvOptions {
  /** Called every ~1,000 rows and once at the end; `total` is an estimate (physical lines) until the end. */
  onProgress?: (done: number, total: number) => void;
}
