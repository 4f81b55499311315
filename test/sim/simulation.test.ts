import { describe, expect, it } from "vitest";
import { loadGovernorState } from "../../src/core/governor/index.js";
import { daysBetweenLocalDates, localDateKey } from "../../src/core/schedule/index.js";
import { DAY, formatInstant, parseInstant } from "../../src/core/time.js";
import { accountStatus } from "../../src/engine/account-status.js";
import type { ActionLine, LogEntry } from "../../src/sim/event-log.js";
import { checkInvariants } from "../../src/sim/invariants.js";
import { simulateScenario } from "../support/sim.js";
import { richScenario } from "./scenarios.js";

const isAction = (e: LogEntry): e is ActionLine => "action" in e;

describe("simulation of a rich scenario", async () => {
  const scenario = richScenario();
  const statuses: Record<string, Awaited<ReturnType<typeof accountStatus>>> = {};
  const states: Record<string, ReturnType<typeof loadGovernorState>> = {};
  const notifications: Array<{ kind: string; data: Record<string, unknown> }> = [];
  const result = await simulateScenario(scenario, {
    inspect: async (run) => {
      for (const a of await run.app.store.listAccounts(1)) {
        statuses[a.name] = await accountStatus(run.app.store, a, run.app.now());
        states[a.name] = loadGovernorState(a.state);
      }
      for (let page = await run.app.store.readNotifications(1, 0, 100_000); page.length > 0; page = []) notifications.push(...page);
    },
  });

  it("keeps every safety invariant (budgets, caps, hours, gaps, notes, withdrawals, signals)", () => {
    expect(result.violations).toEqual([]);
  });

  it("acts: every account invites, and accepted invitations lead to messages", () => {
    for (const a of result.run.report.accounts) expect(a.invitesSent, a.name).toBeGreaterThan(10);
    expect(result.run.report.accounts.reduce((s, a) => s + a.accepted, 0)).toBeGreaterThan(50);
    expect(result.run.report.accounts.reduce((s, a) => s + a.messagesSent, 0)).toBeGreaterThan(20);
  });

  it("refuses the second enrollment of a person known by another URL", () => {
    expect(result.run.report.prospects.refused).toBe(1);
    const jane = result.entries.filter((e) => e.prospect === "https://www.linkedin.com/in/jane-doe");
    expect(new Set(jane.map((e) => e.campaign))).toEqual(new Set(["eu"]));
  });

  it("learns a lower weekly budget when LinkedIn's hidden limit is lower, and the signal does not recur more than twice", () => {
    const ny = result.run.report.accounts.find((a) => a.name === "ny-premium")!;
    expect(ny.limitSignals).toBeGreaterThanOrEqual(1);
    expect(ny.limitSignals).toBeLessThanOrEqual(2);
    expect(states["ny-premium"]!.learnedWeeklyBudget).toBeLessThan(70);
    expect(statuses["ny-premium"]!.week.learned).toBe(true);
  });

  it("warms the young account up: at most 4 + k invitations on its k-th day, and the ramp is what holds it back", () => {
    const mine = result.entries.filter(isAction).filter((e) => e.account === "young");
    const day = (e: ActionLine) => localDateKey("Australia/Sydney", parseInstant(e.at)!);
    const perDay = new Map<string, number>();
    for (const e of mine.filter((x) => x.action === "connect" && x.result === "ok")) perDay.set(day(e), (perDay.get(day(e)) ?? 0) + 1);
    // Day 1 is the first day it acts at all (a visit); the ramp, not the daily cap of 20, holds it back on most days.
    const ramp = [...perDay].map(([d, n]) => ({ n, cap: Math.min(20, 4 + daysBetweenLocalDates(day(mine[0]!), d) + 1) }));
    for (const { n, cap } of ramp) expect(n).toBeLessThanOrEqual(cap);
    expect(ramp.filter(({ n, cap }) => n === cap && cap < 20).length, "not vacuous: days held at the ramp").toBeGreaterThanOrEqual(5);
  });

  it("sends at most the free account's note quota and falls back to blank invitations", () => {
    const free = result.entries.filter(isAction).filter((e) => e.account === "paris-free" && e.action === "connect");
    const notes = free.filter((e) => e.result === "ok" && e.note);
    const blanks = free.filter((e) => e.result === "ok" && !e.note);
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.length).toBeLessThanOrEqual(6); // 3 a month (LinkedIn's hidden quota) over March and April
    expect(blanks.length).toBeGreaterThan(20);
  });

  it("schedules each prospect in their own zone, including those that are rarely reachable", () => {
    const zones = new Set(result.entries.filter(isAction).map((e) => e.prospectTimezone));
    expect(zones).toContain("Asia/Kathmandu");
    expect(zones).toContain("Europe/Berlin");
    expect(zones).toContain("America/Los_Angeles");
    const hawaii = result.entries.filter(isAction).filter((e) => e.prospectTimezone === "Pacific/Honolulu" && e.action === "connect");
    expect(hawaii.length).toBeGreaterThan(0);
  });

  it("withdraws invitations still pending after withdrawAfter, 21 days when the campaign does not say", () => {
    expect(result.run.report.accounts.find((a) => a.name === "ny-premium")!.withdrawn).toBeGreaterThan(0);
    expect(scenario.campaigns.find((c) => c.name === "eu")!.steps[1]).toMatchObject({ kind: "connect", withdrawAfter: 21 * DAY });
    expect(result.run.report.accounts.find((a) => a.name === "paris-free")!.withdrawn).toBeGreaterThan(0);
  });

  it("agrees with its own event log in the summary", () => {
    for (const a of result.run.report.accounts) {
      const mine = result.entries.filter((e) => e.account === a.name);
      expect(mine.filter((e) => isAction(e) && e.action === "connect" && e.result === "ok").length).toBe(a.invitesSent);
      expect(mine.filter((e) => "event" in e && e.event === "accepted").length).toBe(a.accepted);
    }
  });

  it("writes a notification for every invitation milestone and the health alerts", () => {
    const count = (kind: string, account?: string) =>
      notifications.filter((n) => n.kind === kind && (!account || n.data.account === account)).length;
    const total = (key: "invitesSent" | "accepted" | "replies" | "withdrawn") => result.run.report.accounts.reduce((s, a) => s + a[key], 0);
    expect(count("invite_sent")).toBe(total("invitesSent"));
    expect(count("invite_accepted")).toBe(total("accepted"));
    expect(count("replied")).toBe(total("replies"));
    expect(count("withdrawn")).toBe(total("withdrawn"));
    expect(count("weekly_limit_reached", "ny-premium")).toBe(result.run.report.accounts.find((a) => a.name === "ny-premium")!.limitSignals);
    expect(count("note_quota_exhausted", "paris-free")).toBeGreaterThanOrEqual(1);
    // Each alert is raised once when it starts, not on every action after.
    expect(count("note_quota_exhausted", "paris-free")).toBeLessThanOrEqual(2);
  });

  it("has an invariant checker that does fail on broken logs made from this one", () => {
    const check = (entries: LogEntry[]) =>
      checkInvariants({
        entries,
        accounts: scenario.accounts.map((a) => a.doc),
        campaigns: scenario.campaigns,
        connected: new Set(scenario.prospects.filter((p) => p.connected).map((p) => p.profileUrl)),
        end: scenario.start + scenario.days * DAY,
      });
    expect(check(result.entries)).toEqual([]);
    const i = result.entries.findIndex((e) => isAction(e) && e.action === "connect" && e.result === "ok");
    const c = result.entries[i] as ActionLine;
    const twice = [
      ...result.entries.slice(0, i + 1),
      { ...c, at: formatInstant(parseInstant(c.at)! + 60_000) },
      ...result.entries.slice(i + 1),
    ];
    expect(check(twice)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\[least gap\] /),
        expect.stringMatching(/^\[one invitation\] second invitation to /),
      ]),
    );
    const night = result.entries.map((e) => (e === c ? { ...c, at: c.at.slice(0, 11) + "02:00:00Z" } : e));
    expect(check(night)).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`^\\[hours\\] ${c.account}: connect at .* outside working hours$`))]),
    );
    const early = { ...c, action: "message", text: "hi" };
    expect(check([early])).toEqual([expect.stringMatching(/^\[messages\] message to .* before any acceptance$/)]);
  });
});

