import { Writable } from "node:stream";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CSV_BOM, csvCell, csvDocument, csvRecordWriter, CsvWriter, type CsvValue } from "../../src/io/csv-writer.js";
import { jsonRecordWriter } from "../../src/io/json-writer.js";
import { TextSink } from "../../src/io/text-sink.js";

/** A stream that keeps what it is given and, when `slow`, takes its time and asks writers to wait. */
function collector(opts: { slow?: boolean } = {}): { stream: Writable; text: () => string; drains: () => number } {
  const chunks: Buffer[] = [];
  let drains = 0;
  const stream = new Writable({
    highWaterMark: opts.slow ? 16 : 16 * 1024,
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      if (opts.slow) setImmediate(done);
      else done();
    },
  });
  stream.on("drain", () => drains++);
  return { stream, text: () => Buffer.concat(chunks).toString("utf8"), drains: () => drains };
}

/** What a spreadsheet user reads back: the value, behind a ' when it would have been a formula. */
const shown = (v: string): string => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

describe("csvCell", () => {
  it.each<[string, CsvValue, string]>([
    ["plain text", "Jane", "Jane"],
    ["a formula", '=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ["a leading +", "+1", `"'+1"`],
    ["a leading -", "-2", `"'-2"`],
    ["a leading @", "@SUM(A1)", `"'@SUM(A1)"`],
    ["a leading tab", "\tx", `"'\tx"`],
    ["a leading carriage return", "\r=1+1", `"'\r=1+1"`],
    ["a name with a comma", "Doe, Jane", `"Doe, Jane"`],
    ["a semicolon (European Excel)", "a;b", `"a;b"`],
    ["quotes", 'the "best"', `"the ""best"""`],
    ["a newline", "line 1\nline 2", `"line 1\nline 2"`],
    ["CRLF inside", "a\r\nb", `"a\r\nb"`],
    ["a comma, quotes and a newline", 'O"Neil, "Jo"\nCEO', `"O""Neil, ""Jo""\nCEO"`],
    ["Unicode", "Zoé 山田 😀 عربي", "Zoé 山田 😀 عربي"],
    ["an = inside is harmless", "a=b", "a=b"],
    ["an ISO instant stays plain", "2027-03-01T08:15:00Z", "2027-03-01T08:15:00Z"],
    ["a number stays plain", 12.5, "12.5"],
    ["a negative number stays plain", -2, "-2"],
    ["zero", 0, "0"],
    ["NaN is empty", Number.NaN, ""],
    ["null is empty", null, ""],
    ["undefined is empty", undefined, ""],
    ["the empty string", "", ""],
    ["true", true, "true"],
  ])("%s", (_what, value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe("CSV documents", () => {
  const nasty = [
    ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)"],
    ["\tindented", "Doe, Jane", 'say "hi"\nthen leave', "Zoé 山田 😀"],
    ["", "a;b", "\r\n", "'already quoted"],
  ];

  it("starts with the BOM, ends every record with CRLF, and parses back to the values a user sees", () => {
    const doc = csvDocument(["a", "b", "c", "d"], nasty);
    expect(doc.startsWith(`${CSV_BOM}a,b,c,d\r\n`)).toBe(true);
    expect(doc.endsWith("\r\n")).toBe(true);
    const back = parse(doc, { bom: true, relax_column_count: false }) as string[][];
    expect(back).toEqual([["a", "b", "c", "d"], ...nasty.map((r) => r.map(shown))]);
  });

  it("round-trips any text through a CSV parser (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: "grapheme" }), { minLength: 3, maxLength: 3 }), { maxLength: 20 }), (rows) => {
        const back = parse(csvDocument(["x", "y", "z"], rows), { bom: true }) as string[][];
        expect(back.slice(1)).toEqual(rows.map((r) => r.map(shown)));
      }),
    );
  });

  it("streams the same bytes as csvDocument, waiting for a slow stream to drain", async () => {
    const out = collector({ slow: true });
    const writer = new CsvWriter(out.stream, ["i", "name", "note"]);
    const rows: CsvValue[][] = Array.from({ length: 5000 }, (_, i) => [i, `=name ${i}`, i % 7 === 0 ? null : `x,${i}\n"y"`]);
    for (const r of rows) await writer.write(r);
    await writer.end();
    expect(writer.rows).toBe(5000);
    expect(out.drains()).toBeGreaterThan(0);
    expect(out.text()).toBe(csvDocument(["i", "name", "note"], rows));
  });

  it("writes the header alone when there is no record", async () => {
    const out = collector();
    const writer = csvRecordWriter<{ a: string; b: number }>(out.stream, ["a", "b"]);
    await writer.end();
    expect(out.text()).toBe(`${CSV_BOM}a,b\r\n`);
  });

  it("refuses a record whose length differs from the header's", async () => {
    const writer = new CsvWriter(collector().stream, ["a", "b"]);
    await expect(writer.write(["only one"])).rejects.toThrow(/1 cells for a header of 2/);
  });

  it("hands a stream's error to the writer instead of crashing the process", async () => {
    const failing = new Writable({ write: (_c, _e, done) => done(Object.assign(new Error("broken pipe"), { code: "EPIPE" })) });
    const sink = new TextSink(failing);
    const run = async () => {
      for (let i = 0; i < 10; i++) await sink.write("x".repeat(70_000));
      await sink.flush();
    };
    await expect(run()).rejects.toThrow(/broken pipe/);
  });
});

describe("JSON documents", () => {
  it.each([0, 1, 3])("is one parseable document with %i records", async (n) => {
    const out = collector();
    const writer = jsonRecordWriter<{ i: number; s: string | null }>(out.stream, "prospects");
    const records = Array.from({ length: n }, (_, i) => ({ i, s: i === 1 ? null : `=x "${i}"\n` }));
    for (const r of records) await writer.write(r);
    await writer.end();
    expect(writer.count).toBe(n);
    expect(JSON.parse(out.text())).toEqual({ prospects: records });
  });
});
