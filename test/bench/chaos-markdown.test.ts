import { describe, expect, it } from "vitest";
import type { ChaosRun } from "../../src/bench/chaos-bench.js";
import type { ChaosResult } from "../../src/bench/chaos.js";
import { renderChaos } from "../../src/bench/chaos-markdown.js";
import type { MachineInfo } from "../../src/bench/machine-info.js";

const machine = { date: "2026-12-05T00:00:00Z", cores: 2, loadAverage: [0.1, 0.2, 0.3], postgres: "15.20" } as MachineInfo;

function run(patch: Partial<ChaosResult> = {}): ChaosRun {
  const result: ChaosResult = {
    schema: "chaos_x",
    workers: 3,
    servers: 2,
    accounts: 12,
    prospects: 3600,
    chaosMs: 120_000,
    wallMs: 150_000,
    kills: [
      { at: 1000, kind: "worker", index: 1, pid: 10 },
      { at: 4000, kind: "server", index: 2, pid: 11 },
      { at: 7000, kind: "server", index: 1, pid: 12 },
    ],
    restarts: 3,
    fleet: {
      performed: 700,
      acknowledged: 700,
      duplicateAcks: 1,
      executorCrashes: 9,
      notReconciled: [],
      reconciled: 11,
      reconciledUnperformed: 10,
      connectionErrors: 77,
      retriedAnswers: 0,
      refusedReports: [],
    },
    logActions: { ok: 698, profile_unavailable: 2 },
    okActions: 698,
    duplicates: [],
    lost: [],
    unacknowledged: [],
    violations: [],
    heldTasks: [],
    crashes: [],
    fleetFailures: [],
    passed: true,
    ...patch,
  };
  return { result, killEveryMs: 3000, seed: 13 };
}

describe("the chaos benchmark's section", () => {
  it("states the counts and passes every check of a clean run", () => {
    const text = renderChaos(run(), machine, "npm run bench -- --only chaos");
    expect(text).toContain("| kill -9 (workers / API servers) | 3 (1 / 2) |");
    expect(text).toContain("| reports acknowledged (2xx) | 700 |");
    expect(text).toContain("| leases recovered (claims answered `reconcile: true`) | 11 |");
    expect(text).toContain("| action rows in the event log, by result | ok 698, profile_unavailable 2 |");
    expect(text).not.toContain("FAIL");
  });

  it("marks a failed check and names the first problems", () => {
    const text = renderChaos(run({ duplicates: ["enrollment 4 visit: 2 ok actions"], passed: false }), machine, "x");
    expect(text).toContain("| (enrollment, step) with two ok actions | 1 | **FAIL** |");
    expect(text).toContain("First problems: enrollment 4 visit: 2 ok actions");
  });
});
