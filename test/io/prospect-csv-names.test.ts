import { describe, expect, test } from "vitest";
import { readProspectCsv } from "../../src/io/prospect-csv/index.js";

const read = (...lines: string[]) => readProspectCsv(Buffer.from(lines.join("\n"), "utf8"), "leads.csv");
const names = (r: ReturnType<typeof read>) => r.rows.map(({ prospect: p }) => [p.firstName, p.lastName, p.fullName ?? null]);

describe("readProspectCsv: names", () => {
  test("a full name alone is split at a space, and kept whole (no first name) when it has none", () => {
    const result = read(
      "profileUrl,fullName",
      "https://www.linkedin.com/in/li-wei,李伟",
      "https://www.linkedin.com/in/jane,Jane van Doe",
      "https://www.linkedin.com/in/cher,Cher",
      "https://www.linkedin.com/in/nobody,",
    );
    expect(names(result)).toEqual([
      ["", "", "李伟"],
      ["Jane", "van Doe", "Jane van Doe"],
      ["", "", "Cher"],
      ["", "", null],
    ]);
  });

  test("the full-name column is kept as written next to the first and last name (PhantomBuster)", () => {
    const result = read("profileUrl,fullName,firstName,lastName,job", "https://www.linkedin.com/in/li-wei,李伟,伟,李,Founder");
    expect(names(result)).toEqual([["伟", "李", "李伟"]]);
    expect(result.rows[0]!.prospect.title).toBe("Founder");
    expect(result.rows[0]!.prospect.custom).toEqual({});
  });

  test("PhantomBuster's job column is the title, unless a title column is there", () => {
    const job = read("profileUrl,fullName,job,location", "https://www.linkedin.com/in/jane,Jane Doe,Head of Sales at Acme,Paris");
    expect(job.rows[0]!.prospect).toMatchObject({ title: "Head of Sales at Acme", custom: {} });
    const both = read("profileUrl,title,job", "https://www.linkedin.com/in/jane,CTO,Chief Technology Officer");
    expect(both.rows[0]!.prospect).toMatchObject({ title: "CTO", custom: { job: "Chief Technology Officer" } });
  });
});
