import { describe, expect, test } from "vitest";
import { parseArchiveDate } from "../../../src/io/linkedin-archive/index.js";

const iso = (text: string): [string, string] | null => {
  const d = parseArchiveDate(text);
  return d === null ? null : [new Date(d.at).toISOString(), d.precision];
};

describe("parseArchiveDate", () => {
  test.each<[string, [string, string] | null]>([
    // Connections.csv
    ["06 Nov 2023", ["2023-11-06T00:00:00.000Z", "day"]],
    ["6 Nov 2023", ["2023-11-06T00:00:00.000Z", "day"]],
    ["12 Mar 19", ["2019-03-12T00:00:00.000Z", "day"]],
    ["29 Feb 2024", ["2024-02-29T00:00:00.000Z", "day"]],
    ["01 Sept 2023", ["2023-09-01T00:00:00.000Z", "day"]],
    ["29 Feb 2023", null],
    ["06 Foo 2023", null],
    // Invitations.csv: month first, no zone (UTC)
    ["5/12/21, 3:14 PM", ["2021-05-12T15:14:00.000Z", "minute"]],
    ["12/1/23, 12:05 AM", ["2023-12-01T00:05:00.000Z", "minute"]],
    ["12/1/23, 12:05 PM", ["2023-12-01T12:05:00.000Z", "minute"]],
    ["3/2/2027, 9:15 AM", ["2027-03-02T09:15:00.000Z", "minute"]],
    ["3/2/27, 9:15\u202fAM", ["2027-03-02T09:15:00.000Z", "minute"]],
    ["3/2/27, 15:40", ["2027-03-02T15:40:00.000Z", "minute"]],
    ["13/2/27, 9:15 AM", null],
    ["3/2/27, 13:15 PM", null],
    // messages.csv
    ["2023-05-01 14:22:10 UTC", ["2023-05-01T14:22:10.000Z", "second"]],
    ["2023-05-01 14:22:10", ["2023-05-01T14:22:10.000Z", "second"]],
    ["2023-05-01T14:22:10Z", ["2023-05-01T14:22:10.000Z", "second"]],
    ["2023-05-01 25:22:10 UTC", null],
    // neither
    ["", null],
    ["yesterday", null],
    ["2023-05-01", null],
  ])("%s", (text, expected) => {
    expect(iso(text)).toEqual(expected);
  });
});
