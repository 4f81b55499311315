/**
 * A prospect's time zone from what a lead list says about them, offline.
 * Steps, first answer wins, and the answer records which step gave it so the user can see what is a guess:
 *   1. explicit  a timezone field that Intl knows (an unknown one falls through to the location);
 *   2. metro     a curated LinkedIn metro label ("San Francisco Bay Area", "Greater London");
 *   3. city      a city by name (aliases, any accents or case), limited to the country and region when the
 *                location names them, most populous first: "Paris, Texas" is not Paris, France; an Indian
 *                district LinkedIn names ("Bangalore Urban", "Pune District") by the city it is named after;
 *   4. region    a state or province (US, Canada, Australia, India, Brazil, Mexico, a few outlying islands);
 *   5. country   a country with one zone, or a dominant one (Spain); never for the US, Canada, Russia…;
 *   null: the caller uses the sender's zone and records "sender".
 *
 * Inputs come as a LinkedIn string ("Austin, Texas, United States"), Apollo's City/State/Country columns, or
 * Waalaxy's string with commas turned into double spaces; any mix of them is read together.
 */
import type { ZoneSource } from "../model.js";
import { citiesNamed, type City } from "./city-index.js";
import { countryByCode, findCountry, type Country } from "./country-index.js";
import { districtCityKeys, metroCityKeys, splitLocation } from "./location-text.js";
import { metroZone } from "./metros.js";
import { regionsNamed, type Region } from "./regions.js";
import { canonicalZone, sameClockAllYear } from "./zone-offset.js";

export { canonicalZone, isValidZone, sameOffset, zoneOffsetMinutes } from "./zone-offset.js";

export interface ZoneInput {
  timezone?: string | null;
  location?: string | null;
  city?: string | null;
  state?: string | null;
  country?: string | null;
}

export interface ZoneGuess {
  zone: string;
  source: ZoneSource;
}

/** One way of reading the input: which country, which regions, which texts may name the city. */
interface Reading {
  country: Country | null;
  regions: readonly Region[];
  cityTexts: readonly string[];
  /** The cities Indian district names are named after ("Bangalore Urban"), looked up in India only. */
  districtTexts: readonly string[];
}

// Imports repeat the same few thousand locations over 200,000 rows: answer each distinct input once.
// Bounded so a long-running server does not grow without limit; the answers never change, so clearing is safe.
const CACHE_LIMIT = 50_000;
const cache = new Map<string, ZoneGuess | null>();

/** The zone of a prospect and how it was found, or null when nothing in the input places them. */
export function resolveZone(input: ZoneInput): ZoneGuess | null {
  const key = [input.timezone, input.location, input.city, input.state, input.country].map((v) => v ?? "").join("\u0001");
  let guess = cache.get(key);
  if (guess === undefined) {
    guess = resolveUncached(input);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, guess);
  }
  return guess === null ? null : { ...guess };
}

function resolveUncached(input: ZoneInput): ZoneGuess | null {
  const explicit = present(input.timezone) ? canonicalZone(input.timezone) : null;
  if (explicit !== null) return { zone: explicit, source: "explicit" };
  const segments = splitLocation(input.location ?? "");
  // Joined again with commas so Waalaxy's "Austin  Texas Metropolitan Area" meets LinkedIn's label.
  for (const text of [input.location, segments.join(", "), segments[0], input.city]) {
    const zone = present(text) ? metroZone(text) : null;
    if (zone !== null) return { zone, source: "metro" };
  }
  let fallback: ZoneGuess | null = null;
  for (const reading of readings(input, segments)) {
    const guess = resolveReading(reading);
    // A city found under any reading beats a region or country found under an earlier one.
    if (guess?.source === "city") return guess;
    fallback ??= guess;
  }
  return fallback;
}

/**
 * The readings of an input, most likely first. The last part of a location is its country when it names
 * one; when it also names a region ("Atlanta, Georgia") a second reading takes it as the region.
 */
