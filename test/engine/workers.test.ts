import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../src/app.js";
import { DAY } from "../../src/core/time.js";
import { readEventLog, type LogEntry } from "../../src/sim/event-log.js";
import { generateScenario } from "../../src/sim/generate.js";
import { checkInvariants } from "../../src/sim/invariants.js";
import { runSimulation } from "../../src/sim/run-simulation.js";
import { VirtualClock } from "../../src/core/time.js";
import { storeBackends, type TestDatabase } from "../store/backends.js";

/**
 * Two engines (two connection pools, as two worker processes would have) share one database and tick at the
 * same instants. Claims take accounts with SKIP LOCKED, so no action is performed twice and every budget and
 * least gap still holds.
 */
// Several workers are a PostgreSQL setup; SQLite serialises writers (and in one process its synchronous driver
// would block the event loop while the other connection holds the write lock).
const postgres = storeBackends().find((b) => b.name === "postgres");

describe("two workers on one PostgreSQL database", () => {
  let db: TestDatabase | null = null;
  let passed = false;
  afterEach(async () => {
    await db?.dispose(passed);
    db = null;
  });

  it.skipIf(!postgres)(
    "never act twice and keep every invariant",
    async () => {
      db = await postgres!.create();
      const scenario = generateScenario({ accounts: 6, prospects: 900, days: 14, seed: 9 });
      // Set up accounts, campaigns, prospects and the simulator without running any day.
      const setup = await runSimulation({ scenario: { ...scenario, days: 0 }, scenarioPath: "workers", store: db.store });
      const sim = setup.simulator;
      const clock = new VirtualClock(scenario.start);
      const workers = [new App({ store: db.store, channel: sim, clock }), new App({ store: await db.openAnother(), channel: sim, clock })];
      const end = scenario.start + scenario.days * DAY;
      let concurrentTicks = 0;
      for (;;) {
        const wake = await workers[0]!.engine.nextWakeAt();
        const next = Math.min(wake ?? Infinity, sim.nextEventAt() ?? Infinity);
        if (!Number.isFinite(next) || next >= end) break;
        clock.set(Math.max(clock.now(), next));
        for (const ev of sim.takeEventsUntil(clock.now()))
          await workers[0]!.recordNetworkEvent({
            at: ev.at,
            kind: ev.kind,
            account: ev.account,
            ...(ev.prospect ? { prospect: ev.prospect } : {}),
          });
        const done = await Promise.all(workers.map((w) => w.engine.tick(clock.now())));
        if (done[0]! > 0 && done[1]! > 0) concurrentTicks++;
      }
      const entries: LogEntry[] = [];
      for await (const e of readEventLog(db.store, 1)) entries.push(e);
      const actions = entries.filter((e) => "action" in e);
      expect(actions.length).toBeGreaterThan(500);
      // Both workers did real work side by side.
      expect(concurrentTicks).toBeGreaterThan(10);
      const keys = actions.map((e) => `${e.account}|${e.at}`);
      expect(new Set(keys).size).toBe(keys.length);
      const violations = checkInvariants({
        entries,
        accounts: scenario.accounts.map((a) => a.doc),
        campaigns: scenario.campaigns,
        connected: new Set(scenario.prospects.filter((p) => p.connected).map((p) => p.profileUrl)),
        end,
      });
      expect(violations).toEqual([]);
      passed = true;
    },
    120_000,
  );
});
