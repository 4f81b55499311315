import { test } from "vitest";
import { readProspectCsv } from "../../src/io/prospect-csv/index.js";
test("perf", () => {
const header = "profileUrl,fullName,firstName,lastName,companyName,title,companyId,companyUrl,regularCompanyUrl,summary,titleDescription,industry,companyLocation,location,durationInRole,durationInCompany,pastExperienceCompanyName,pastExperienceCompanyUrl,pastExperienceCompanyTitle,pastExperienceDate,pastExperienceDuration,connectionDegree,profileImageUrl,sharedConnectionsCount,name,vmid,linkedInProfileUrl,isPremium,isOpenLink,query,timestamp,defaultProfileUrl";
const rows = [header];
for (let i = 0; i < 200000; i++) {
  rows.push(`https://www.linkedin.com/sales/lead/ACwAAA${i}xyz%2CNAME_SEARCH%2Cabc,Jane Doe ${i},Jane,Doe${i},Acme Inc,Head of Sales,12345,https://www.linkedin.com/sales/company/12345,https://www.linkedin.com/company/12345,"Helping teams, grow",Sales,Software,"Paris, France","Paris, Île-de-France, France",2 years,3 years,Foo,https://x,Seller,2019,2 yrs,2nd,https://media.licdn.com/x.jpg,4,Jane Doe,ACwAAA${i}xyz,https://www.linkedin.com/in/ACwAAA${i}xyz,true,false,https://www.linkedin.com/sales/search/people?x=1,2024-01-01T00:00:00.000Z,https://www.linkedin.com/in/jane-doe-${i}`);
}
const buf = Buffer.from(rows.join("\r\n"));
console.log("MB", buf.length / 1e6);
let t = Date.now();
let calls = 0;
const r = readProspectCsv(buf, "pb.csv", { onProgress: () => calls++ });
console.log("ms", Date.now() - t, r.rows.length, r.rejects.length, calls, r.rejects[0], r.rows[199999]?.line, process.memoryUsage().rss/1e6, process.memoryUsage().heapUsed/1e6);
});