function readings(input: ZoneInput, segments: readonly string[]): Reading[] {
  const fieldCountry = present(input.country) ? findCountry(input.country, { codes: true }) : null;
  const last = segments[segments.length - 1];
  const textCountry = last === undefined ? null : findCountry(last, { codes: false });
  const rest = textCountry === null ? segments : segments.slice(0, -1);
  const country = fieldCountry ?? textCountry;
  const out = [reading(input, rest, country)];
  if (textCountry !== null && fieldCountry === null && rest.length > 0 && regionsNamed(last ?? "", null).length > 0) {
    out.push(reading(input, segments, null));
  }
  return out;
}

function reading(input: ZoneInput, parts: readonly string[], country: Country | null): Reading {
  const [first, ...others] = parts;
  const code = country?.code ?? null;
  // LinkedIn writes a region alone as "Texas, United States": the one part left is then the region, not a city.
  const regionOnly = first !== undefined && others.length === 0 && code !== null && regionsNamed(first, code).length > 0;
  const cityParts = regionOnly ? [input.city] : [input.city, first];
  // A single part with no country may be a city or a region ("Quebec"): try it as both.
  const regionParts = [input.state, ...(regionOnly || (others.length === 0 && code === null) ? [first] : others)];
  const cityTexts = cityParts.filter(present).flatMap((text) => [text, ...metroCityKeys(text)]);
  const districtTexts = cityParts.filter(present).flatMap(districtCityKeys);
  const regions = unique(
    regionParts
      .filter(present)
      .flatMap((text) => [text, ...metroCityKeys(text)])
      .flatMap((text) => regionsNamed(text, code)),
  );
  return { country: country ?? soleCountry(regions), regions, cityTexts, districtTexts };
}

function resolveReading(r: Reading): ZoneGuess | null {
  for (const text of r.cityTexts) {
    const guess = cityGuess(text, r.country, r.regions);
    if (guess !== null) return guess;
  }
  const india = r.country === null || r.country.code === "IN" ? countryByCode("IN") : null;
  for (const text of india === null ? [] : r.districtTexts) {
    const guess = cityGuess(text, india, r.regions);
    if (guess !== null) return guess;
  }
  const region = r.regions[0];
  if (region !== undefined) return { zone: region.zone, source: "region" };
  if (r.country?.zone) return { zone: r.country.zone, source: "country" };
  return null;
}

/**
 * The most populous place called `text` in the country and, when regions are named, inside one of them.
 * Places of that name outside the named region lose to the region itself: "Washington, District of
 * Columbia" must not become Washington, Utah.
 */
function cityGuess(text: string, country: Country | null, regions: readonly Region[]): ZoneGuess | null {
  const cities = citiesNamed(text).filter((c) => country === null || c.country === country.code);
  if (cities.length === 0) return null;
  if (regions.length === 0) return { zone: cities[0]!.zone, source: "city" };
  for (const region of regions) {
    const inside = cities.find((c) => isInRegion(c, region));
    if (inside !== undefined) return { zone: inside.zone, source: "city" };
  }
  return { zone: regions[0]!.zone, source: "region" };
}

/** By GeoNames admin code where the table has one; otherwise by keeping the region's clock. */
function isInRegion(city: City, region: Region): boolean {
  if (city.country !== region.country) return false;
  return region.admin !== "" ? city.admin === region.admin : sameClockAllYear(city.zone, region.zone);
}

/** The country all the regions found belong to, when they agree ("Ontario" → Canada). */
function soleCountry(regions: readonly Region[]): Country | null {
  const codes = new Set(regions.map((r) => r.country));
  const [code] = codes;
  return codes.size === 1 && code !== undefined ? countryByCode(code) : null;
}

function unique(regions: Region[]): Region[] {
  return regions.filter((r, i) => regions.findIndex((o) => o.country === r.country && o.admin === r.admin && o.zone === r.zone) === i);
}

function present(text: string | null | undefined): text is string {
  return text !== null && text !== undefined && text.trim() !== "";
}
