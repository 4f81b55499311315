import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { readProspectCsv, type ProspectCsvResult } from "../../src/io/prospect-csv/index.js";

const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url));
const read = (name: string): ProspectCsvResult => readProspectCsv(fixture(name), name);

describe("readProspectCsv: LinkedIn Connections.csv and plain CSVs", () => {
  test("LinkedIn Connections.csv: preamble skipped, everyone connected, empty URL rejected", () => {
    const result = read("Connections.csv");
    expect(result.format).toBe("linkedin-connections");
    expect(result.encoding).toBe("utf-8-bom");
    expect(result.rows.map((r) => [r.line, r.prospect.identifiers, r.prospect.connected])).toEqual([
      [5, ["https://www.linkedin.com/in/priya-raman-0b1c2d"], true],
      [7, ["https://www.linkedin.com/in/hana-sato"], true],
    ]);
    expect(result.rows[1]!.prospect).toEqual({
      identifiers: ["https://www.linkedin.com/in/hana-sato"],
      firstName: "Hana",
      lastName: "Sato",
      company: "Kumo Studio",
      title: "Founder, CEO",
      location: "",
      timezone: null,
      connected: true,
      memberId: null,
      custom: { "Email Address": "hana@kumo.example", "Connected On": "01 Feb 2024" },
    });
    expect(result.rejects).toEqual([{ line: 6, reason: "no profile URL", raw: "Sam,Okoro,,,,Freelance Designer,12 Mar 19" }]);
  });

  test("old Connections.csv without a URL column: error says so and how to fix it", () => {
    const csv = [
      "Notes:",
      '"When exporting your connection data, you may notice that some of the email addresses are missing."',
      "",
      "First Name,Last Name,Email Address,Company,Position,Connected On",
      "Priya,Raman,,Quantix Labs,Data Engineer,12 Mar 19",
    ].join("\n");
    expect(() => readProspectCsv(Buffer.from(csv), "Connections.csv")).toThrow(
      "Connections.csv: no LinkedIn profile URL column (looked for: profileUrl, linkedin, url, linkedinUrl, " +
        "defaultProfileUrl, Linkedin URL Public, Person Linkedin Url, Sales Navigator URL, profile, …; " +
        "found: First Name, Last Name, Email Address, Company, Position, Connected On); this LinkedIn " +
        "Connections.csv comes from an old export without profile URLs: request a new export",
    );
  });

  test("plain CSV: columns named loosely, scheme-less URL, timezone and connected honoured", () => {
    const result = read("plain.csv");
    expect(result.format).toBe("plain");
    expect(result.rows).toEqual([
      {
        line: 2,
        zoneHints: {},
        prospect: {
          identifiers: ["https://www.linkedin.com/in/ada-nwosu"],
          firstName: "Ada",
          lastName: "Nwosu",
          company: "Kite Energy",
          title: "COO",
          location: "Nairobi, Kenya",
          timezone: "Africa/Nairobi",
          connected: true,
          memberId: null,
          custom: { Notes: "met at Web Summit" },
        },
      },
      {
        line: 3,
        zoneHints: {},
        prospect: {
          identifiers: ["https://www.linkedin.com/in/ben-carter-77"],
          firstName: "Ben",
          lastName: "Carter",
          company: "",
          title: "",
          location: "",
          timezone: null,
          connected: false,
          memberId: null,
          custom: { Notes: "" },
        },
      },
    ]);
  });

  test.each([
    ["profileUrl", "plain"],
    ["linkedin url", "plain"],
    ["Profile URL", "plain"],
    ["url", "plain"],
    ["profile", "plain"],
    ["linkedinUrl", "plain"],
  ])("plain CSV with URL column %j", (column, format) => {
    const result = readProspectCsv(Buffer.from(`${column},tz\nhttps://www.linkedin.com/in/kim-lee,Asia/Seoul\n`), "x.csv");
    expect(result.format).toBe(format);
    expect(result.rows[0]!.prospect.identifiers).toEqual(["https://www.linkedin.com/in/kim-lee"]);
    expect(result.rows[0]!.prospect.timezone).toBe("Asia/Seoul");
  });

  test("fullName is split when first and last names are absent", () => {
    const csv = "profileUrl,fullName\nhttps://www.linkedin.com/in/jan-van-der-berg,Jan van der Berg\n";
    const { prospect } = readProspectCsv(Buffer.from(csv), "x.csv").rows[0]!;
    expect([prospect.firstName, prospect.lastName]).toEqual(["Jan", "van der Berg"]);
  });

  test.each([
    ["true", true],
    ["YES", true],
    ["1", true],
    ["no", false],
    ["false", false],
    ["", false],
  ])("connected column value %j → %j", (value, connected) => {
    const csv = `url,connected\nhttps://www.linkedin.com/in/kim-lee,${value}\n`;
    expect(readProspectCsv(Buffer.from(csv), "x.csv").rows[0]!.prospect.connected).toBe(connected);
  });
});
