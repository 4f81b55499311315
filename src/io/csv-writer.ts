/**
 * CSV for spreadsheets and CRMs, written as it is produced (one chunk in memory, not the whole file).
 *
 * - UTF-8 with a BOM, so that Excel reads accents and other scripts right (without it Excel assumes the
 *   system's code page); LibreOffice and CSV parsers accept the BOM.
 * - Fields separated by `,`, records ended by CRLF (RFC 4180). A field is quoted when it holds `"`, `,`,
 *   `;` (Excel in many European locales splits on it), a tab or a line break; quotes inside are doubled.
 * - Formula injection (OWASP "CSV injection"): a text cell starting with `=`, `+`, `-`, `@`, a tab or a
 *   carriage return would be evaluated by Excel or LibreOffice (`=HYPERLINK(…)` in a prospect's name). Such a
 *   cell gets a leading `'` and is quoted, so it shows as the text it was. Numbers (typed as numbers) and ISO
 *   instants never start with those characters and stay plain, so they still sort and compute.
 */
import type { RecordWriter } from "./record-writer.js";
import { TextSink } from "./text-sink.js";

/** What a cell can hold: empty (null, undefined), text, a number or a boolean. */
export type CsvValue = string | number | boolean | null | undefined;

export const CSV_BOM = "\uFEFF";
export const CSV_EOL = "\r\n";

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** One cell, quoted and neutralised as described above. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return text !== value || NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record without its line end. */
export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(",");
}

/** A whole CSV document in memory (for small outputs and tests): BOM, header, records, CRLF after each. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return CSV_BOM + [header, ...rows].map((r) => csvLine(r) + CSV_EOL).join("");
}

/** Streams a CSV document to `out`: the BOM and header first (even when no record follows), then records. */
export class CsvWriter {
  readonly #sink: TextSink;
  readonly #header: readonly string[];
  #started = false;
  #rows = 0;

  constructor(out: NodeJS.WritableStream, header: readonly string[]) {
    this.#sink = new TextSink(out);
    this.#header = header;
  }

  /** Records written so far, the header not counted. */
  get rows(): number {
    return this.#rows;
  }

  async write(values: readonly CsvValue[]): Promise<void> {
    if (values.length !== this.#header.length) throw new Error(`CSV record of ${values.length} cells for a header of ${this.#header.length}`);
    await this.#start();
    await this.#sink.write(csvLine(values) + CSV_EOL);
    this.#rows++;
  }

  /** Writes what is buffered; the stream itself stays open (it may be stdout). */
  async end(): Promise<void> {
    await this.#start();
    await this.#sink.flush();
  }

  async #start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    await this.#sink.write(CSV_BOM + csvLine(this.#header) + CSV_EOL);
  }
}

/** Records of type R as CSV, one column per key of `columns`, in that order; the keys are the header. */
export function csvRecordWriter<R>(out: NodeJS.WritableStream, columns: ReadonlyArray<keyof R & string>): RecordWriter<R> {
  return csvRowWriter<R>(out, columns, (record) => columns.map((c) => record[c] as CsvValue));
}

/** Records of type R as CSV under `header`, `cells` giving each record's cells in the header's order. */
export function csvRowWriter<R>(out: NodeJS.WritableStream, header: readonly string[], cells: (record: R) => readonly CsvValue[]): RecordWriter<R> {
  const csv = new CsvWriter(out, header);
  return {
    get count() {
      return csv.rows;
    },
    write: (record) => csv.write(cells(record)),
    end: () => csv.end(),
  };
}
