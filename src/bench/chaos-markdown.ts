/** The chaos section of BENCHMARKS.md, rendered from the run alone: what was killed, what the fleet did, the checks. */
import type { ChaosRun } from "./chaos-bench.js";
import type { MachineInfo } from "./machine-info.js";
import { duration, table } from "./markdown.js";

const int = (n: number): string => n.toLocaleString("en-US");

export function renderChaos(run: ChaosRun, m: MachineInfo, command: string): string {
  const r = run.result;
  const f = r.fleet;
  const killed = (kind: string): number => r.kills.filter((k) => k.kind === kind).length;
  const results = Object.entries(r.logActions)
    .sort(([, a], [, b]) => b - a)
    .map(([k, n]) => `${k} ${int(n)}`)
    .join(", ");
  const checks: Array<[string, string, boolean]> = [
    ["(enrollment, step) with two ok actions", int(r.duplicates.length), r.duplicates.length === 0],
    ["acknowledged reports lost (missing from the log, or another result)", int(r.lost.length), r.lost.length === 0],
    ["actions performed but never acknowledged", int(r.unacknowledged.length), r.unacknowledged.length === 0],
    ["invariant violations in the event log (checkInvariants)", int(r.violations.length), r.violations.length === 0],
    ["tasks still held after the drain (leases not recovered)", int(r.heldTasks.length), r.heldTasks.length === 0],
    [
      "executor crashes whose next claim did not give back the action held (`reconcile: true`)",
      int(f.notReconciled.length),
      f.notReconciled.length === 0,
    ],
    ["reports refused (409/404/422)", int(f.refusedReports.length), f.refusedReports.length === 0],
    ["processes that exited on their own", int(r.crashes.length), r.crashes.length === 0],
  ];
  const first = (xs: string[]): string => (xs.length === 0 ? "" : `\n\nFirst problems: ${xs.slice(0, 5).join("; ")}`);
  return [
    `Measured ${m.date} with \`${command}\`; load average at start ${m.loadAverage.join(" / ")} on ${m.cores} cores, PostgreSQL ${m.postgres}. ` +
      `${r.workers} \`linkpace worker\` and ${r.servers} \`linkpace serve --no-engine\` processes on one fresh PostgreSQL schema; ` +
      `${r.accounts} accounts and ${int(r.prospects)} prospects (a generated workspace made due at once: every hour of every day, warm-up off, least gap 1 s; campaigns visit then invite); ` +
      `an executor fleet playing LinkedIn with the simulator's hidden truth (seed ${run.seed}) claims and reports over the agent protocol, one token per account, on a random live API server, and asks again on a connection error; 5% of the time an executor crashes holding an action (half before performing it, half before reporting it) and claims again as it restarts. ` +
      `For ${duration(r.chaosMs)}, a random one of the ${r.workers + r.servers} processes gets kill -9 every ${duration(run.killEveryMs)} on average (uniform ±50%) and is started again at once ` +
      `(an API server on a new port). Then the workers stop, the fleet finishes and claims once more for every account (taking back any lease whose claim answer was lost), the servers stop, and the database is checked.`,
    "",
    table(
      ["", "count"],
      [
        ["kill -9 (workers / API servers)", `${int(r.kills.length)} (${killed("worker")} / ${killed("server")})`],
        ["restarts", int(r.restarts)],
        ["actions performed by the fleet", int(f.performed)],
        ["reports acknowledged (2xx)", int(f.acknowledged)],
        ["… of which acknowledged again after a lost answer (`duplicate: true`)", int(f.duplicateAcks)],
        ["executor crashes holding an action (before performing it or before reporting it)", int(f.executorCrashes)],
        ["leases recovered (claims answered `reconcile: true`)", int(f.reconciled)],
        ["… of which not performed yet (performed then)", int(f.reconciledUnperformed)],
        ["requests that failed (connection refused or reset, timeout)", int(f.connectionErrors)],
        ["answers 5xx or 429, asked again", int(f.retriedAnswers)],
        ["action rows in the event log, by result", results],
        ["wall time (setup, chaos, drain, checks)", duration(r.wallMs)],
      ],
    ),
    "",
    table(
      ["check", "found", ""],
      checks.map(([what, found, ok]) => [what, found, ok ? "pass" : "**FAIL**"]),
    ) + first([...r.duplicates, ...r.lost, ...r.violations, ...r.heldTasks, ...r.crashes, ...f.notReconciled, ...r.fleetFailures]),
  ].join("\n");
}
