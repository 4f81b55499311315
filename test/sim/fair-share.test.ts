/**
 * Two campaigns on one account share its invitations by their priorities (core/governor/fair-share.ts), on the
 * simulator: equal priorities within one invitation of each other every day, 2:1 within ±10% over the week, and
 * a campaign with nothing due yields its share that same day. The older campaign's prospects come first in the
 * queue (lower ids, due as early): without the fair share it would take every invitation.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { App } from "../../src/app.js";
import { localDateKey, startOfNextLocalDay } from "../../src/core/schedule/index.js";
import { DAY, type Instant } from "../../src/core/time.js";
import type { Release } from "../../src/engine/plan/forecast.js";
import { planAccount } from "../../src/engine/plan/plan.js";
import { readEventLog } from "../../src/sim/event-log.js";
import { runSimulation, type SimPerson } from "../../src/sim/run-simulation.js";
import { openStore } from "../../src/store/open-store.js";
import type { CampaignDoc } from "../../src/core/model.js";
import { generateScenario } from "../../src/sim/generate.js";
import type { Scenario } from "../../src/sim/scenario.js";
import { simulateScenario } from "../support/sim.js";

const PER_CAMPAIGN = 250;

/** One account (weekly 100, 20 a day), campaigns of one connect step each, every prospect in the sender's zone. */
function twoCampaigns(campaigns: Array<{ name: string; priority?: number; after?: number; prospects?: number }>): Scenario {
  const base = generateScenario({ accounts: 1, prospects: 1, days: 7, seed: 3 });
  const account = base.accounts[0]!;
  const template = base.campaigns[0]!;
  const zone = account.doc.timezone;
  return {
    ...base,
    accounts: [{ ...account, linkedin: { ...account.linkedin, weeklyInviteLimit: 100, acceptance: 0 } }],
    campaigns: campaigns.map((c): CampaignDoc => ({
      ...template,
      name: c.name,
      ...(c.priority !== undefined ? { priority: c.priority } : {}),
      steps: [{ kind: "connect", after: c.after ?? 0, note: null, noteFallback: "blank", withdrawAfter: 21 * DAY }],
    })),
    // The first campaign's prospects first: the older backlog, lower ids.
    prospects: campaigns.flatMap((c) =>
      Array.from({ length: c.prospects ?? PER_CAMPAIGN }, (_, i) => ({
        campaign: c.name,
        profileUrl: `https://www.linkedin.com/in/${c.name}-${i}`,
        firstName: "Ana",
        lastName: `Becker${i}`,
        company: "Acme",
        title: "CTO",
        location: "",
        timezone: zone,
        connected: false,
        unavailable: false,
        custom: {},
      })),
    ),
  };
}

/** Invitations sent (ok) per sender-local day, per campaign: day -> campaign -> count. */
async function invitesByDay(scenario: Scenario): Promise<Map<string, Map<string, number>>> {
  const { entries, violations } = await simulateScenario(scenario);
  expect(violations).toEqual([]);
  const zone = scenario.accounts[0]!.doc.timezone;
  const days = new Map<string, Map<string, number>>();
  for (const e of entries) {
    if (!("action" in e) || e.action !== "connect" || e.result !== "ok") continue;
    const day = localDateKey(zone, Date.parse(e.at));
    const counts = days.get(day) ?? new Map<string, number>();
    const campaign = e.campaign ?? "?";
    counts.set(campaign, (counts.get(campaign) ?? 0) + 1);
    days.set(day, counts);
  }
  return days;
}

const count = (days: Map<string, Map<string, number>>, day: string, campaign: string) => days.get(day)?.get(campaign) ?? 0;
const total = (days: Map<string, Map<string, number>>, campaign: string) =>
  [...days.keys()].reduce((n, d) => n + count(days, d, campaign), 0);

