/**
 * Independent answers for the schedule tests: straight from Intl, one instant at a time, with none of the
 * caching, segment or week-pattern machinery of src/core/schedule. Slow, and obviously right.
 */
import { WEEKDAYS, type TimeWindow, type Weekday, type WeeklyHours } from "../../../src/core/model.js";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Zones for the tables and properties: both hemispheres, half-hour and 45-minute offsets, odd DST rules. */
export const ZONES = [
  "UTC",
  "Europe/Paris",
  "Europe/London",
  "America/New_York",
  "America/Los_Angeles",
  "America/St_Johns", // -3:30, DST
  "America/Santiago", // DST changes at local midnight
  "Australia/Sydney", // southern hemisphere DST
  "Australia/Adelaide", // +9:30, DST
  "Australia/Lord_Howe", // DST of only 30 minutes
  "Asia/Kolkata", // +5:30
  "Asia/Kathmandu", // +5:45
  "Asia/Tokyo",
  "Pacific/Chatham", // +12:45, DST
  "Pacific/Auckland",
] as const;

const formats = new Map<string, Intl.DateTimeFormat>();

function format(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      weekday: "short",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    formats.set(zone, f);
  }
  return f;
}

export interface LocalParts {
  dateKey: string;
  weekday: Weekday;
  minuteOfDay: number;
}

export function localParts(zone: string, at: number): LocalParts {
  const p: Record<string, string> = {};
  for (const part of format(zone).formatToParts(at)) p[part.type] = part.value;
  return {
    dateKey: `${p.year}-${p.month}-${p.day}`,
    weekday: p.weekday!.toLowerCase() as Weekday,
    minuteOfDay: (Number(p.hour) % 24) * 60 + Number(p.minute),
  };
}

/** Whether the local time of `at` in `zone` is inside the hours (start inclusive, end exclusive, past midnight on the start's day). */
export function oracleWithin(hours: WeeklyHours, zone: string, at: number): boolean {
  const { weekday, minuteOfDay: m } = localParts(zone, at);
  const today = hours.days.includes(weekday);
  const yesterday = hours.days.includes(WEEKDAYS[(WEEKDAYS.indexOf(weekday) + 6) % 7]!);
  return hours.windows.some(({ startMinute: s, endMinute: e }) => {
    if (s < e) return today && m >= s && m < e;
    if (s > e) return (today && m >= s) || (yesterday && m < e);
    return false;
  });
}

export function hours(windows: TimeWindow[] | string[], days: Weekday[] = ["mon", "tue", "wed", "thu", "fri"]): WeeklyHours {
  const parsed = windows.map((w) => (typeof w === "string" ? parseOne(w) : w));
  return { days, windows: parsed };
}

function parseOne(text: string): TimeWindow {
  const m = /^(\d\d):(\d\d)-(\d\d):(\d\d)$/.exec(text);
  if (!m) throw new Error(`bad test window ${text}`);
  return { startMinute: Number(m[1]) * 60 + Number(m[2]), endMinute: Number(m[3]) * 60 + Number(m[4]) };
}

export function utc(iso: string): number {
  const t = Date.parse(iso.endsWith("Z") ? iso : `${iso}Z`);
  if (Number.isNaN(t)) throw new Error(`bad test instant ${iso}`);
  return t;
}

export function iso(at: number | null): string | null {
  return at === null ? null : Number.isFinite(at) ? new Date(at).toISOString().replace(".000Z", "Z") : String(at);
}
