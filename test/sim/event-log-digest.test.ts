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
  "rich, seed 7": "ce40c475af4ff7ccb3ac6c9cd16e4b632d6623d16450f28cfe4d5a22fd24c072",
  "rich, seed 11": "991d6b5cf24e739d2e75a219c89027192f4243818690ad1921402987c084df03",
  "rich, seed 12": "e2cb8b6daf551a460119698998a29cbac10e6cc6252a8f51700aa650e9c4e488",
  "month turn, seed 5": "d4264fb3c8f0caa538278424cec207650cce31ba369ec6565663f3809f2e68c0",
  "ignored, seed 9": "2e3985947fa57fb3695056c0f5c2255baf43af9230735cad8a823ceea36bb3aa",
  "throughput, seed 3": "d25952fddbeb6a3ebb537a73ea533c32c70af7112ac8cfe150bd22b844cb959c",
  "fixture scenario.json": "3c91e4a9f26e593391f6a0559d2d8fad1be3f43109c58f413c559e2e65d731e4",
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
