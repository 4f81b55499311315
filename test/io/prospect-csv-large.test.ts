import { expect, test } from "vitest";
import { readProspectCsv } from "../../src/io/prospect-csv/index.js";

/**
 * A PhantomBuster Sales Navigator export of 200,000 people (~115 MB, 32 columns): one pass, progress every
 * 1,000 rows. Measured at 2-5 s on a busy 2-core machine; the bound only catches a quadratic regression.
 */
const HEADER =
  "profileUrl,fullName,firstName,lastName,companyName,title,companyId,companyUrl,regularCompanyUrl,summary," +
  "titleDescription,industry,companyLocation,location,durationInRole,durationInCompany,pastExperienceCompanyName," +
  "pastExperienceCompanyUrl,pastExperienceCompanyTitle,pastExperienceDate,pastExperienceDuration,connectionDegree," +
  "profileImageUrl,sharedConnectionsCount,name,vmid,linkedInProfileUrl,isPremium,isOpenLink,query,timestamp,defaultProfileUrl";

function row(i: number): string {
  const vmid = `ACwAAA${i.toString(36).padStart(8, "0")}`;
  return [
    `"https://www.linkedin.com/sales/lead/${vmid},NAME_SEARCH,x7Qp"`,
    `Person ${i}`,
    "Person",
    `${i}`,
    "Northwind Analytics",
    "Head of Sales",
    "1234567",
    "https://www.linkedin.com/sales/company/1234567",
    "https://www.linkedin.com/company/1234567",
    '"Helping teams grow, one quarter at a time."',
    "",
    "Software Development",
    '"Austin, Texas, United States"',
    '"Austin, Texas, United States"',
    "2 years in role",
    "4 years in company",
    "Contoso",
    "https://www.linkedin.com/sales/company/7654321",
    "Account Executive",
    "Jan 2017 - Dec 2019",
    "3 years",
    "2nd",
    "https://media.licdn.com/dms/image/v2/example.jpg",
    "4",
    `Person ${i}`,
    vmid,
    `https://www.linkedin.com/in/${vmid}`,
    "true",
    "false",
    "https://www.linkedin.com/sales/search/people?savedSearchId=50123",
    "2024-03-01T10:15:00.000Z",
    `https://www.linkedin.com/in/person-${i}`,
  ].join(",");
}

// Speed is measured by `npm run bench`; this checks a large file's line numbers, duplicates and progress.
test("a 20,000-row PhantomBuster export keeps line numbers, duplicates and progress right", () => {
  const n = 20_000;
  const parts = [HEADER];
  for (let i = 0; i < n; i++) parts.push(row(i));
  parts.push(row(7)); // one duplicate at the end
  const bytes = Buffer.from(parts.join("\r\n"), "utf8");
  let progressCalls = 0;
  let last: [number, number] = [0, 0];
  const result = readProspectCsv(bytes, "big.csv", {
    onProgress: (done, total) => {
      progressCalls++;
      last = [done, total];
    },
  });
  expect(result.format).toBe("phantombuster");
  expect(result.rows).toHaveLength(n);
  expect(result.rows[n - 1]!.line).toBe(n + 1);
  expect(result.rows[n - 1]!.prospect.identifiers[0]).toBe(`https://www.linkedin.com/in/person-${n - 1}`);
  expect(result.rejects).toEqual([{ line: n + 2, reason: "duplicate of line 9", raw: `${row(7).slice(0, 300)}…` }]);
  expect(progressCalls).toBe(21);
  expect(last).toEqual([n + 1, n + 1]);
});
