/**
 * The data rows under a table's header, with their physical line and cells looked up by column name, so old
 * and new column sets (and unknown extra columns) read the same way. Rows whose cells are all empty are
 * skipped; a quoted cell that never closes ends the file with a problem.
 */
import { csvRecords } from "../prospect-csv/csv-records.js";
import type { TableHeader } from "./find-table.js";
import type { ArchiveProblem } from "./types.js";

export interface TableRow {
  line: number;
  /** The trimmed cell of a column (normalised name), "" when the column is missing or the row is short. */
  get(column: string): string;
}

export function* tableRows(file: string, text: string, header: TableHeader, problems: ArchiveProblem[]): Generator<TableRow> {
  const records = csvRecords(text, header.delimiter, header.offset, header.line);
  records.next(); // the header itself
  for (const record of records) {
    if (record.kind === "unclosed_quote") {
      problems.push({
        file,
        line: record.line,
        reason: "a quoted cell opened on this line is never closed, so the rest of the file was not read",
      });
      return;
    }
    const cells = record.cells;
    if (cells.every((c) => c.trim() === "")) continue;
    yield {
      line: record.line,
      get: (column) => {
        const i = header.columns.get(column);
        return i === undefined ? "" : (cells[i] ?? "").trim();
      },
    };
  }
}

/** Whether the table has this column at all (old exports lack some). */
export function hasColumn(header: TableHeader, column: string): boolean {
  return header.columns.has(column);
}
