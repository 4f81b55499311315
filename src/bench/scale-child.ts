/**
 * One case of the scale benchmark, in a process of its own so that its peak memory is its alone. Started by
 * scale.ts with the case as JSON in argv[2]; sends one ChildMessage over IPC and exits. Progress goes to stderr.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { DAY } from "../core/time.js";
import { generateScenario } from "../sim/generate.js";
import { runSimulation } from "../sim/run-simulation.js";
import { openMemoryStore } from "../store/memory/memory-store.js";
import { openStore } from "../store/open-store.js";
import { statementsSent } from "../store/statement-counter.js";
import { openSqliteStore } from "../store/sqlite/open-sqlite.js";
import type { Store } from "../store/store.js";
import { MemoryPeak } from "./memory-peak.js";
import { autovacuumStandIn, schemaUrl } from "./pg-admin.js";
import { scaleCaseLabel, type ChildMessage, type ScaleCaseSpec, type ScaleResult } from "./scale-types.js";

const PROGRESS_EVERY_MS = 15_000;

interface CaseStore {
  store: Store;
  /** PostgreSQL on a server without autovacuum: the benchmark vacuums for it (pg-admin.ts). */
  vacuumStandIn: boolean;
  cleanup: () => Promise<void>;
}

async function openCaseStore(spec: ScaleCaseSpec): Promise<CaseStore> {
  if (spec.backend === "postgres") {
    if (!spec.pgUrl || !spec.schema) throw new Error(`${spec.id}: a postgres case needs pgUrl and schema`);
    // As `linkpace sim --db postgres://…` opens it (sim/sim-store.ts): commits not flushed one by one.
    const store = await openStore(schemaUrl(spec.pgUrl, spec.schema), { rehearsal: true });
    const stop = await autovacuumStandIn(spec.pgUrl, spec.schema);
    return { store, vacuumStandIn: stop !== null, cleanup: async () => stop?.() };
  }
  if (spec.backend === "memory") return { store: openMemoryStore(), vacuumStandIn: false, cleanup: async () => {} };
  const dir = mkdtempSync(join(tmpdir(), "linkpace-bench-"));
  const path = join(dir, "bench.db");
  const store = spec.backend === "sqlite-scratch" ? await openSqliteStore(path, { scratch: true }) : await openStore(path);
  return { store, vacuumStandIn: false, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

function formatElapsed(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
}

async function runCase(spec: ScaleCaseSpec): Promise<ScaleResult> {
  const label = `[scale ${scaleCaseLabel(spec)}]`;
  const loadAverageBefore = loadavg().map((l) => Math.round(l * 100) / 100);
  const measuredAt = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  const memory = new MemoryPeak();
  const t0 = performance.now();
  const scenario = generateScenario({ accounts: spec.accounts, prospects: spec.prospects, days: spec.days, seed: spec.seed });
  const tGenerated = performance.now();
  const { store, vacuumStandIn, cleanup } = await openCaseStore(spec);
  const tOpened = performance.now();
  process.stderr.write(`${label} ${spec.accounts} accounts, ${spec.days} days: enrolling…\n`);
  let firstTick = 0;
  let lastTick = 0;
  let statementsAtFirstTick = 0;
  let statementsAtLastTick = 0;
  let lastPrint = tOpened;
  const dayMarks: number[] = [];
  try {
    const run = await runSimulation({
      scenario,
      scenarioPath: "bench",
      store,
      onProgress: (done) => {
        const now = performance.now();
        memory.sample();
        if (firstTick === 0) {
          firstTick = now;
          statementsAtFirstTick = statementsSent();
          process.stderr.write(`${label} enrolled in ${formatElapsed(now - tOpened)}; simulating\n`);
        }
        lastTick = now;
        statementsAtLastTick = statementsSent();
        while (dayMarks.length <= Math.floor(done / DAY)) dayMarks.push(now - firstTick);
        if (now - lastPrint >= PROGRESS_EVERY_MS) {
          lastPrint = now;
          process.stderr.write(`${label} simulated day ${(done / DAY).toFixed(1)}/${spec.days}, ${formatElapsed(now - tOpened)} elapsed\n`);
        }
      },
    });
    const tDone = performance.now();
    const mem = memory.stop();
    const r = run.report;
    const sum = (f: (a: (typeof r.accounts)[number]) => number): number => r.accounts.reduce((s, a) => s + f(a), 0);
    process.stderr.write(`${label} done: ${r.actions} actions in ${formatElapsed(tDone - tOpened)}\n`);
    return {
      spec,
      actions: r.actions,
      invitesSent: sum((a) => a.invitesSent),
      accepted: sum((a) => a.accepted),
      messagesSent: sum((a) => a.messagesSent),
      withdrawn: sum((a) => a.withdrawn),
      limitSignals: sum((a) => a.limitSignals),
      restrictions: sum((a) => a.restrictions),
      enrolled: r.prospects.enrolled,
      refused: r.prospects.refused,
      generateMs: tGenerated - t0,
      openMs: tOpened - tGenerated,
      setupMs: (firstTick || tDone) - tOpened,
      loopMs: firstTick ? lastTick - firstTick : 0,
      loopStatements: statementsAtLastTick - statementsAtFirstTick,
      reportMs: tDone - (lastTick || tDone),
      runMs: tDone - tOpened,
      ...mem,
      loadAverageBefore,
      measuredAt,
      ...(vacuumStandIn ? { vacuumStandIn } : {}),
      dayMarks,
    };
  } finally {
    await cleanup();
    await store.close();
  }
}

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) {
      process.stdout.write(`${JSON.stringify(message)}\n`);
      resolve();
      return;
    }
    process.send(message, () => resolve());
  });
}

const spec = JSON.parse(process.argv[2] ?? "null") as ScaleCaseSpec | null;
if (spec === null) {
  process.stderr.write("scale-child: expected a case as JSON in the first argument (started by dist/bench/run.js)\n");
  process.exit(2);
}
try {
  const result = await runCase(spec);
  await send({ type: "result", result });
  process.exit(0);
} catch (e) {
  await send({ type: "error", message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  process.exit(3);
}
