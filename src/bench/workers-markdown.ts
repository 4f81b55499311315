/**
 * The "Workers on PostgreSQL" section of BENCHMARKS.md, from the run alone: linkpace's 2 workers against
 * graphile-worker's 2 processes × concurrency 10, each's rate, their ratio and the issue's target.
 */
import type { MachineInfo } from "./machine-info.js";
import { duration, table } from "./markdown.js";
import type { GraphileWorkersResult, LinkpaceWorkersResult, WorkersRun } from "./workers-types.js";

const int = (n: number): string => Math.round(n).toLocaleString("en-US");
const dec = (n: number, d = 1): string => n.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });

const failed = (x: object): x is { error: string } => "error" in x;

export function renderWorkers(run: WorkersRun, m: MachineInfo, command: string): string {
  const { linkpace: l, graphile: g } = run;
  const lines = [
    `Measured ${run.measuredAt} with \`${command}\`; ${m.cores} cores (${m.cpu}), load average at start ${run.loadAverage.join(" / ")}; PostgreSQL ${run.pgVersion} on 127.0.0.1, both on one database (a fresh schema each), one after the other.`,
    "",
    "- **linkpace**: a generated workspace is set up first (not timed); then 2 `worker`-like processes run the engine for a fixed wall time on an inline channel that answers every action \"ok\" at once, each moving a virtual clock to 15 minutes past the store's earliest wake, so that several accounts are due at once as on a real clock when work has piled up (the accounts' pacing and LinkedIn limits still apply, in virtual time; before 2026-12-06 05:00Z, to the earliest wake itself, which left one account due at a time). Rate = actions performed by both ÷ wall time.",
    "- **graphile-worker**: no-op jobs are queued first (not timed); then 2 processes start together, `run()` with concurrency 10 and otherwise its defaults (a silent logger: the default prints a line per job). Rate = jobs ÷ time until the queue is found empty (polled every 100 ms).",
    "",
  ];
  const rows: string[][] = [];
  if (failed(l)) rows.push(["linkpace, 2 workers", "failed", l.error, "", ""]);
  else
    rows.push([
      `linkpace, ${l.processes} workers`,
      `${int(l.performed.reduce((a, b) => a + b, 0))} actions (${l.performed.map(int).join(" + ")})`,
      duration(l.wallMs),
      dec(l.actionsPerSecond, 0),
      `${l.accounts} accounts, ${int(l.enrolled)} of ${int(l.prospects)} prospects enrolled (setup ${duration(l.setupMs)}); steps with two ok actions: ${l.duplicates}`,
    ]);
  if (failed(g)) rows.push(["graphile-worker", "failed", g.error, "", ""]);
  else
    rows.push([
      `graphile-worker ${g.version}, ${g.processes} processes × concurrency ${g.concurrency}`,
      `${int(g.jobs)} no-op jobs`,
      duration(g.wallMs),
      dec(g.jobsPerSecond, 0),
      "",
    ]);
  lines.push(table(["", "work", "wall time", "per second", "notes"], rows, ["l", "r", "r", "r", "l"]), "");
  if (!failed(l) && !failed(g)) {
    const ratio = (l as LinkpaceWorkersResult).actionsPerSecond / (g as GraphileWorkersResult).jobsPerSecond;
    const met = ratio >= 1 && l.duplicates === 0;
    lines.push(
      `Target: linkpace's actions/s ≥ graphile-worker's jobs/s: ${met ? "met" : "**missed**"} (${dec(ratio, 2)}×${l.duplicates > 0 ? `, and ${l.duplicates} duplicate(s)` : ""}).`,
    );
  }
  return lines.join("\n");
}
