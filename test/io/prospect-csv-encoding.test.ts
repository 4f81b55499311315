import iconv from "iconv-lite";
import { describe, expect, test } from "vitest";
import { readProspectCsv } from "../../src/io/prospect-csv/index.js";

const CSV = "profileUrl;firstName;lastName;company\r\nhttps://www.linkedin.com/in/zoe-lefevre;Zoé;Lefèvre;Café Noël\r\n";

function expectZoe(bytes: Buffer, encoding: string): void {
  const result = readProspectCsv(bytes, "leads.csv");
  expect(result.encoding).toBe(encoding);
  expect(result.delimiter).toBe(";");
  expect(result.rejects).toEqual([]);
  expect(result.rows.map((r) => [r.line, r.prospect.firstName, r.prospect.lastName, r.prospect.company])).toEqual([
    [2, "Zoé", "Lefèvre", "Café Noël"],
  ]);
  expect(result.rows[0]!.prospect.identifiers).toEqual(["https://www.linkedin.com/in/zoe-lefevre"]);
}

describe("readProspectCsv: encodings", () => {
  test("UTF-8 without BOM", () => expectZoe(Buffer.from(CSV, "utf8"), "utf-8"));

  test("UTF-8 with BOM: the BOM does not stick to the first column name", () =>
    expectZoe(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, "utf8")]), "utf-8-bom"));

  test("UTF-16 LE with BOM (Excel Unicode text)", () =>
    expectZoe(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(CSV, "utf-16le")]), "utf-16le"));

  test("UTF-16 BE with BOM", () => expectZoe(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(CSV, "utf-16be")]), "utf-16be"));

  test("UTF-16 LE without BOM is recognised by its zero bytes", () => expectZoe(iconv.encode(CSV, "utf-16le"), "utf-16le"));

  test("Windows-1252 (bytes that are not UTF-8): é decoded, encoding reported", () => {
    const bytes = iconv.encode(CSV, "windows-1252");
    expect(bytes.includes(0xe9)).toBe(true); // é as a single byte
    expectZoe(bytes, "windows-1252");
  });

  test("Excel Unicode text: UTF-16 with tabs", () => {
    const text = "First Name\tLast Name\tLinkedIn\r\nZoé\tLefèvre\thttps://www.linkedin.com/in/zoe-lefevre\r\n";
    const result = readProspectCsv(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf-16le")]), "x.txt");
    expect(result.delimiter).toBe("\t");
    expect(result.rows[0]!.prospect.firstName).toBe("Zoé");
  });
});

describe("readProspectCsv: delimiters", () => {
  test.each([
    [",", 'url,name,note\nhttps://www.linkedin.com/in/a-b,A B,"x; y; z"\n'],
    [";", 'url;name;note\nhttps://www.linkedin.com/in/a-b;A B;"x, y, z"\n'],
    ["\t", "url\tname\tnote\nhttps://www.linkedin.com/in/a-b\tA B\tx, y; z\n"],
  ])("%j detected from the header", (delimiter, csv) => {
    const result = readProspectCsv(Buffer.from(csv), "x.csv");
    expect(result.delimiter).toBe(delimiter);
    expect(result.rows[0]!.prospect.custom).toEqual({ note: expect.stringMatching(/^x[,;] y[,;] z$/) });
    expect(result.rows[0]!.prospect.firstName).toBe("A");
  });

  test("delimiters inside quoted header names do not count", () => {
    const csv = '"Name, full";"Profile, notes";url;x\n"Doe, Jane";n;https://www.linkedin.com/in/jane-doe;1\n';
    const result = readProspectCsv(Buffer.from(csv), "x.csv");
    expect(result.delimiter).toBe(";");
    expect(result.rows[0]!.prospect.custom).toEqual({ "Name, full": "Doe, Jane", "Profile, notes": "n", x: "1" });
  });
});
