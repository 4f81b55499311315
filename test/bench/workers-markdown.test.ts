import { describe, expect, it } from "vitest";
import { renderWorkers } from "../../src/bench/workers-markdown.js";
import type { MachineInfo } from "../../src/bench/machine-info.js";
import type { WorkersRun } from "../../src/bench/workers-types.js";

const machine = { cores: 2, cpu: "Test CPU" } as MachineInfo;

function run(linkpacePerSecond: number, duplicates = 0): WorkersRun {
  return {
    measuredAt: "2026-12-05T00:00:00Z",
    loadAverage: [0.1, 0.2, 0.3],
    pgVersion: "15.20",
    linkpace: {
      processes: 2,
      accounts: 10,
      prospects: 100,
      enrolled: 90,
      setupMs: 1000,
      performed: [linkpacePerSecond * 5, linkpacePerSecond * 5],
      transactions: [1, 1],
      wallMs: 10_000,
      actionsPerSecond: linkpacePerSecond,
      duplicates,
    },
    graphile: { version: "0.17.3", processes: 2, concurrency: 10, jobs: 20_000, wallMs: 10_000, jobsPerSecond: 2000 },
  };
}

describe("the workers benchmark's section", () => {
  it("states both rates and whether linkpace reached graphile-worker's", () => {
    const met = renderWorkers(run(2500), machine, "npm run bench -- --only workers");
    expect(met).toContain("| linkpace, 2 workers | 25,000 actions (12,500 + 12,500) |");
    expect(met).toContain("| graphile-worker 0.17.3, 2 processes × concurrency 10 | 20,000 no-op jobs |");
    expect(met).toContain("Target: linkpace's actions/s ≥ graphile-worker's jobs/s: met (1.25×).");
    expect(renderWorkers(run(1000), machine, "x")).toContain("**missed** (0.50×)");
    // A duplicate fails the target whatever the rate.
    expect(renderWorkers(run(2500, 1), machine, "x")).toContain("**missed** (1.25×, and 1 duplicate(s))");
  });

  it("says which side failed instead of a ratio", () => {
    const text = renderWorkers({ ...run(1), graphile: { error: "no schema" } }, machine, "x");
    expect(text).toContain("| graphile-worker | failed | no schema |");
    expect(text).not.toContain("Target:");
  });
});
