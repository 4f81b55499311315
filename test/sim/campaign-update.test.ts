/**
 * Editing a live campaign on the simulator (engine/update-campaign.ts): a campaign of visit, connect and two
 * messages runs three weeks with people at every stage, and is edited three times while it runs: a changed text
 * and shorter delays, then a message step removed, then a message step added with a sooner withdrawal and wider
 * hours. Nobody gets a step twice, nobody skips a step that still exists, the event log keeps its invariants, and
 * after each edit the new text is the one that goes out.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { App } from "../../src/app.js";
import type { CampaignDoc, CampaignStep } from "../../src/core/model.js";
import { DAY, parseInstant, type Instant } from "../../src/core/time.js";
import { readEventLog, type ActionLine, type LogEntry } from "../../src/sim/event-log.js";
import { generateScenario } from "../../src/sim/generate.js";
import { checkInvariants } from "../../src/sim/invariants.js";
import { runSimulation, type SimPerson } from "../../src/sim/run-simulation.js";
import type { Scenario } from "../../src/sim/scenario.js";
import { openStore } from "../../src/store/open-store.js";

const M1 = "First {{ firstName }}, version 1";
const M1B = "First {{ firstName }}, version 2";
const M2 = "Second {{ firstName }}";
const M3 = "Third {{ firstName }}";
const msg = (text: string, after: number): CampaignStep => ({ kind: "message", after, text });

function scenario(): Scenario {
  const base = generateScenario({ accounts: 1, prospects: 1, days: 21, seed: 11 });
  const account = base.accounts[0]!;
  const campaign: CampaignDoc = {
    ...base.campaigns[0]!,
    steps: [
      { kind: "visit", after: 0 },
      { kind: "connect", after: DAY, note: "Hi {{ firstName }}", noteFallback: "blank", withdrawAfter: 7 * DAY },
      msg(M1, 2 * DAY),
      msg(M2, 2 * DAY),
    ],
  };
  return {
    ...base,
    accounts: [{ ...account, linkedin: { ...account.linkedin, acceptance: 0.7, replyRate: 0 } }],
    campaigns: [campaign],
    prospects: Array.from({ length: 120 }, (_, i) => ({
      campaign: campaign.name,
      profileUrl: `https://www.linkedin.com/in/person-${i}`,
      firstName: `Ana${i}`,
      lastName: "Becker",
      company: "Acme",
      title: "CTO",
      location: "",
      timezone: account.doc.timezone,
      connected: i % 10 === 0,
      unavailable: false,
      custom: {},
    })),
  };
}

/** The three edits, each from the document before it. */
const EDITS: Array<{ day: number; edit: (doc: CampaignDoc) => CampaignDoc }> = [
  // A changed text and shorter delays.
  { day: 4, edit: (d) => ({ ...d, steps: [d.steps[0]!, d.steps[1]!, msg(M1B, DAY), msg(M2, DAY)] }) },
  // The first message removed: whoever waits for it goes on with the second.
  { day: 8, edit: (d) => ({ ...d, steps: [d.steps[0]!, d.steps[1]!, d.steps[3]!] }) },
  // A third message added, a sooner withdrawal, wider hours.
  {
    day: 12,
    edit: (d) => ({
      ...d,
      schedule: { ...d.schedule, hours: { ...d.schedule.hours, windows: [{ startMinute: 7 * 60, endMinute: 19 * 60 }] } },
      steps: [
        d.steps[0]!,
        { ...(d.steps[1] as Extract<CampaignStep, { kind: "connect" }>), withdrawAfter: 5 * DAY },
        d.steps[2]!,
        msg(M3, DAY),
      ],
    }),
  },
];

