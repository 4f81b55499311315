/**
 * Sizes in a lead list: a cell over 32,767 characters or a row over 131,072 is rejected with its line and
 * why (a 20 MB cell used to be stored); a quote left open that swallows many lines fails the whole file.
 * And the chunked reader reads exactly as the one-go reader, pausing between chunks.
 */
import { describe, expect, test } from "vitest";
import { LinkpaceError } from "../../src/core/errors.js";
import { MAX_CELL_CHARS, MAX_ROW_CHARS, readProspectCsv, readProspectCsvInChunks } from "../../src/io/prospect-csv/index.js";

const read = (csv: string) => readProspectCsv(Buffer.from(csv, "utf8"), "leads.csv");
const url = (n: number) => `https://www.linkedin.com/in/p-${n}`;

describe("readProspectCsv: size limits", () => {
  test("a 20 MB cell rejects its row, with its line, column and size; the other rows are read", () => {
    const huge = "x".repeat(20 * 1024 * 1024);
    const result = read(
      `profileUrl,firstName,note\n${url(1)},Ana,hi\n${url(2)},Bo,${huge}\n${url(3)},Cy,"${"y".repeat(MAX_CELL_CHARS)}"\n`,
    );
    expect(result.rows.map((r) => [r.line, r.prospect.identifiers[0]])).toEqual([
      [2, url(1)],
      [4, url(3)],
    ]);
    expect(result.rejects).toEqual([
      {
        line: 3,
        reason: `column "note" has ${huge.length} characters, more than the 32767 a cell may hold`,
        raw: `${url(2)},Bo,${"x".repeat(300 - url(2).length - 4)}…`,
      },
    ]);
  });

  test("a cell just over the limit, in a column without a header, is named by its position", () => {
    const result = read(`profileUrl,firstName,\n${url(1)},Ana,${"z".repeat(MAX_CELL_CHARS + 1)}\n${url(2)},Bo,\n`);
    expect(result.rejects.map((r) => [r.line, r.reason])).toEqual([
      [2, "cell 3 has 32768 characters, more than the 32767 a cell may hold"],
    ]);
    expect(result.rows).toHaveLength(1);
  });

  test("a row of many long cells is rejected as a whole", () => {
    const cells = Array.from({ length: 5 }, () => "w".repeat(30_000));
    const result = read(`profileUrl,a,b,c,d,e\n${url(1)},${cells.join(",")}\n${url(2)},,,,,\n`);
    expect(result.rejects.map((r) => [r.line, r.reason])).toEqual([
      [2, `the row has ${url(1).length + 5 * 30_001} characters, more than the ${MAX_ROW_CHARS} a row may hold`],
    ]);
    expect(result.rows.map((r) => r.line)).toEqual([3]);
  });

  test("a quote left open that swallows thousands of lines fails the whole file, naming the line", () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `${url(i + 3)},Name ${i},some note about them`);
    const csv = `profileUrl,firstName,note\n${url(1)},Ana,fine\n${url(2)},Bo,"opened here\n${rows.join("\n")}\n${url(9999)},Zed,"closed"\n`;
    let error: unknown;
    try {
      read(csv);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LinkpaceError);
    expect((error as LinkpaceError).message).toMatch(
      /^leads\.csv: line 3: a quoted cell runs on over 5002 lines \(\d+ characters, more than the 131072 a row may hold\), so a quote is probably left open and the rows after it were read as its text; fix the quotes from line 3 on and import again$/,
    );
  });
});

describe("readProspectCsvInChunks", () => {
  const csv = ["profileUrl,firstName", ...Array.from({ length: 2500 }, (_, i) => `${url(i)},P${i}`), `${url(7)},dup`, "nope,x"].join("\n");

  test("reads as readProspectCsv does, pausing after decoding, making the text and every 250 records", async () => {
    let pauses = 0;
    const progress: Array<[number, number]> = [];
    const chunked = await readProspectCsvInChunks(Buffer.from(csv), "leads.csv", {
      pause: async () => void pauses++,
      onProgress: (d, t) => progress.push([d, t]),
    });
    expect(chunked).toEqual(read(csv));
    expect(chunked.rows).toHaveLength(2500);
    expect(pauses).toBe(2 + 10);
    expect(progress).toEqual([
      [1000, 2502],
      [2000, 2502],
      [2502, 2502],
    ]);
  });

  test("stops when pause throws", async () => {
    const stop = new Error("the client went away");
    await expect(readProspectCsvInChunks(Buffer.from(csv), "leads.csv", { pause: () => Promise.reject(stop) })).rejects.toBe(stop);
  });
});
