/**
 * The command line of `npm run bench` (`node dist/bench/run.js`): which benchmarks, how big, which PostgreSQL.
 */
import { Command, InvalidArgumentError, Option } from "commander";

export interface BenchOptions {
  only: "scale" | "policy" | "load" | "sittings" | "workers" | "chaos" | null;
  quick: boolean;
  pg: string;
  skipPg: boolean;
  durable: boolean;
  /** Longest a 200,000-prospect PostgreSQL run may take, in minutes, before it is shortened to fewer days. */
  pgBudgetMin: number;
  /** BENCHMARKS.md to update, or null: print the markdown only. */
  out: string | null;
  results: string | null;
  /** A results file of an earlier run whose successful scale cases are reused instead of run again. */
  resume: string | null;
  /** Scale case ids (e.g. postgres-200000) to run again even when the resumed file has them. */
  rerun: string[];
  /** Days of the 200,000-prospect PostgreSQL case, instead of the estimate against --pg-budget. */
  pgDays: number | null;
  /** Scale case ids to run (empty: every case); the others are left out unless reused with --resume. */
  scaleCases: string[];
  /** The command line as typed, for the report. */
  command: string;
}

const DEFAULT_PG = "postgres://postgres@127.0.0.1:5432/postgres";

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`expected a positive number, got "${value}"`);
  return n;
}

export function parseBenchOptions(argv: string[], defaultOut: string): BenchOptions {
  const program = new Command("npm run bench --")
    .description("linkpace's benchmarks against the simulated LinkedIn; results update BENCHMARKS.md, progress goes to stderr")
    .addHelpText(
      "after",
      "\nBenchmarks:\n" +
        "  policy  linkpace's governor against two static policies, same prospects and seed, then the same with\n" +
        "          two note variants: learning against not learning (minutes)\n" +
        "  scale   1,000 accounts x 20,000 and 200,000 prospects x 28 simulated days, on SQLite and\n" +
        "          PostgreSQL, each case in its own process: wall time, us per action, peak memory (hours)\n" +
        "  load    linkpace serve on loopback with the engine running: sustained requests to the status and task\n" +
        "          routes, on SQLite and PostgreSQL; throughput, latency percentiles, event-log checks (about a minute)\n" +
        "  chaos   3 linkpace workers and 2 API servers on PostgreSQL, one killed (kill -9) every few seconds for 2 minutes\n" +
        "          while an executor fleet works over the agent protocol; then duplicates, lost reports, invariants, leases\n" +
        "\nExamples:\n" +
        "  npm run bench                          # everything, updates BENCHMARKS.md\n" +
        "  npm run bench -- --quick --skip-pg     # a smoke run, markdown on stdout only\n" +
        "  node dist/bench/run.js --only policy   # after a build\n" +
        "  npm run bench -- --only load           # the HTTP load test only\n" +
        "  npm run bench -- --only sittings       # sittings against drip pacing (simulated)\n" +
        "  npm run bench -- --only workers        # 2 linkpace workers against graphile-worker on PostgreSQL\n" +
        "  npm run bench -- --only chaos          # 3 workers and 2 API servers killed at random for 2 minutes (PostgreSQL)\n",
    )
    .addOption(
      new Option("--only <benchmark>", "run one benchmark only").choices(["scale", "policy", "load", "sittings", "workers", "chaos"]),
    )
    .option(
      "--quick",
      "a small smoke run (minutes, not hours); prints markdown and leaves BENCHMARKS.md alone unless --out is given",
      false,
    )
    .option(
      "--pg <url>",
      "PostgreSQL server for the PostgreSQL cases (each run gets its own schema, dropped afterwards)",
      process.env.LINKPACE_TEST_PG ?? DEFAULT_PG,
    )
    .option("--skip-pg", "run the SQLite cases only (scale and load; the workers benchmark, PostgreSQL only, is skipped)", false)
    .option("--no-durable", "skip the durable (WAL) SQLite cases")
    .option(
      "--pg-budget <minutes>",
      "if a 28-day 200,000-prospect PostgreSQL run is estimated to take longer, run fewer days (labelled)",
      positive,
      45,
    )
    .option("--out <file>", `the BENCHMARKS.md to update (default ${defaultOut}; with --quick, none)`)
    .option("--results <file>", "also write the raw results as JSON to this file")
    .option("--resume <file>", "reuse the successful scale cases of an earlier --results file; run only the missing or failed ones")
    .option("--rerun <ids>", "with --resume: scale cases to run again anyway, comma-separated (e.g. sqlite-scratch-200000,postgres-200000)")
    .option("--scale-cases <ids>", "run only these scale cases, comma-separated (e.g. memory-20000,memory-200000)")
    .option("--pg-days <n>", "days of the 200,000-prospect PostgreSQL case (default: 28, fewer if estimated over --pg-budget)", positive)
    .showHelpAfterError("(run with --help for the options)")
    .exitOverride();
  try {
    program.parse(argv, { from: "user" });
  } catch (e) {
    const code = (e as { exitCode?: number }).exitCode ?? 2;
    process.exit(code === 0 ? 0 : 2);
  }
  const o = program.opts<{
    only?: "scale" | "policy" | "load" | "sittings" | "workers" | "chaos";
    quick: boolean;
    pg: string;
    skipPg: boolean;
    durable: boolean;
    pgBudget: number;
    out?: string;
    results?: string;
    resume?: string;
    rerun?: string;
    pgDays?: number;
    scaleCases?: string;
  }>();
  return {
    only: o.only ?? null,
    quick: o.quick,
    pg: o.pg,
    skipPg: o.skipPg,
    durable: o.durable,
    pgBudgetMin: o.pgBudget,
    out: o.out ?? (o.quick ? null : defaultOut),
    results: o.results ?? null,
    resume: o.resume ?? null,
    rerun: (o.rerun ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== ""),
    pgDays: o.pgDays !== undefined ? Math.floor(o.pgDays) : null,
    scaleCases: (o.scaleCases ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== ""),
    command: ["npm run bench", ...(argv.length ? ["--", ...argv.map(redactArg)] : [])].join(" "),
  };
}

/** A password in a postgres URL never reaches the report. */
export function redactArg(arg: string): string {
  return arg.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}
