import { describe, expect, it } from "vitest";
import type { MachineInfo } from "../../src/bench/machine-info.js";
import { renderScale, scaleTargets } from "../../src/bench/markdown.js";
import type { ScaleBackend, ScaleResult } from "../../src/bench/scale-types.js";

function result(backend: ScaleBackend, prospects: number, actions: number, runMs: number, maxRssMB = 500, days = 28): ScaleResult {
  return {
    spec: { id: `${backend}-${prospects}`, backend, accounts: 1000, prospects, days, seed: 1 },
    actions,
    invitesSent: 0,
    accepted: 0,
    messagesSent: 0,
    withdrawn: 0,
    limitSignals: 0,
    restrictions: 0,
    enrolled: prospects,
    refused: 0,
    generateMs: 0,
    openMs: 0,
    setupMs: 0,
    loopMs: runMs,
    reportMs: 0,
    runMs,
    maxRssMB,
    heapPeakMB: 0,
    loadAverageBefore: [1],
  };
}

describe("the scale benchmark's targets", () => {
  it("judges sim's default big run, the growth per action and PostgreSQL against SQLite", () => {
    const lines = scaleTargets([
      result("memory", 20_000, 60_000, 12_000),
      result("memory", 200_000, 540_000, 108_000, 1500),
      result("sqlite-durable", 20_000, 60_000, 30_000),
      result("postgres", 20_000, 60_000, 90_000),
    ]);
    expect(lines[0]).toMatch(/^- met: .* under 2 minutes and 2 GiB: 1 min 48 s, 1,500 MB peak RSS\.$/);
    expect(lines[1]).toBe("- met: cost per action at 200,000 prospects ≤ 1.3× that at 20,000 (memory): ×1.00.");
    expect(lines[2]).toBe("- **missed**: PostgreSQL within 2× of SQLite (durable, WAL) per action at 20,000 prospects: ×3.00.");
  });

  it("misses the first target on memory alone, time or size", () => {
    expect(scaleTargets([result("memory", 20_000, 1, 1), result("memory", 200_000, 540_000, 130_000)])[0]).toMatch(/^- \*\*missed\*\*/);
    expect(scaleTargets([result("memory", 20_000, 1, 1), result("memory", 200_000, 540_000, 100_000, 2100)])[0]).toMatch(
      /^- \*\*missed\*\*/,
    );
  });
});

describe("the scale benchmark's section", () => {
  const machine: MachineInfo = {
    date: "2026-12-06T03:51:44Z",
    cores: 2,
    cpu: "test",
    memoryGiB: 1,
    node: "v20",
    sqlite: "3",
    postgres: "15",
    loadAverage: [1, 1, 1],
  };
  const at = (r: ScaleResult, measuredAt: string, vacuumStandIn = false): ScaleResult => ({
    ...r,
    measuredAt,
    ...(vacuumStandIn ? { vacuumStandIn } : {}),
  });
  const render = (outcomes: ScaleResult[]) => renderScale({ accounts: 1000, days: 28, seed: 1, outcomes }, machine, "npm run bench");

  it("says the cases were measured in this run unless one was measured before it started (--resume)", () => {
    const thisRun = render([
      at(result("memory", 20_000, 1, 1), "2026-12-06T03:51:44Z"),
      at(result("postgres", 20_000, 1, 1), "2026-12-06T04:31:39Z", true),
    ]);
    expect(thisRun).toContain("Cases measured between 2026-12-06T03:51:44Z and 2026-12-06T04:31:39Z, one after the other in this run.");
    expect(thisRun).toMatch(/`autovacuum = off`: for PostgreSQL, 20,000 prospects, the benchmark vacuumed/);
    const resumed = render([
      at(result("memory", 20_000, 1, 1), "2026-12-05T22:00:00Z"),
      at(result("postgres", 20_000, 1, 1), "2026-12-06T04:31:39Z"),
    ]);
    expect(resumed).toContain("cases from an earlier run were reused with `--resume`.");
    expect(resumed).not.toContain("autovacuum");
  });
});
