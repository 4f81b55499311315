/**
 * Checks an event log against linkpace's safety invariants, independently of the engine: it replays the log with its own
 * bookkeeping and the account and campaign documents, and returns every violation it finds (none is good).
 * Invariant 11 (weekly throughput) depends on prospects and windows, so it is measured (weeklySends) rather
 * than judged here.
 *
 * A campaign edited while it runs has versions: given them (`campaignVersions`), an action line is judged by the
 * version it carries (hours, message waits, stop on reply), and a pending invitation's withdrawal by every
 * version in effect while it was pending (an edit plans withdrawals again with the new delay). Without them,
 * every line is judged by `campaigns`.
 */
import type { AccountDoc, CampaignDoc } from "../core/model.js";
import { isWithin, localDateKey, localMonthKey, daysBetweenLocalDates } from "../core/schedule/index.js";
import { DAY, HOUR, WEEK, parseInstant } from "../core/time.js";
import type { ActionLine, EventLine, LogEntry } from "./event-log.js";

export interface InvariantInput {
  entries: LogEntry[];
  accounts: AccountDoc[];
  campaigns: CampaignDoc[];
  /** Every version of the campaigns that were edited, with when it took effect (optional). */
  campaignVersions?: ReadonlyArray<{ version: number; doc: CampaignDoc; createdAt: number }>;
  /** Prospects that were already connections when enrolled (display identifiers). */
  connected: Set<string>;
  /** When the log ends (the end of the run): pending withdrawals due after it are not judged. */
  end: number;
}

interface Ctx extends InvariantInput {
  accountByName: Map<string, AccountDoc>;
  campaignByName: Map<string, CampaignDoc>;
  /** By campaign name, its versions in order. */
  versionsByName: Map<string, Array<{ version: number; doc: CampaignDoc; createdAt: number }>>;
  violations: string[];
}

/** The campaign document an action line was handed out under: its version if known, else the one given. */
function docOf(ctx: Ctx, e: { campaign?: string | null; version?: number }): CampaignDoc | undefined {
  const versions = ctx.versionsByName.get(e.campaign ?? "");
  return versions?.find((v) => v.version === e.version)?.doc ?? ctx.campaignByName.get(e.campaign ?? "");
}

/** The documents in effect from the version a line carries until `until`: that version and every later one made by then. */
function docsFrom(ctx: Ctx, e: ActionLine, until: number): CampaignDoc[] {
  const versions = ctx.versionsByName.get(e.campaign ?? "");
  if (versions === undefined || e.version === undefined) {
    const doc = ctx.campaignByName.get(e.campaign ?? "");
    return doc ? [doc] : [];
  }
  return versions.filter((v) => v.version === e.version || (v.version > e.version! && v.createdAt <= until)).map((v) => v.doc);
}

const isAction = (e: LogEntry): e is ActionLine => "action" in e;
const isEvent = (e: LogEntry): e is EventLine => "event" in e;
const t = (e: LogEntry): number => parseInstant(e.at) as number;

export function checkInvariants(input: InvariantInput): string[] {
  const ctx: Ctx = {
    ...input,
    accountByName: new Map(input.accounts.map((a) => [a.name, a])),
    campaignByName: new Map(input.campaigns.map((c) => [c.name, c])),
    versionsByName: new Map(),
    violations: [],
  };
  for (const v of [...(input.campaignVersions ?? [])].sort((a, b) => a.version - b.version)) {
    ctx.versionsByName.set(v.doc.name, [...(ctx.versionsByName.get(v.doc.name) ?? []), v]);
  }
  checkOrder(ctx);
  for (const account of input.accounts) {
    const mine = input.entries.filter((e) => e.account === account.name);
    checkBudgets(ctx, account, mine);
    checkPending(ctx, account, mine);
    checkWindowsAndGaps(ctx, account, mine);
    checkNotes(ctx, account, mine);
    checkSignals(ctx, account, mine);
  }
  checkPeople(ctx);
  return ctx.violations;
}

function checkOrder(ctx: Ctx): void {
  for (let i = 1; i < ctx.entries.length; i++) {
    const [prev, e] = [ctx.entries[i - 1] as LogEntry, ctx.entries[i] as LogEntry];
    if (t(e) < t(prev)) ctx.violations.push(`[order] line ${i + 1} at ${e.at} comes before line ${i}'s ${prev.at}`);
  }
}