describe("fair share of an account's invitations among its campaigns", () => {
  test("equal priorities: within one invitation of each other every day", async () => {
    const days = await invitesByDay(twoCampaigns([{ name: "older" }, { name: "newer" }]));
    expect(days.size).toBeGreaterThanOrEqual(5);
    for (const day of days.keys()) {
      expect(Math.abs(count(days, day, "older") - count(days, day, "newer")), day).toBeLessThanOrEqual(1);
    }
    expect(total(days, "older") + total(days, "newer")).toBeGreaterThanOrEqual(90); // the week's budget was used
  }, 60_000);

  test("priorities 2:1 give 2:1 within ±10% over the week", async () => {
    const days = await invitesByDay(
      twoCampaigns([
        { name: "older", priority: 1 },
        { name: "newer", priority: 2 },
      ]),
    );
    const [low, high] = [total(days, "older"), total(days, "newer")];
    expect(low + high).toBeGreaterThanOrEqual(90);
    expect(high / low).toBeGreaterThanOrEqual(1.8);
    expect(high / low).toBeLessThanOrEqual(2.2);
  }, 60_000);

  test("a campaign with nothing due yields its share the same day; once due, they share", async () => {
    // The newer campaign's invitations fall due two days in; the older has more than it can send.
    const shared = await invitesByDay(twoCampaigns([{ name: "older" }, { name: "newer", after: 2 * DAY }]));
    const alone = await invitesByDay(twoCampaigns([{ name: "older" }]));
    const sorted = [...alone.keys()].sort();
    const [monday, tuesday] = sorted;
    for (const day of [monday!, tuesday!]) {
      expect(count(shared, day, "newer"), day).toBe(0);
      expect(count(alone, day, "older"), day).toBeGreaterThan(0);
      expect(count(shared, day, "older"), day).toBe(count(alone, day, "older")); // the whole daily budget
    }
    const later = [...shared.keys()].filter((d) => d > tuesday!);
    expect(later.length).toBeGreaterThanOrEqual(2);
    for (const day of later) expect(Math.abs(count(shared, day, "older") - count(shared, day, "newer")), day).toBeLessThanOrEqual(1);
    expect(total(shared, "newer")).toBeGreaterThan(0);
  }, 60_000);

  test("the plan forecasts the same split, in the same order, as the engine hands out", async () => {
    const scenario = twoCampaigns([
      { name: "older", priority: 1 },
      { name: "newer", priority: 2 },
    ]);
    const dir = mkdtempSync(join(tmpdir(), "linkpace-fair-"));
    try {
      const store = await openStore(join(dir, "sim.db"));
      // Plans the first day at the start, as drip pacing will run it (inline channel: no lease margin).
      const planner = new (class implements SimPerson {
        releases: Release[] = [];
        until: Instant = 0;
        async start(app: App, at: Instant): Promise<void> {
          const account = await app.account(scenario.accounts[0]!.doc.name);
          this.releases = (await planAccount(app.store, app.ctx, account, { now: at, days: 1, margin: 0 })).releases;
          this.until = startOfNextLocalDay(account.doc.timezone, at);
        }
        nextAt(): Instant | null {
          return null;
        }
        async act(): Promise<void> {}
      })();
      const run = await runSimulation({ scenario, scenarioPath: join(dir, "scenario.json"), store, person: planner });
      const campaigns = new Map((await store.listCampaigns(run.app.ctx.workspaceId)).map((c) => [c.id, c.name]));
      const planned: string[] = [];
      for (const r of planner.releases.filter((x) => x.kind === "connect")) {
        const enrollment = await store.getEnrollment(r.itemId);
        planned.push(campaigns.get(enrollment?.campaignId ?? -1) ?? "?");
      }
      const released: string[] = [];
      for await (const e of readEventLog(store, run.app.ctx.workspaceId)) {
        if ("action" in e && e.action === "connect" && Date.parse(e.at) < planner.until) released.push(e.campaign ?? "?");
      }
      await store.close();
      expect(released.length).toBeGreaterThanOrEqual(15);
      expect(planned.filter((c) => c === "newer").length).toBeGreaterThan(planned.filter((c) => c === "older").length);
      expect(planned).toEqual(released);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
