/** Where an export puts its records, one at a time, whatever the format (csv-writer.ts, json-writer.ts). */
import { csvRecordWriter } from "./csv-writer.js";
import { jsonRecordWriter } from "./json-writer.js";

/** One export's writer, fed one record at a time. */
export interface RecordWriter<R> {
  /** Records written so far. */
  readonly count: number;
  write(record: R): Promise<void>;
  /** Completes the document (a JSON document's closing brackets) and writes what is buffered. */
  end(): Promise<void>;
}

/** The writer for a format: CSV with these columns, or one JSON document `{"<key>": [records]}`. */
export function recordWriterFor<R>(
  format: "csv" | "json",
  out: NodeJS.WritableStream,
  key: string,
  columns: ReadonlyArray<keyof R & string>,
): RecordWriter<R> {
  return format === "csv" ? csvRecordWriter<R>(out, columns) : jsonRecordWriter<R>(out, key);
}
