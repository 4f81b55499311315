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
 *
 * csv-stringify (the csv-parse project) does the quoting; the options and casts below make it write the above.
 * Records are stringified in batches: one call per record would cost more than the quoting itself.
 */
import { stringify, type Options } from "csv-stringify/sync";
import type { RecordWriter } from "./record-writer.js";
import { TextSink } from "./text-sink.js";

/** What a cell can hold: empty (null, undefined), text, a number or a boolean. */
export type CsvValue = string | number | boolean | null | undefined;

export const CSV_BOM = "\uFEFF";
export const CSV_EOL = "\r\n";

const FORMULA_START = /^[=+\-@\t\r]/;

/** csv-stringify quotes a field holding `"`, `,` or a line break; `;` and tabs are ours to add. */
const OPTIONS: Options = {
  delimiter: ",",
  record_delimiter: CSV_EOL,
  quote_record_delimiter: true, // also a lone \n or \r (the default turns off once record_delimiter is given)
  quoted_match: [";", "\t"],
  eof: true,
  cast: {
    string: (text) => (FORMULA_START.test(text) ? { value: `'${text}`, quoted: true } : text),
    number: (n) => (Number.isFinite(n) ? String(n) : ""),
    boolean: (b) => (b ? "true" : "false"),
  },
};
const ONE_LINE: Options = { ...OPTIONS, eof: false };

/** Records buffered by CsvWriter before one csv-stringify call. */
const BATCH = 256;

/** One cell, quoted and neutralised as described above. */
export function csvCell(value: CsvValue): string {
  return stringify([[value]], ONE_LINE);
}

/** One record without its line end. */
export function csvLine(values: readonly CsvValue[]): string {
  return stringify([values as CsvValue[]], ONE_LINE);
}

/** Records, each followed by CRLF. */
function csvLines(rows: readonly (readonly CsvValue[])[]): string {
  return rows.length === 0 ? "" : stringify(rows as CsvValue[][], OPTIONS);
}

/** A whole CSV document in memory (for small outputs and tests): BOM, header, records, CRLF after each. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return CSV_BOM + csvLines([header, ...rows]);
}

/** Streams a CSV document to `out`: the BOM and header first (even when no record follows), then records. */
export class CsvWriter {
  readonly #sink: TextSink;
  readonly #header: readonly string[];
  #started = false;
  #rows = 0;
  #batch: CsvValue[][] = [];

  constructor(out: NodeJS.WritableStream, header: readonly string[]) {
    this.#sink = new TextSink(out);
    this.#header = header;
  }

  /** Records written so far, the header not counted. */
  get rows(): number {
    return this.#rows;
  }

  async write(values: readonly CsvValue[]): Promise<void> {
    if (values.length !== this.#header.length)
      throw new Error(`CSV record of ${values.length} cells for a header of ${this.#header.length}`);
    await this.#start();
    this.#batch.push([...values]);
    this.#rows++;
    if (this.#batch.length >= BATCH) await this.#writeBatch();
  }

  /** Writes what is buffered; the stream itself stays open (it may be stdout). */
  async end(): Promise<void> {
    await this.#start();
    await this.#writeBatch();
    await this.#sink.flush();
  }

  async #start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    await this.#sink.write(CSV_BOM + csvLines([this.#header]));
  }

  async #writeBatch(): Promise<void> {
    const rows = this.#batch;
    this.#batch = [];
    await this.#sink.write(csvLines(rows));
  }
}

/** Records of type R as CSV, one column per key of `columns`, in that order; the keys are the header. */
export function csvRecordWriter<R>(out: NodeJS.WritableStream, columns: ReadonlyArray<keyof R & string>): RecordWriter<R> {
  return csvRowWriter<R>(out, columns, (record) => columns.map((c) => record[c] as CsvValue));
}

/** Records of type R as CSV under `header`, `cells` giving each record's cells in the header's order. */
export function csvRowWriter<R>(
  out: NodeJS.WritableStream,
  header: readonly string[],
  cells: (record: R) => readonly CsvValue[],
): RecordWriter<R> {
  const csv = new CsvWriter(out, header);
  return {
    get count() {
      return csv.rows;
    },
    write: (record) => csv.write(cells(record)),
    end: () => csv.end(),
  };
}
