/**
 * Field validators shared by account and campaign documents. Each failure becomes one issue whose message
 * says what would be valid (`expected a duration like 90s, 5m, 2h, 3d or 1w, got "3 days"`), so a user can
 * fix the file without reading the docs.
 */
import * as z from "zod";
import { MAX_NAME_LENGTH, MAX_TIME_ZONE_LENGTH, quote, tooLongMessage } from "../limits.js";
import { MAX_PRIORITY, MIN_PRIORITY } from "../governor/fair-share.js";
import { parseDuration } from "../time.js";
import { describeValue } from "./doc-issues.js";

export type Parsed<T> = { value: T } | { error: string };

function expectedMessage(expected: string, value: unknown): string {
  return value === undefined ? `missing: expected ${expected}` : `expected ${expected}, got ${describeValue(value)}`;
}

/**
 * A field read by `parse`. When `parse` returns undefined (or the field is missing) the issue is
 * `expected <expected>, got <value>`; `{ error }` replaces that message.
 */
export function field<T>(expected: string, parse: (value: unknown) => Parsed<T> | undefined) {
  return z.unknown().transform((value, ctx): T => {
    const parsed = value === undefined ? undefined : parse(value);
    if (parsed !== undefined && "value" in parsed) return parsed.value;
    const message = parsed?.error ?? expectedMessage(expected, value);
    ctx.issues.push({ code: "custom", message, input: value });
    return z.NEVER;
  });
}

const LISTED_KEYS = 5;

/**
 * `unknown field "colour" (known: name, timezone, …)`: the message for keys a mapping does not have, shared by
 * documents and request bodies. A flood of keys is listed by its first few, each quoted short.
 */
export function unknownFieldsMessage(keys: readonly string[], known: readonly string[], noun = "field"): string {
  const listed = keys.slice(0, LISTED_KEYS).map(quote).join(", ");
  const more = keys.length > LISTED_KEYS ? ` and ${keys.length - LISTED_KEYS} more` : "";
  return `unknown ${noun}${keys.length > 1 ? "s" : ""} ${listed}${more} (known: ${known.join(", ")})`;
}

/**
 * A mapping that rejects unknown keys (so typos are caught), with messages naming the valid keys.
 * `what` describes the mapping for the message when the value is not a mapping at all.
 */
export function strictMapping<S extends z.ZodRawShape>(shape: S, what: string) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === "unrecognized_keys") return unknownFieldsMessage(issue.keys, known);
      if (issue.code === "invalid_type") return expectedMessage(what, issue.input);
      return undefined;
    },
  });
}

/** A list, with a message saying what the list should hold when it is something else. */
export function list<T extends z.ZodType>(item: T, what: string) {
  return z.array(item, {
    error: (issue) => (issue.code === "invalid_type" ? expectedMessage(what, issue.input) : undefined),
  });
}

const NAME_RE = /^[\p{L}\p{N}_.@-]+$/u;

/** Account and campaign names: used on the command line, so no inner spaces; at most MAX_NAME_LENGTH. */
export const nameField = field<string>('a name of letters, digits, "-", "_", "." or "@" (no spaces)', (v) => {
  if (typeof v !== "string") return undefined;
  const name = v.trim();
  if (name.length > MAX_NAME_LENGTH) return { error: tooLongMessage("a name", name, MAX_NAME_LENGTH) };
  return NAME_RE.test(name) ? { value: name } : undefined;
});

/** Whether `zone` is an IANA time zone known to this runtime (Intl is pure: it reads no clock). */
export function resolveTimeZone(zone: string): string | null {
  if (zone.length > MAX_TIME_ZONE_LENGTH || !/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return null;
  try {
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
    // Keep the user's spelling, fixing only its case (`europe/paris` -> `Europe/Paris`).
    return resolved.toLowerCase() === zone.toLowerCase() ? resolved : zone;
  } catch {
    return null;
  }
}

export function timeZoneField(options: { allowRecipient: boolean }) {
  const expected = `an IANA time zone like Europe/Paris${options.allowRecipient ? ' or "recipient"' : ""}`;
  return field<string>(expected, (v) => {
    if (typeof v !== "string") return undefined;
    const zone = v.trim();
    if (options.allowRecipient && zone === "recipient") return { value: zone };
    const resolved = resolveTimeZone(zone);
    if (resolved !== null) return { value: resolved };
    return {
      error: `unknown time zone ${quote(v)} (use an IANA name like Europe/Paris${options.allowRecipient ? ', or "recipient"' : ""})`,
    };
  });
}

const DURATION_EXPECTED = "a duration like 90s, 5m, 2h, 3d or 1w";

function readDuration(v: unknown, positive: boolean): Parsed<number> | undefined {
  const ms = v === 0 ? 0 : typeof v === "string" ? parseDuration(v) : null;
  if (ms === null || ms % 1000 !== 0) return undefined;
  if (positive && ms === 0) return { error: `expected ${DURATION_EXPECTED} (more than zero), got ${describeValue(v)}` };
  return { value: ms };
}

/**
 * A duration (`90s`, `5m`, `2h`, `3d`, `1w`), in ms, in whole seconds (so it prints back exactly). The number 0 is also
 * accepted (`after: 0`). `positive` rejects zero.
 */
export function durationField(options: { positive: boolean }) {
  return field<number>(DURATION_EXPECTED, (v) => readDuration(v, options.positive));
}

/** A duration above zero, or `never` (null; older documents wrote null for it, which still reads the same). */
export const positiveDurationOrNeverField = field<number | null>(`${DURATION_EXPECTED}, or never`, (v) =>
  v === null || (typeof v === "string" && v.trim() === "never") ? { value: null } : readDuration(v, true),
);

export const positiveIntField = field<number>("a whole number above zero", (v) =>
  typeof v === "number" && Number.isSafeInteger(v) && v > 0 ? { value: v } : undefined,
);

/** A campaign's weight (core/governor/fair-share.ts): not necessarily whole (0.5, 2), within its bounds. */
export const priorityField = field<number>(`a number from ${MIN_PRIORITY} to ${MAX_PRIORITY}, like 1 or 2`, (v) =>
  typeof v === "number" && Number.isFinite(v) && v >= MIN_PRIORITY && v <= MAX_PRIORITY ? { value: v } : undefined,
);

export const booleanField = field<boolean>("true or false", (v) => (typeof v === "boolean" ? { value: v } : undefined));

export function oneOfField<const T extends string>(values: readonly T[]) {
  const expected = `one of ${values.map((v) => JSON.stringify(v)).join(", ")}`;
  return field<T>(expected, (v) => (values.includes(v as T) ? { value: v as T } : undefined));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A calendar date `YYYY-MM-DD` that exists (no February 30th). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const last = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
  return day <= last;
}

/** A date `YYYY-MM-DD`, or null (unknown). */
export const dateOrNullField = field<string | null>("a date like 2019-05-01", (v) => {
  if (v === null) return { value: null };
  return typeof v === "string" && isCalendarDate(v.trim()) ? { value: v.trim() } : undefined;
});
