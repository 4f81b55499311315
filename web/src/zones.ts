/**
 * Dates in the zone they belong to: an account's actions in the sender's zone, analytics days as the calendar
 * dates the API gives (already account-local), and the zones a user can pick for a new account.
 */
import { serverNow } from "./server-clock";

function inZone(iso: string | null | undefined, timeZone: string | null | undefined, options: Intl.DateTimeFormatOptions): string {
  if (!iso) return "–";
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(undefined, { ...options, ...(timeZone ? { timeZone } : {}) }).format(at);
  } catch {
    return new Intl.DateTimeFormat(undefined, options).format(at); // a zone this browser does not know: the viewer's
  }
}

/** An instant in a zone with the zone's short name, e.g. "Mar 3, 2027, 02:05 PM CET"; the viewer's zone when none. */
export function zonedDateTime(iso: string | null | undefined, timeZone?: string | null): string {
  return inZone(iso, timeZone, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  });
}

/** An instant's calendar date in a zone, e.g. "Mar 3, 2027". */
export function zonedDate(iso: string | null | undefined, timeZone?: string | null): string {
  return inZone(iso, timeZone, { year: "numeric", month: "short", day: "numeric" });
}

/**
 * For dense tables whose header or footer names the zone: "Nov 27, 02:05 PM" without the zone's name, with the
 * year only when it is not the current one; `time: false` for the date alone.
 */
export function compactDate(iso: string | null | undefined, timeZone?: string | null, opts: { time?: boolean } = {}): string {
  const thisYear = iso ? new Date(iso).getUTCFullYear() === new Date(serverNow()).getUTCFullYear() : true;
  return inZone(iso, timeZone, {
    month: "short",
    day: "numeric",
    ...(thisYear ? {} : { year: "numeric" }),
    ...(opts.time === false ? {} : { hour: "2-digit", minute: "2-digit" }),
  });
}

/** A calendar date "YYYY-MM-DD" as a short label ("Mar 3"), without moving it through any zone. */
export function dayLabel(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", timeZone: "UTC" }).format(d);
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** Every IANA zone the browser knows, sorted, always including UTC and the browser's own zone. */
export function timeZones(): string[] {
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set([...known, "UTC", browserTimeZone()])].sort();
}
