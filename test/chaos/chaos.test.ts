/**
 * Chaos, short (issue 13 item 2; the long run is `npm run bench -- --only chaos`): 3 `linkpace worker`s and 2
 * `linkpace serve --no-engine`s on one PostgreSQL schema, an executor fleet playing LinkedIn (the simulator's
 * hidden truth) over the agent protocol, and kill -9 of a random one of the 5 every ~2 s for 20 s; executors crash too, holding an action. Then: no
 * step with two ok actions, no acknowledged report lost, every invariant of the event log holds, no task still
 * held. No child process survives the test, whatever happens.
 */
import { afterEach, describe, expect, it } from "vitest";
import { runChaos } from "../../src/bench/chaos.js";
import type { ChaosCluster } from "../../src/bench/chaos-processes.js";
import { CLI } from "../support/cli.js";

const pgUrl = process.env.LINKPACE_TEST_PG;

describe("chaos: workers and API servers killed at random on one PostgreSQL database", () => {
  let cluster: ChaosCluster | null = null;
  afterEach(() => {
    cluster?.killAll();
    cluster = null;
  });

  it.skipIf(!pgUrl)(
    "never acts twice, loses no acknowledged report, keeps every invariant and leaves no lease held",
    async () => {
      const r = await runChaos({
        pg: pgUrl!,
        cli: CLI,
        chaosMs: 20_000,
        killEveryMs: 2_000,
        accounts: 12,
        prospects: 1200,
        onCluster: (c) => (cluster = c),
      });
      const summary = JSON.stringify({ ...r, fleet: { ...r.fleet, refusedReports: r.fleet.refusedReports.slice(0, 5) } }, null, 1);
      // The chaos was real: processes were killed and restarted while the fleet worked through them.
      expect(r.kills.length, summary).toBeGreaterThanOrEqual(5);
      expect(new Set(r.kills.map((k) => k.kind)).size, summary).toBe(2);
      expect(r.fleet.acknowledged, summary).toBeGreaterThan(50);
      expect(r.okActions, summary).toBeGreaterThan(50);
      // Executors crashed holding actions: their leases had to be taken back.
      expect(r.fleet.executorCrashes, summary).toBeGreaterThan(0);
      expect(r.fleet.reconciled, summary).toBeGreaterThanOrEqual(r.fleet.executorCrashes);
      expect(r.fleet.notReconciled, summary).toEqual([]);
      // The checks.
      expect(r.duplicates, summary).toEqual([]);
      expect(r.lost, summary).toEqual([]);
      expect(r.unacknowledged, summary).toEqual([]);
      expect(r.violations, summary).toEqual([]);
      expect(r.heldTasks, summary).toEqual([]);
      expect(r.fleet.refusedReports, summary).toEqual([]);
      expect(r.crashes, summary).toEqual([]);
      expect(r.fleetFailures, summary).toEqual([]);
      expect(r.passed).toBe(true);
      expect(cluster!.pids()).toEqual([]);
    },
    90_000,
  );
});
