import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { normalizeProfileUrl, profileIdentifiers, type ProfileId } from "../../../src/core/prospect/profile-url.js";

const IN = "https://www.linkedin.com/in/";
const MEMBER = "ACoAABxyz123_-AbCdEfGhIjKlMnOpQrStUvWx";
const LEAD = "ACwAAAcdEFgh123-ijKLmnop_QrstUVwxyz0987";

const slug = (s: string): ProfileId => ({ kind: "slug", url: `${IN}${s}` });

describe("normalizeProfileUrl", () => {
  const cases: Array<[string, string, ProfileId | null]> = [
    ["canonical already", "https://www.linkedin.com/in/jane-doe", slug("jane-doe")],
    ["trailing slash", "https://www.linkedin.com/in/jane-doe/", slug("jane-doe")],
    ["query and fragment", "https://www.linkedin.com/in/jane-doe/?originalSubdomain=fr#about", slug("jane-doe")],
    ["http", "http://www.linkedin.com/in/jane-doe", slug("jane-doe")],
    ["no www", "https://linkedin.com/in/jane-doe", slug("jane-doe")],
    ["no scheme", "linkedin.com/in/jane-doe", slug("jane-doe")],
    ["no scheme, www", "www.linkedin.com/in/jane-doe/", slug("jane-doe")],
    ["protocol-relative", "//www.linkedin.com/in/jane-doe", slug("jane-doe")],
    ["locale subdomain uk", "https://uk.linkedin.com/in/jane-doe", slug("jane-doe")],
    ["locale subdomain fr", "https://fr.linkedin.com/in/jane-doe/", slug("jane-doe")],
    ["mobile host", "https://m.linkedin.com/in/jane-doe", slug("jane-doe")],
    ["mobile path /m/in", "https://www.linkedin.com/m/in/jane-doe/", slug("jane-doe")],
    ["mobile path /mwlite/in", "https://www.linkedin.com/mwlite/in/jane-doe", slug("jane-doe")],
    ["extra segments", "https://www.linkedin.com/in/jane-doe/details/experience/", slug("jane-doe")],
    ["overlay segment", "https://www.linkedin.com/in/jane-doe/overlay/contact-info/", slug("jane-doe")],
    ["whitespace around", "  \thttps://www.linkedin.com/in/jane-doe \n", slug("jane-doe")],
    ["upper-case slug", "https://www.linkedin.com/in/Jane-DOE-42", slug("jane-doe-42")],
    ["upper-case host and scheme", "HTTPS://WWW.LINKEDIN.COM/in/jane-doe", slug("jane-doe")],
    ["percent-encoded slug", "https://www.linkedin.com/in/l%C3%A9o-ferretti/", slug("léo-ferretti")],
    ["lower-case percent encoding", "https://www.linkedin.com/in/l%c3%a9o-ferretti", slug("léo-ferretti")],
    ["decoded slug (Waalaxy)", "https://www.linkedin.com/in/léo-ferretti", slug("léo-ferretti")],
    ["NFD slug becomes NFC", "https://www.linkedin.com/in/le\u0301o-ferretti", slug("léo-ferretti")],
    ["upper-case accented slug", "https://www.linkedin.com/in/LÉO-Ferretti", slug("léo-ferretti")],
    ["non-Latin slug", "https://www.linkedin.com/in/%E5%BC%A0%E4%BC%9F", slug("张伟")],
    ["slug with digits and underscore", "linkedin.com/in/j_doe2019", slug("j_doe2019")],
    ["legacy /pub/", "https://www.linkedin.com/pub/jane-doe/12/345/678", slug("jane-doe-67834512")],
    ["legacy /pub/ mixed case", "http://fr.linkedin.com/pub/Jean-Dupont/1a/B2/3C/", slug("jean-dupont-3cb21a")],
    ["member id ACoAA keeps case", `https://www.linkedin.com/in/${MEMBER}`, { kind: "member", url: `${IN}${MEMBER}` }],
    ["upper-case /IN/", "https://www.linkedin.com/IN/jane-doe", slug("jane-doe")],
    ["mixed-case /In/ and /M/", "https://www.linkedin.com/M/In/Jane-Doe/", slug("jane-doe")],
    ["upper-case /PUB/", "https://www.linkedin.com/PUB/jane-doe/12/345/678", slug("jane-doe-67834512")],
    ["upper-case /IN/ member id keeps case", `https://www.linkedin.com/IN/${MEMBER}`, { kind: "member", url: `${IN}${MEMBER}` }],
    [
      "upper-case /SALES/LEAD/",
      `https://www.linkedin.com/SALES/LEAD/${LEAD},NAME_SEARCH,k2Zx`,
      { kind: "sales", url: `https://www.linkedin.com/sales/lead/${LEAD}` },
    ],
    [
      "upper-case /Profile/View",
      "https://www.linkedin.com/Profile/View?id=123",
      { kind: "profile_view", url: "https://www.linkedin.com/profile/view?id=123" },
    ],
    ["member id ACwAA, no scheme", `linkedin.com/in/${LEAD}/`, { kind: "member", url: `${IN}${LEAD}` }],
    [
      "sales lead",
      `https://www.linkedin.com/sales/lead/${LEAD},NAME_SEARCH,k2Zx?_ntb=abc`,
      { kind: "sales", url: `https://www.linkedin.com/sales/lead/${LEAD}` },
    ],
    [
      "sales people",
      `https://www.linkedin.com/sales/people/${LEAD},name,XyZ`,
      { kind: "sales", url: `https://www.linkedin.com/sales/lead/${LEAD}` },
    ],
    [
      "sales lead, encoded comma",
      `http://linkedin.com/sales/lead/${LEAD}%2CNAME_SEARCH%2Cabc`,
      { kind: "sales", url: `https://www.linkedin.com/sales/lead/${LEAD}` },
    ],
    [
      "profile view",
      "https://www.linkedin.com/profile/view?id=AAkAAAB12cD&trk=nav",
      { kind: "profile_view", url: "https://www.linkedin.com/profile/view?id=AAkAAAB12cD" },
    ],
    [
      "profile view, numeric id",
      "http://linkedin.com/profile/view?id=123456789",
      { kind: "profile_view", url: "https://www.linkedin.com/profile/view?id=123456789" },
    ],
    ["lnkd.in keeps case", "https://lnkd.in/eAbC-12x", { kind: "short", url: "https://lnkd.in/eAbC-12x" }],
    ["lnkd.in no scheme", "lnkd.in/dQw4w9W/", { kind: "short", url: "https://lnkd.in/dQw4w9W" }],
    ["empty", "", null],
    ["blank", "   ", null],
    ["company page", "https://www.linkedin.com/company/acme/", null],
    ["school page", "https://www.linkedin.com/school/mit/", null],
    ["feed", "https://www.linkedin.com/feed/", null],
    ["/in/ without slug", "https://www.linkedin.com/in/", null],
    ["other site", "https://example.com/in/jane-doe", null],
    ["lookalike host", "https://linkedin.com.evil.io/in/jane-doe", null],
    ["lookalike suffix", "https://notlinkedin.com/in/jane-doe", null],
    ["ftp scheme", "ftp://www.linkedin.com/in/jane-doe", null],
    ["bare slug", "jane-doe", null],
    ["sentence", "see linkedin.com/in/jane-doe", null],
    ["space inside slug", "https://www.linkedin.com/in/jane%20doe", null],
    ["broken percent encoding", "https://www.linkedin.com/in/l%E9o", null],
    ["sales without id", "https://www.linkedin.com/sales/lead/", null],
    ["sales search", "https://www.linkedin.com/sales/search/people?query=x", null],
    ["profile view without id", "https://www.linkedin.com/profile/view?trk=x", null],
    ["/pub/ too short", "https://www.linkedin.com/pub/jane-doe/12/345", null],
    ["/pub/dir/ directory", "https://www.linkedin.com/pub/dir/Jane/Doe", null],
    ["lnkd.in without code", "https://lnkd.in/", null],
  ];

  it.each(cases)("%s: %s", (_name, raw, expected) => {
    expect(normalizeProfileUrl(raw)).toEqual(expected);
  });

  it("percent-encoded and decoded Unicode slugs give the same URL", () => {
    const a = normalizeProfileUrl("https://www.linkedin.com/in/l%C3%A9o-ferretti/");
    const b = normalizeProfileUrl("linkedin.com/in/léo-ferretti");
    expect(a?.url).toBe("https://www.linkedin.com/in/léo-ferretti");
    expect(b?.url).toBe(a?.url);
    expect(a?.url.normalize("NFC")).toBe(a?.url);
  });

  it("is idempotent on canonical output", () => {
    const slugChars = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789-_éüñ");
    fc.assert(
      fc.property(fc.string({ unit: slugChars, minLength: 1, maxLength: 40 }), (s) => {
        const once = normalizeProfileUrl(`https://uk.linkedin.com/in/${encodeURIComponent(s.toUpperCase())}/`);
        expect(once).not.toBeNull();
        expect(normalizeProfileUrl(once!.url)).toEqual(once);
      }),
    );
  });
});

