import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../src/app.js";
import { DAY, VirtualClock } from "../../src/core/time.js";
import { generateScenario } from "../../src/sim/generate.js";
import { runSimulation } from "../../src/sim/run-simulation.js";
import { statementsSent } from "../../src/store/statement-counter.js";
import { storeBackends, type TestDatabase } from "../store/backends.js";

/**
 * Round trips to PostgreSQL per action performed, counted (not timed) over a small simulation's loop: the
 * engine's ticks and LinkedIn's events, as `linkpace sim` runs them. The target (issue 13) is at most 6: one
 * statement that claims the account and reads what it needs, one for the writes, BEGIN and COMMIT, and the
 * look at the next wake.
 */
const postgres = storeBackends().find((b) => b.name === "postgres");
const TARGET = 6;
/** What the engine achieves today (19.9 when this test was written), lowered as round trips are removed. */
const LIMIT = 20;

describe("round trips per action on PostgreSQL", () => {
  let db: TestDatabase | null = null;
  let passed = false;
  afterEach(async () => {
    await db?.dispose(passed);
    db = null;
  });

  it.skipIf(!postgres)(
    `stay at most ${LIMIT} (target ${TARGET})`,
    async () => {
      db = await postgres!.create();
      const scenario = generateScenario({ accounts: 4, prospects: 600, days: 10, seed: 21 });
      const setup = await runSimulation({ scenario: { ...scenario, days: 0 }, scenarioPath: "round-trips", store: db.store });
      const sim = setup.simulator;
      const clock = new VirtualClock(scenario.start);
      const app = new App({ store: db.store, channel: sim, clock, seed: String(scenario.seed) });
      const end = scenario.start + scenario.days * DAY;
      const before = statementsSent();
      let performed = 0;
      let wake: number | null | undefined;
      for (;;) {
        if (wake === undefined) wake = await app.engine.nextWakeAt();
        const next = Math.min(wake ?? Infinity, sim.nextEventAt() ?? Infinity);
        if (!Number.isFinite(next) || next >= end) break;
        clock.set(Math.max(clock.now(), next));
        for (const ev of sim.takeEventsUntil(clock.now())) {
          await app.recordNetworkEvent({
            at: ev.at,
            kind: ev.kind,
            account: ev.account,
            ...(ev.prospect ? { prospect: ev.prospect } : {}),
          });
          wake = undefined;
        }
        const tick = await app.engine.tickFrom(clock.now(), wake);
        performed += tick.performed;
        wake = tick.nextWake;
      }
      const perAction = (statementsSent() - before) / performed;
      const { transactions, empty } = app.engine.passes;
      console.log(
        `round trips per action on PostgreSQL: ${perAction.toFixed(2)} (${performed} actions); ${empty} of ${transactions} transactions empty`,
      );
      expect(performed).toBeGreaterThan(200);
      expect(perAction).toBeLessThanOrEqual(LIMIT);
      passed = true;
    },
    120_000,
  );
});
