import { describe, expect, it } from "vitest";
import {
  normalizeCompany,
  normalizeDomain,
  subjectHosts,
  suppressedReason,
  suppressionMatcher,
  suppressionValue,
  type SuppressionKey,
  type SuppressionSubject,
} from "../../../src/core/suppression/match.js";

const subject = (over: Partial<SuppressionSubject> = {}): SuppressionSubject => ({
  identifiers: ["https://www.linkedin.com/in/jane-doe"],
  company: "",
  custom: {},
  ...over,
});
const entry = (id: number, kind: SuppressionKey["kind"], input: string, value?: string): SuppressionKey => ({
  id,
  kind,
  input,
  value: value ?? (kind === "hash" ? input : suppressionValue(kind, input)),
});
const noHash = (): string => {
  throw new Error("hash called without hash entries");
};

describe("normalizeCompany", () => {
  it.each([
    ["Acme", "acme"],
    ["ACME, Inc.", "acme"],
    ["Acme Inc", "acme"],
    ["Acme LLC", "acme"],
    ["Acme Ltd", "acme"],
    ["Acme Limited", "acme"],
    ["Acme GmbH", "acme"],
    ["Acme AG", "acme"],
    ["Acme S.A.", "acme"],
    ["Acme SA", "acme"],
    ["Acme SAS", "acme"],
    ["Acme S.A.S.", "acme"],
    ["Acme SARL", "acme"],
    ["Acme B.V.", "acme"],
    ["Acme NV", "acme"],
    ["Acme Oy", "acme"],
    ["Acme AB", "acme"],
    ["Acme S.p.A.", "acme"],
    ["Acme SpA", "acme"],
    ["Acme S.r.l.", "acme"],
    ["Acme Pty Ltd", "acme"],
    ["Acme PLC", "acme"],
    ["Acme Corp.", "acme"],
    ["Acme Corporation", "acme"],
    ["Acme Co.", "acme"],
    ["Acme GmbH & Co. KG", "acme"],
    ["  acme   inc  ", "acme"],
    ["Société Générale SA", "societe generale"],
    ["Ça Va S.A.R.L.", "ca va"],
    ["Johnson & Johnson", "johnson and johnson"],
    ["Procter-Gamble", "procter gamble"],
  ])("%s is %s", (name, expected) => {
    expect(normalizeCompany(name)).toBe(expected);
  });

  it("never drops the whole name, and only drops suffixes at the end", () => {
    expect(normalizeCompany("AB")).toBe("ab");
    expect(normalizeCompany("Co")).toBe("co");
    expect(normalizeCompany("Inc Labs")).toBe("inc labs");
    expect(normalizeCompany("...")).toBe("");
  });
});

describe("normalizeDomain", () => {
  it.each([
    ["example.com", "example.com"],
    ["WWW.Example.COM", "example.com"],
    ["https://www.example.com/about?x=1", "example.com"],
    ["http://shop.example.co.uk/", "shop.example.co.uk"],
    ["jane@Example.com", "example.com"],
    ["@example.com", "example.com"],
    ["example.com.", "example.com"],
    ["bücher.de", "xn--bcher-kva.de"],
  ])("%s is %s", (raw, expected) => {
    expect(normalizeDomain(raw)).toBe(expected);
  });

  it.each(["", "localhost", "not a domain", "1.2.3.4", "-bad-.com", "jane@"])("refuses %j", (raw) => {
    expect(normalizeDomain(raw)).toBeNull();
  });
});

describe("suppressionValue", () => {
  it("normalises profiles as the importer does", () => {
    expect(suppressionValue("profile", "linkedin.com/in/Jane-Doe/")).toBe("https://www.linkedin.com/in/jane-doe");
  });
  it("refuses what is not a profile, company or domain, naming where", () => {
    expect(() => suppressionValue("profile", "https://example.com/jane", "line 3")).toThrow(/line 3: .* is not a LinkedIn profile URL/);
    expect(() => suppressionValue("company", " , ")).toThrow(/not a company name/);
    expect(() => suppressionValue("domain", "nope")).toThrow(/not a domain/);
  });
});

describe("subjectHosts", () => {
  it("reads email and website columns whatever their spelling, and no others", () => {
    const hosts = subjectHosts(
      subject({
        custom: {
          "Work Email": "Jane@Acme.com",
          email_address: "j@other.org; x@third.net",
          "Company Website": "https://www.acme.io/",
          companyDomain: "acme.dev",
          notes: "see jane@ignored.com",
        },
      }),
    );
    expect(hosts.sort()).toEqual(["acme.com", "acme.dev", "acme.io", "other.org", "third.net"]);
  });
});

describe("suppressionMatcher", () => {
  it("matches a profile by any of the prospect's identifiers", () => {
    const match = suppressionMatcher([entry(1, "profile", "https://linkedin.com/in/JANE-DOE/")], noHash);
    expect(match(subject())?.id).toBe(1);
    expect(match(subject({ identifiers: ["https://www.linkedin.com/in/john"] }))).toBeNull();
  });

  it("matches a company after normalisation on both sides", () => {
    const match = suppressionMatcher([entry(2, "company", "Acme, Inc.")], noHash);
    expect(match(subject({ company: "ACME GmbH" }))?.id).toBe(2);
    expect(match(subject({ company: "Acmé" }))?.id).toBe(2);
    expect(match(subject({ company: "Acme Labs" }))).toBeNull();
    expect(match(subject({ company: "" }))).toBeNull();
  });

  it("matches a domain against an email's domain or a website's host, subdomains included", () => {
    const match = suppressionMatcher([entry(3, "domain", "www.acme.com")], noHash);
    expect(match(subject({ custom: { email: "jane@acme.com" } }))?.id).toBe(3);
    expect(match(subject({ custom: { Website: "http://eu.acme.com/team" } }))?.id).toBe(3);
    expect(match(subject({ custom: { email: "jane@notacme.com" } }))).toBeNull();
    expect(match(subject({ custom: { about: "acme.com" } }))).toBeNull();
  });

  it("matches hash entries through the given hash of identifiers and emails", () => {
    const hash = (id: string) => `h(${id})`;
    const match = suppressionMatcher(
      [entry(4, "hash", "", "h(https://www.linkedin.com/in/jane-doe)"), entry(5, "hash", "", "h(jane@acme.com)")],
      hash,
    );
    expect(match(subject())?.id).toBe(4);
    expect(match(subject({ identifiers: ["https://www.linkedin.com/in/x"], custom: { Email: "JANE@acme.com" } }))?.id).toBe(5);
    expect(match(subject({ identifiers: ["https://www.linkedin.com/in/x"] }))).toBeNull();
  });

  it("names the entry in a refusal, without showing a hash", () => {
    expect(suppressedReason(entry(7, "company", "Acme Inc"))).toBe('suppressed (company "Acme Inc", entry 7)');
    expect(suppressedReason(entry(8, "hash", "", "abc"))).toBe("suppressed (a person erased earlier, entry 8)");
  });
});
