import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { ZoneSource } from "../../../src/core/model.js";
import { isValidZone, resolveZone, sameOffset, zoneOffsetMinutes, type ZoneInput } from "../../../src/core/prospect/location-zone.js";
import { cityAliases, citiesNamed } from "../../../src/core/prospect/city-index.js";
import { METRO_COUNT, metroZones } from "../../../src/core/prospect/metros.js";
import { regionZones } from "../../../src/core/prospect/regions.js";
import { isLinkpaceError } from "../../../src/core/errors.js";

type Expected = [zone: string, source: ZoneSource] | null;
const loc = (location: string): ZoneInput => ({ location });

describe("resolveZone: LinkedIn location strings", () => {
  const cases: Array<[string, Expected]> = [
    // metro labels
    ["San Francisco Bay Area", ["America/Los_Angeles", "metro"]],
    ["Greater London", ["Europe/London", "metro"]],
    ["Greater Paris Metropolitan Region", ["Europe/Paris", "metro"]],
    ["New York City Metropolitan Area", ["America/New_York", "metro"]],
    ["Greater Boston", ["America/New_York", "metro"]],
    ["Greater Seattle Area", ["America/Los_Angeles", "metro"]],
    ["Los Angeles Metropolitan Area", ["America/Los_Angeles", "metro"]],
    ["Dallas-Fort Worth Metroplex", ["America/Chicago", "metro"]],
    ["Greater Chicago Area", ["America/Chicago", "metro"]],
    ["Greater Sydney Area", ["Australia/Sydney", "metro"]],
    ["Greater Toronto Area, Canada", ["America/Toronto", "metro"]],
    ["Greater Munich Metropolitan Area", ["Europe/Berlin", "metro"]],
    ["Randstad, Netherlands", ["Europe/Amsterdam", "metro"]],
    ["Denver Metropolitan Area", ["America/Denver", "metro"]],
    ["Greater Adelaide Area", ["Australia/Adelaide", "metro"]],
    ["GREATER  LONDON", ["Europe/London", "metro"]],
    ["Austin, Texas Metropolitan Area", ["America/Chicago", "metro"]],
    // metro labels that wrap a city the table does not list
    ["Greater Nantes Metropolitan Area", ["Europe/Paris", "city"]],
    ["Greater Nashville Area, TN", ["America/Chicago", "city"]],
    ["Greater Winnipeg Metropolitan Area", ["America/Winnipeg", "city"]],
    // cities, with country and region
    ["Paris, Île-de-France, France", ["Europe/Paris", "city"]],
    ["Berlin, Germany", ["Europe/Berlin", "city"]],
    ["Austin, Texas, United States", ["America/Chicago", "city"]],
    ["Mumbai, Maharashtra, India", ["Asia/Kolkata", "city"]],
    ["Bengaluru, Karnataka, India", ["Asia/Kolkata", "metro"]],
    // Indian districts, as LinkedIn names them: by the city they are named after
    ["Bangalore Urban, Karnataka, India", ["Asia/Kolkata", "city"]],
    ["Bangalore Urban", ["Asia/Kolkata", "city"]],
    ["Bengaluru Rural District", ["Asia/Kolkata", "city"]],
    ["Mumbai Suburban", ["Asia/Kolkata", "city"]],
    ["Pune District", ["Asia/Kolkata", "city"]],
    ["Pune District, Maharashtra", ["Asia/Kolkata", "city"]],
    ["Nagpur Division", ["Asia/Kolkata", "city"]],
    // ... in India only: the suffix is no licence to guess elsewhere
    ["Central District", null],
    ["Lake District", null],
    ["Helsinki Urban", null],
    ["São Paulo, São Paulo, Brazil", ["America/Sao_Paulo", "city"]],
    // "X, Country" where X is a region of that country is how LinkedIn writes a region alone
    ["Sao Paulo, Brazil", ["America/Sao_Paulo", "region"]],
    ["Sao Paulo, Sao Paulo", ["America/Sao_Paulo", "city"]],
    ["Manaus, Amazonas, Brazil", ["America/Manaus", "city"]],
    ["Paris, Texas, United States", ["America/Chicago", "city"]],
    ["Paris, Texas", ["America/Chicago", "city"]],
    ["Portland, Maine, United States", ["America/New_York", "city"]],
    ["Portland, Oregon, United States", ["America/Los_Angeles", "city"]],
    ["El Paso, Texas, United States", ["America/Denver", "city"]],
    ["London, Ontario, Canada", ["America/Toronto", "city"]],
    ["London, England, United Kingdom", ["Europe/London", "city"]],
    ["Perth, Western Australia, Australia", ["Australia/Perth", "city"]],
    ["Perth, WA", ["Australia/Perth", "city"]],
    ["Seattle, WA", ["America/Los_Angeles", "city"]],
    ["San Diego, CA", ["America/Los_Angeles", "city"]],
    ["Atlanta, Georgia", ["America/New_York", "city"]],
    ["Tbilisi, Georgia", ["Asia/Tbilisi", "city"]],
    ["Lahore, Punjab, Pakistan", ["Asia/Karachi", "city"]],
    ["Kathmandu, Bagmati, Nepal", ["Asia/Kathmandu", "city"]],
    ["Adelaide, South Australia, Australia", ["Australia/Adelaide", "city"]],
    ["St. John's, Newfoundland and Labrador, Canada", ["America/St_Johns", "city"]],
    ["Saint John's, NL", ["America/St_Johns", "city"]],
    ["Tijuana, Baja California, Mexico", ["America/Tijuana", "city"]],
    ["Jayapura, Papua, Indonesia", ["Asia/Jayapura", "city"]],
    ["Vladivostok, Primorsky Krai, Russia", ["Asia/Vladivostok", "city"]],
    ["Broken Hill, New South Wales, Australia", ["Australia/Broken_Hill", "city"]],
    ["Las Palmas de Gran Canaria, Canary Islands, Spain", ["Atlantic/Canary", "city"]],
    ["Munich, Bavaria, Germany", ["Europe/Berlin", "city"]],
    ["München, Bayern, Deutschland", ["Europe/Berlin", "city"]],
    ["Köln, Nordrhein-Westfalen, Deutschland", ["Europe/Berlin", "city"]],
    ["Cologne, North Rhine-Westphalia, Germany", ["Europe/Berlin", "city"]],
    ["Bangalore", ["Asia/Kolkata", "city"]],
    ["Bombay", ["Asia/Kolkata", "city"]],
    ["zurich", ["Europe/Zurich", "city"]],
    ["Tokyo, Japan", ["Asia/Tokyo", "city"]],
    ["Washington, District of Columbia, United States", ["America/New_York", "region"]],
    // Waalaxy: commas became double spaces
    ["Lyon  Auvergne-Rhône-Alpes  France", ["Europe/Paris", "city"]],
    ["Austin  Texas  United States", ["America/Chicago", "city"]],
    ["Greater Seattle Area  Washington  United States", ["America/Los_Angeles", "metro"]],
    // regions
    ["Texas, United States", ["America/Chicago", "region"]],
    ["Washington, United States", ["America/Los_Angeles", "region"]],
    ["California", ["America/Los_Angeles", "region"]],
    ["Ontario, Canada", ["America/Toronto", "region"]],
    ["Newfoundland and Labrador, Canada", ["America/St_Johns", "region"]],
    ["South Australia, Australia", ["Australia/Adelaide", "region"]],
    ["Chatham Islands, New Zealand", ["Pacific/Chatham", "region"]],
    ["Mato Grosso, Brazil", ["America/Cuiaba", "region"]],
    ["Karnataka", ["Asia/Kolkata", "region"]],
    ["Azores, Portugal", ["Atlantic/Azores", "region"]],
    ["Bali, Indonesia", ["Asia/Makassar", "region"]],
    // countries
    ["France", ["Europe/Paris", "country"]],
    ["India", ["Asia/Kolkata", "country"]],
    ["Île-de-France, France", ["Europe/Paris", "country"]],
    ["Spain", ["Europe/Madrid", "country"]],
    ["Deutschland", ["Europe/Berlin", "country"]],
    ["Royaume-Uni", ["Europe/London", "country"]],
    ["Japan", ["Asia/Tokyo", "country"]],
    ["Nepal", ["Asia/Kathmandu", "country"]],
    ["Georgia", ["Asia/Tbilisi", "country"]],
    // bare multi-offset countries: no guess
    ["United States", null],
    ["Canada", null],
    ["Australia", null],
    ["Russia", null],
    ["Brazil", null],
    ["Mexico", null],
    ["Indonesia", null],
    // nothing known
    ["", null],
    ["   ", null],
    ["Remote", null],
    ["Earth", null],
    ["Xyzzy, Plugh", null],
  ];

  it.each(cases)("%s", (location, expected) => {
    const got = resolveZone(loc(location));
    expect(got === null ? null : [got.zone, got.source]).toEqual(expected);
  });

  it("has at least 80 curated metro labels", () => {
    expect(METRO_COUNT).toBeGreaterThanOrEqual(80);
  });
});

