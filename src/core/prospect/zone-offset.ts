/**
 * IANA zones through Intl, the only time-zone database the core may use. Zones are compared by UTC offset,
 * never by name: Asia/Kolkata and Asia/Calcutta are one zone, and so, at a given instant, are Europe/Paris
 * and Europe/Berlin.
 */
import { LinkpaceError } from "../errors.js";
import type { Instant } from "../time.js";

// Building a DateTimeFormat costs far more than using one; a prospect import asks about the same few zones.
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function offsetFormatter(zone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
    } catch {
      formatter = null;
    }
    formatters.set(zone, formatter);
  }
  return formatter;
}

/**
 * The zone as Intl spells it when only the case differs (`america/new_york` → `America/New_York`), else as
 * given; null when Intl does not know it. ICU resolves some current names to older ones (Asia/Kolkata →
 * Asia/Calcutta, Europe/Kyiv → Europe/Kiev): the name the user wrote is kept rather than replaced by those.
 */
export function canonicalZone(zone: string): string | null {
  const trimmed = zone.trim();
  if (trimmed === "") return null;
  const resolved = offsetFormatter(trimmed)?.resolvedOptions().timeZone;
  if (resolved === undefined) return null;
  return resolved.toLowerCase() === trimmed.toLowerCase() ? resolved : trimmed;
}

export function isValidZone(zone: string): boolean {
  return canonicalZone(zone) !== null;
}

/** Minutes east of UTC in `zone` at `at` (Asia/Kolkata: 330, America/St_Johns in winter: -210). */
export function zoneOffsetMinutes(zone: string, at: Instant): number {
  const formatter = offsetFormatter(zone.trim());
  if (formatter === null) {
    throw new LinkpaceError("invalid_input", `unknown time zone "${zone}": use an IANA name such as Europe/Paris`);
  }
  const name = formatter.formatToParts(at).find((part) => part.type === "timeZoneName")?.value ?? "";
  // longOffset gives "GMT" for UTC itself and "GMT+05:30" / "GMT-03:30" otherwise.
  const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name);
  if (m === null) throw new LinkpaceError("internal", `unexpected offset "${name}" for time zone ${zone}`);
  if (m[1] === undefined) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === "-" ? -minutes : minutes;
}

/** Whether two zones have the same UTC offset at `at`. */
export function sameOffset(zoneA: string, zoneB: string, at: Instant): boolean {
  return zoneOffsetMinutes(zoneA, at) === zoneOffsetMinutes(zoneB, at);
}

/** Mid-winter and mid-summer of a fixed year: zones equal at both keep the same clock all year. */
const PROBES: readonly Instant[] = [1_736_899_200_000, 1_752_537_600_000]; // 2025-01-15, 2025-07-15 UTC

/**
 * Whether two zones keep the same clock in winter and in summer. Used to match a city to a region without
 * reading the clock (the core never does); fixed probes make the answer the same on every run.
 */
export function sameClockAllYear(zoneA: string, zoneB: string): boolean {
  return PROBES.every((at) => sameOffset(zoneA, zoneB, at));
}
