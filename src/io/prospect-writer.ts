/**
 * The writer of a prospect export (`linkpace export prospects`, GET /v1/exports/prospects).
 *
 * JSON: each record as it is, the imported extra columns in its `custom` object. CSV: the standard columns,
 * then one column per extra column that any exported person has, under the name it had in the imported file
 * (Apollo's `Email` comes back as `Email`), in the order first met person by person, so that a spreadsheet user
 * gets their own columns back; a name that is also a standard column's (case aside) becomes `custom.<name>`.
 * The export is streamed, so the header needs every name before the first record: a first, cheap pass reads
 * only the people's extra columns.
 */
import type { ExportFilter, Store, WorkspaceId } from "../store/store.js";
import { csvRowWriter } from "./csv-writer.js";
import { PROSPECT_COLUMNS, type ProspectRecord } from "./export-rows.js";
import { jsonRecordWriter } from "./json-writer.js";
import type { RecordWriter } from "./record-writer.js";

const PAGE = 1000;

export interface ProspectWriterInput {
  store: Store;
  workspaceId: WorkspaceId;
  filter: ExportFilter;
  format: "csv" | "json";
  out: NodeJS.WritableStream;
}

export async function prospectRecordWriter(input: ProspectWriterInput): Promise<RecordWriter<ProspectRecord>> {
  const { format, out } = input;
  if (format === "json") return jsonRecordWriter<ProspectRecord>(out, "prospects");
  const keys = await customColumns(input.store, input.workspaceId, input.filter);
  const header = [...PROSPECT_COLUMNS, ...customHeaders(keys)];
  return csvRowWriter<ProspectRecord>(out, header, (r) => [
    ...PROSPECT_COLUMNS.map((c) => r[c]),
    ...keys.map((k) => (Object.hasOwn(r.custom, k) ? r.custom[k] : null)),
  ]);
}

/** Every extra column name of the exported people, in the order first met. */
export async function customColumns(store: Store, workspaceId: WorkspaceId, filter: ExportFilter, pageSize = PAGE): Promise<string[]> {
  const keys = new Set<string>();
  for (let after = 0; ;) {
    const page = await store.exportCustomFields(workspaceId, filter, after, pageSize);
    for (const row of page) for (const key of Object.keys(row.custom)) keys.add(key);
    const last = page[page.length - 1];
    if (!last || page.length < pageSize) return [...keys];
    after = last.id;
  }
}

/** The CSV header of each extra column: its own name, unless a standard column has it. */
export function customHeaders(keys: readonly string[]): string[] {
  const standard = new Set<string>(PROSPECT_COLUMNS.map((c) => c.toLowerCase()));
  return keys.map((k) => (standard.has(k.toLowerCase()) ? `custom.${k}` : k));
}
