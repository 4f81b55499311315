/**
 * Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), independent of any zone.
 * Local wall times elsewhere in schedule/ are "wall ms": the local date and time read as if it were UTC, so
 * `Math.floor(wall / DAY)` is the local day number. Algorithms after Howard Hinnant's `days_from_civil`.
 */
import { DAY } from "../time.js";

export interface CivilDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

/** Day number of a calendar date; months outside 1-12 roll into neighbouring years. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 0 = Monday … 6 = Sunday, the order of WEEKDAYS (1970-01-01 was a Thursday). */
export function weekdayIndexOfDays(days: number): number {
  return mod(days + 3, 7);
}

/** Day number of the local date of a wall time. */
export function daysOfWall(wall: number): number {
  return Math.floor(wall / DAY);
}

export function mod(a: number, n: number): number {
  const r = a % n;
  return r < 0 ? r + n : r;
}

// Keys are asked for far more often than there are distinct days, so they are kept (bounded, in case a
// caller walks across centuries).
const KEY_CACHE_LIMIT = 100_000;
const keyCache = new Map<number, string>();

/** `YYYY-MM-DD` of a day number. */
export function dateKeyOfDays(days: number): string {
  let key = keyCache.get(days);
  if (key === undefined) {
    const { year, month, day } = civilFromDays(days);
    key = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    keyCache.set(days, key);
  }
  return key;
}

const DATE_KEY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a `YYYY-MM-DD` key, or null when the text is not a real calendar date. */
export function daysOfDateKey(key: string): number | null {
  const m = DATE_KEY_RE.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const days = daysFromCivil(year, month, day);
  const back = civilFromDays(days);
  return back.month === month && back.day === day ? days : null;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}
