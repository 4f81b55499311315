/**
 * LinkedIn's metro-area names, which no gazetteer lists: a profile says "San Francisco Bay Area" or
 * "Greater Boston" rather than a city. Curated by hand from what LinkedIn shows; matched after folding
 * (accents, case, punctuation). Metro labels missing here still resolve when they wrap a city name
 * ("Greater Lyon Area" → Lyon, see location-text.ts metroCityKeys), so this table only needs the labels
 * that do not (Randstad, Bay Area, Metroplex) and the busiest ones.
 */
import { foldName } from "./location-text.js";

const NY = "America/New_York",
  CHI = "America/Chicago",
  DEN = "America/Denver",
  LA = "America/Los_Angeles";
const LON = "Europe/London",
  PAR = "Europe/Paris",
  BER = "Europe/Berlin",
  SYD = "Australia/Sydney";
const KOL = "Asia/Kolkata",
  TOR = "America/Toronto";

const METROS: ReadonlyArray<readonly [name: string, zone: string]> = [
  // United States
  ["San Francisco Bay Area", LA],
  ["Silicon Valley", LA],
  ["New York City Metropolitan Area", NY],
  ["Greater New York City Area", NY],
  ["Greater Boston", NY],
  ["Greater Seattle Area", LA],
  ["Los Angeles Metropolitan Area", LA],
  ["Greater Los Angeles Area", LA],
  ["Dallas-Fort Worth Metroplex", CHI],
  ["Greater Chicago Area", CHI],
  ["Washington DC-Baltimore Area", NY],
  ["Greater Philadelphia", NY],
  ["Atlanta Metropolitan Area", NY],
  ["Greater Houston", CHI],
  ["Austin, Texas Metropolitan Area", CHI],
  ["San Antonio, Texas Metropolitan Area", CHI],
  ["Denver Metropolitan Area", DEN],
  ["Greater Phoenix Area", "America/Phoenix"],
  ["Greater Tucson Area", "America/Phoenix"],
  ["Miami-Fort Lauderdale Area", NY],
  ["Greater Minneapolis-St. Paul Area", CHI],
  ["Greater San Diego Area", LA],
  ["Detroit Metropolitan Area", "America/Detroit"],
  ["Portland, Oregon Metropolitan Area", LA],
  ["Salt Lake City Metropolitan Area", DEN],
  ["Raleigh-Durham-Chapel Hill Area", NY],
  ["Charlotte Metro", NY],
  ["Nashville Metropolitan Area", CHI],
  ["Greater Orlando", NY],
  ["Tampa Bay Area", NY],
  ["Greater St. Louis", CHI],
  ["Greater Pittsburgh Region", NY],
  ["Greater Cleveland", NY],
  ["Columbus, Ohio Metropolitan Area", NY],
  ["Cincinnati Metropolitan Area", NY],
  ["Kansas City Metropolitan Area", CHI],
  ["Greater Indianapolis", "America/Indiana/Indianapolis"],
  ["Las Vegas Metropolitan Area", LA],
  ["Greater Sacramento", LA],
  ["Greater Milwaukee", CHI],
  ["New Orleans Metropolitan Area", CHI],
  ["Greater Richmond Region", NY],
  ["Greater Hartford", NY],
  ["Buffalo-Niagara Falls Area", NY],
  // Canada
  ["Greater Toronto Area", TOR],
  ["Greater Montreal Metropolitan Area", TOR],
  ["Greater Vancouver Metropolitan Area", "America/Vancouver"],
  ["Calgary Metropolitan Area", "America/Edmonton"],
  ["Greater Edmonton Metropolitan Area", "America/Edmonton"],
  ["Greater Ottawa Metropolitan Area", TOR],
  // United Kingdom and Ireland
  ["Greater London", LON],
  ["Greater Manchester", LON],
  ["Greater Birmingham Area", LON],
  ["Greater Edinburgh Area", LON],
  ["Greater Glasgow Area", LON],
  ["Greater Bristol Area", LON],
  ["Greater Leeds Area", LON],
  ["Greater Cambridge Area", LON],
  ["Greater Oxford Area", LON],
  ["County Dublin", "Europe/Dublin"],
  // Continental Europe
  ["Greater Paris Metropolitan Region", PAR],
  ["Greater Lyon Area", PAR],
  ["Greater Marseille Metropolitan Area", PAR],
  ["Greater Toulouse Metropolitan Area", PAR],
  ["Greater Bordeaux Metropolitan Area", PAR],
  ["Greater Munich Metropolitan Area", BER],
  ["Berlin Metropolitan Area", BER],
  ["Greater Hamburg Area", BER],
  ["Frankfurt Rhine-Main Metropolitan Area", BER],
  ["Cologne Bonn Region", BER],
  ["Stuttgart Region", BER],
  ["Rhine-Neckar Metropolitan Region", BER],
  ["Randstad", "Europe/Amsterdam"],
  ["Greater Amsterdam Area", "Europe/Amsterdam"],
  ["Brussels Metropolitan Area", "Europe/Brussels"],
  ["Greater Madrid Metropolitan Area", "Europe/Madrid"],
  ["Greater Barcelona Metropolitan Area", "Europe/Madrid"],
  ["Greater Valencia Metropolitan Area", "Europe/Madrid"],
  ["Greater Lisbon", "Europe/Lisbon"],
  ["Greater Milan Metropolitan Area", "Europe/Rome"],
  ["Greater Rome Metropolitan Area", "Europe/Rome"],
  ["Greater Turin Metropolitan Area", "Europe/Rome"],
  ["Greater Zurich Area", "Europe/Zurich"],
  ["Geneva Metropolitan Area", "Europe/Zurich"],
  ["Vienna Metropolitan Area", "Europe/Vienna"],
  ["Stockholm Metropolitan Area", "Europe/Stockholm"],
  ["Greater Copenhagen Region", "Europe/Copenhagen"],
  ["Oslo Metropolitan Area", "Europe/Oslo"],
  ["Helsinki Metropolitan Area", "Europe/Helsinki"],
  ["Warsaw Metropolitan Area", "Europe/Warsaw"],
  ["Prague Metropolitan Area", "Europe/Prague"],
  ["Budapest Metropolitan Area", "Europe/Budapest"],
  ["Athens Metropolitan Area", "Europe/Athens"],
  ["Moscow Metropolitan Area", "Europe/Moscow"],
  ["Saint Petersburg Metropolitan Area", "Europe/Moscow"],
  ["Tel Aviv Metropolitan Area", "Asia/Jerusalem"],
  // Asia-Pacific
  ["Greater Sydney Area", SYD],
  ["Greater Melbourne Area", "Australia/Melbourne"],
  ["Greater Brisbane Area", "Australia/Brisbane"],
  ["Greater Perth Area", "Australia/Perth"],
  ["Greater Adelaide Area", "Australia/Adelaide"],
  ["Greater Hobart Area", "Australia/Hobart"],
  ["Greater Darwin Area", "Australia/Darwin"],
  ["Greater Canberra Area", SYD],
  ["Bengaluru, Karnataka, India", KOL],
  ["Greater Bengaluru Area", KOL],
  ["Mumbai Metropolitan Region", KOL],
  ["Greater Delhi Area", KOL],
  ["Delhi, India", KOL],
  ["Greater Hyderabad Area", KOL],
  ["Greater Chennai Area", KOL],
  ["Pune/Pimpri-Chinchwad Area", KOL],
  ["Greater Kolkata Area", KOL],
  ["Kathmandu Valley", "Asia/Kathmandu"],
  ["Greater Tokyo Area", "Asia/Tokyo"],
  ["Seoul Incheon Metropolitan Area", "Asia/Seoul"],
  ["Jakarta Metropolitan Area", "Asia/Jakarta"],
  ["Greater Jakarta", "Asia/Jakarta"],
  ["Metro Manila", "Asia/Manila"],
  ["Greater Kuala Lumpur", "Asia/Kuala_Lumpur"],
  ["Bangkok Metropolitan Region", "Asia/Bangkok"],
  // Latin America, Africa
  ["Greater São Paulo", "America/Sao_Paulo"],
  ["Greater Buenos Aires", "America/Argentina/Buenos_Aires"],
  ["Mexico City Metropolitan Area", "America/Mexico_City"],
  ["Greater Mexico City", "America/Mexico_City"],
  ["Santiago Metropolitan Region", "America/Santiago"],
  ["Bogotá D.C. Metropolitan Area", "America/Bogota"],
  ["Lima Metropolitan Area", "America/Lima"],
  ["City of Johannesburg", "Africa/Johannesburg"],
  ["Cape Town Metropolitan Area", "Africa/Johannesburg"],
  ["Greater Cairo", "Africa/Cairo"],
];

let byName: Map<string, string> | null = null;

/** The zone of a LinkedIn metro label (the whole location, or its first part), or null. */
export function metroZone(text: string): string | null {
  byName ??= new Map(METROS.map(([name, zone]) => [foldName(name), zone]));
  return byName.get(foldName(text)) ?? null;
}

/** For the data test: every curated zone. */
export function metroZones(): string[] {
  return [...new Set(METROS.map(([, zone]) => zone))];
}

export const METRO_COUNT = METROS.length;