/** Rolling weekly and daily budgets, warm-up included. */
function checkBudgets(ctx: Ctx, a: AccountDoc, mine: LogEntry[]): void {
  const ok = mine.filter(isAction).filter((e) => e.result === "ok");
  const connects = ok.filter((e) => e.action === "connect").map(t);
  let lo = 0;
  for (let hi = 0; hi < connects.length; hi++) {
    while ((connects[lo] as number) <= (connects[hi] as number) - WEEK) lo++;
    if (hi - lo + 1 > a.limits.invitesPerWeek) {
      ctx.violations.push(
        `[weekly budget] ${a.name}: ${hi - lo + 1} invitations in the 7×24 h before ${new Date(connects[hi] as number).toISOString()} (budget ${a.limits.invitesPerWeek})`,
      );
      break;
    }
  }
  const firstDay = mine.find(isAction) ? localDateKey(a.timezone, t(mine.find(isAction) as LogEntry)) : null;
  const perDay = new Map<string, Record<string, number>>();
  for (const e of ok) {
    const day = localDateKey(a.timezone, t(e));
    const c = perDay.get(day) ?? { connect: 0, message: 0, visit: 0 };
    c[e.action] = (c[e.action] ?? 0) + 1;
    perDay.set(day, c);
  }
  const warm = a.warmup === "auto" && a.created !== null && firstDay !== null && daysBetweenLocalDates(a.created, firstDay) < 90;
  for (const [day, c] of perDay) {
    const k = firstDay ? daysBetweenLocalDates(firstDay, day) + 1 : 1;
    const inviteCap = warm ? Math.min(a.limits.invitesPerDay, 4 + k) : a.limits.invitesPerDay;
    if ((c.connect ?? 0) > inviteCap)
      ctx.violations.push(
        `[daily cap] ${a.name}: ${c.connect} invitations on ${day} (cap ${inviteCap}${warm ? `, warm-up day ${k}` : ""})`,
      );
    if ((c.message ?? 0) > a.limits.messagesPerDay) ctx.violations.push(`[daily cap] ${a.name}: ${c.message} messages on ${day}`);
    if ((c.visit ?? 0) > a.limits.visitsPerDay) ctx.violations.push(`[daily cap] ${a.name}: ${c.visit} visits on ${day}`);
  }
}

/** The pending cap and withdrawal timing. */
function checkPending(ctx: Ctx, a: AccountDoc, mine: LogEntry[]): void {
  const pending = new Map<string, { at: number; campaign: string }>();
  const accepted = new Set<string>();
  for (const e of mine) {
    const who = e.prospect ?? "";
    if (isEvent(e) && e.event === "accepted") {
      pending.delete(who);
      accepted.add(who);
    }
    if (!isAction(e) || e.result !== "ok") continue;
    if (e.action === "connect") pending.set(who, { at: t(e), campaign: e.campaign ?? "" });
    if (e.action === "withdraw") {
      if (accepted.has(who) && !pending.has(who))
        ctx.violations.push(`[withdrawal] ${a.name}: withdrew the accepted invitation of ${who} at ${e.at}`);
      pending.delete(who);
    }
    if (pending.size > a.limits.pendingMax)
      ctx.violations.push(`[pending cap] ${a.name}: ${pending.size} pending invitations at ${e.at} (cap ${a.limits.pendingMax})`);
  }
  checkWithdrawalsDue(ctx, a, mine);
}

function checkWithdrawalsDue(ctx: Ctx, a: AccountDoc, mine: LogEntry[]): void {
  const sent = mine.filter(isAction).filter((e) => e.action === "connect" && e.result === "ok");
  for (const s of sent) {
    const later = mine.filter((e) => e.prospect === s.prospect && t(e) > t(s));
    const withdrawn = later.find((e) => isAction(e) && e.action === "withdraw" && e.result === "ok");
    // The delays in effect while it was pending: an edit may have planned its withdrawal again.
    const delays = docsFrom(ctx, s, withdrawn ? t(withdrawn) : ctx.end).flatMap((d) => {
      const w = d.steps.find((x) => x.kind === "connect");
      return w && w.kind === "connect" && w.withdrawAfter !== null ? [w.withdrawAfter] : [];
    });
    if (delays.length === 0) continue;
    const [soonest, latest] = [t(s) + Math.min(...delays), t(s) + Math.max(...delays)];
    if (latest + 3 * DAY > ctx.end) continue;
    const acceptedBy = later.find((e) => isEvent(e) && e.event === "accepted" && t(e) <= latest + 3 * DAY);
    if (acceptedBy && (!withdrawn || t(acceptedBy) < t(withdrawn))) continue;
    if (!withdrawn || t(withdrawn) > latest + 3 * DAY)
      ctx.violations.push(`[withdrawal] ${a.name}: invitation to ${s.prospect} sent ${s.at} still pending 3 days after withdrawAfter`);
    else if (t(withdrawn) < soonest)
      ctx.violations.push(`[withdrawal] ${a.name}: invitation to ${s.prospect} withdrawn before withdrawAfter`);
  }
}

