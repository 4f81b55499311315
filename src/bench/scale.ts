/**
 * The scale benchmark: 1,000 accounts and 20,000 then 200,000 prospects over 28 simulated days, on SQLite and
 * PostgreSQL. Each case runs in its own child process (scale-child.ts), one after the other (never two heavy
 * runs at once); the smaller cases come first so that their results can size the 200,000-prospect PostgreSQL
 * run to the time budget.
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { BenchOptions } from "./bench-options.js";
import { dropSchema, freshSchemaName } from "./pg-admin.js";
import { scaleCaseLabel, type ChildMessage, type ScaleBackend, type ScaleCaseSpec, type ScaleResult } from "./scale-types.js";

export type ScaleOutcome = ScaleResult | { spec: ScaleCaseSpec; error: string };

export interface ScaleRun {
  accounts: number;
  days: number;
  seed: number;
  outcomes: ScaleOutcome[];
}

const CHILD = fileURLToPath(new URL("./scale-child.js", import.meta.url));
const SEED = 1;

export function isResult(o: ScaleOutcome): o is ScaleResult {
  return !("error" in o);
}

function runChild(spec: ScaleCaseSpec): Promise<ScaleOutcome> {
  return new Promise((resolve) => {
    let message: ChildMessage | null = null;
    const child = fork(CHILD, [JSON.stringify(spec)], {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      execArgv: ["--max-old-space-size=12288"],
    });
    child.on("message", (m) => {
      message = m as ChildMessage;
    });
    child.on("error", (e) => resolve({ spec, error: e.message }));
    child.on("exit", (code, signal) => {
      const m = message as ChildMessage | null;
      if (m?.type === "result") resolve(m.result);
      else if (m?.type === "error") resolve({ spec, error: m.message });
      else resolve({ spec, error: `child exited with ${signal ?? `code ${code}`} and no result` });
    });
  });
}

async function runCase(spec: ScaleCaseSpec, opts: BenchOptions): Promise<ScaleOutcome> {
  process.stderr.write(
    `\n[scale] starting ${spec.id}: ${scaleCaseLabel(spec)}, ${spec.days} days${spec.shortened ? ` (${spec.shortened})` : ""}\n`,
  );
  if (spec.backend !== "postgres") return runChild(spec);
  try {
    return await runChild(spec);
  } finally {
    try {
      await dropSchema(opts.pg, spec.schema as string);
    } catch (e) {
      process.stderr.write(`[scale] could not drop schema ${spec.schema}: ${(e as Error).message}\n`);
    }
  }
}

/**
 * How many days the big PostgreSQL run can cover within the budget, from the runs already done: PostgreSQL's
 * cost per action at the small size, scaled by how much SQLite's cost per action grew from small to big, times
 * the big run's action count (the same on every backend: the event log is identical); its enrolment scaled as
 * SQLite's grew. A rough guide, not a measurement: it is logged, never reported as a result.
 */
export function planBigPostgresDays(
  done: ScaleResult[],
  big: number,
  small: number,
  days: number,
  budgetMin: number,
): { days: number; shortened?: string } {
  const find = (backend: ScaleBackend, prospects: number) => done.find((r) => r.spec.backend === backend && r.spec.prospects === prospects);
  const pgSmall = find("postgres", small);
  const sqSmall = find("sqlite-scratch", small);
  const sqBig = find("sqlite-scratch", big);
  if (!pgSmall || !sqSmall || !sqBig || pgSmall.actions === 0 || sqSmall.actions === 0 || sqBig.actions === 0) return { days };
  const growth = sqBig.loopMs / sqBig.actions / (sqSmall.loopMs / sqSmall.actions);
  // Work is front-loaded (every prospect's visit is due at once): the share of loop time spent by day d comes
  // from the big SQLite run's own timeline when it has one, else days are assumed to cost the same.
  const share = (d: number): number =>
    sqBig.dayMarks && sqBig.dayMarks.length > d && sqBig.loopMs > 0 ? Math.min(1, (sqBig.dayMarks[d] as number) / sqBig.loopMs) : d / days;
  const setup = pgSmall.setupMs * (sqBig.setupMs / sqSmall.setupMs);
  const loop = (pgSmall.loopMs / pgSmall.actions) * growth * sqBig.actions;
  const report = (pgSmall.reportMs / pgSmall.actions) * sqBig.actions;
  const estimateMin = (setup + loop + report) / 60_000;
  process.stderr.write(
    `[scale] a ${days}-day PostgreSQL run at ${big} prospects is estimated at ${estimateMin.toFixed(0)} min (budget ${budgetMin} min)\n`,
  );
  if (estimateMin <= budgetMin) return { days };
  const loopBudget = budgetMin * 60_000 - setup - report;
  let fewer = 7;
  while (fewer + 1 < days && loop * share(fewer + 1) <= loopBudget) fewer++;
  return {
    days: fewer,
    shortened: `${fewer} of ${days} days: the ${days}-day run was estimated at ${estimateMin.toFixed(0)} min, over the ${budgetMin}-minute budget`,
  };
}

/** `onCase` sees the run so far after every case, so that a long run's finished cases are kept if a later one fails. */
export async function runScale(opts: BenchOptions, onCase?: (soFar: ScaleRun) => void, previous: ScaleResult[] = []): Promise<ScaleRun> {
  const accounts = opts.quick ? 20 : 1000;
  const [small, big] = opts.quick ? [500, 5000] : [20_000, 200_000];
  const days = opts.quick ? 7 : 28;
  const spec = (backend: ScaleBackend, prospects: number, d = days): ScaleCaseSpec => {
    const id = `${backend}-${prospects}`;
    const base: ScaleCaseSpec = { id, backend, accounts, prospects, days: d, seed: SEED };
    return backend === "postgres" ? { ...base, pgUrl: opts.pg, schema: freshSchemaName(`scale_${prospects}`) } : base;
  };
  const outcomes: ScaleOutcome[] = [];
  const run = async (s: ScaleCaseSpec): Promise<void> => {
    const reused = opts.rerun.includes(s.id) ? undefined : previous.find((p) => p.spec.id === s.id && p.spec.accounts === s.accounts);
    if (!reused && opts.scaleCases.length > 0 && !opts.scaleCases.includes(s.id)) return;
    if (reused) process.stderr.write(`[scale] ${s.id}: reusing the result measured ${reused.measuredAt ?? "earlier"}\n`);
    const o = reused ?? (await runCase(s, opts));
    if (!isResult(o)) process.stderr.write(`[scale] ${s.id} failed: ${o.error}\n`);
    outcomes.push(o);
    onCase?.({ accounts, days, seed: SEED, outcomes });
  };
  // linkpace sim's default first: the issue's headline target is its big run.
  await run(spec("memory", small));
  await run(spec("memory", big));
  await run(spec("sqlite-scratch", small));
  if (opts.durable) await run(spec("sqlite-durable", small));
  if (!opts.skipPg) await run(spec("postgres", small));
  await run(spec("sqlite-scratch", big));
  if (!opts.skipPg) {
    const estimated = planBigPostgresDays(outcomes.filter(isResult), big, small, days, opts.pgBudgetMin);
    const plan =
      opts.pgDays !== null
        ? { days: opts.pgDays, ...(opts.pgDays < days ? { shortened: `${opts.pgDays} of ${days} days, set with --pg-days` } : {}) }
        : estimated;
    await run({ ...spec("postgres", big, plan.days), ...(plan.shortened ? { shortened: plan.shortened } : {}) });
  }
  if (opts.durable) await run(spec("sqlite-durable", big));
  return { accounts, days, seed: SEED, outcomes };
}
