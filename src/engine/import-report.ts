/**
 * The report of a prospect import (`linkpace prospects import --json` and POST /v1/prospects/import): what was
 * enrolled, every row not enrolled with its line and reason, and where the time zones came from.
 */
import type { ProspectCsvResult } from "../io/prospect-csv/types.js";
import type { EnrollItem, EnrollResult } from "./enroll.js";

export interface ImportReport {
  file: string;
  format: string;
  encoding: string;
  delimiter: string;
  campaign: string;
  dryRun: boolean;
  enrolled: number;
  rejected: number;
  zoneSources: Record<string, number>;
  /** `raw`: the record as written in the file (possibly truncated), for rows the CSV reader refused. */
  rejects: Array<{ line: number; reason: string; raw?: string }>;
}

/** The enrollment items of a CSV's accepted rows. */
export function enrollItems(csv: ProspectCsvResult): EnrollItem[] {
  return csv.rows.map((r) => ({ line: r.line, prospect: r.prospect, zoneHints: r.zoneHints }));
}

export function importReport(input: {
  file: string;
  campaign: string;
  dryRun: boolean;
  csv: ProspectCsvResult;
  results: EnrollResult[];
}): ImportReport {
  const { file, campaign, dryRun, csv, results } = input;
  const rejects = [
    ...csv.rejects.map((r) => ({ line: r.line, reason: r.reason, ...(r.raw !== undefined ? { raw: r.raw } : {}) })),
    ...results.flatMap((r) => (r.status === "refused" ? [{ line: r.line ?? 0, reason: `${r.person}: ${r.reason}` }] : [])),
  ].sort((a, b) => a.line - b.line);
  const zoneSources: Record<string, number> = {};
  let enrolled = 0;
  for (const r of results) {
    if (r.status !== "enrolled") continue;
    enrolled++;
    zoneSources[r.zoneSource] = (zoneSources[r.zoneSource] ?? 0) + 1;
  }
  return {
    file,
    format: csv.format,
    encoding: csv.encoding,
    delimiter: csv.delimiter,
    campaign,
    dryRun,
    enrolled,
    rejected: rejects.length,
    zoneSources,
    rejects,
  };
}