/** Working hours and campaign schedules, and the least gap between actions. */
function checkWindowsAndGaps(ctx: Ctx, a: AccountDoc, mine: LogEntry[]): void {
  let last: number | null = null;
  for (const e of mine.filter(isAction)) {
    const at = t(e);
    if (!isWithin(a.workingHours, a.timezone, at)) ctx.violations.push(`[hours] ${a.name}: ${e.action} at ${e.at} outside working hours`);
    const c = docOf(ctx, e);
    // A line without its zone is judged where the engine would have put it: the campaign's zone, else the account's.
    const zone = e.prospectTimezone ?? (c?.schedule.timezone === "recipient" ? a.timezone : c?.schedule.timezone);
    if (c && zone && (e.action === "connect" || e.action === "message") && !isWithin(c.schedule.hours, zone, at)) {
      ctx.violations.push(`[hours] ${a.name}: ${e.action} to ${e.prospect} at ${e.at} outside the campaign schedule in ${zone}`);
    }
    // An account worked in sittings gets its tasks back to back inside them: its least gap is sittingGap then.
    const least = a.pacing === "sittings" ? a.limits.sittingGap : a.limits.minGap;
    if (last !== null && at - last < least)
      ctx.violations.push(`[least gap] ${a.name}: two actions ${(at - last) / 1000}s apart at ${e.at}`);
    last = at;
  }
}

