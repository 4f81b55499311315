/**
 * Countries by name, in English and the languages LinkedIn's French, German, Spanish, … interfaces write them
 * (generated in data/countries.ts), plus the short forms people type. Each country carries the zone its name
 * alone stands for: its only zone, a dominant one (Spain: Europe/Madrid, although the Canaries are an hour
 * behind), or none when it spans several offsets (US, Canada, Australia, Russia, Brazil, Mexico, Indonesia…).
 */
import { COUNTRY_ROWS } from "./data/countries.js";
import { foldName } from "./location-text.js";

export interface Country {
  /** ISO 3166-1 alpha-2. */
  code: string;
  /** null when the country has several UTC offsets and no zone stands for it. */
  zone: string | null;
}

/** What people and tools write that CLDR does not: abbreviations, former names, the UK's nations. */
const COUNTRY_ALIASES: Record<string, string> = {
  USA: "US",
  US: "US",
  "U.S.": "US",
  "United States of America": "US",
  America: "US",
  UK: "GB",
  "Great Britain": "GB",
  Britain: "GB",
  England: "GB",
  Scotland: "GB",
  Wales: "GB",
  "Northern Ireland": "GB",
  UAE: "AE",
  Emirates: "AE",
  Holland: "NL",
  "The Netherlands": "NL",
  "Czech Republic": "CZ",
  Turkey: "TR",
  "Russian Federation": "RU",
  Korea: "KR",
  "Republic of Korea": "KR",
  "Hong Kong SAR": "HK",
  Macau: "MO",
  "Macao SAR": "MO",
  "Mainland China": "CN",
  PRC: "CN",
  "Viet Nam": "VN",
  "Ivory Coast": "CI",
  "Democratic Republic of the Congo": "CD",
  "DR Congo": "CD",
  DRC: "CD",
  "Republic of the Congo": "CG",
  Macedonia: "MK",
  KSA: "SA",
  "Kingdom of Saudi Arabia": "SA",
  Palestine: "PS",
  Burma: "MM",
  Myanmar: "MM",
  Swaziland: "SZ",
  "Cape Verde": "CV",
  "East Timor": "TL",
  Bosnia: "BA",
  "Vatican City": "VA",
  "Republic of Ireland": "IE",
};

interface Tables {
  byName: Map<string, Country>;
  byCode: Map<string, Country>;
}

let tables: Tables | null = null;

function build(): Tables {
  const byName = new Map<string, Country>();
  const byCode = new Map<string, Country>();
  for (const row of COUNTRY_ROWS.split("\n")) {
    const [code, zone, names] = row.split("\t");
    if (code === undefined || zone === undefined || names === undefined) continue;
    const country: Country = { code, zone: zone === "" ? null : zone };
    byCode.set(code, country);
    for (const name of names.split(";")) byName.set(foldName(name), country);
  }
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) {
    const country = byCode.get(code);
    if (country !== undefined) byName.set(foldName(alias), country);
  }
  return { byName, byCode };
}

/**
 * The country a text names. Two-letter codes are accepted only from a country column (`codes: true`): in a
 * free-text location "CA" is California and "IN" Indiana far more often than Canada or India.
 */
export function findCountry(text: string, options: { codes: boolean }): Country | null {
  tables ??= build();
  const trimmed = text.trim();
  if (options.codes && /^[a-z]{2}$/i.test(trimmed)) {
    const code = trimmed.toUpperCase();
    return tables.byCode.get(code === "UK" ? "GB" : code) ?? null;
  }
  return tables.byName.get(foldName(trimmed)) ?? null;
}

export function countryByCode(code: string): Country | null {
  tables ??= build();
  return tables.byCode.get(code) ?? null;
}
