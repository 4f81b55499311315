/**
 * The in-memory store gives the same event log, byte for byte, as SQLite for the same scenario and seed (issue
 * 13: the same bytes on every backend). Each scenario runs on both in the same test, so the check holds whatever
 * the digests of event-log-digest.test.ts are at the time; that test pins SQLite's bytes.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readEventLog } from "../../src/sim/event-log.js";
import { runSimulation } from "../../src/sim/run-simulation.js";
import { parseScenario, type Scenario } from "../../src/sim/scenario.js";
import { openMemoryStore } from "../../src/store/memory/memory-store.js";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";
import { ignoredScenario, monthTurnScenario, richScenario } from "./scenarios.js";

const fixture = resolve("test/fixtures/sim/scenario.json");

const scenarios: Record<string, () => Scenario> = {
  "rich, seed 7": () => richScenario(7),
  "month turn, seed 5": () => monthTurnScenario(5),
  "ignored, seed 9": () => ignoredScenario(9),
  "fixture scenario.json": () => parseScenario(readFileSync(fixture, "utf8"), fixture),
};

/** The event log's JSON lines, as event-log-digest.test.ts hashes them. */
async function eventLog(scenario: Scenario, store: Store): Promise<string[]> {
  const run = await runSimulation({ scenario, scenarioPath: fixture, store });
  const lines: string[] = [];
  for await (const e of readEventLog(store, run.app.ctx.workspaceId)) lines.push(JSON.stringify(e));
  return lines;
}

async function onSqlite(scenario: Scenario): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "linkpace-memory-digest-"));
  const store = await openStore(join(dir, "sim.db"));
  try {
    return await eventLog(scenario, store);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onMemory(scenario: Scenario): Promise<string[]> {
  const store = openMemoryStore();
  try {
    return await eventLog(scenario, store);
  } finally {
    await store.close();
  }
}

describe("the memory store's event log", () => {
  for (const [name, make] of Object.entries(scenarios)) {
    it(`is SQLite's, byte for byte, for the ${name}`, async () => {
      const expected = await onSqlite(make());
      const actual = await onMemory(make());
      expect(expected.length).toBeGreaterThan(10);
      // The first line that differs, rather than two digests.
      const differs = actual.findIndex((line, i) => line !== expected[i]);
      expect({ line: differs, memory: actual[differs] ?? null }).toEqual({ line: -1, memory: null });
      expect(actual.join("\n")).toBe(expected.join("\n"));
    }, 120_000);
  }
});
