/**
 * States, provinces and regions whose zone is not the country's (or whose country has no single zone):
 * the US, Canada, Australia, Brazil, Mexico, Indonesia, India (for a state named without its country), and
 * a few outlying islands.
 * Curated by hand: no npm package maps LinkedIn's region names to zones. A region spanning two zones gets
 * the zone most of its people live in (Texas: Central, although El Paso is Mountain; a city lookup inside
 * the region corrects that when the location names the city).
 *
 * `admin` is the GeoNames admin1 code of the region, so a city can be looked up inside it ("Portland, Maine"
 * is not Portland, Oregon); it is empty where a zone comparison is enough (India has one zone).
 */
import { foldName } from "./location-text.js";

export interface Region {
  country: string;
  admin: string;
  zone: string;
}

type Row = readonly [country: string, admin: string, zone: string, ...names: string[]];

const NY = "America/New_York",
  CHI = "America/Chicago",
  DEN = "America/Denver",
  LA = "America/Los_Angeles";
const US: Row[] = [
  ["US", "AL", CHI, "Alabama", "AL"],
  ["US", "AK", "America/Anchorage", "Alaska", "AK"],
  ["US", "AZ", "America/Phoenix", "Arizona", "AZ"],
  ["US", "AR", CHI, "Arkansas", "AR"],
  ["US", "CA", LA, "California", "CA", "Calif"],
  ["US", "CO", DEN, "Colorado", "CO"],
  ["US", "CT", NY, "Connecticut", "CT"],
  ["US", "DE", NY, "Delaware", "DE"],
  ["US", "DC", NY, "District of Columbia", "DC", "Washington DC"],
  ["US", "FL", NY, "Florida", "FL"],
  ["US", "GA", NY, "Georgia", "GA"],
  ["US", "HI", "Pacific/Honolulu", "Hawaii", "HI"],
  ["US", "ID", "America/Boise", "Idaho", "ID"],
  ["US", "IL", CHI, "Illinois", "IL"],
  ["US", "IN", "America/Indiana/Indianapolis", "Indiana", "IN"],
  ["US", "IA", CHI, "Iowa", "IA"],
  ["US", "KS", CHI, "Kansas", "KS"],
  ["US", "KY", NY, "Kentucky", "KY"],
  ["US", "LA", CHI, "Louisiana", "LA"],
  ["US", "ME", NY, "Maine", "ME"],
  ["US", "MD", NY, "Maryland", "MD"],
  ["US", "MA", NY, "Massachusetts", "MA"],
  ["US", "MI", "America/Detroit", "Michigan", "MI"],
  ["US", "MN", CHI, "Minnesota", "MN"],
  ["US", "MS", CHI, "Mississippi", "MS"],
  ["US", "MO", CHI, "Missouri", "MO"],
  ["US", "MT", DEN, "Montana", "MT"],
  ["US", "NE", CHI, "Nebraska", "NE"],
  ["US", "NV", LA, "Nevada", "NV"],
  ["US", "NH", NY, "New Hampshire", "NH"],
  ["US", "NJ", NY, "New Jersey", "NJ"],
  ["US", "NM", DEN, "New Mexico", "NM"],
  ["US", "NY", NY, "New York", "NY"],
  ["US", "NC", NY, "North Carolina", "NC"],
  ["US", "ND", CHI, "North Dakota", "ND"],
  ["US", "OH", NY, "Ohio", "OH"],
  ["US", "OK", CHI, "Oklahoma", "OK"],
  ["US", "OR", LA, "Oregon", "OR"],
  ["US", "PA", NY, "Pennsylvania", "PA"],
  ["US", "RI", NY, "Rhode Island", "RI"],
  ["US", "SC", NY, "South Carolina", "SC"],
  ["US", "SD", CHI, "South Dakota", "SD"],
  ["US", "TN", CHI, "Tennessee", "TN"],
  ["US", "TX", CHI, "Texas", "TX"],
  ["US", "UT", DEN, "Utah", "UT"],
  ["US", "VT", NY, "Vermont", "VT"],
  ["US", "VA", NY, "Virginia", "VA"],
  ["US", "WA", LA, "Washington", "WA", "Washington State"],
  ["US", "WV", NY, "West Virginia", "WV"],
  ["US", "WI", CHI, "Wisconsin", "WI"],
  ["US", "WY", DEN, "Wyoming", "WY"],
];