describe("the note quota across a month's turn", () => {
  it("is learned from LinkedIn's refusal in March and kept to in April: one refusal, not one a month", async () => {
    const { monthTurnScenario } = await import("./scenarios.js");
    const result = await simulateScenario(monthTurnScenario());
    expect(result.violations).toEqual([]);
    const connects = result.entries.filter(isAction).filter((e) => e.action === "connect");
    const month = (e: ActionLine) => e.at.slice(0, 7);
    expect(connects.filter((e) => e.result === "note_quota_reached").map(month)).toEqual(["2027-03"]);
    const notes = connects.filter((e) => e.result === "ok" && e.note);
    expect(notes.filter((e) => month(e) === "2027-03")).toHaveLength(3);
    expect(notes.filter((e) => month(e) === "2027-04")).toHaveLength(3);
    expect(connects.filter((e) => e.result === "ok" && !e.note && month(e) === "2027-04").length).toBeGreaterThan(5);
  }, 60_000);
});

describe("invitations left pending (withdrawAfter: never)", () => {
  it("count as not accepted 21 days after they were sent, so a mostly ignored account slows down", async () => {
    const { ignoredScenario } = await import("./scenarios.js");
    let status: Awaited<ReturnType<typeof accountStatus>> | undefined;
    const result = await simulateScenario(ignoredScenario(), {
      inspect: async (run) => {
        status = await accountStatus(run.app.store, (await run.app.store.listAccounts(1))[0]!, run.app.now());
      },
    });
    expect(result.violations).toEqual([]);
    expect(result.entries.filter(isAction).some((e) => e.action === "withdraw")).toBe(false);
    expect(status!.acceptance.decided).toBeGreaterThanOrEqual(30);
    expect(status!.acceptance.rate).toBeLessThan(0.2);
    expect(status!.warmup).toMatch(/^slowed to 10\/day: acceptance \d+% over the last \d+ decided invitations$/);
  }, 60_000);
});

