import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../src/app.js";
import { DAY, VirtualClock } from "../../src/core/time.js";
import { generateScenario } from "../../src/sim/generate.js";
import { runSimulation, SIM_CLAIM_BATCH } from "../../src/sim/run-simulation.js";
import { statementsSent } from "../../src/store/statement-counter.js";
import { storeBackends, type TestDatabase } from "../store/backends.js";

/**
 * What the loop costs, counted (not timed) over a small simulation's loop: the engine's ticks and LinkedIn's
 * events, as `linkpace sim` runs them.
 * - Round trips to PostgreSQL per action performed. The target (issue 13) is at most 6: one statement that
 *   claims the account and reads what it needs, one for the writes, BEGIN and COMMIT, and the look at the
 *   next wake.
 * - Turns that find the governor still blocking everything due (exact wake: there should be none but those
 *   that find an account taken by another worker).
 * - Due accounts claimed together: fewer transactions than turns.
 */
const TARGET = 6;
/** What the engine achieves today, lowered as round trips are removed (19.9 when this test was written; 12.9 with deferred writes, 10.9 with the turn ledger, 9.9 with the inline log row deferred, 8.7 with the due times read by the claim, 8.6 with people's updates deferred). */
const LIMIT = 9.2;

describe.each(storeBackends())("the simulation loop on $name", (backend) => {
  let db: TestDatabase | null = null;
  let passed = false;
  afterEach(async () => {
    await db?.dispose(passed);
    db = null;
  });

  it(`gives no account a turn that finds nothing${backend.name === "postgres" ? `, and needs at most ${LIMIT} round trips per action (target ${TARGET})` : ""}`, async () => {
    db = await backend.create();
    const scenario = generateScenario({ accounts: 4, prospects: 600, days: 10, seed: 21 });
    const setup = await runSimulation({ scenario: { ...scenario, days: 0 }, scenarioPath: "round-trips", store: db.store });
    const sim = setup.simulator;
    const clock = new VirtualClock(scenario.start);
    const app = new App({ store: db.store, channel: sim, clock, seed: String(scenario.seed), claimBatch: SIM_CLAIM_BATCH });
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
        await app.recordNetworkEvent({ at: ev.at, kind: ev.kind, account: ev.account, ...(ev.prospect ? { prospect: ev.prospect } : {}) });
        wake = undefined;
      }
      const tick = await app.engine.tickFrom(clock.now(), wake);
      performed += tick.performed;
      wake = tick.nextWake;
    }
    const perAction = (statementsSent() - before) / performed;
    const { transactions, turns, empty } = app.engine.passes;
    console.log(
      `${backend.name}: ${perAction.toFixed(2)} statements per action (${performed} actions); ${empty} of ${turns} turns empty, in ${transactions} transactions`,
    );
    expect(performed).toBeGreaterThan(200);
    // Before the exact wake, 1,003 of 2,292 were empty; the few left are a cut-off of exact-wake.ts.
    expect(empty / turns).toBeLessThan(0.01);
    if (backend.name === "postgres") expect(perAction).toBeLessThanOrEqual(LIMIT);
    // Due accounts claimed together (the in-memory store has no claimDueAccounts).
    if (backend.name === "postgres" || backend.name === "sqlite") expect(transactions).toBeLessThan(turns);
    passed = true;
  }, 120_000);
});