const CA: Row[] = [
  ["CA", "01", "America/Edmonton", "Alberta", "AB"],
  ["CA", "02", "America/Vancouver", "British Columbia", "BC"],
  ["CA", "03", "America/Winnipeg", "Manitoba", "MB"],
  ["CA", "04", "America/Moncton", "New Brunswick", "NB"],
  ["CA", "05", "America/St_Johns", "Newfoundland and Labrador", "Newfoundland", "NL"],
  ["CA", "07", "America/Halifax", "Nova Scotia", "NS"],
  ["CA", "08", "America/Toronto", "Ontario", "ON"],
  ["CA", "09", "America/Halifax", "Prince Edward Island", "PEI", "PE"],
  ["CA", "10", "America/Toronto", "Quebec", "QC"],
  ["CA", "11", "America/Regina", "Saskatchewan", "SK"],
  ["CA", "12", "America/Whitehorse", "Yukon", "YT"],
  ["CA", "13", "America/Yellowknife", "Northwest Territories", "NT"],
  ["CA", "14", "America/Iqaluit", "Nunavut", "NU"],
];

const AU: Row[] = [
  ["AU", "01", "Australia/Sydney", "Australian Capital Territory", "ACT"],
  ["AU", "02", "Australia/Sydney", "New South Wales", "NSW"],
  ["AU", "03", "Australia/Darwin", "Northern Territory", "NT"],
  ["AU", "04", "Australia/Brisbane", "Queensland", "QLD"],
  ["AU", "05", "Australia/Adelaide", "South Australia", "SA"],
  ["AU", "06", "Australia/Hobart", "Tasmania", "TAS"],
  ["AU", "07", "Australia/Melbourne", "Victoria", "VIC"],
  ["AU", "08", "Australia/Perth", "Western Australia", "WA"],
  ["AU", "", "Australia/Lord_Howe", "Lord Howe Island"],
];

const SP = "America/Sao_Paulo",
  FOR = "America/Fortaleza";
const BR: Row[] = [
  ["BR", "01", "America/Rio_Branco", "Acre", "AC"],
  ["BR", "02", "America/Maceio", "Alagoas", "AL"],
  ["BR", "03", "America/Belem", "Amapá", "AP"],
  ["BR", "04", "America/Manaus", "Amazonas", "AM"],
  ["BR", "05", "America/Bahia", "Bahia", "BA"],
  ["BR", "06", FOR, "Ceará", "CE"],
  ["BR", "07", SP, "Distrito Federal", "Federal District", "DF"],
  ["BR", "08", SP, "Espírito Santo", "ES"],
  ["BR", "11", "America/Campo_Grande", "Mato Grosso do Sul", "MS"],
  ["BR", "13", FOR, "Maranhão", "MA"],
  ["BR", "14", "America/Cuiaba", "Mato Grosso", "MT"],
  ["BR", "15", SP, "Minas Gerais", "MG"],
  ["BR", "16", "America/Belem", "Pará", "PA"],
  ["BR", "17", FOR, "Paraíba", "PB"],
  ["BR", "18", SP, "Paraná", "PR"],
  ["BR", "20", FOR, "Piauí", "PI"],
  ["BR", "21", SP, "Rio de Janeiro", "RJ"],
  ["BR", "22", FOR, "Rio Grande do Norte", "RN"],
  ["BR", "23", SP, "Rio Grande do Sul", "RS"],
  ["BR", "24", "America/Porto_Velho", "Rondônia", "RO"],
  ["BR", "25", "America/Boa_Vista", "Roraima", "RR"],
  ["BR", "26", SP, "Santa Catarina", "SC"],
  ["BR", "27", SP, "São Paulo", "SP"],
  ["BR", "28", "America/Maceio", "Sergipe", "SE"],
  ["BR", "29", SP, "Goiás", "GO"],
  ["BR", "30", "America/Recife", "Pernambuco", "PE"],
  ["BR", "31", "America/Araguaina", "Tocantins", "TO"],
];

const MXC = "America/Mexico_City";
const MX: Row[] = [
  ["MX", "01", MXC, "Aguascalientes"],
  ["MX", "02", "America/Tijuana", "Baja California"],
  ["MX", "03", "America/Mazatlan", "Baja California Sur"],
  ["MX", "04", "America/Merida", "Campeche"],
  ["MX", "05", MXC, "Chiapas"],
  ["MX", "06", "America/Chihuahua", "Chihuahua"],
  ["MX", "07", "America/Monterrey", "Coahuila"],
  ["MX", "08", MXC, "Colima"],
  ["MX", "09", MXC, "Ciudad de México", "Mexico City", "CDMX", "Distrito Federal"],
  ["MX", "10", "America/Monterrey", "Durango"],
  ["MX", "11", MXC, "Guanajuato"],
  ["MX", "12", MXC, "Guerrero"],
  ["MX", "13", MXC, "Hidalgo"],
  ["MX", "14", MXC, "Jalisco"],
  ["MX", "15", MXC, "Estado de México", "State of Mexico"],
  ["MX", "16", MXC, "Michoacán"],
  ["MX", "17", MXC, "Morelos"],
  ["MX", "18", "America/Mazatlan", "Nayarit"],
  ["MX", "19", "America/Monterrey", "Nuevo León"],
  ["MX", "20", MXC, "Oaxaca"],
  ["MX", "21", MXC, "Puebla"],
  ["MX", "22", MXC, "Querétaro"],
  ["MX", "23", "America/Cancun", "Quintana Roo"],
  ["MX", "24", MXC, "San Luis Potosí"],
  ["MX", "25", "America/Mazatlan", "Sinaloa"],
  ["MX", "26", "America/Hermosillo", "Sonora"],
  ["MX", "27", MXC, "Tabasco"],
  ["MX", "28", "America/Matamoros", "Tamaulipas"],
  ["MX", "29", MXC, "Tlaxcala"],
  ["MX", "30", MXC, "Veracruz"],
  ["MX", "31", "America/Merida", "Yucatán"],
  ["MX", "32", MXC, "Zacatecas"],
];

