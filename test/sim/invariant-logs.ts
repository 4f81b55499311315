/**
 * Small event logs for the invariant checker's tests: lines of one account "alice" (Europe/Paris, premium) and
 * campaign "c1", prospects p1, p2, … scheduled in Europe/Berlin, at days of March 2027 (UTC).
 */
import type { AccountDoc, CampaignDoc } from "../../src/core/model.js";
import { DAY, parseInstant } from "../../src/core/time.js";
import type { ActionLine, EventLine, LogEntry } from "../../src/sim/event-log.js";
import { checkInvariants } from "../../src/sim/invariants.js";
import { accountDoc, campaignDoc } from "../support/docs.js";

const pad = (n: number): string => String(n).padStart(2, "0");
/** Day 1..31 of March 2027, then 32 = April 1st. */
export const ts = (day: number, hm: string): string => `2027-${day > 31 ? `04-${pad(day - 31)}` : `03-${pad(day)}`}T${hm}:00Z`;
export const P = (n: number): string => `https://www.linkedin.com/in/p${n}`;

export function act(at: string, action: string, n: number, over: Partial<ActionLine> = {}): ActionLine {
  const text = action === "connect" ? { note: "" } : action === "message" ? { text: "Thanks" } : {};
  return {
    at,
    account: "alice",
    campaign: "c1",
    prospect: P(n),
    prospectTimezone: "Europe/Berlin",
    action,
    ...text,
    result: "ok",
    ...over,
  };
}
export const connect = (at: string, n: number, over: Partial<ActionLine> = {}) => act(at, "connect", n, over);
export const message = (at: string, n: number, over: Partial<ActionLine> = {}) => act(at, "message", n, over);
export const visit = (at: string, n: number, over: Partial<ActionLine> = {}) => act(at, "visit", n, over);
export const withdraw = (at: string, n: number, over: Partial<ActionLine> = {}) => act(at, "withdraw", n, over);
export const event = (at: string, kind: string, n: number | null, account = "alice"): EventLine =>
  n === null ? { at, account, event: kind } : { at, account, campaign: "c1", prospect: P(n), event: kind };
/** `count` invitations on one day, 5 minutes apart from 09:00, to p<first>, p<first+1>, … */
export const invites = (day: number, count: number, first: number): ActionLine[] =>
  Array.from({ length: count }, (_, i) => connect(ts(day, `09:${pad(i * 5)}`), first + i));

export const never = { kind: "connect", after: 0, note: null, noteFallback: "blank", withdrawAfter: null } as const;
/** The default campaign never withdraws, so withdrawal timing is judged only where a case says so. */
export const C = campaignDoc({
  steps: [
    { kind: "visit", after: 0 },
    { ...never, after: DAY },
    { kind: "message", after: 2 * DAY, text: "Thanks" },
  ],
});
export const TWO_MESSAGES = campaignDoc({
  steps: [never, { kind: "message", after: 2 * DAY, text: "Thanks" }, { kind: "message", after: 4 * DAY, text: "Any news?" }],
});
export const WITHDRAW_21D = campaignDoc({ steps: [{ ...never, withdrawAfter: 21 * DAY }] });
export const ALL_WEEK = {
  days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as Array<"mon">,
  windows: [{ startMinute: 0, endMinute: 1440 }],
};

export interface Case {
  /** The contract's number for the invariant, then what the case shows. */
  name: string;
  accounts?: AccountDoc[];
  campaigns?: CampaignDoc[];
  connected?: number[];
  /** When the log ends: the last entry unless said. */
  end?: string;
  valid: LogEntry[];
  broken: LogEntry[];
  /** Exactly the violations of the broken log. */
  violations: RegExp[];
}

export function check(c: Omit<Case, "name" | "valid" | "broken" | "violations">, entries: LogEntry[]): string[] {
  const last = entries[entries.length - 1]?.at ?? ts(1, "00:00");
  return checkInvariants({
    entries,
    accounts: c.accounts ?? [accountDoc()],
    campaigns: c.campaigns ?? [C],
    connected: new Set((c.connected ?? []).map(P)),
    end: parseInstant(c.end ?? last) as number,
  });
}
