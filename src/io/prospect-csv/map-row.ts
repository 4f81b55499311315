/**
 * One record's cells to a ProspectInput, following the file's ColumnPlan. A record without a usable
 * profile identifier is not a prospect: the reason names the value that was tried.
 */
import type { ProspectInput } from "../../core/model.js";
import { namesFromFull } from "../../core/prospect/person-name.js";
import { normalizeProfileUrl, profileIdentifiers } from "../../core/prospect/profile-url.js";
import type { ColumnPlan } from "./plan-columns.js";
import type { MappedField } from "./column-aliases.js";
import type { ZoneHints } from "./types.js";

export type MappedRow = { ok: true; prospect: ProspectInput; zoneHints: ZoneHints } | { ok: false; reason: string };

/** A member id inside a URN such as `urn:li:fsd_profile:ACoAAB…`. */
const MEMBER_ID_IN_URN = /(?:^|:)(AC[a-zA-Z]AA[A-Za-z0-9_-]{4,})$/;
const TRUE_VALUES = new Set(["true", "yes", "1"]);

export function mapRow(cells: readonly string[], plan: ColumnPlan): MappedRow {
  const get = (field: MappedField): string => {
    const index = plan.fields[field];
    return index === undefined ? "" : (cells[index] ?? "");
  };
  const identifiers = rowIdentifiers(cells, plan, get("profileSlug"));
  if (!identifiers.ok) return identifiers;

  // The full name is kept as written; it gives the first and last name only when the row has neither.
  const written = namesFromFull(get("fullName"));
  const given = get("firstName") !== "" || get("lastName") !== "";
  const firstName = given ? get("firstName") : written.firstName;
  const lastName = given ? get("lastName") : written.lastName;

  const zoneHints: ZoneHints = {};
  for (const part of ["city", "state", "country"] as const) {
    const value = get(part);
    if (value !== "") zoneHints[part] = value;
  }
  let location = get("location");
  // Waalaxy replaces the commas of a location with double spaces.
  if (plan.format === "waalaxy") location = location.replace(/\s{2,}/g, ", ");
  if (location === "") location = [zoneHints.city, zoneHints.state, zoneHints.country].filter(Boolean).join(", ");

  const timezone = get("timezone");
  const prospect: ProspectInput = {
    identifiers: identifiers.urls,
    firstName,
    lastName,
    ...(written.fullName !== null ? { fullName: written.fullName } : {}),
    company: get("company"),
    title: get("title"),
    location,
    timezone: timezone === "" ? null : timezone,
    connected: plan.format === "linkedin-connections" || TRUE_VALUES.has(get("connected").toLowerCase()),
    custom: customValues(cells, plan),
    memberId: memberId(get("memberId"), get("profileUrn")),
  };
  return { ok: true, prospect, zoneHints };
}

/** The member-id URL a `vmid` stands for, canonicalised like identifiers so the two can be compared. */
export function memberIdKey(memberId: string): string | null {
  return normalizeProfileUrl(`https://www.linkedin.com/in/${memberId}`)?.url ?? null;
}

function rowIdentifiers(
  cells: readonly string[],
  plan: ColumnPlan,
  slug: string,
): { ok: true; urls: string[] } | { ok: false; reason: string } {
  const values = plan.urls.map((i) => cells[i] ?? "").filter((v) => v !== "");
  let ids = profileIdentifiers(values);
  // Newer PhantomBuster exports give the public slug in its own column; the URL column may be empty or absent.
  if (slug !== "" && !ids.some((id) => id.kind === "slug")) {
    ids = profileIdentifiers([`https://www.linkedin.com/in/${slug}`, ...values]);
  }
  if (ids.length > 0) return { ok: true, urls: ids.map((id) => id.url) };
  if (values.length === 0) {
    return { ok: false, reason: slug === "" ? "no profile URL" : `${JSON.stringify(slug)} is not a LinkedIn profile slug` };
  }
  const quoted = values.map((v) => JSON.stringify(v)).join(", ");
  const reason = values.length === 1 ? `${quoted} is not a LinkedIn profile URL` : `none of ${quoted} is a LinkedIn profile URL`;
  return { ok: false, reason };
}

function memberId(vmid: string, urn: string): string | null {
  if (vmid !== "") return vmid;
  return MEMBER_ID_IN_URN.exec(urn)?.[1] ?? null;
}

function customValues(cells: readonly string[], plan: ColumnPlan): Record<string, string> {
  const custom = { ...plan.customTemplate };
  for (const { index, key, blank } of plan.custom) {
    const value = cells[index] ?? "";
    if (blank && value === "") continue; // a trailing delimiter, not a column
    if (key === "__proto__") Object.defineProperty(custom, key, { value, enumerable: true, writable: true });
    else custom[key] = value;
  }
  return custom;
}
