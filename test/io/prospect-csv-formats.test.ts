import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { readProspectCsv, type ProspectCsvResult } from "../../src/io/prospect-csv/index.js";

const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url));
const read = (name: string): ProspectCsvResult => readProspectCsv(fixture(name), name);

describe("readProspectCsv: lead-list formats", () => {
  test("PhantomBuster Sales Navigator export: public slug first, vmid kept, sales-only rows accepted", () => {
    const result = read("phantombuster.csv");
    expect(result.format).toBe("phantombuster");
    expect(result.delimiter).toBe(",");
    expect(result.encoding).toBe("utf-8");
    expect(result.rejects).toEqual([]);
    expect(result.rows).toHaveLength(2);
    expect(result.rows[0]).toEqual({
      line: 2,
      zoneHints: {},
      prospect: {
        identifiers: [
          "https://www.linkedin.com/in/jane-doe-4a1b2c",
          "https://www.linkedin.com/in/ACwAAAB1c2VyMTIzNDU2",
          "https://www.linkedin.com/sales/lead/ACwAAAB1c2VyMTIzNDU2",
        ],
        firstName: "Jane",
        lastName: "Doe",
        fullName: "Jane Doe",
        company: "Northwind Analytics",
        title: "VP Sales",
        location: "Austin, Texas, United States",
        timezone: null,
        connected: false,
        memberId: "ACwAAAB1c2VyMTIzNDU2",
        custom: {
          companyId: "1234567",
          companyUrl: "https://www.linkedin.com/sales/company/1234567",
          regularCompanyUrl: "https://www.linkedin.com/company/1234567",
          summary: "Helping B2B teams grow, one quarter at a time.",
          titleDescription: "",
          industry: "Software Development",
          companyLocation: "Austin, Texas, United States",
          durationInRole: "2 years 3 months in role",
          durationInCompany: "4 years in company",
          pastExperienceCompanyName: "Contoso",
          pastExperienceCompanyUrl: "https://www.linkedin.com/sales/company/7654321",
          pastExperienceCompanyTitle: "Account Executive",
          pastExperienceDate: "Jan 2017 - Dec 2019",
          pastExperienceDuration: "3 years",
          connectionDegree: "2nd",
          profileImageUrl: "https://media.licdn.com/dms/image/v2/example/jane.jpg",
          sharedConnectionsCount: "4",
          name: "Jane Doe",
          isPremium: "true",
          isOpenLink: "false",
          query: "https://www.linkedin.com/sales/search/people?savedSearchId=50123",
          timestamp: "2024-03-01T10:15:00.000Z",
        },
      },
    });
    const omar = result.rows[1]!;
    expect(omar.line).toBe(3);
    expect(omar.prospect.identifiers).toEqual([
      "https://www.linkedin.com/in/ACwAAAC2Zm9vYmFyOTk5",
      "https://www.linkedin.com/sales/lead/ACwAAAC2Zm9vYmFyOTk5",
    ]);
    expect(omar.prospect.location).toBe("Greater Montreal Metropolitan Area");
    expect(omar.prospect.company).toBe("Cedar & Pine");
  });

  test("newer PhantomBuster export: slug column builds the URL when profileUrl is empty; URN gives the member id", () => {
    const result = read("phantombuster-v2.csv");
    expect(result.format).toBe("phantombuster-v2");
    expect(result.rejects).toEqual([]);
    expect(result.rows.map((r) => r.prospect.identifiers)).toEqual([
      ["https://www.linkedin.com/in/amara-okafor"],
      ["https://www.linkedin.com/in/tomas-lindqvist-88"],
    ]);
    expect(result.rows[1]!.prospect).toEqual({
      identifiers: ["https://www.linkedin.com/in/tomas-lindqvist-88"],
      firstName: "Tomas",
      lastName: "Lindqvist",
      company: "Fjord Labs",
      title: "Founder",
      location: "Stockholm, Stockholm County, Sweden",
      timezone: null,
      connected: false,
      memberId: "ACoAAD7aQmN4eHl6",
      custom: {
        linkedinHeadline: "Building developer tools",
        linkedinCompanyUrl: "https://www.linkedin.com/company/fjord-labs/",
        linkedinSchoolName: "KTH Royal Institute of Technology",
        connectionDegree: "3rd",
        timestamp: "2024-05-10T08:00:01.000Z",
      },
    });
  });

  test("newer PhantomBuster export without any URL column: the slug column is enough", () => {
    const csv = "firstName,lastName,linkedinProfileSlug,linkedinJobTitle\nAmara,Okafor,amara-okafor,Director\n";
    const result = readProspectCsv(Buffer.from(csv), "slugs.csv");
    expect(result.format).toBe("phantombuster-v2");
    expect(result.rows.map((r) => r.prospect.identifiers)).toEqual([["https://www.linkedin.com/in/amara-okafor"]]);
  });

  test("Evaboot: Title Case columns, public URL and Sales Navigator URL both kept", () => {
    const result = read("evaboot.csv");
    expect(result.format).toBe("evaboot");
    expect(result.rows).toEqual([
      {
        line: 2,
        zoneHints: {},
        prospect: {
          identifiers: ["https://www.linkedin.com/in/sofia-marin-hr", "https://www.linkedin.com/sales/lead/ACwAAAE4c29maWFtYXJp"],
          firstName: "Sofia",
          lastName: "Marín",
          company: "Lumen Health",
          title: "Head of People at Lumen Health",
          location: "Madrid, Community of Madrid, Spain",
          timezone: null,
          connected: false,
          memberId: null,
          custom: {
            "Company Website": "https://lumenhealth.example",
            "Company Linkedin URL": "https://www.linkedin.com/company/lumen-health",
            Email: "sofia.marin@lumenhealth.example",
            "Email Status": "valid",
            Industry: "Hospitals and Health Care",
            Headcount: "51-200",
          },
        },
      },
    ]);
  });

  test("Evaboot spelling `LinkedIn URL Public` is the same column", () => {
    const csv = fixture("evaboot.csv").toString("utf8").replace("Linkedin URL Public", "LinkedIn URL Public");
    const result = readProspectCsv(Buffer.from(csv), "evaboot.csv");
    expect(result.format).toBe("evaboot");
    expect(result.rows[0]!.prospect.identifiers[0]).toBe("https://www.linkedin.com/in/sofia-marin-hr");
  });

  test("Apollo: http://www.linkedin.com URLs canonicalised; City/State/Country become zone hints and the location", () => {
    const result = read("apollo.csv");
    expect(result.format).toBe("apollo");
    expect(result.rejects).toEqual([]);
    const [marta, jonas] = result.rows;
    expect(marta).toEqual({
      line: 2,
      zoneHints: { city: "Denver", state: "Colorado", country: "United States" },
      prospect: {
        identifiers: ["https://www.linkedin.com/in/marta-kowalska-5b2a1c"],
        firstName: "Marta",
        lastName: "Kowalska",
        company: "Brightline Logistics",
        title: "Head of Growth",
        location: "Denver, Colorado, United States",
        timezone: null,
        connected: false,
        memberId: null,
        custom: {
          "Company Name for Emails": "Brightline",
          Email: "marta@brightline.example",
          "Email Status": "Verified",
          Seniority: "Head",
          Departments: "Marketing",
          "# Employees": "120",
          Industry: "Logistics & Supply Chain",
          Website: "http://www.brightline.example",
          "Company Linkedin Url": "http://www.linkedin.com/company/brightline-logistics",
          "Company City": "Denver",
          "Company State": "Colorado",
          "Company Country": "United States",
          "Apollo Contact Id": "65f1a2b3c4d5e6f7a8b9c0d1",
        },
      },
    });
    expect(jonas!.prospect.identifiers).toEqual(["https://www.linkedin.com/in/jonasbecker"]);
    expect(jonas!.zoneHints).toEqual({ country: "Germany" });
    expect(jonas!.prospect.location).toBe("Germany");
  });

  test("Waalaxy: double spaces in location are commas; decoded Unicode slugs are kept", () => {
    const result = read("waalaxy.csv");
    expect(result.format).toBe("waalaxy");
    expect(result.rejects).toEqual([]);
    expect(result.rows[0]).toEqual({
      line: 2,
      zoneHints: {},
      prospect: {
        identifiers: ["https://www.linkedin.com/in/léo-ferretti", "https://www.linkedin.com/sales/lead/ACwAAAF5bGVvZmVycmV0"],
        firstName: "Léo",
        lastName: "Ferretti",
        company: "Atelier Nord",
        title: "Product Manager chez Atelier Nord",
        location: "Lyon, Auvergne-Rhône-Alpes, France",
        timezone: null,
        connected: false,
        memberId: null,
        custom: { email: "", prospectList: "Lyon PMs", messageSent: "true", messageReplied: "false", tags: "warm" },
      },
    });
    expect(result.rows[1]!.prospect.location).toBe("Paris");
    expect(result.rows[1]!.prospect.identifiers).toEqual(["https://www.linkedin.com/in/ines-benali"]);
  });
});
