/** Display helpers. Every string from the API is rendered as text by Preact (never as HTML), so CSV-sourced names stay inert. */

export function percent(rate: number | null | undefined, digits = 0): string {
  return rate === null || rate === undefined ? "–" : `${(rate * 100).toFixed(digits)}%`;
}

/** A rate with its 95% interval: "35.9% (32.1–39.8%)"; a dash while nothing is decided. */
export function rateWithInterval(v: { rate: number | null; low: number | null; high: number | null }): string {
  if (v.rate === null) return "–";
  if (v.low === null || v.high === null) return percent(v.rate, 1);
  return `${percent(v.rate, 1)} (${(v.low * 100).toFixed(1)}–${percent(v.high, 1)})`;
}

/** An ISO instant in the viewer's locale and zone, or the zone given. */
export function dateTime(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return "–";
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short", ...(timeZone ? { timeZone } : {}) }).format(
    new Date(iso),
  );
}

export function day(iso: string | null | undefined): string {
  if (!iso) return "–";
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(new Date(iso));
}

/** "in 3 h 20 min" / "now" relative to `now` (ms). */
export function until(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return "–";
  const ms = new Date(iso).getTime() - now;
  if (ms <= 0) return "now";
  const s = Math.ceil(ms / 1000);
  const d = Math.floor(s / 86400),
    h = Math.floor((s % 86400) / 3600),
    m = Math.floor((s % 3600) / 60);
  if (d > 0) return `in ${d} d ${h} h`;
  if (h > 0) return `in ${h} h ${m} min`;
  if (m > 0) return `in ${m} min ${s % 60} s`;
  return `in ${s} s`;
}

/** The time now in a zone, e.g. "14:05 (Europe/Paris)". */
export function localTime(timeZone: string | null | undefined, now = new Date()): string {
  if (!timeZone) return "–";
  try {
    return `${new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", weekday: "short", timeZone }).format(now)} (${timeZone})`;
  } catch {
    return timeZone;
  }
}

/** The name as the API shows it (`fullName`: as the imported file wrote it), else first and last name. */
export function fullName(p: { firstName?: string; lastName?: string; fullName?: string }): string {
  return p.fullName?.trim() || `${p.firstName ?? ""} ${p.lastName ?? ""}`.trim() || "(no name)";
}

/** A profile link safe to put in href: only http(s) URLs (the text itself is always shown as text). */
export function safeProfileUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? u.href : null;
  } catch {
    return null;
  }
}