/** Notes: rendered, within the length limit and the monthly quota. */
function checkNotes(ctx: Ctx, a: AccountDoc, mine: LogEntry[]): void {
  const perMonth = new Map<string, number>();
  for (const e of mine.filter(isAction)) {
    if (e.action !== "connect" || !e.note) continue;
    if (/\{\{|\{%|undefined|\[object/.test(e.note)) ctx.violations.push(`[notes] ${a.name}: unrendered note to ${e.prospect}: ${e.note}`);
    const length = [...e.note.normalize("NFC")].length;
    if (length > a.noteMaxLength) ctx.violations.push(`[notes] ${a.name}: note of ${length} characters to ${e.prospect}`);
    if (e.result !== "ok") continue;
    const month = localMonthKey(a.timezone, t(e));
    perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
  }
  // Free accounts have one by default; a paid account has one only where it is set.
  const cap = a.limits.notesPerMonth;
  if (cap !== null) {
    for (const [m, n] of perMonth) if (n > cap) ctx.violations.push(`[notes] ${a.name}: ${n} notes in ${m} (cap ${cap})`);
  }
}

/** Reactions to LinkedIn's signals. */
function checkSignals(ctx: Ctx, a: AccountDoc, mine: LogEntry[]): void {
  const actions = mine.filter(isAction);
  const limits = actions.filter((e) => e.result === "weekly_limit_reached");
  for (let i = 2; i < limits.length; i++) {
    const [first, last] = [limits[i - 2] as ActionLine, limits[i] as ActionLine];
    if (t(last) - t(first) < 28 * DAY) {
      ctx.violations.push(`[signals] ${a.name}: 3 weekly-limit signals within 28 days, the last at ${last.at}`);
      break;
    }
  }
  for (const s of limits) {
    const next = actions.find((e) => e.action === "connect" && t(e) > t(s));
    if (next && t(next) - t(s) < 24 * HOUR)
      ctx.violations.push(`[signals] ${a.name}: connect at ${next.at}, less than 24 h after the weekly-limit signal at ${s.at}`);
  }
  const restrictions = mine.filter((e) => (isEvent(e) && e.event === "restricted") || (isAction(e) && e.result === "restricted"));
  for (const r of restrictions) {
    const next = actions.find((e) => t(e) > t(r));
    if (next && t(next) - t(r) < 24 * HOUR)
      ctx.violations.push(`[signals] ${a.name}: ${next.action} at ${next.at}, less than 24 h after the restriction at ${r.at}`);
  }
  for (const q of actions.filter((e) => e.result === "note_quota_reached")) {
    const month = localMonthKey(a.timezone, t(q));
    const bad = actions.find((e) => e.action === "connect" && e.note && t(e) > t(q) && localMonthKey(a.timezone, t(e)) === month);
    if (bad) ctx.violations.push(`[signals] ${a.name}: a note at ${bad.at} after LinkedIn's note quota signal at ${q.at}`);
  }
  for (const c of actions.filter((e) => e.result === "cannot_resend_yet")) {
    const bad = actions.find((e) => e.action === "connect" && e.prospect === c.prospect && t(e) > t(c) && t(e) - t(c) < 21 * DAY);
    if (bad) ctx.violations.push(`[signals] ${a.name}: re-invited ${c.prospect} at ${bad.at}, within 21 days of cannot_resend_yet`);
  }
}

/** Messages only to connections, in order, and one invitation per person. */
function checkPeople(ctx: Ctx): void {
  const byPerson = new Map<string, LogEntry[]>();
  for (const e of ctx.entries) if (e.prospect) byPerson.set(e.prospect, [...(byPerson.get(e.prospect) ?? []), e]);
  for (const [who, entries] of byPerson) {
    let connected = ctx.connected.has(who);
    let replied = false;
    let lastOkConnect: number | null = null;
    let lastWithdraw: number | null = null;
    for (const e of entries) {
      if (isEvent(e) && e.event === "accepted") connected = true;
      if (isEvent(e) && e.event === "replied") replied = true;
      if (!isAction(e)) continue;
      if (e.result === "already_connected") connected = true;
      const campaign = docOf(ctx, e);
      if (e.action === "message" && e.result === "ok") {
        if (!connected) ctx.violations.push(`[messages] message to ${who} at ${e.at} before any acceptance`);
        if (replied && campaign?.stopOnReply) ctx.violations.push(`[messages] message to ${who} at ${e.at} after a reply`);
      }
      if (e.action === "withdraw" && e.result === "ok") lastWithdraw = t(e);
      if (e.action === "connect" && e.result === "ok") {
        if (lastOkConnect !== null && (lastWithdraw === null || lastWithdraw < lastOkConnect || t(e) - lastWithdraw < 21 * DAY)) {
          ctx.violations.push(`[one invitation] second invitation to ${who} at ${e.at}`);
        }
        lastOkConnect = t(e);
      }
    }
    checkMessageWaits(ctx, who, entries);
  }
}

/**
 * Each message waits its `after`: the first after connect from the acceptance, the next from the message before.
 * A connection skips connect, so their first message counts from the step before it (a visit; with none, the
 * enrollment, which the log does not show).
 */
function checkMessageWaits(ctx: Ctx, who: string, entries: LogEntry[]): void {
  let base: number | null = null;
  let messageIndex = 0;
  for (const e of entries) {
    if (isEvent(e) && e.event === "accepted") {
      base = t(e);
      messageIndex = 0;
    }
    if (isAction(e) && e.action === "visit" && e.result === "ok") base = t(e);
    if (!isAction(e) || e.action !== "message" || e.result !== "ok") continue;
    const steps = docOf(ctx, e)?.steps.filter((s) => s.kind === "message") ?? [];
    const after = steps[messageIndex]?.after ?? 0;
    if (base !== null && t(e) - base < after)
      ctx.violations.push(
        `[messages] message ${messageIndex + 1} to ${who} at ${e.at} only ${(t(e) - base) / HOUR} h after the previous step (after ${after / HOUR} h)`,
      );
    base = t(e);
    messageIndex++;
  }
}

/**
 * Throughput: `ok` connects per account in each full week of the run (week 0 starts at `start`). A test compares
 * weeks 1 and later with the account's weekly budget where prospects and windows allow.
 */
export function weeklySends(entries: LogEntry[], start: number, days: number): Map<string, number[]> {
  const weeks = Math.floor(days / 7);
  const out = new Map<string, number[]>();
  for (const e of entries) {
    if (!isAction(e) || e.action !== "connect" || e.result !== "ok") continue;
    const w = Math.floor((t(e) - start) / WEEK);
    if (w >= weeks) continue;
    const row = out.get(e.account) ?? Array<number>(weeks).fill(0);
    row[w] = (row[w] ?? 0) + 1;
    out.set(e.account, row);
  }
  return out;
}
