/**
 * `npm run bench -- --only chaos`: the chaos run (chaos.ts) for 2 minutes (20 s with --quick) with a kill -9
 * every 3 s on average, 12 accounts. PostgreSQL only: skipped with --skip-pg.
 */
import { fileURLToPath } from "node:url";
import type { BenchOptions } from "./bench-options.js";
import { runChaos, type ChaosResult } from "./chaos.js";

export interface ChaosRun {
  result: ChaosResult;
  killEveryMs: number;
  seed: number;
}

const CLI = fileURLToPath(new URL("../cli/main.js", import.meta.url));

export async function runChaosBench(opts: BenchOptions): Promise<ChaosRun> {
  const killEveryMs = 3000;
  const seed = 13;
  const result = await runChaos({
    pg: opts.pg,
    cli: CLI,
    chaosMs: opts.quick ? 20_000 : 120_000,
    killEveryMs,
    accounts: 12,
    prospects: opts.quick ? 1200 : 3600,
    seed,
    log: (line) => process.stderr.write(`bench: ${line}\n`),
  });
  return { result, killEveryMs, seed };
}