describe("determinism", () => {
  it("gives the same event log bytes for the same seed, and different ones for another seed", async () => {
    const a = await simulateScenario(richScenario(11));
    const b = await simulateScenario(richScenario(11));
    const c = await simulateScenario(richScenario(12));
    expect(a.bytes.length).toBeGreaterThan(1000);
    expect(b.bytes).toBe(a.bytes);
    expect(c.bytes).not.toBe(a.bytes);
  }, 120_000);
});

describe("throughput: each week as many invitations as the budget allows", () => {
  it("sends at least 90% of an established account's weekly budget in every full week after its first", async () => {
    const { throughputScenario } = await import("./scenarios.js");
    const { weeklySends } = await import("../../src/sim/invariants.js");
    const scenario = throughputScenario();
    const budgets = new Map<string, number>();
    const result = await simulateScenario(scenario, {
      inspect: async (run) => {
        for (const a of await run.app.store.listAccounts(1)) {
          const learned = loadGovernorState(a.state).learnedWeeklyBudget;
          budgets.set(a.name, Math.min(a.doc.limits.invitesPerWeek, learned ?? Infinity));
        }
      },
    });
    expect(result.violations).toEqual([]);
    const weeks = weeklySends(result.entries, scenario.start, scenario.days);
    expect([...weeks.keys()].sort()).toEqual(["sender-1", "sender-2"]);
    for (const [account, sent] of weeks) {
      for (const [i, n] of sent.slice(1).entries())
        expect(n, `${account} week ${i + 2}`).toBeGreaterThanOrEqual(0.9 * budgets.get(account)!);
    }
    // Spread over the day, not bunched at the opening: on days with 15+ invitations they span 5+ hours.
    const byDay = new Map<string, number[]>();
    for (const e of result.entries) {
      if (!("action" in e) || e.action !== "connect" || e.result !== "ok" || e.account !== "sender-1") continue;
      const list = byDay.get(e.at.slice(0, 10)) ?? [];
      list.push(parseInstant(e.at)!);
      byDay.set(e.at.slice(0, 10), list);
    }
    const busy = [...byDay.values()].filter((l) => l.length >= 15);
    expect(busy.length).toBeGreaterThan(5);
    for (const l of busy) expect(Math.max(...l) - Math.min(...l)).toBeGreaterThan(5 * 3600_000);
    // sender-2's hidden limit is 80: it learned a budget below it and still used it fully.
    expect(budgets.get("sender-2")).toBeLessThan(80);
  }, 60_000);
});
