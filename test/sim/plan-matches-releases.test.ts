/**
 * The plan is a forecast from the governor and the queue: in a simulated week, a person who keeps the sittings
 * the plan suggests gets, each day and for each account, within ±10% of what the plan made at the start of that
 * day said, every task inside one of that day's sittings, at most 3 sittings a day, and no limit broken.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { localDateKey } from "../../src/core/schedule/index.js";
import { DAY } from "../../src/core/time.js";
import { readEventLog, type LogEntry } from "../../src/sim/event-log.js";
import { generateScenario } from "../../src/sim/generate.js";
import { checkInvariants } from "../../src/sim/invariants.js";
import { runSimulation } from "../../src/sim/run-simulation.js";
import { SittingPerson } from "../../src/sim/sitting-person.js";
import { openStore } from "../../src/store/open-store.js";

describe("the plan against what the engine releases", () => {
  test("a simulated week in sittings: each day within ±10% of its plan and inside its sittings", async () => {
    const scenario = generateScenario({ accounts: 3, prospects: 900, days: 7, seed: 11 });
    for (const a of scenario.accounts) a.doc = { ...a.doc, pacing: "sittings" };
    const dir = mkdtempSync(join(tmpdir(), "linkpace-plan-"));
    try {
      const store = await openStore(join(dir, "sim.db"));
      const person = new SittingPerson();
      const run = await runSimulation({ scenario, scenarioPath: join(dir, "scenario.json"), store, person });
      let compared = 0;
      for (const a of scenario.accounts) {
        const account = await run.app.account(a.doc.name);
        const actions = await store.accountActions(account.id, scenario.start, scenario.start + scenario.days * DAY);
        const zone = a.doc.timezone;
        const end = scenario.start + scenario.days * DAY;
        // Days the run covers whole (the last sender-local day may run past the simulated week).
        const whole = person.plans.filter((p) => p.account === a.doc.name && p.madeAt + DAY <= end);
        for (const made of whole) {
          const released = actions.filter((x) => localDateKey(zone, x.at) === made.day.date);
          const where = `${a.doc.name} ${made.day.date}: planned ${made.day.total}, released ${released.length}`;
          expect(Math.abs(released.length - made.day.total), where).toBeLessThanOrEqual(Math.max(1, Math.round(made.day.total * 0.1)));
          expect(made.day.sittings.length, where).toBeLessThanOrEqual(3);
          for (const x of released) {
            expect(
              made.day.sittings.some((s) => x.at >= s.from && x.at < s.until),
              `${where}: ${x.kind} at ${new Date(x.at).toISOString()} outside the sittings`,
            ).toBe(true);
          }
          if (made.day.total > 0) compared++;
        }
      }
      expect(compared).toBeGreaterThanOrEqual(10); // 3 accounts × 5 working days
      const entries: LogEntry[] = [];
      for await (const e of readEventLog(store, run.app.ctx.workspaceId)) entries.push(e);
      const connected = new Set(scenario.prospects.filter((p) => p.connected).map((p) => p.profileUrl));
      const accounts = scenario.accounts.map((a) => a.doc);
      expect(
        checkInvariants({ entries, accounts, campaigns: scenario.campaigns, connected, end: scenario.start + scenario.days * DAY }),
      ).toEqual([]);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
