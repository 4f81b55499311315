/**
 * The date formats of LinkedIn's export, each read exactly or not at all (a row with another spelling is
 * reported, never guessed):
 * - `06 Nov 2023`, old exports `12 Mar 19` (Connections.csv `Connected On`): a day;
 * - `5/12/21, 3:14 PM` (Invitations.csv `Sent At`): month first, no zone, read as UTC; a 4-digit year and a
 *   24-hour `15:14` are accepted too;
 * - `2023-05-01 14:22:10 UTC`, sometimes without ` UTC` (messages.csv `DATE`), also with `T` and `Z`.
 * Two-digit years are 20YY: LinkedIn did not exist before 2003.
 */
import type { ArchiveDate } from "./types.js";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

const DAY_MONTH_YEAR = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{2}|\d{4})$/;
const MONTH_DAY_YEAR_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/;
const ISO_LIKE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(?:UTC|Z|\+00:?00)?$/;

/** The instant a cell of the export names, or null when it is none of the known formats or not a real date. */
export function parseArchiveDate(text: string): ArchiveDate | null {
  const s = text.trim().replace(/\u202f|\u00a0/g, " ");
  return dayMonthYear(s) ?? monthDayYearTime(s) ?? isoLike(s);
}

function dayMonthYear(s: string): ArchiveDate | null {
  const m = DAY_MONTH_YEAR.exec(s);
  if (!m) return null;
  const name = (m[2] as string).toLowerCase();
  const month = MONTHS.findIndex(
    (abbr) => name === abbr || (name.length > 3 && fullMonth(abbr) === name) || (abbr === "sep" && name === "sept"),
  );
  if (month < 0) return null;
  const at = utc({ year: year(m[3] as string), month: month + 1, day: Number(m[1]) });
  return at === null ? null : { at, precision: "day" };
}

function monthDayYearTime(s: string): ArchiveDate | null {
  const m = MONTH_DAY_YEAR_TIME.exec(s);
  if (!m) return null;
  let hour = Number(m[4]);
  const meridiem = m[7]?.toLowerCase();
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === "pm" ? 12 : 0);
  }
  const second = m[6] === undefined ? null : Number(m[6]);
  const at = utc({ year: year(m[3] as string), month: Number(m[1]), day: Number(m[2]), hour, minute: Number(m[5]), second: second ?? 0 });
  return at === null ? null : { at, precision: second === null ? "minute" : "second" };
}

function isoLike(s: string): ArchiveDate | null {
  const m = ISO_LIKE.exec(s);
  if (!m) return null;
  const second = m[6] === undefined ? null : Number(m[6]);
  const at = utc({
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: second ?? 0,
  });
  return at === null ? null : { at, precision: second === null ? "minute" : "second" };
}

function year(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

const FULL_MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
function fullMonth(abbr: string): string {
  return FULL_MONTHS[MONTHS.indexOf(abbr)] as string;
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
}

/** The UTC instant of these parts, or null when they name no real date or time (31 Feb, 25:00). */
function utc(p: Parts): number | null {
  const hour = p.hour ?? 0;
  const minute = p.minute ?? 0;
  const second = p.second ?? 0;
  if (p.month < 1 || p.month > 12 || p.day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const at = Date.UTC(p.year, p.month - 1, p.day, hour, minute, second);
  const d = new Date(at);
  return d.getUTCFullYear() === p.year && d.getUTCMonth() === p.month - 1 && d.getUTCDate() === p.day ? at : null;
}
