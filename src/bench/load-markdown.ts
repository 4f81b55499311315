/**
 * The load benchmark's section of BENCHMARKS.md, rendered from its results alone: per case and route,
 * requests, errors, throughput and latency percentiles; the server's own meters; the correctness checks.
 */
import type { LatencySummary } from "./latency-stats.js";
import { isLoadResult, loadCaseLabel, LOAD_RATE_LIMIT, type LoadRun } from "./load.js";
import type { LoadResult, RouteResult } from "./load-types.js";
import type { MachineInfo } from "./machine-info.js";
import { table } from "./markdown.js";

const int = (n: number): string => Math.round(n).toLocaleString("en-US");
const dec = (n: number, d = 1): string =>
  Number.isFinite(n) ? n.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d }) : "-";
const ms = (n: number): string => dec(n, n < 10 ? 2 : 1);

function routeRow(caseLabel: string, r: RouteResult): string[] {
  const l: LatencySummary = r.latencyMs;
  return [
    caseLabel,
    r.route === "all routes" ? "**all routes**" : `\`${r.route}\``,
    int(r.requests),
    int(r.errors),
    dec(r.perSecond, 0),
    ms(l.mean),
    ms(l.p50),
    ms(l.p90),
    ms(l.p99),
    ms(l.max),
  ];
}

function serverRow(r: LoadResult): string[] {
  const s = r.server;
  const answers = Object.entries(r.nextAnswers)
    .map(([k, v]) => `${int(v)} ${k}`)
    .join(", ");
  return [
    loadCaseLabel(r.spec.backend),
    `${int(r.tasksDone)} (${dec(r.tasksPerSecond)}/s)`,
    answers,
    dec(s.cpuCores, 2),
    dec(r.clientCpuCores, 2),
    r.machineCpuCores === null ? "-" : dec(r.machineCpuCores, 2),
    `${dec(100 * s.loopUtilization, 0)}%`,
    `${ms(s.loopDelay.p50)} / ${ms(s.loopDelay.p99)} / ${ms(s.loopDelay.max)}`,
    `${dec(s.engineLag.mean, 2)} / ${dec(s.engineLag.max, 2)}`,
    `${int(s.rssMB)} / ${int(s.maxRssMB)}`,
    `${r.measuredAt}, ${r.loadAverageBefore[0] ?? "?"} / ${r.loadAverageAfter}`,
  ];
}

function caseLines(r: LoadResult): string[] {
  const label = loadCaseLabel(r.spec.backend);
  const failed = r.checks.filter((c) => !c.ok);
  return [
    `- ${label}: seeding through the API took ${dec(r.seedMs.accounts / 1000, 2)} s for ${r.settings.accounts} accounts, ${dec(r.seedMs.campaigns / 1000, 2)} s for the campaigns and ${dec(r.seedMs.imports / 1000, 2)} s for ${int(r.enrolled)} prospects by CSV upload; ${int(r.tasksDoneAll)} tasks were done in all (warm-up included); the graceful shutdown took ${dec(r.closeMs / 1000, 2)} s.`,
    `- Checks on ${label}: ${failed.length === 0 ? `all ${r.checks.length} passed` : `**${failed.length} of ${r.checks.length} FAILED**`}: ${r.checks.map((c) => `${c.ok ? "" : "**FAILED** "}${c.name} (${c.detail})`).join("; ")}.`,
  ];
}

export function renderLoad(run: LoadRun, m: MachineInfo, command: string): string {
  const s = run.settings;
  const results = run.outcomes.filter(isLoadResult);
  const failed = run.outcomes.filter((o) => !isLoadResult(o));
  const clients = s.runners + s.statusReaders + s.taskReaders;
  const head = ["case", "route", "requests", "errors (non-2xx)", "req/s", "mean (ms)", "p50 (ms)", "p90 (ms)", "p99 (ms)", "max (ms)"];
  const rows = results.flatMap((r) => [...r.routes, r.total].map((x) => routeRow(loadCaseLabel(r.spec.backend), x)));
  return [
    `Measured ${results[0]?.measuredAt ?? m.date} with \`${command}\` on ${m.cores} cores (\`nproc\`), ${m.cpu}, ${m.memoryGiB} GiB RAM, Node ${m.node}, SQLite ${m.sqlite}, PostgreSQL ${m.postgres}; load average at start ${m.loadAverage.join(" / ")}. \`startServer\` (what \`linkpace serve\` runs) on 127.0.0.1, port 0, in its own process, with the engine loop running (tick 1 s) on the real clock; request logs as pino JSON to a file. ` +
      `SQLite is an on-disk file in a temporary directory (WAL, as \`linkpace serve\` opens it); PostgreSQL a fresh schema on the local server, dropped afterwards. ` +
      `Seeded through the API with a token: ${s.accounts} accounts (assisted, the server's channel; all week 00:00-24:00 UTC, warm-up off, budgets out of the way, \`limits.minGap: 1s\`), one campaign each (visit, then connect with a note) and ${int(s.prospectsPerAccount)} prospects each by CSV upload. ` +
      `Load: ${clients} closed-loop clients without think time over keep-alive connections (Node's fetch), in the benchmark's process on the same 2 cores: ${s.runners} runners (one per account, each with its own token: \`POST /v1/tasks/next\`, then \`POST /v1/tasks/{id}/report\` with \`{"key":"d"}\` when it is a task; "wait" answers count as requests), ${s.statusReaders} clients on \`GET /v1/status\` and ${s.taskReaders} on \`GET /v1/tasks\` (all accounts). ` +
      `${s.warmupMs / 1000} s of warm-up, then ${s.durationMs / 1000} s measured: a request counts if it started in the window; latency is from the client's fetch() to the last byte of the body. ` +
      `The server's per-credential rate limit is set to ${int(LOAD_RATE_LIMIT.burst)} burst / ${int(LOAD_RATE_LIMIT.perSecond)} per second so that it never answers 429 here (the default is 120 / 20). Percentiles are exact (nearest rank over every recorded latency).`,
    "",
    table(head, rows, ["l", "l", "r", "r", "r", "r", "r", "r", "r", "r"]),
    "",
    "The tasks and the processes over the same window (engine lag: how far behind its earliest due account the engine was, the `/metrics` gauge, sampled every second; the whole machine's CPU, from /proc/stat, includes the server, the clients, PostgreSQL's own processes and any other work):",
    "",
    table(
      [
        "case",
        "tasks done",
        "`POST /v1/tasks/next` answers",
        "server CPU (cores)",
        "clients' CPU (cores)",
        "whole machine's CPU busy (cores)",
        "server event loop busy",
        "loop delay p50 / p99 / max (ms)",
        "engine lag mean / max (s)",
        "RSS end / peak (MB)",
        "start (UTC), load average before / after",
      ],
      results.map(serverRow),
    ),
    "",
    ...results.flatMap(caseLines),
    `- The governor lets each account act once per \`minGap\` (1 s) × U(1, 1.5), rounded up to a whole second, so tasks come at its pace (${results.map((r) => `${dec(r.tasksPerSecond / r.settings.accounts, 2)} per account and second on ${loadCaseLabel(r.spec.backend)}`).join(", ")}), not the server's; most \`POST /v1/tasks/next\` answers are therefore "wait", each a transaction that locks the account and asks the governor.`,
    ...failed.map((f) => `- **${loadCaseLabel(f.spec.backend)}** failed: \`${"error" in f ? f.error.split("\n")[0] : ""}\``),
  ].join("\n");
}
