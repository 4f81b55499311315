/** Where an export puts its records, one at a time, whatever the format (csv-writer.ts, json-writer.ts). */
export interface RecordWriter<R> {
  /** Records written so far. */
  readonly count: number;
  write(record: R): Promise<void>;
  /** Completes the document (a JSON document's closing brackets) and writes what is buffered. */
  end(): Promise<void>;
}
