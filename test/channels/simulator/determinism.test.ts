import { describe, expect, it } from "vitest";
import type { ActionRequest } from "../../../src/channels/channel.js";
import { LinkedInSimulator, type SimEvent, type SimProspectSpec } from "../../../src/channels/simulator/index.js";
import { DAY, HOUR, MINUTE } from "../../../src/core/time.js";
import { req, START, url } from "./helpers.js";

const ACCOUNTS = ["alice", "bob"];
const PROSPECTS: SimProspectSpec[] = Array.from({ length: 300 }, (_, i) => ({
  url: url(i),
  identifiers: [url(i)],
  timezone: ["Europe/Berlin", "America/New_York", null][i % 3] ?? null,
  connected: i % 10 === 0,
}));

/** Each account invites, later messages and withdraws its own half of the prospects, over four weeks. */
function script(): ActionRequest[][] {
  return ACCOUNTS.map((account, k) => {
    const actions: ActionRequest[] = [];
    for (let i = k; i < PROSPECTS.length; i += 2) {
      const at = START + Math.floor(i / 2) * 37 * MINUTE;
      actions.push(req(i % 10 === 0 ? "message" : "connect", account, url(i), at, { note: i % 4 === 1 ? "Hi!" : "" }));
      actions.push(req("message", account, url(i), at + 5 * DAY));
      if (i % 6 === 1) actions.push(req("withdraw", account, url(i), at + 3 * DAY));
    }
    return actions.sort((a, b) => a.at - b.at);
  });
}

function run(seed: number | string, opts: { interleave: boolean; reverseProspects?: boolean }): { events: SimEvent[]; results: string[] } {
  const sim = new LinkedInSimulator({
    seed,
    accounts: ACCOUNTS.map((name) => ({
      name,
      timezone: "Europe/Paris",
      type: "free" as const,
      truth: { acceptance: 0.5, replyRate: 0.4 },
    })),
  });
  const prospects = opts.reverseProspects === true ? [...PROSPECTS].reverse() : PROSPECTS;
  for (const p of prospects) sim.addProspect(p);
  const perAccount = script();
  // Either all accounts' actions merged in time order, or one account after the other.
  const order = opts.interleave ? perAccount.flat().sort((a, b) => a.at - b.at) : perAccount.flat();
  const results = order.map((r) => `${r.account.name} ${r.kind} ${r.prospect.url} ${sim.performSync(r)}`).sort();
  const events: SimEvent[] = [];
  for (let t = START; t <= START + 90 * DAY; t += 6 * HOUR) events.push(...sim.takeEventsUntil(t));
  return { events, results };
}

const key = (e: SimEvent): string => `${e.at} ${e.kind} ${e.account} ${e.prospect ?? ""}`;

describe("determinism", () => {
  it("gives identical events for the same seed and actions, and different ones for another seed", () => {
    const a = run(7, { interleave: true });
    const b = run(7, { interleave: true });
    expect(a.events.length).toBeGreaterThan(50);
    expect(a.events.some((e) => e.kind === "replied")).toBe(true);
    expect(b.events).toEqual(a.events);
    expect(b.results).toEqual(a.results);
    const c = run(8, { interleave: true });
    expect(c.events.map(key)).not.toEqual(a.events.map(key));
  });

  it("does not depend on call order between accounts nor on the order people were added", () => {
    const a = run("seed", { interleave: true });
    const b = run("seed", { interleave: false, reverseProspects: true });
    expect(b.results).toEqual(a.results);
    expect(b.events.map(key).sort()).toEqual(a.events.map(key).sort());
  });

  it("hands out events in (at, insertion) order and never twice", () => {
    const { events } = run(3, { interleave: true });
    for (let i = 1; i < events.length; i++) expect((events[i]?.at ?? 0) >= (events[i - 1]?.at ?? 0)).toBe(true);
    expect(new Set(events.map(key)).size).toBe(events.length);
  });

  it("breaks ties at the same instant by insertion order", () => {
    const at = START + 3 * HOUR;
    const restrictedOrder = (first: string, second: string): string[] => {
      const sim = new LinkedInSimulator({
        seed: 1,
        accounts: ACCOUNTS.map((name) => ({ name, timezone: "UTC", type: "free" as const, truth: { weeklyInviteLimit: 0 } })),
      });
      sim.addProspect({ url: url(0), identifiers: [url(0)], timezone: null, connected: false });
      for (const account of [first, second]) {
        for (let h = 0; h < 3; h++)
          expect(sim.performSync(req("connect", account, url(0), at - (2 - h) * HOUR))).toBe("weekly_limit_reached");
      }
      const events = sim.takeEventsUntil(at);
      expect(events.map((e) => e.at)).toEqual([at, at]);
      return events.map((e) => e.account);
    };
    expect(restrictedOrder("alice", "bob")).toEqual(["alice", "bob"]);
    expect(restrictedOrder("bob", "alice")).toEqual(["bob", "alice"]);
  });
});
