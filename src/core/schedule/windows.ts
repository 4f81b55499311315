/**
 * Time windows as users write them: "HH:MM-HH:MM", start inclusive, end exclusive, in
 * some zone's local time. "24:00" is allowed as an end; an end before the start ("22:00-02:00") crosses
 * midnight and belongs to the day it starts on.
 */
import type { TimeWindow } from "../model.js";

const WINDOW_RE = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/;
const EXPECTED = `expected "HH:MM-HH:MM", e.g. "09:00-17:00"`;
const MINUTES_PER_DAY = 24 * 60;

/**
 * Parses one window, a comma-separated list in one string ("09:00-12:00, 14:00-18:00"), or an array of them.
 * Returns the windows in the order written, or an error message naming the bad piece and the expected form.
 */
export function parseWindows(text: string | string[]): TimeWindow[] | string {
  const pieces = (Array.isArray(text) ? text : [text]).flatMap((t) => (typeof t === "string" ? t.split(",") : [t]));
  if (pieces.length === 0) return `no time window given: ${EXPECTED}`;
  const windows: TimeWindow[] = [];
  for (const piece of pieces) {
    const parsed = parseWindow(piece);
    if (typeof parsed === "string") return parsed;
    windows.push(parsed);
  }
  return windows;
}

function parseWindow(piece: unknown): TimeWindow | string {
  if (typeof piece !== "string") return `${JSON.stringify(piece)}: ${EXPECTED}`;
  const text = piece.trim();
  const m = WINDOW_RE.exec(text);
  if (!m) return `${JSON.stringify(text)}: ${EXPECTED}`;
  const startMinute = toMinute(Number(m[1]), Number(m[2]));
  const endMinute = toMinute(Number(m[3]), Number(m[4]));
  if (startMinute === null || endMinute === null || startMinute === MINUTES_PER_DAY) {
    return `${JSON.stringify(text)}: times run from 00:00 to 23:59 (and 24:00 as an end), ${EXPECTED}`;
  }
  if (startMinute === endMinute) {
    return `${JSON.stringify(text)}: the window is empty (start equals end); for a whole day write "00:00-24:00"`;
  }
  return { startMinute, endMinute };
}

function toMinute(hour: number, minute: number): number | null {
  if (minute > 59 || hour > 24 || (hour === 24 && minute !== 0)) return null;
  return hour * 60 + minute;
}

/** "HH:MM-HH:MM", the form parseWindows reads back. */
export function formatWindow(window: TimeWindow): string {
  return `${formatMinute(window.startMinute)}-${formatMinute(window.endMinute)}`;
}

function formatMinute(minuteOfDay: number): string {
  const hour = Math.floor(minuteOfDay / 60);
  const minute = minuteOfDay % 60;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}
