/**
 * The workers benchmark (issue 13): on this machine's PostgreSQL, in one run, linkpace's engine in 2 worker
 * processes against graphile-worker 0.17 in 2 processes × concurrency 10 running no-op jobs, each on its own
 * schema of the same database.
 *
 * - linkpace: a generated workspace is set up (accounts, campaigns, prospects enrolled: not timed), then 2
 *   processes (workers-linkpace-child.ts) run the engine for WINDOW_S seconds of wall time on an inline channel
 *   that answers "ok" at once. Actions per second = actions performed by both ÷ the wall time. Afterwards the
 *   event log is read back: no step may have two ok actions.
 * - graphile-worker: JOBS no-op jobs are queued first (not timed), then 2 processes start together; jobs per
 *   second = JOBS ÷ the time until the queue is found empty (polled every POLL_MS).
 */
import { fork, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { makeWorkerUtils } from "graphile-worker";
import pg from "pg";
import { DAY } from "../core/time.js";
import { readEventLog } from "../sim/event-log.js";
import { generateScenario } from "../sim/generate.js";
import { runSimulation } from "../sim/run-simulation.js";
import { openStore } from "../store/open-store.js";
import type { BenchOptions } from "./bench-options.js";
import { dropSchema, freshSchemaName, pgServerVersion, schemaUrl } from "./pg-admin.js";
import type { GraphileWorkersResult, LinkpaceWorkersResult, WorkersChildMessage, WorkersRun } from "./workers-types.js";

const PROCESSES = 2;
const CONCURRENCY = 10;
const POLL_MS = 100;

interface Sizes {
  accounts: number;
  prospects: number;
  /** linkpace's wall-clock window. */
  windowS: number;
  /** graphile-worker's queued jobs. */
  jobs: number;
}

export function workersSizes(opts: Pick<BenchOptions, "quick">): Sizes {
  return opts.quick
    ? { accounts: 40, prospects: 2000, windowS: 5, jobs: 5000 }
    : { accounts: 200, prospects: 20_000, windowS: 30, jobs: 60_000 };
}

const LINKPACE_CHILD = fileURLToPath(new URL("./workers-linkpace-child.js", import.meta.url));
const GRAPHILE_CHILD = fileURLToPath(new URL("./workers-graphile-child.js", import.meta.url));

/** Forks `n` children of `script` with `spec`, and resolves once every one said "ready". */
async function forkReady(
  script: string,
  specs: unknown[],
): Promise<{ children: ChildProcess[]; done: Array<Promise<WorkersChildMessage>> }> {
  const children: ChildProcess[] = [];
  const ready: Array<Promise<void>> = [];
  const done: Array<Promise<WorkersChildMessage>> = [];
  for (const spec of specs) {
    const child = fork(script, [JSON.stringify(spec)], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    children.push(child);
    let last: WorkersChildMessage | null = null;
    ready.push(
      new Promise((resolve, reject) => {
        child.on("message", (m: WorkersChildMessage) => {
          last = m;
          if (m.type === "ready") resolve();
          if (m.type === "error") reject(new Error(m.message));
        });
        child.once("exit", (code) => reject(new Error(`a worker exited (code ${code}) before it was ready`)));
      }),
    );
    done.push(
      new Promise((resolve) => {
        child.once("exit", (code, signal) =>
          resolve(last ?? { type: "error", message: `exited with code ${code}${signal ? `, signal ${signal}` : ""} without a result` }),
        );
      }),
    );
  }
  try {
    await Promise.all(ready);
  } catch (e) {
    for (const c of children) c.kill("SIGKILL");
    throw e;
  }
  return { children, done };
}

async function runLinkpaceWorkers(pgBase: string, sizes: Sizes): Promise<LinkpaceWorkersResult> {
  const schema = freshSchemaName("workers_linkpace");
  const url = schemaUrl(pgBase, schema);
  try {
    const scenario = generateScenario({ accounts: sizes.accounts, prospects: sizes.prospects, days: 28, seed: 1 });
    process.stderr.write(`[workers] linkpace: setting up ${sizes.accounts} accounts, ${sizes.prospects} prospects on PostgreSQL…\n`);
    const t0 = performance.now();
    const store = await openStore(url);
    const setup = await runSimulation({ scenario: { ...scenario, days: 0 }, scenarioPath: "bench", store });
    await store.close();
    const setupMs = performance.now() - t0;
    const spec = { url, start: scenario.start, end: scenario.start + scenario.days * DAY, seconds: sizes.windowS };
    process.stderr.write(`[workers] linkpace: ${PROCESSES} workers for ${sizes.windowS} s\n`);
    const { children, done } = await forkReady(
      LINKPACE_CHILD,
      Array.from({ length: PROCESSES }, () => spec),
    );
    const go = performance.now();
    for (const c of children) c.send({ type: "go" });
    const results = await Promise.all(done);
    const wallMs = performance.now() - go;
    const performed: number[] = [];
    const transactions: number[] = [];
    for (const r of results) {
      if (r.type !== "done") throw new Error(`a linkpace worker failed: ${r.type === "error" ? r.message : r.type}`);
      performed.push(r.performed);
      transactions.push(r.transactions ?? 0);
    }
    const check = await openStore(url);
    let duplicates = 0;
    try {
      const seen = new Set<string>();
      for await (const line of readEventLog(check, setup.app.ctx.workspaceId)) {
        if (!("action" in line) || line.result !== "ok" || line.action === "message") continue;
        const key = `${line.campaign}\u0000${line.prospect}\u0000${line.action}`;
        if (seen.has(key)) duplicates++;
        seen.add(key);
      }
    } finally {
      await check.close();
    }
    const total = performed.reduce((a, b) => a + b, 0);
    return {
      processes: PROCESSES,
      accounts: sizes.accounts,
      prospects: sizes.prospects,
      enrolled: setup.report.prospects.enrolled,
      setupMs,
      performed,
      transactions,
      wallMs,
      actionsPerSecond: total / (wallMs / 1000),
      duplicates,
    };
  } finally {
    await dropSchema(pgBase, schema);
  }
}

async function queuedJobs(client: pg.Client, schema: string): Promise<number> {
  const r = await client.query<{ n: string }>(`select count(*) as n from "${schema}"._private_jobs`);
  return Number(r.rows[0]?.n ?? 0);
}

async function runGraphileWorkers(pgBase: string, sizes: Sizes): Promise<GraphileWorkersResult> {
  const schema = freshSchemaName("workers_graphile");
  const { version } = createRequire(import.meta.url)("graphile-worker/package.json") as { version: string };
  const utils = await makeWorkerUtils({ connectionString: pgBase, schema });
  const client = new pg.Client({ connectionString: pgBase });
  await client.connect();
  try {
    await utils.migrate();
    process.stderr.write(`[workers] graphile-worker ${version}: queueing ${sizes.jobs} no-op jobs…\n`);
    for (let i = 0; i < sizes.jobs; i += 1000)
      await utils.addJobs(
        Array.from({ length: Math.min(1000, sizes.jobs - i) }, (_, k) => ({ identifier: "noop", payload: { n: i + k } })),
      );
    process.stderr.write(`[workers] graphile-worker: ${PROCESSES} processes × concurrency ${CONCURRENCY}\n`);
    const spec = { url: pgBase, schema, concurrency: CONCURRENCY };
    const { children, done } = await forkReady(
      GRAPHILE_CHILD,
      Array.from({ length: PROCESSES }, () => spec),
    );
    const go = performance.now();
    for (const c of children) c.send({ type: "go" });
    let left = sizes.jobs;
    const limit = go + 10 * 60_000;
    while (left > 0 && performance.now() < limit) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      left = await queuedJobs(client, schema);
    }
    const wallMs = performance.now() - go;
    for (const c of children) c.kill("SIGTERM");
    await Promise.all(done);
    if (left > 0) throw new Error(`${left} of ${sizes.jobs} jobs still queued after 10 minutes`);
    return {
      version,
      processes: PROCESSES,
      concurrency: CONCURRENCY,
      jobs: sizes.jobs,
      wallMs,
      jobsPerSecond: sizes.jobs / (wallMs / 1000),
    };
  } finally {
    await client.end();
    await utils.release();
    await dropSchema(pgBase, schema);
  }
}

export async function runWorkers(opts: BenchOptions): Promise<WorkersRun> {
  const sizes = workersSizes(opts);
  const measuredAt = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  const loadAverage = loadavg().map((l) => Math.round(l * 100) / 100);
  const pgVersion = await pgServerVersion(opts.pg);
  const attempt = async <T>(fn: () => Promise<T>): Promise<T | { error: string }> => {
    try {
      return await fn();
    } catch (e) {
      process.stderr.write(`[workers] failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      return { error: e instanceof Error ? e.message : String(e) };
    }
  };
  const linkpace = await attempt(() => runLinkpaceWorkers(opts.pg, sizes));
  const graphile = await attempt(() => runGraphileWorkers(opts.pg, sizes));
  return { measuredAt, loadAverage, pgVersion, linkpace, graphile };
}
