/**
 * The companion's pure parts: the server answers' shapes it reads, and what it shows of them (countdowns, a
 * prospect's local time, a sitting, the badge's count, which suggested sittings have begun). No chrome.* and no
 * DOM here, so that the tests run them in Node.
 */

export interface Sitting {
  from: string;
  until: string;
  local?: string;
  tasks?: number;
  zones?: string[];
  label?: string;
}

export interface OpenSitting {
  from: string;
  until: string;
}

export interface PlanAccount {
  account: string;
  timezone: string;
  pacing?: string;
  sitting: OpenSitting | null;
  dueNow: number;
  nextSitting: Sitting | null;
}

export interface Plan {
  at: string;
  accounts: PlanAccount[];
}

export interface OverviewAccount {
  account: string;
  timezone: string;
  dueNow: boolean;
  next: { kind: string; at: string; waitsFor: string | null } | null;
  paused: { until: string; reason: string } | null;
  pacing?: string;
  sitting?: OpenSitting | null;
}

export interface Overview {
  at: string;
  accounts: OverviewAccount[];
}

export interface Outcome {
  key: string;
  result: string;
  label: string;
}

export interface Task {
  actionId: number;
  kind: "visit" | "connect" | "message" | "withdraw";
  account: string | null;
  campaign: string | null;
  since: string;
  prospect: {
    url: string | null;
    fullName: string;
    company: string;
    title: string;
    location: string;
    timezone: string | null;
  };
  note: string | null;
  text: string | null;
  outcomes: Outcome[];
}

export type NextTask =
  | { type: "task"; at: string; recovered: boolean; task: Task }
  | { type: "held"; at: string; by: string; until: string | null }
  | { type: "wait"; at: string; until: string | null; reason: string; paused: string | null };

/** The server's URL as typed, reduced to its origin; null unless it is an http(s) URL. */
export function serverOrigin(typed: string): string | null {
  let url: URL;
  try {
    url = new URL(typed.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  return url.origin;
}

/** The host permission pattern for the server (what the options page asks for). */
export function hostPattern(origin: string): string {
  return `${origin}/*`;
}

/** "0:09", "4:05", "1 h 02 min", "3 d 4 h": a wait as a countdown. */
export function countdown(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  if (s < 3600) return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  const m = Math.floor(s / 60);
  if (m < 24 * 60) return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min`;
  const h = Math.floor(m / 60);
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

/** The time of day an instant is in a zone ("Tue 14:05"); null without a zone or with an unknown one. */
export function localTime(atMs: number, timeZone: string | null): string | null {
  if (timeZone === null) return null;
  try {
    const parts = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hour: "2-digit",
      minute: "2-digit",
      weekday: "short",
      hourCycle: "h23",
    }).formatToParts(atMs);
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
    return `${part("weekday")} ${part("hour")}:${part("minute")}`;
  } catch {
    return null;
  }
}

/** The text to send: a connect's note or a message's text ("" for an invitation without a note); null for visits and withdrawals. */
export function taskText(task: Task): string | null {
  return task.kind === "connect" ? (task.note ?? "") : task.kind === "message" ? (task.text ?? "") : null;
}

/** Characters as LinkedIn's limits count them (code points: an emoji is one). */
export function charCount(text: string): number {
  return [...text].length;
}

/** "09:00-09:20 for Europe, 30 tasks". */
export function describeSitting(s: Sitting): string {
  const when = s.local ?? `${s.from}-${s.until}`;
  const label = s.label ? ` for ${s.label}` : "";
  const tasks = s.tasks === undefined ? "" : `, ${s.tasks} task${s.tasks === 1 ? "" : "s"}`;
  return `${when}${label}${tasks}`;
}

/** The toolbar badge: the tasks due now over every account ("" for none). */
export function badgeText(plan: Plan): string {
  const n = plan.accounts.reduce((sum, a) => sum + a.dueNow, 0);
  return n === 0 ? "" : n > 999 ? "999+" : String(n);
}

/** A suggested sitting's identity, to notify it once. */
export function sittingKey(account: string, s: Sitting): string {
  return `${account}@${s.from}`;
}

/**
 * The suggested sittings that have begun (from <= at < until) and were not notified yet, and the keys to
 * remember afterwards (those of sittings not yet over: older ones are forgotten).
 */
export function sittingsBegun(
  plan: Plan,
  notified: readonly string[],
): { begun: Array<{ account: string; sitting: Sitting }>; remember: string[] } {
  const at = Date.parse(plan.at);
  const known = new Set(notified);
  const begun: Array<{ account: string; sitting: Sitting }> = [];
  const remember = new Set<string>();
  for (const a of plan.accounts) {
    const s = a.nextSitting;
    if (s === null) continue;
    const from = Date.parse(s.from);
    const until = Date.parse(s.until);
    const key = sittingKey(a.account, s);
    if (until <= at) continue;
    if (from <= at) {
      remember.add(key);
      if (!known.has(key)) begun.push({ account: a.account, sitting: s });
    } else if (known.has(key)) remember.add(key);
  }
  return { begun, remember: [...remember] };
}