const KOL = "Asia/Kolkata",
  PK = "Asia/Karachi";
const INDIA_NAMES = [
  "Andhra Pradesh",
  "Arunachal Pradesh",
  "Assam",
  "Bihar",
  "Chhattisgarh",
  "Goa",
  "Gujarat",
  "Haryana",
  "Himachal Pradesh",
  "Jharkhand",
  "Karnataka",
  "Kerala",
  "Madhya Pradesh",
  "Maharashtra",
  "Manipur",
  "Meghalaya",
  "Mizoram",
  "Nagaland",
  "Odisha",
  "Orissa",
  "Punjab",
  "Rajasthan",
  "Sikkim",
  "Tamil Nadu",
  "Telangana",
  "Tripura",
  "Uttar Pradesh",
  "Uttarakhand",
  "Uttaranchal",
  "West Bengal",
  "Delhi",
  "National Capital Territory of Delhi",
  "Jammu and Kashmir",
  "Ladakh",
  "Puducherry",
  "Pondicherry",
  "Chandigarh",
  "Andaman and Nicobar Islands",
  "Dadra and Nagar Haveli and Daman and Diu",
  "Lakshadweep",
];

const JKT = "Asia/Jakarta",
  MKS = "Asia/Makassar";
const ID: Row[] = [
  [
    "ID",
    "",
    JKT,
    "Jakarta",
    "DKI Jakarta",
    "Special Capital Region of Jakarta",
    "West Java",
    "Jawa Barat",
    "Central Java",
    "Jawa Tengah",
    "East Java",
    "Jawa Timur",
    "Banten",
    "Yogyakarta",
    "North Sumatra",
    "Sumatera Utara",
    "Riau",
    "West Kalimantan",
  ],
  [
    "ID",
    "",
    MKS,
    "Bali",
    "South Sulawesi",
    "Sulawesi Selatan",
    "East Kalimantan",
    "Kalimantan Timur",
    "West Nusa Tenggara",
    "East Nusa Tenggara",
  ],
  ["ID", "", "Asia/Jayapura", "Papua", "Maluku"],
];

/** Regions of single- or dominant-zone countries that keep another clock. */
const OUTLYING: Row[] = [
  ["ES", "", "Atlantic/Canary", "Canary Islands", "Canarias", "Islas Canarias"],
  ["PT", "", "Atlantic/Azores", "Azores", "Açores"],
  ["PT", "", "Atlantic/Madeira", "Madeira"],
  ["EC", "", "Pacific/Galapagos", "Galápagos", "Galapagos Islands"],
  ["NZ", "10", "Pacific/Chatham", "Chatham Islands", "Chatham Island", "Wharekauri"],
  ["PK", "", PK, "Punjab", "Sindh", "Khyber Pakhtunkhwa", "Balochistan", "Islamabad Capital Territory"],
];

const ROWS: readonly Row[] = [...US, ...CA, ...AU, ...BR, ...MX, ...ID, ["IN", "", KOL, ...INDIA_NAMES], ...OUTLYING];

let byName: Map<string, Region[]> | null = null;

function buildIndex(): Map<string, Region[]> {
  const map = new Map<string, Region[]>();
  for (const [country, admin, zone, ...names] of ROWS) {
    for (const name of names) {
      const key = foldName(name);
      map.set(key, [...(map.get(key) ?? []), { country, admin, zone }]);
    }
  }
  return map;
}

/**
 * Regions called `name`, in table order (so a bare "WA" is Washington before Western Australia), limited to
 * `country` when it is known.
 */
export function regionsNamed(name: string, country: string | null): readonly Region[] {
  byName ??= buildIndex();
  const found = byName.get(foldName(name)) ?? [];
  return country === null ? found : found.filter((r) => r.country === country);
}

/** For the data test: every zone the table names. */
export function regionZones(): string[] {
  return [...new Set(ROWS.map((row) => row[2]))];
}
