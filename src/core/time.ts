/**
 * Time in linkpace's core: an Instant is milliseconds since the Unix epoch (UTC). The core never reads the
 * system clock; a Clock is injected (a real one in the CLI and server, a virtual one in simulations).
 */
export type Instant = number;

export interface Clock {
  now(): Instant;
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

const UNIT_MS: Record<string, number> = { s: SECOND, m: MINUTE, h: HOUR, d: DAY, w: WEEK };
const DURATION_RE = /^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d|w)\s*$/;

/** Parses a duration (`90s`, `5m`, `2h`, `3d`, `1w`) into milliseconds, or null. */
export function parseDuration(text: string): number | null {
  const m = DURATION_RE.exec(text);
  if (!m) return null;
  return Math.round(Number(m[1]) * UNIT_MS[m[2] as string]!);
}

/** Formats a duration as the largest whole unit that divides it (`2h`, `90s`). */
export function formatDuration(ms: number): string {
  for (const unit of ["w", "d", "h", "m"] as const) {
    const size = UNIT_MS[unit]!;
    if (ms !== 0 && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${Math.round(ms / SECOND)}s`;
}

/** ISO 8601 in UTC with a `Z`, without milliseconds unless there are some: `2027-03-01T08:15:00Z`. */
export function formatInstant(at: Instant): string {
  const iso = new Date(at).toISOString();
  return iso.endsWith(".000Z") ? `${iso.slice(0, -5)}Z` : iso;
}

/**
 * ISO 8601 in UTC in whole seconds, always: `2027-03-01T08:15:00Z` (milliseconds are dropped, never rounded
 * up). For files a spreadsheet sorts and compares as text (exports), where one column must have one format.
 */
export function formatInstantSeconds(at: Instant): string {
  return formatInstant(Math.floor(at / SECOND) * SECOND);
}

/** Parses an ISO 8601 instant (a date alone means midnight UTC); null when it is not one. */
export function parseInstant(text: string): Instant | null {
  const s = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s)) return null;
  const withZone = /^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : /Z|[+-]\d{2}:?\d{2}$/.test(s) ? s : `${s}Z`;
  const ms = Date.parse(withZone.replace(" ", "T"));
  return Number.isNaN(ms) ? null : ms;
}

/** A clock that only moves when told to: simulations and tests. */
export class VirtualClock implements Clock {
  constructor(private current: Instant) {}
  now(): Instant {
    return this.current;
  }
  set(at: Instant): void {
    if (at < this.current) throw new Error(`VirtualClock cannot go back from ${formatInstant(this.current)} to ${formatInstant(at)}`);
    this.current = at;
  }
  advance(ms: number): void {
    this.set(this.current + ms);
  }
}
