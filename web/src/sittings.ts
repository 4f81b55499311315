/**
 * Sittings and the plan as the dashboard reads them: starting and stopping a sitting (POST/DELETE
 * /v1/accounts/{name}/sitting), the forecast of GET /v1/plan (null where the server has no such route), and the
 * small pure helpers the runner, the Today page and the tab title share: the count of due tasks, which suggested
 * sitting has just begun, and the memory of the sittings already announced (so that each is announced once).
 */
import { ApiError, get, request, withQuery } from "./api.js";
import type { ApiSchema } from "./api-json.js";

/** GET /v1/plan, from the generated schema. */
type GeneratedPlan = ApiSchema<"Plan">;

/** One account's plan; `dueNow`: tasks a sitting started now would hand out; `nextSitting`: the next one not ended. */
export type PlanAccount = GeneratedPlan["accounts"][number];

/** An open sitting: tasks come back to back from `from` until `until`. */
export type OpenSitting = NonNullable<PlanAccount["sitting"]>;

/** A suggested sitting of the plan: `local` is in the sender's zone ("09:00-09:20"), `label` names the recipients' region. */
export type PlanSitting = NonNullable<PlanAccount["nextSitting"]>;

/** A day of the plan: `date` is the sender's local date, `byHour` its local hours with something expected. */
export type PlanDay = ApiSchema<"DayPlan">;

export type PlanKind = keyof PlanDay["byKind"];

/** GET /v1/plan; `at` is the server's clock. */
export interface Plan {
  at: string;
  accounts: PlanAccount[];
}

export const PLAN_KINDS: PlanKind[] = ["visit", "connect", "message", "withdraw"];

/** A sitting lasts this long unless the person picks another length (the server's default too). */
export const DEFAULT_SITTING_MINUTES = 30;

/** The plan for every account over `days` days, or null when this server has no plan route (an older server). */
export async function loadPlan(days: number): Promise<Plan | null> {
  try {
    return await get<Plan>(withQuery("/v1/plan", { days }));
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

export async function startSitting(account: string, minutes = DEFAULT_SITTING_MINUTES): Promise<OpenSitting | null> {
  const r = await request<{ sitting: OpenSitting | null }>("POST", `/v1/accounts/${encodeURIComponent(account)}/sitting`, { minutes });
  return r.sitting;
}

export async function stopSitting(account: string): Promise<void> {
  await request("DELETE", `/v1/accounts/${encodeURIComponent(account)}/sitting`);
}

/** The sitting if it is still open at `now` (ms, server clock), else null. */
export function openAt(sitting: OpenSitting | null | undefined, now: number): OpenSitting | null {
  if (!sitting) return null;
  return Date.parse(sitting.from) <= now && now < Date.parse(sitting.until) ? sitting : null;
}

/** The tab's title: "(3) linkpace" while tasks are due, plain "linkpace" otherwise. */
export function dueTitle(count: number): string {
  return count > 0 ? `(${count}) linkpace` : "linkpace";
}

/** Tasks due now over every account of the plan. */
export function dueCount(plan: Plan): number {
  return plan.accounts.reduce((n, a) => n + Math.max(0, a.dueNow), 0);
}

/** Without a plan: accounts with a task ready, and tasks shown right now, from GET /v1/tasks. */
export function dueCountFromOverview(overview: { accounts: Array<{ dueNow: boolean; inProgress: unknown[] }> }): number {
  return overview.accounts.reduce((n, a) => n + (a.inProgress.length > 0 ? a.inProgress.length : a.dueNow ? 1 : 0), 0);
}

/** What names a suggested sitting across polls: its account and its start. */
export function sittingKey(account: string, sitting: { from: string }): string {
  return `${account}@${sitting.from}`;
}

export interface Beginning {
  key: string;
  account: string;
  sitting: PlanSitting;
}

/**
 * The suggested sittings under way at `now` (ms, server clock) and not announced yet: one per account at most
 * (its next sitting, which the plan gives until it ends).
 */
export function sittingsBegun(plan: Plan, now: number, announced: ReadonlySet<string>): Beginning[] {
  const out: Beginning[] = [];
  for (const a of plan.accounts) {
    const s = a.nextSitting;
    if (!s) continue;
    const key = sittingKey(a.account, s);
    if (announced.has(key)) continue;
    if (Date.parse(s.from) <= now && now < Date.parse(s.until)) out.push({ key, account: a.account, sitting: s });
  }
  return out;
}

/** The notification's words for a sitting that has begun. */
export function beginningText(b: Beginning): { title: string; body: string } {
  const s = b.sitting;
  const tasks = `${s.tasks} task${s.tasks === 1 ? "" : "s"}`;
  return {
    title: `${b.account}: a sitting begins`,
    body: `${s.local}${s.label ? ` for ${s.label}` : ""}, ${tasks}. Open the runner to work through them.`,
  };
}

const ANNOUNCED_KEY = "linkpace.announced-sittings";
/** Enough to cover a few days of sittings over several accounts; older ones have ended long ago. */
const ANNOUNCED_KEEP = 200;

/** The sittings this browser has already announced (kept across reloads and tabs in localStorage). */
export function announcedSittings(): Set<string> {
  try {
    const raw = localStorage.getItem(ANNOUNCED_KEY);
    const list: unknown = raw ? JSON.parse(raw) : [];
    return new Set(Array.isArray(list) ? list.filter((k): k is string => typeof k === "string") : []);
  } catch {
    return new Set();
  }
}

export function rememberAnnounced(keys: string[]): void {
  if (keys.length === 0) return;
  const all = [...announcedSittings(), ...keys];
  try {
    localStorage.setItem(ANNOUNCED_KEY, JSON.stringify([...new Set(all)].slice(-ANNOUNCED_KEEP)));
  } catch {
    // no storage: this page still remembers through its own set (see useSittingWatch)
  }
}

/** One bar per hour of the sender's day: the working part of it (07–19) at least, widened to any hour with something expected. */
export function hourBars(day: PlanDay): Array<{ label: string; value: number; detail: string }> {
  const hours = day.byHour.filter((h) => h.count > 0).map((h) => h.hour);
  const first = Math.min(7, ...hours);
  const last = Math.max(19, ...hours);
  const counts = new Map(day.byHour.map((h) => [h.hour, h.count]));
  const bars: Array<{ label: string; value: number; detail: string }> = [];
  for (let h = first; h <= last; h++)
    bars.push({ label: String(h).padStart(2, "0"), value: counts.get(h) ?? 0, detail: `${h}:00–${h}:59` });
  return bars;
}
