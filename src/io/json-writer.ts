/**
 * One JSON document `{"<key>":[record, record, …]}` written record by record, so that an export of any size
 * never holds more than a chunk in memory. Each record sits on its own line: the whole output is still one
 * JSON document (as every --json output is), and a line-oriented tool can follow it.
 */
import type { RecordWriter } from "./record-writer.js";
import { TextSink } from "./text-sink.js";

export function jsonRecordWriter<R>(out: NodeJS.WritableStream, key: string): RecordWriter<R> {
  const sink = new TextSink(out);
  let count = 0;
  return {
    get count() {
      return count;
    },
    async write(record) {
      await sink.write(`${count === 0 ? `{${JSON.stringify(key)}:[\n` : ",\n"}${JSON.stringify(record)}`);
      count++;
    },
    async end() {
      await sink.write(count === 0 ? `{${JSON.stringify(key)}:[]}\n` : "\n]}\n");
      await sink.flush();
    },
  };
}
