import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readEventLog, type LogEntry } from "../../src/sim/event-log.js";
import { checkInvariants } from "../../src/sim/invariants.js";
import { runSimulation, type SimRun } from "../../src/sim/run-simulation.js";
import type { Scenario } from "../../src/sim/scenario.js";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";
import { DAY } from "../../src/core/time.js";

export interface SimResult {
  run: SimRun;
  entries: LogEntry[];
  bytes: string;
  violations: string[];
}

/** Runs a scenario in a fresh SQLite file (or the given store) and returns its log and the invariant check. */
export async function simulateScenario(
  scenario: Scenario,
  opts: { store?: Store; inspect?: (run: SimRun) => Promise<void>; hourLearning?: boolean } = {},
): Promise<SimResult> {
  const store = opts.store;
  const dir = store ? null : mkdtempSync(join(tmpdir(), "linkpace-test-"));
  const s = store ?? (await openStore(join(dir as string, "sim.db")));
  try {
    const run = await runSimulation({
      scenario,
      scenarioPath: join(process.cwd(), "test", "fixtures", "scenario.json"),
      store: s,
      ...(opts.hourLearning !== undefined ? { hourLearning: opts.hourLearning } : {}),
    });
    const entries: LogEntry[] = [];
    for await (const e of readEventLog(s, run.app.ctx.workspaceId)) entries.push(e);
    await opts.inspect?.(run);
    const connected = new Set(scenario.prospects.filter((p) => p.connected).map((p) => p.profileUrl));
    const violations = checkInvariants({
      entries,
      accounts: scenario.accounts.map((a) => a.doc),
      campaigns: scenario.campaigns,
      connected,
      end: scenario.start + scenario.days * DAY,
    });
    return { run, entries, bytes: entries.map((e) => JSON.stringify(e)).join("\n"), violations };
  } finally {
    await s.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