describe("editing a live campaign on the simulator", () => {
  test("three edits with people at every stage: no step twice, none skipped, invariants hold, new texts go out", async () => {
    const sc = scenario();
    const dir = mkdtempSync(join(tmpdir(), "linkpace-update-"));
    const store = await openStore(join(dir, "sim.db"));
    try {
      const at = EDITS.map((e) => sc.start + e.day * DAY + DAY / 3);
      const stages: Array<Record<string, number>> = [];
      const editor = new (class implements SimPerson {
        private i = 0;
        async start(): Promise<void> {}
        nextAt(): Instant | null {
          return at[this.i] ?? null;
        }
        async act(app: App): Promise<void> {
          const name = sc.campaigns[0]!.name;
          const current = (await app.campaign(name)).doc;
          const stage: Record<string, number> = {};
          for (const e of await app.store.openEnrollments(app.ctx.workspaceId, {})) stage[e.status] = (stage[e.status] ?? 0) + 1;
          stages.push(stage);
          const doc = EDITS[this.i]!.edit(current);
          const dry = await app.updateCampaign(doc, { dryRun: true });
          expect((await app.campaign(name)).version).toBe(this.i + 1);
          const out = await app.updateCampaign(doc);
          expect(out.campaign.version).toBe(this.i + 2);
          expect(out.enrollments).toEqual(dry.enrollments);
          this.i++;
        }
      })();
      const run = await runSimulation({ scenario: sc, scenarioPath: join(dir, "scenario.json"), store, person: editor });
      const entries: LogEntry[] = [];
      for await (const e of readEventLog(store, run.app.ctx.workspaceId)) entries.push(e);
      const final = (await run.app.campaign(sc.campaigns[0]!.name)).doc;

      // People were at every stage at each edit: waiting to be visited or invited, invited, waiting for a message.
      expect(stages).toHaveLength(3);
      for (const s of stages) {
        expect(s.ready ?? 0).toBeGreaterThan(0);
        expect(s.invited ?? 0).toBeGreaterThan(0);
      }

      // Each line is judged by the version it carries (the first's 2-day message waits and 7-day withdrawals).
      const campaignVersions = await run.app.store.listCampaignVersions((await run.app.campaign(sc.campaigns[0]!.name)).id);
      expect(campaignVersions.map((v) => v.version)).toEqual([1, 2, 3, 4]);
      const violations = checkInvariants({
        entries,
        accounts: sc.accounts.map((a) => a.doc),
        campaigns: [final],
        campaignVersions,
        connected: new Set(sc.prospects.filter((p) => p.connected).map((p) => p.profileUrl)),
        end: sc.start + sc.days * DAY,
      });
      expect(violations).toEqual([]);

      const ok = entries.filter((e): e is ActionLine => "action" in e && e.result === "ok");
      // Each action line carries the version it was handed out under (the channel performs at once).
      for (const l of ok)
        expect(l.version, `${l.action} at ${l.at}`).toBe(1 + at.filter((x) => x <= (parseInstant(l.at) as number)).length);
      const byPerson = new Map<string, ActionLine[]>();
      for (const e of ok) byPerson.set(e.prospect ?? "", [...(byPerson.get(e.prospect ?? "") ?? []), e]);
      const kindOf = (text: string | undefined): string => (text ?? "").split(" ")[0] ?? "";
      let messages = 0;
      let afterRemoval = 0;
      for (const [who, lines] of byPerson) {
        // Never twice: one visit, one invitation, each message step once.
        expect(lines.filter((l) => l.action === "visit").length, who).toBeLessThanOrEqual(1);
        expect(lines.filter((l) => l.action === "connect").length, who).toBeLessThanOrEqual(1);
        const sent = lines.filter((l) => l.action === "message");
        const kinds = sent.map((l) => kindOf(l.text));
        expect(new Set(kinds).size, `${who}: ${kinds.join(", ")}`).toBe(kinds.length);
        messages += sent.length;
        for (const l of sent) {
          const when = parseInstant(l.at) as number;
          // The text that goes out is the one of the version in force.
          if (kindOf(l.text) === "First") {
            expect(when, `${who} got the first message after it was removed`).toBeLessThan(at[1]!);
            expect(l.text?.endsWith(when < at[0]! ? "version 1" : "version 2"), `${who}: ${l.text} at ${l.at}`).toBe(true);
          }
          if (kindOf(l.text) === "Third") expect(when).toBeGreaterThan(at[2]!);
          if (when > at[1]!) afterRemoval++;
        }
        // Never skipped: the second message (in every version) before the third, and after the first.
        if (kinds.includes("Third")) expect(kinds.indexOf("Second"), who).toBeGreaterThanOrEqual(0);
        if (kinds.includes("Second") && kinds.includes("First")) expect(kinds.indexOf("First")).toBeLessThan(kinds.indexOf("Second"));
      }
      expect(messages).toBeGreaterThan(20);
      expect(afterRemoval).toBeGreaterThan(0);
      expect(ok.some((l) => kindOf(l.text) === "Third")).toBe(true);
      expect(ok.some((l) => l.text?.endsWith("version 2"))).toBe(true);

      // Whoever completed after the last edit got every message step of the final version.
      for (const e of (await run.app.store.listEnrollments(run.app.ctx.workspaceId, {}, { offset: 0, limit: 1000 })).rows) {
        if (e.enrollment.endReason !== "completed" || (e.enrollment.endedAt ?? 0) < at[2]! + 2 * DAY) continue;
        const kinds = (byPerson.get(e.person.displayUrl) ?? []).filter((l) => l.action === "message").map((l) => kindOf(l.text));
        expect(kinds, e.person.displayUrl).toEqual(expect.arrayContaining(["Second", "Third"]));
      }
      expect((await store.listCampaignVersions((await run.app.campaign(final.name)).id)).map((v) => v.version)).toEqual([1, 2, 3, 4]);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
