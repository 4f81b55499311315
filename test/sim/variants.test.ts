/**
 * Variants on the simulator: with two notes whose hidden quality differs (the simulator's `variantQuality`,
 * which the engine never reads), linkpace learns from decided invitations and sends the better one most by the
 * end, while the other keeps at least the floor until it has 100 decided; with equal quality neither takes over.
 * Every invariant of the event log holds, and the analytics agree with the log.
 */
import { describe, expect, test } from "vitest";
import type { CampaignDoc, TextVariant } from "../../src/core/model.js";
import { DAY, parseInstant } from "../../src/core/time.js";
import type { ActionLine } from "../../src/sim/event-log.js";
import { generateScenario } from "../../src/sim/generate.js";
import type { Scenario } from "../../src/sim/scenario.js";
import { simulateScenario } from "../support/sim.js";

const NOTES: TextVariant[] = [
  { name: "plain", text: "Hi {{ firstName }}, glad to connect." },
  { name: "warm", text: "Hi {{ firstName }}, I enjoyed what {{ company | default: 'your team' }} is building." },
];

function scenario(quality: Record<string, number>): Scenario {
  const base = generateScenario({ accounts: 4, prospects: 4000, days: 56, seed: 21 });
  // Paid accounts only: a free account's notes run out after 5 a month, and a blank note tells nothing.
  const keep = new Set(base.accounts.filter((a) => a.doc.type !== "free").map((a) => a.doc.name));
  const campaigns = base.campaigns
    .filter((c) => keep.has(c.account))
    .map((c): CampaignDoc => ({
      ...c,
      steps: c.steps.map((s) => (s.kind === "connect" ? { ...s, note: NOTES[0]!.text, variants: NOTES, noteFallback: "blank" } : s)),
    }));
  const names = new Set(campaigns.map((c) => c.name));
  return {
    ...base,
    accounts: base.accounts
      .filter((a) => keep.has(a.doc.name))
      .map((a) => ({ ...a, linkedin: { ...a.linkedin, acceptance: 0.3, variantQuality: quality } })),
    campaigns,
    prospects: base.prospects.filter((p) => names.has(p.campaign)),
  };
}

const connects = (entries: unknown[]): ActionLine[] =>
  (entries as ActionLine[]).filter((e) => e.action === "connect" && e.result === "ok" && e.note !== "");

describe("variants on the simulator", () => {
  test("the better note gets most invitations by the end; the weaker keeps the floor; invariants hold", async () => {
    const sc = scenario({ plain: 0.6, warm: 1.2 });
    let stats: Awaited<ReturnType<import("../../src/app.js").App["campaignStats"]>> | null = null;
    const res = await simulateScenario(sc, {
      inspect: async (run) => {
        stats = await run.app.campaignStats(sc.campaigns[0]!.name);
      },
    });
    expect(res.violations).toEqual([]);
    const sent = connects(res.entries);
    expect(new Set(sent.map((e) => e.variant))).toEqual(new Set(["plain", "warm"]));
    const weeks = Array.from({ length: 8 }, (_, w) => {
      const inWeek = sent.filter((e) => Math.floor(((parseInstant(e.at) as number) - sc.start) / (7 * DAY)) === w);
      return `${inWeek.length}:${inWeek.filter((e) => e.variant === "warm").length}`;
    });
    const lastTwoWeeks = sent.filter((e) => (parseInstant(e.at) as number) >= sc.start + (sc.days - 14) * DAY);
    const warmShare = lastTwoWeeks.filter((e) => e.variant === "warm").length / lastTwoWeeks.length;
    expect(lastTwoWeeks.length).toBeGreaterThan(200);
    expect(warmShare, `sent:warm by week ${weeks.join(" ")}`).toBeGreaterThan(0.7);
    // The first three weeks decide little (an invitation is decided when accepted, or 21 days on): both explore.
    const firstWeek = sent.filter((e) => (parseInstant(e.at) as number) < sc.start + 7 * DAY);
    expect(firstWeek.filter((e) => e.variant === "plain").length / firstWeek.length).toBeGreaterThan(0.1);

    // The analytics agree with the log for the first campaign, and rank warm above plain.
    const step = stats!.variants[0]!;
    const byName = new Map(step.variants.map((v) => [v.name, v]));
    const logged = sent.filter((e) => e.campaign === sc.campaigns[0]!.name);
    for (const name of ["plain", "warm"]) expect(byName.get(name)!.sent).toBe(logged.filter((e) => e.variant === name).length);
    expect(byName.get("warm")!.rate!).toBeGreaterThan(byName.get("plain")!.rate!);
    expect(byName.get("warm")!.probabilityBest!).toBeGreaterThan(0.9);
  }, 120_000);

  test("with notes of equal quality, neither takes over", async () => {
    const res = await simulateScenario(scenario({}));
    expect(res.violations).toEqual([]);
    const sent = connects(res.entries);
    const warmShare = sent.filter((e) => e.variant === "warm").length / sent.length;
    expect(warmShare).toBeGreaterThan(0.3);
    expect(warmShare).toBeLessThan(0.7);
  }, 120_000);
});
