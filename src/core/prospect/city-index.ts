/**
 * Cities by folded name, most populous first, from the generated table in data/cities.ts (GeoNames places of
 * at least 15,000 people, each with its IANA zone). The index is built on first use, in a few tens of
 * milliseconds, and then shared: imports of 200,000 rows ask it once per distinct location.
 */
import { CITY_ROWS, CITY_ZONES } from "./data/cities.js";
import { foldName } from "./location-text.js";

export interface City {
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** GeoNames admin1 code: the state abbreviation in the US, a number elsewhere (regions.ts uses the same). */
  admin: string;
  zone: string;
  population: number;
}

/**
 * Names people use that GeoNames spells otherwise: English exonyms, local names, former names. Each target is
 * a GeoNames name present in the table (a test checks it).
 */
const CITY_ALIASES: ReadonlyArray<readonly [alias: string, name: string]> = [
  ["Bangalore", "Bengaluru"],
  ["Bombay", "Mumbai"],
  ["Calcutta", "Kolkata"],
  ["Madras", "Chennai"],
  ["Gurugram", "Gurgaon"],
  ["Poona", "Pune"],
  ["Trivandrum", "Thiruvananthapuram"],
  ["Cochin", "Kochi"],
  ["Baroda", "Vadodara"],
  ["Mysuru", "Mysore"],
  ["Bhubaneswar", "Bhubaneshwar"],
  ["Cologne", "Köln"],
  ["Koeln", "Köln"],
  ["München", "Munich"],
  ["Muenchen", "Munich"],
  ["Nuremberg", "Nürnberg"],
  ["Frankfurt", "Frankfurt am Main"],
  ["Hanover", "Hannover"],
  ["Duesseldorf", "Düsseldorf"],
  ["Zuerich", "Zürich"],
  ["Geneva", "Genève"],
  ["Genf", "Genève"],
  ["Basle", "Basel"],
  ["Den Haag", "The Hague"],
  ["'s-Gravenhage", "The Hague"],
  ["Antwerp", "Antwerpen"],
  ["Ghent", "Gent"],
  ["Bruxelles", "Brussels"],
  ["Brussel", "Brussels"],
  ["Lisboa", "Lisbon"],
  ["Roma", "Rome"],
  ["Milano", "Milan"],
  ["Firenze", "Florence"],
  ["Napoli", "Naples"],
  ["Torino", "Turin"],
  ["Venezia", "Venice"],
  ["Genova", "Genoa"],
  ["Wien", "Vienna"],
  ["Praha", "Prague"],
  ["Warszawa", "Warsaw"],
  ["Moskva", "Moscow"],
  ["Sankt-Peterburg", "Saint Petersburg"],
  ["Kiev", "Kyiv"],
  ["København", "Copenhagen"],
  ["Gothenburg", "Göteborg"],
  ["Athina", "Athens"],
  ["Bucuresti", "Bucharest"],
  ["Seville", "Sevilla"],
  ["Marseilles", "Marseille"],
  ["Lyons", "Lyon"],
  ["New York", "New York City"],
  ["NYC", "New York City"],
  ["Washington DC", "Washington, D.C."],
  ["Quebec City", "Québec"],
  ["Ville de Québec", "Québec"],
  ["Tel Aviv-Yafo", "Tel Aviv"],
  ["Ciudad de México", "Mexico City"],
  ["CDMX", "Mexico City"],
  ["Ciudad Juárez", "Juárez"],
  ["Peking", "Beijing"],
  ["Canton", "Guangzhou"],
  ["Saigon", "Ho Chi Minh City"],
  ["HCMC", "Ho Chi Minh City"],
  ["Rangoon", "Yangon"],
  ["Astana", "Nur-Sultan"],
  ["Ulaanbaatar", "Ulan Bator"],
];

let index: Map<string, City[]> | null = null;
let aliases: Map<string, string> | null = null;

function buildIndex(): Map<string, City[]> {
  const byName = new Map<string, City[]>();
  for (const row of CITY_ROWS.split("\n")) {
    const [name, country, admin, zoneAt, population] = row.split("\t");
    const zone = CITY_ZONES[Number(zoneAt)];
    if (name === undefined || country === undefined || admin === undefined || zone === undefined) continue;
    const key = foldName(name);
    const city: City = { country, admin, zone, population: Number(population) };
    const list = byName.get(key);
    if (list === undefined) byName.set(key, [city]);
    else list.push(city);
  }
  for (const list of byName.values()) list.sort((a, b) => b.population - a.population);
  return byName;
}

/** Places called `name` (any spelling that folds alike, or a known alias), most populous first. */
export function citiesNamed(name: string): readonly City[] {
  index ??= buildIndex();
  aliases ??= new Map(CITY_ALIASES.map(([alias, target]) => [foldName(alias), foldName(target)]));
  const key = foldName(name);
  return index.get(aliases.get(key) ?? key) ?? [];
}

/** For the data test: every alias and the GeoNames name it points at. */
export function cityAliases(): ReadonlyArray<readonly [string, string]> {
  return CITY_ALIASES;
}