describe("resolveZone: separate fields (Apollo) and explicit zones", () => {
  const cases: Array<[string, ZoneInput, Expected]> = [
    ["Apollo city/state/country", { city: "Austin", state: "Texas", country: "United States" }, ["America/Chicago", "city"]],
    ["Apollo Paris, Texas", { city: "Paris", state: "Texas", country: "United States" }, ["America/Chicago", "city"]],
    ["Apollo Paris, France", { city: "Paris", state: "Île-de-France", country: "France" }, ["Europe/Paris", "city"]],
    ["Apollo state only", { city: "", state: "Colorado", country: "United States" }, ["America/Denver", "region"]],
    ["Apollo state abbreviation", { state: "AZ", country: "US" }, ["America/Phoenix", "region"]],
    ["country column as ISO code CA", { city: "Vancouver", country: "CA" }, ["America/Vancouver", "city"]],
    ["country column as ISO code IN", { country: "IN" }, ["Asia/Kolkata", "country"]],
    ["country column UK", { city: "Manchester", country: "UK" }, ["Europe/London", "city"]],
    ["country column filters the city", { city: "Cambridge", country: "United States" }, ["America/New_York", "city"]],
    ["country column only, multi-zone", { country: "United States" }, null],
    ["city only, most populous wins", { city: "Paris" }, ["Europe/Paris", "city"]],
    ["explicit zone wins", { timezone: "Asia/Kolkata", location: "Greater London" }, ["Asia/Kolkata", "explicit"]],
    ["explicit zone, odd case, spaces", { timezone: "  america/new_york " }, ["America/New_York", "explicit"]],
    ["explicit 45-minute zone", { timezone: "Pacific/Chatham" }, ["Pacific/Chatham", "explicit"]],
    ["explicit UTC", { timezone: "UTC" }, ["UTC", "explicit"]],
    ["explicit current name kept (ICU says Asia/Calcutta)", { timezone: "Asia/Kolkata" }, ["Asia/Kolkata", "explicit"]],
    ["explicit legacy name kept", { timezone: "Asia/Calcutta" }, ["Asia/Calcutta", "explicit"]],
    ["invalid explicit zone falls through", { timezone: "Mars/Olympus", location: "Berlin, Germany" }, ["Europe/Berlin", "city"]],
    ["offset string is not a zone", { timezone: "GMT+2", location: "Spain" }, ["Europe/Madrid", "country"]],
    ["invalid explicit zone, nothing else", { timezone: "Not/AZone" }, null],
    ["all empty", { timezone: null, location: null, city: null, state: null, country: null }, null],
    ["nothing", {}, null],
  ];

  it.each(cases)("%s", (_name, input, expected) => {
    const got = resolveZone(input);
    expect(got === null ? null : [got.zone, got.source]).toEqual(expected);
  });

  it("returns a fresh object each time, so a caller cannot corrupt the memo", () => {
    const a = resolveZone(loc("Berlin, Germany"))!;
    a.zone = "Mutated/Zone";
    expect(resolveZone(loc("Berlin, Germany"))?.zone).toBe("Europe/Berlin");
  });
});

