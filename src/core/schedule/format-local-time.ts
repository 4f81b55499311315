/**
 * An instant as a person reads it: the local date and time in a zone, the zone's abbreviation there and then,
 * and the zone: `2026-12-04 14:28 EST (America/New_York)`. Human output only (status, tasks, sent, alerts,
 * the terminal runner); machine output (--json, the API) keeps ISO 8601 in UTC.
 *
 * The wall time comes from the schedule's own zone rules (local-time.ts), so what is shown is what the
 * schedule decided on. The abbreviation is the first English one Intl has for the zone at that instant
 * (EST, CEST, BST, AEDT, IST); where none has letters, the offset (GMT+9). A zone whose abbreviation is its
 * own name (UTC) is not repeated.
 */
import type { Instant } from "../time.js";
import { DAY, MINUTE } from "../time.js";
import { dateKeyOfDays, daysOfWall, mod } from "./civil.js";
import { localWall } from "./local-time.js";

/** US first (EST, PST), then British (CET, BST), Australian (AEST, NZDT) and Indian (IST) English. */
const ABBREVIATION_LOCALES = ["en-US", "en-GB", "en-AU", "en-IN"] as const;

export function formatLocalTime(at: Instant, zone: string): string {
  const wall = localWall(zone, at);
  const minute = Math.floor(mod(wall, DAY) / MINUTE);
  const time = `${pad2(Math.floor(minute / 60))}:${pad2(minute % 60)}`;
  const abbreviation = zoneAbbreviation(zone, at);
  const named = abbreviation === zone ? "" : ` (${zone})`;
  return `${dateKeyOfDays(daysOfWall(wall))} ${time} ${abbreviation}${named}`;
}

/** The zone's short name at `at`: letters where any of the locales has them, else the GMT offset. */
export function zoneAbbreviation(zone: string, at: Instant): string {
  let offset: string | null = null;
  for (const locale of ABBREVIATION_LOCALES) {
    const name = shortName(locale, zone, at);
    if (/^[A-Z]{2,5}$/.test(name)) return name;
    offset ??= name;
  }
  return offset ?? zone;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function shortName(locale: string, zone: string, at: Instant): string {
  const key = `${locale} ${zone}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "short" });
    formats.set(key, format);
  }
  return format.formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "";
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
