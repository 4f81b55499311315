import { describe, expect, test } from "vitest";
import { LinkpaceError } from "../../src/core/errors.js";
import { readProspectCsv } from "../../src/io/prospect-csv/index.js";

const read = (csv: string) => readProspectCsv(Buffer.from(csv, "utf8"), "leads.csv");
const lines = (...l: string[]) => l.join("\n");

function errorOf(fn: () => unknown): LinkpaceError {
  try {
    fn();
  } catch (e) {
    if (e instanceof LinkpaceError) return e;
    throw e;
  }
  throw new Error("expected a LinkpaceError");
}

describe("readProspectCsv: records and line numbers", () => {
  test("quoted newlines are kept and the following records get their physical line", () => {
    const result = read(
      lines(
        "url,name,note",
        'https://www.linkedin.com/in/ana-silva,Ana Silva,"first line',
        "second line",
        'third line"',
        "https://www.linkedin.com/in/bo-chen,Bo Chen,single",
        "",
        'https://www.linkedin.com/in/cy-dale,Cy Dale,"a ""quoted""',
        'word"',
        "https://www.linkedin.com/in/di-eze,Di Eze,",
      ),
    );
    expect(result.rejects).toEqual([]);
    expect(result.rows.map((r) => [r.line, r.prospect.lastName, r.prospect.custom.note])).toEqual([
      [2, "Silva", "first line\nsecond line\nthird line"],
      [5, "Chen", "single"],
      [7, "Dale", 'a "quoted"\nword'],
      [9, "Eze", ""],
    ]);
  });

  test.each([
    ["\r\n", "CRLF"],
    ["\r", "CR"],
  ])("line endings %j (%s) count one line each, also inside quotes", (eol) => {
    const csv = ["url,note", 'https://www.linkedin.com/in/ana-silva,"a', 'b"', "", "https://www.linkedin.com/in/bo-chen,c"].join(eol);
    const result = read(csv);
    expect(result.rows.map((r) => [r.line, r.prospect.custom.note])).toEqual([
      [2, `a${eol}b`],
      [5, "c"],
    ]);
  });

  test("cells are trimmed; formula-looking cells are text, never evaluated", () => {
    const result = read(
      lines(
        "url , first name , company , title , note",
        '  https://www.linkedin.com/in/ana-silva  , Ana ,"=HYPERLINK(""https://evil.example"",""x"")",+1 555 0100,-2',
        "https://www.linkedin.com/in/bo-chen,@SUM(A1:A9),=1+1,'=cmd|' /C calc'!A0,=",
      ),
    );
    expect(result.rejects).toEqual([]);
    expect(result.rows.map((r) => [r.prospect.firstName, r.prospect.company, r.prospect.title, r.prospect.custom])).toEqual([
      ["Ana", '=HYPERLINK("https://evil.example","x")', "+1 555 0100", { note: "-2" }],
      ["@SUM(A1:A9)", "=1+1", "'=cmd|' /C calc'!A0", { note: "=" }],
    ]);
  });

  test("rows with too many or too few fields are rejected with their line; trailing empty extras are tolerated", () => {
    const result = read(
      lines(
        "url,first name,last name",
        "https://www.linkedin.com/in/ana-silva,Ana,Silva",
        "https://www.linkedin.com/in/bo-chen,Bo,Chen,extra",
        "https://www.linkedin.com/in/cy-dale,Cy",
        "https://www.linkedin.com/in/di-eze,Di,Eze,,",
      ),
    );
    expect(result.rows.map((r) => [r.line, r.prospect.firstName])).toEqual([
      [2, "Ana"],
      [5, "Di"],
    ]);
    expect(result.rejects).toEqual([
      { line: 3, reason: "has 4 fields, the header has 3", raw: "https://www.linkedin.com/in/bo-chen,Bo,Chen,extra" },
      { line: 4, reason: "has 2 fields, the header has 3", raw: "https://www.linkedin.com/in/cy-dale,Cy" },
    ]);
  });

  test("a row without a usable identifier is rejected with the value that was tried", () => {
    const result = read(
      lines(
        "url,name",
        "https://www.linkedin.com/in/ana-silva,Ana Silva",
        ",No Url",
        "www.google.com/x,Bad Url",
        "https://www.linkedin.com/company/acme,A Company",
      ),
    );
    expect(result.rows.map((r) => r.line)).toEqual([2]);
    expect(result.rejects).toEqual([
      { line: 3, reason: "no profile URL", raw: ",No Url" },
      { line: 4, reason: '"www.google.com/x" is not a LinkedIn profile URL', raw: "www.google.com/x,Bad Url" },
      {
        line: 5,
        reason: '"https://www.linkedin.com/company/acme" is not a LinkedIn profile URL',
        raw: "https://www.linkedin.com/company/acme,A Company",
      },
    ]);
  });

  test("several URL columns: one valid value is enough, none valid lists them all", () => {
    const result = read(
      lines(
        "linkedinUrl,salesNavigatorUrl,occupation",
        "not a url,https://www.linkedin.com/sales/lead/ACwAAAB1c2VyMTIzNDU2,x",
        "nope,https://example.com/in/x,y",
      ),
    );
    expect(result.rows.map((r) => r.prospect.identifiers)).toEqual([["https://www.linkedin.com/sales/lead/ACwAAAB1c2VyMTIzNDU2"]]);
    expect(result.rejects.map((r) => [r.line, r.reason])).toEqual([
      [3, 'none of "nope", "https://example.com/in/x" is a LinkedIn profile URL'],
    ]);
  });

  test("duplicates by any spelling of the same URL, or by any shared identifier, point at the first line", () => {
    const result = read(
      lines(
        "defaultProfileUrl,profileUrl,vmid,firstName",
        "https://www.linkedin.com/in/jane-doe,,,Jane",
        "https://www.linkedin.com/in/ben-carter,https://www.linkedin.com/sales/lead/ACwAAAB1c2VyMTIzNDU2,ACwAAAB1c2VyMTIzNDU2,Ben",
        "http://linkedin.com/in/Jane-Doe/,,,Jane again",
        ",https://www.linkedin.com/sales/lead/ACwAAAB1c2VyMTIzNDU2%2CNAME_SEARCH%2Cx,,Ben by sales URL",
        ",,ACwAAAB1c2VyMTIzNDU2,Ben by vmid",
        "https://fr.linkedin.com/in/jane-doe?trk=x,,,Jane thrice",
      ),
    );
    expect(result.format).toBe("phantombuster");
    expect(result.rows.map((r) => r.line)).toEqual([2, 3]);
    expect(result.rejects.map((r) => [r.line, r.reason])).toEqual([
      [4, "duplicate of line 2"],
      [5, "duplicate of line 3"],
      [6, "no profile URL"],
      [7, "duplicate of line 2"],
    ]);
  });

  test("lines whose cells are all empty are skipped, not rejected", () => {
    const result = read(
      lines("url;name", "https://www.linkedin.com/in/ana-silva;Ana", ";", " ; ", "https://www.linkedin.com/in/bo-chen;Bo"),
    );
    expect(result.rows.map((r) => r.line)).toEqual([2, 5]);
    expect(result.rejects).toEqual([]);
  });

  test("a quote never closed rejects the rest of the file from the line where it opened", () => {
    const result = read(
      lines(
        "url,note",
        "https://www.linkedin.com/in/ana-silva,ok",
        'https://www.linkedin.com/in/bo-chen,"oops',
        "https://www.linkedin.com/in/cy-dale,x",
      ),
    );
    expect(result.rows.map((r) => r.line)).toEqual([2]);
    expect(result.rejects).toEqual([
      {
        line: 3,
        reason: "a quoted cell opened on this line is never closed, so the rest of the file was not read",
        raw: 'https://www.linkedin.com/in/bo-chen,"oops\nhttps://www.linkedin.com/in/cy-dale,x',
      },
    ]);
  });

  test("a header ending in blank cells does not require them in every row", () => {
    const result = read(
      lines("url,name,,", "https://www.linkedin.com/in/ana-silva,Ana", "https://www.linkedin.com/in/bo-chen,Bo,,", "x,y,z,w,v"),
    );
    expect(result.rows.map((r) => [r.line, r.prospect.fullName, r.prospect.custom])).toEqual([
      [2, "Ana", {}],
      [3, "Bo", {}],
    ]);
    expect(result.rejects).toEqual([{ line: 4, reason: "has 5 fields, the header has 4", raw: "x,y,z,w,v" }]);
  });

  test("custom keys for repeated and blank headers", () => {
    const result = read(lines("url,Email,Email,,", "https://www.linkedin.com/in/ana-silva,a@x.example,b@x.example,kept,"));
    expect(result.rows[0]!.prospect.custom).toEqual({ Email: "a@x.example", "Email (2)": "b@x.example", "column 4": "kept" });
  });

  test("a column named __proto__ is an ordinary custom key", () => {
    const result = read(lines("url,__proto__", "https://www.linkedin.com/in/ana-silva,polluted"));
    const custom = result.rows[0]!.prospect.custom;
    expect(Object.keys(custom)).toEqual(["__proto__"]);
    expect(custom["__proto__"]).toBe("polluted");
    expect(Object.getPrototypeOf(custom)).toBe(Object.prototype);
  });

  test("onProgress is called every 1,000 rows and once at the end", () => {
    const rows = Array.from({ length: 2500 }, (_, i) => `https://www.linkedin.com/in/person-${i},P${i}`);
    const calls: Array<[number, number]> = [];
    const result = readProspectCsv(Buffer.from(["url,name", ...rows].join("\n")), "x.csv", {
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(result.rows).toHaveLength(2500);
    expect(result.rows[2499]!.line).toBe(2501);
    expect(calls).toEqual([
      [1000, 2500],
      [2000, 2500],
      [2500, 2500],
    ]);
  });
});

describe("readProspectCsv: files it cannot read", () => {
  test("no profile URL column: names what it looked for and what it found", () => {
    const e = errorOf(() => read(lines("a,b,c", "1,2,3")));
    expect(e.code).toBe("invalid_input");
    expect(e.message).toBe(
      "leads.csv: no LinkedIn profile URL column (looked for: profileUrl, linkedin, url, linkedinUrl, defaultProfileUrl, " +
        "Linkedin URL Public, Person Linkedin Url, Sales Navigator URL, profile, …; found: a, b, c); " +
        "rename the column that holds the LinkedIn profile URLs to profileUrl",
    );
  });

  test.each([
    ["an empty file", Buffer.alloc(0)],
    ["blank lines only", Buffer.from("\n\r\n  \n")],
    ["a UTF-8 BOM only", Buffer.from([0xef, 0xbb, 0xbf])],
  ])("%s", (_, bytes) => {
    const e = errorOf(() => readProspectCsv(bytes, "leads.csv"));
    expect(e.code).toBe("invalid_input");
    expect(e.message).toBe(
      'leads.csv: the file is empty; expected a header row such as "profileUrl,firstName,lastName" and one row per person',
    );
  });

  test("a header without rows", () => {
    const e = errorOf(() => read("profileUrl,firstName\n\n"));
    expect(e.message).toBe("leads.csv: the header (line 1) is not followed by any rows; add one row per person");
  });

  test("binary garbage", () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const e = errorOf(() => readProspectCsv(bytes, "photo.jpg"));
    expect(e.code).toBe("invalid_input");
    expect(e.message).toBe(
      "photo.jpg: does not look like a CSV text file (binary content); export the list as CSV (UTF-8) and import that",
    );
  });

  test("an Excel workbook", () => {
    const bytes = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 1)]);
    expect(() => readProspectCsv(bytes, "leads.xlsx")).toThrow(
      'leads.xlsx: this is a ZIP archive (an Excel .xlsx workbook?), not a CSV file; save the sheet as "CSV UTF-8" and import that',
    );
  });
});
