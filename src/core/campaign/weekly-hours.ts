/**
 * Days and local time windows in documents (`workingHours`, `schedule`): `hours` is `"HH:MM-HH:MM"` or a
 * list of them (a comma-separated string is read as a list), start inclusive, end exclusive. `24:00` may end
 * a window; a window that ends at `00:00` ends at midnight (stored as 1440). A window whose start is after its
 * end crosses midnight (`22:00-02:00`) and is kept as is (startMinute > endMinute). Empty and overlapping
 * windows are errors. Days are listed once each and kept in week order.
 *
 * This is a private reader for documents; schedule/ owns the arithmetic on windows.
 */
import * as z from "zod";
import { WEEKDAYS, type TimeWindow, type Weekday, type WeeklyHours } from "../model.js";
import { quote } from "../limits.js";
import { describeValue } from "./doc-issues.js";
import { field, strictMapping, type Parsed } from "./doc-fields.js";

const DAY_MINUTES = 24 * 60;
const WINDOW_RE = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/;
const HOURS_EXPECTED = 'hours like "09:00-17:00" or a list of them';

function minuteOf(hours: string, minutes: string): number | null {
  const h = Number(hours);
  const m = Number(minutes);
  if (m > 59 || h > 24 || (h === 24 && m !== 0)) return null;
  return h * 60 + m;
}

/** Parses one `"HH:MM-HH:MM"`, or returns what is wrong with it. */
export function parseWindow(text: string): TimeWindow | string {
  const m = WINDOW_RE.exec(text.trim());
  const start = m ? minuteOf(m[1]!, m[2]!) : null;
  const end = m ? minuteOf(m[3]!, m[4]!) : null;
  if (start === null || end === null) return `expected ${HOURS_EXPECTED}, got ${quote(text)}`;
  if (start === DAY_MINUTES) return `a window cannot start at 24:00 (use 00:00), got ${quote(text)}`;
  const endMinute = end === 0 ? DAY_MINUTES : end;
  if (start === endMinute) return `the window ${quote(text)} is empty`;
  return { startMinute: start, endMinute };
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

export function formatWindow(window: TimeWindow): string {
  const clock = (minute: number) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
  return `${clock(window.startMinute)}-${clock(window.endMinute)}`;
}

/** The parts of a window within one day, [start, end) in minutes; two parts when it crosses midnight. */
function spans(w: TimeWindow): Array<[number, number]> {
  return w.startMinute < w.endMinute
    ? [[w.startMinute, w.endMinute]]
    : [
        [w.startMinute, DAY_MINUTES],
        [0, w.endMinute],
      ];
}

function overlap(a: TimeWindow, b: TimeWindow): boolean {
  return spans(a).some(([s1, e1]) => spans(b).some(([s2, e2]) => s1 < e2 && s2 < e1));
}

/** Parses `hours` as written in a document: one string (maybe comma-separated) or a list of strings. */
export function parseHours(value: unknown): Parsed<TimeWindow[]> | undefined {
  const texts = typeof value === "string" ? value.split(",") : Array.isArray(value) ? value : null;
  if (texts === null || texts.length === 0 || !texts.every((t) => typeof t === "string")) return undefined;
  const windows: TimeWindow[] = [];
  for (const text of texts as string[]) {
    const window = parseWindow(text);
    if (typeof window === "string") return { error: window };
    const clash = windows.find((w) => overlap(w, window));
    if (clash) return { error: `the windows "${formatWindow(clash)}" and "${formatWindow(window)}" overlap` };
    windows.push(window);
  }
  return { value: windows };
}

/** Hours as a document shows them: one string for one window, else a list. */
export function formatHours(windows: readonly TimeWindow[]): string | string[] {
  return windows.length === 1 ? formatWindow(windows[0]!) : windows.map(formatWindow);
}

const DAYS_EXPECTED = `a list of days among ${WEEKDAYS.join(", ")}`;

function parseDays(value: unknown): Parsed<Weekday[]> | undefined {
  if (!Array.isArray(value)) return undefined;
  if (value.length === 0) return { error: `expected ${DAYS_EXPECTED}, got an empty list` };
  const seen = new Set<Weekday>();
  for (const item of value) {
    const day = typeof item === "string" ? item.trim().toLowerCase() : null;
    if (!WEEKDAYS.includes(day as Weekday)) return { error: `expected ${DAYS_EXPECTED}, got ${describeValue(item)}` };
    if (seen.has(day as Weekday)) return { error: `the day ${JSON.stringify(day)} is listed twice` };
    seen.add(day as Weekday);
  }
  return { value: WEEKDAYS.filter((d) => seen.has(d)) };
}

export const daysField = field<Weekday[]>(DAYS_EXPECTED, parseDays);
export const hoursField = field<TimeWindow[]>(HOURS_EXPECTED, parseHours);

/** `{ days, hours }` with the given defaults; `extra` adds fields (the campaign schedule's `timezone`). */
export function weeklyHoursMapping<E extends z.ZodRawShape>(defaults: { days: Weekday[]; hours: string }, extra: E, what: string) {
  const hours = parseHours(defaults.hours);
  if (hours === undefined || !("value" in hours)) throw new Error(`bad default hours ${defaults.hours}`);
  return strictMapping(
    {
      ...extra,
      days: daysField.optional().transform((d) => d ?? [...defaults.days]),
      hours: hoursField.optional().transform((h) => h ?? hours.value.map((w) => ({ ...w }))),
    },
    what,
  );
}

export function toWeeklyHours(value: { days: Weekday[]; hours: TimeWindow[] }): WeeklyHours {
  return { days: value.days, windows: value.hours };
}
