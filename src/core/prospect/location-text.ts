/**
 * Text handling shared by the location tables: one folding so that "São Paulo", "Sao Paulo" and
 * "SAO PAULO" meet, and one splitter for the shapes lead lists give a location in.
 */

// Letters that NFKD does not decompose into a base letter and a mark.
const LETTERS: Record<string, string> = { ß: "ss", ø: "o", æ: "ae", œ: "oe", ł: "l", đ: "d", ð: "d", ı: "i", þ: "th" };

/**
 * A lookup key: no accents, lower case, `St.`/`Saint` and `&`/`and` made equal, dots dropped ("D.C." = "DC"),
 * hyphens as spaces ("Winston-Salem" = "Winston Salem"), single spaces.
 */
export function foldName(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[ßøæœłđðıþ]/g, (c) => LETTERS[c] ?? c)
    .replace(/[’‘`´]/g, "'")
    .replace(/&/g, " and ")
    .replace(/\./g, "")
    .replace(/[-‐‑–—_]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/\bsaint\b/g, "st")
    .replace(/\bsainte\b/g, "ste");
}

/**
 * The parts of a location, most specific first: "Austin, Texas, United States" → [Austin, Texas, United States].
 * Waalaxy exports turn LinkedIn's commas into double spaces ("Lyon  Auvergne-Rhône-Alpes  France"), and
 * hand-made lists use `;`, `|` or tabs, so all of these separate parts.
 */
export function splitLocation(text: string): string[] {
  return text
    .normalize("NFC")
    .split(/\s*[,;|\t\n\r]\s*|\s{2,}/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

const METRO_PREFIX = /^\s*greater\s+/i;
const METRO_SUFFIX = /\s+(?:metropolitan\s+area|metropolitan\s+region|metro\s+area|metroplex|metro|area|region)\s*$/i;

/**
 * City names inside a LinkedIn-style metro label that the curated table does not know: "Greater Lyon Area"
 * → [lyon]; "Raleigh-Durham-Chapel Hill Area" → [raleigh durham chapel hill, raleigh]. Empty when the text
 * has no metro wording, so a plain city is never looked up twice.
 */
export function metroCityKeys(segment: string): string[] {
  const stripped = segment.replace(METRO_PREFIX, "").replace(METRO_SUFFIX, "").trim();
  if (stripped === segment.trim() || stripped === "") return [];
  const first = stripped.split(/\s*[-/–]\s*/)[0] ?? stripped;
  return [...new Set([foldName(stripped), foldName(first)])].filter((key) => key !== "");
}

/** Words LinkedIn appends to Indian district names: "Bangalore Urban", "Mumbai Suburban", "Pune District". */
const DISTRICT_SUFFIX = /\s+(?:urban|rural|suburban|district|division)\s*$/i;

/**
 * The city an Indian district is named after, when the text ends with such a word: "Bangalore Urban" →
 * [bangalore], "Bengaluru Rural District" → [bengaluru]. Empty otherwise. The caller looks it up in India
 * only, after the text itself, so "Central District" is not Central, Louisiana.
 */
export function districtCityKeys(segment: string): string[] {
  let stripped = segment.trim();
  while (DISTRICT_SUFFIX.test(stripped)) stripped = stripped.replace(DISTRICT_SUFFIX, "");
  return stripped === segment.trim() || stripped === "" ? [] : [foldName(stripped)];
}
