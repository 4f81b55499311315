/**
 * The event logs of the scenarios the tests run, kept as SHA-256 digests: a refactoring of the engine must give
 * the same bytes for the same scenario and seed. A change that is meant to alter behaviour (a bug fix with its
 * own test) changes a digest on purpose; regenerate them then with
 *
 *   LINKPACE_PRINT_DIGESTS=1 LINKPACE_SKIP_BUILD=1 npx vitest run test/sim/event-log-digest.test.ts
 *
 * which prints the new digests instead of checking them, and say in the commit why the log changed.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readEventLog } from "../../src/sim/event-log.js";
import { runSimulation } from "../../src/sim/run-simulation.js";
import { parseScenario, type Scenario } from "../../src/sim/scenario.js";
import { openStore } from "../../src/store/open-store.js";
import { ignoredScenario, monthTurnScenario, richScenario, throughputScenario } from "./scenarios.js";

const fixture = resolve("test/fixtures/sim/scenario.json");

const scenarios: Record<string, () => Scenario> = {
  "rich, seed 7": () => richScenario(7),
  "rich, seed 11": () => richScenario(11),
  "rich, seed 12": () => richScenario(12),
  "month turn, seed 5": () => monthTurnScenario(5),
  "ignored, seed 9": () => ignoredScenario(9),
  "throughput, seed 3": () => throughputScenario(3),
  "fixture scenario.json": () => parseScenario(readFileSync(fixture, "utf8"), fixture),
};

/** SHA-256 of the event log (its JSON lines joined by "\n") as the code before the state machine refactoring wrote it. */
const DIGESTS: Record<string, string> = {
  "rich, seed 7": "f5ebcef600fad7513ef390dc8f6548286b39de30e36bb6149812ce9a7b378c7f",
  "rich, seed 11": "372be06527410edb3f0b07fea588ea2e7162fe15b8153650ab7773b1f1f3aacd",
  "rich, seed 12": "177d799026fdc526b478f80d9951dcaa23be1bedd77712a71f961ba375555e5e",
  "month turn, seed 5": "9bcb7dc3d1f019136ad895a0663baa4d574fc99d61e281743423ae81243c4728",
  "ignored, seed 9": "0e45526bab4f1b029dade1aab0892be4e86efbf22f211076923b92a6250e8120",
  "throughput, seed 3": "4de20c6c51d8f5940ca62c594f2ab0d87445df06943904aaed8ade899e27ffa3",
  "fixture scenario.json": "9fd04a50df8068dcbbbf8a02ce716cb5bc2fa9416152dd43ecc255f948fc3512",
};

async function logDigest(scenario: Scenario): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "linkpace-digest-"));
  const store = await openStore(join(dir, "sim.db"));
  try {
    const run = await runSimulation({ scenario, scenarioPath: fixture, store });
    const hash = createHash("sha256");
    let first = true;
    for await (const e of readEventLog(store, run.app.ctx.workspaceId)) {
      hash.update((first ? "" : "\n") + JSON.stringify(e));
      first = false;
    }
    return hash.digest("hex");
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("event log digests", () => {
  for (const [name, make] of Object.entries(scenarios)) {
    it(`are unchanged for the ${name}`, async () => {
      const digest = await logDigest(make());
      if (process.env.LINKPACE_PRINT_DIGESTS) {
        console.log(`  ${JSON.stringify(name)}: "${digest}",`);
        return;
      }
      expect(digest).toBe(DIGESTS[name]);
    }, 120_000);
  }
});
