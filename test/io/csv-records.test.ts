import { describe, expect, test } from "vitest";
import { csvRecords, type CsvRecord } from "../../src/io/prospect-csv/csv-records.js";

const records = (text: string, delimiter = ","): CsvRecord[] => [...csvRecords(text, delimiter)];
const cells = (text: string, delimiter = ","): Array<[number, string[]]> =>
  records(text, delimiter).map((r) => (r.kind === "record" ? [r.line, r.cells] : [r.line, ["<unclosed>"]]));

describe("csvRecords", () => {
  test.each<[string, string, Array<[number, string[]]>]>([
    [
      "simple",
      "a,b\n1,2",
      [
        [1, ["a", "b"]],
        [2, ["1", "2"]],
      ],
    ],
    [
      "trailing newline adds no record",
      "a,b\n1,2\n",
      [
        [1, ["a", "b"]],
        [2, ["1", "2"]],
      ],
    ],
    ["empty cells", ",,\n", [[1, ["", "", ""]]]],
    [
      "empty lines skipped, counted",
      "a\n\n\nb",
      [
        [1, ["a"]],
        [4, ["b"]],
      ],
    ],
    ["quoted delimiter", '"a,b",c', [[1, ["a,b", "c"]]]],
    ["escaped quotes", '"say ""hi""",x', [[1, ['say "hi"', "x"]]]],
    ["quoted empty", '"",x', [[1, ["", "x"]]]],
    [
      "quoted newline spans lines",
      '"a\nb",c\nd,e',
      [
        [1, ["a\nb", "c"]],
        [3, ["d", "e"]],
      ],
    ],
    ["quote inside an unquoted cell is literal", 'a"b,c', [[1, ['a"b', "c"]]]],
    ["stray text after a closing quote is kept", '"ab"c,d', [[1, ['ab"c', "d"]]]],
    ["spaces after a closing quote are dropped", '"ab"  ,d', [[1, ["ab", "d"]]]],
    ["spaces before an opening quote", 'a, "b, c",d', [[1, ["a", "b, c", "d"]]]],
    [
      "CRLF",
      "a,b\r\n1,2\r\n",
      [
        [1, ["a", "b"]],
        [2, ["1", "2"]],
      ],
    ],
    [
      "CR only",
      "a,b\r1,2\r\r3,4",
      [
        [1, ["a", "b"]],
        [2, ["1", "2"]],
        [4, ["3", "4"]],
      ],
    ],
    [
      "CRLF inside quotes is one line",
      '"a\r\nb"\r\nc',
      [
        [1, ["a\r\nb"]],
        [3, ["c"]],
      ],
    ],
    ["formula text untouched", '=SUM(A1),"=HYPERLINK(""u"")",+1,-2,@x', [[1, ["=SUM(A1)", '=HYPERLINK("u")', "+1", "-2", "@x"]]]],
    [
      "unclosed quote stops",
      'a\n"b,c\nd',
      [
        [1, ["a"]],
        [2, ["<unclosed>"]],
      ],
    ],
  ])("%s", (_, text, expected) => {
    expect(cells(text)).toEqual(expected);
  });

  test("semicolon and tab delimiters", () => {
    expect(cells('a;"b;c";d', ";")).toEqual([[1, ["a", "b;c", "d"]]]);
    expect(cells("a\tb c\t", "\t")).toEqual([[1, ["a", "b c", ""]]]);
  });

  test("offsets cover the record without its line break; start offset and line can be given", () => {
    const text = 'skip me\nx,y\r\n"1\n2",3\n';
    const got = [...csvRecords(text, ",", 8, 2)];
    expect(got).toEqual([
      { kind: "record", cells: ["x", "y"], line: 2, start: 8, end: 11 },
      { kind: "record", cells: ["1\n2", "3"], line: 3, start: 13, end: 20 },
    ]);
    expect(text.slice(13, 20)).toBe('"1\n2",3');
  });
});