describe("location data", () => {
  it("every alias points at a city in the table", () => {
    const missing = cityAliases().filter(([, name]) => citiesNamed(name).length === 0);
    expect(missing).toEqual([]);
  });

  it("every curated zone is known to Intl", () => {
    const unknown = [...metroZones(), ...regionZones()].filter((zone) => !isValidZone(zone));
    expect(unknown).toEqual([]);
  });

  it("ranks same-named cities by population", () => {
    const paris = citiesNamed("Paris");
    expect(paris[0]?.country).toBe("FR");
    expect(paris.map((c) => c.population)).toEqual([...paris.map((c) => c.population)].sort((a, b) => b - a));
  });

  it("answers many distinct unknown towns from their region", () => {
    for (let i = 0; i < 500; i++)
      expect(resolveZone(loc(`Town${i}, Texas, United States`))).toEqual({ zone: "America/Chicago", source: "region" });
  });
});

describe("zoneOffsetMinutes and sameOffset", () => {
  const JAN = Date.UTC(2027, 0, 15, 12);
  const JUL = Date.UTC(2027, 6, 15, 12);
  const cases: Array<[string, number, number]> = [
    ["UTC", JAN, 0],
    ["Europe/Paris", JAN, 60],
    ["Europe/Paris", JUL, 120],
    ["America/New_York", JAN, -300],
    ["America/New_York", JUL, -240],
    ["Asia/Kolkata", JAN, 330],
    ["Asia/Calcutta", JUL, 330],
    ["Asia/Kathmandu", JAN, 345],
    ["Australia/Adelaide", JAN, 630],
    ["Australia/Adelaide", JUL, 570],
    ["America/St_Johns", JAN, -210],
    ["America/St_Johns", JUL, -150],
    ["Pacific/Chatham", JAN, 825],
    ["Pacific/Chatham", JUL, 765],
  ];

  it.each(cases)("%s at %i is %i minutes", (zone, at, minutes) => {
    expect(zoneOffsetMinutes(zone, at)).toBe(minutes);
  });

  it("compares zones by offset, not by name", () => {
    expect(sameOffset("Asia/Kolkata", "Asia/Calcutta", JAN)).toBe(true);
    expect(sameOffset("Europe/Paris", "Europe/Berlin", JUL)).toBe(true);
    expect(sameOffset("Europe/London", "Europe/Lisbon", JAN)).toBe(true);
    expect(sameOffset("Europe/London", "Europe/Paris", JAN)).toBe(false);
    expect(sameOffset("Asia/Kolkata", "Asia/Kathmandu", JAN)).toBe(false);
  });

  it("throws a LinkpaceError naming an unknown zone", () => {
    let error: unknown;
    try {
      zoneOffsetMinutes("Mars/Olympus", JAN);
    } catch (e) {
      error = e;
    }
    expect(isLinkpaceError(error) && error.code === "invalid_input" && error.message.includes("Mars/Olympus")).toBe(true);
  });

  it("agrees with the wall clock Intl shows, at any instant", () => {
    const zones = ["Europe/Paris", "America/St_Johns", "Asia/Kathmandu", "Australia/Adelaide", "Pacific/Chatham"];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 0, max: 4_102_444_800_000 }), (zone, at) => {
        const parts = new Intl.DateTimeFormat("en-US", {
          timeZone: zone,
          hourCycle: "h23",
          year: "numeric",
          month: "numeric",
          day: "numeric",
          hour: "numeric",
          minute: "numeric",
        }).formatToParts(at);
        const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
        const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
        expect(zoneOffsetMinutes(zone, at)).toBe(Math.round((wall - Math.floor(at / 60_000) * 60_000) / 60_000));
      }),
    );
  });
});