describe("profileIdentifiers", () => {
  const cases: Array<[string, Array<string | null | undefined>, string[]]> = [
    [
      "PhantomBuster row: slug first although the sales URL comes first",
      [`https://www.linkedin.com/sales/lead/${LEAD},NAME_SEARCH,x`, null, "https://www.linkedin.com/in/Jane-Doe/"],
      [`${IN}jane-doe`, `https://www.linkedin.com/sales/lead/${LEAD}`],
    ],
    [
      "duplicates in several spellings collapse",
      ["http://linkedin.com/in/jane-doe", "https://fr.linkedin.com/in/JANE-DOE/", "www.linkedin.com/in/jane-doe"],
      [`${IN}jane-doe`],
    ],
    [
      "non-slug ids keep input order",
      ["https://lnkd.in/abc", undefined, `linkedin.com/in/${MEMBER}`, `linkedin.com/sales/people/${LEAD},x`],
      ["https://lnkd.in/abc", `${IN}${MEMBER}`, `https://www.linkedin.com/sales/lead/${LEAD}`],
    ],
    [
      "first slug is the display identifier, a second slug stays in place",
      [`linkedin.com/in/${MEMBER}`, "linkedin.com/in/second", "linkedin.com/in/third"],
      [`${IN}second`, `${IN}${MEMBER}`, `${IN}third`],
    ],
    ["garbage and empties are dropped", ["", "n/a", null, "https://www.linkedin.com/company/acme"], []],
    ["nothing", [], []],
  ];

  it.each(cases)("%s", (_name, values, expected) => {
    expect(profileIdentifiers(values).map((id) => id.url)).toEqual(expected);
  });
});
