/**
 * A short name for the recipients a sitting is for, from their IANA zones: "Europe", "US East coast",
 * "Europe + US East coast". North America is named by its coasts (where people's working hours differ most);
 * elsewhere the zone's region is enough.
 */
const NORTH_AMERICA: Array<[RegExp, string]> = [
  [/^America\/(New_York|Detroit|Toronto|Montreal|Nassau|Indiana\/.*|Kentucky\/.*|Havana|Jamaica|Panama)$/, "US East coast"],
  [/^America\/(Chicago|Winnipeg|Mexico_City|Monterrey|Indiana\/(Knox|Tell_City)|Menominee|North_Dakota\/.*)$/, "US Central"],
  [/^America\/(Denver|Phoenix|Edmonton|Boise|Chihuahua)$/, "US Mountain"],
  [/^America\/(Los_Angeles|Vancouver|Tijuana)$/, "US West coast"],
  [/^America\/(Anchorage|Juneau|Sitka|Nome)$/, "Alaska"],
  [/^(Pacific\/Honolulu)$/, "Hawaii"],
];

const REGIONS: Record<string, string> = {
  Europe: "Europe",
  Africa: "Africa",
  Asia: "Asia",
  Australia: "Australia",
  Pacific: "Pacific",
  Atlantic: "Atlantic",
  Indian: "Indian Ocean",
  America: "Americas",
};

export function zoneLabel(zone: string): string {
  for (const [pattern, label] of NORTH_AMERICA) if (pattern.test(zone)) return label;
  const region = zone.split("/")[0] ?? zone;
  if (region === "America" && /^America\/(Sao_Paulo|Argentina\/.*|Santiago|Bogota|Lima|Caracas|Montevideo)$/.test(zone))
    return "South America";
  return REGIONS[region] ?? zone;
}

/** The distinct labels of `zones`, in order of first appearance, joined with " + "; "" for none. */
export function zonesLabel(zones: readonly string[]): string {
  return [...new Set(zones.map(zoneLabel))].join(" + ");
}
