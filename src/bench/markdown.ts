/**
 * The generated sections of BENCHMARKS.md, rendered from the results alone so that no number is copied by
 * hand: the machine, the scale table and the policy tables.
 */
import type { MachineInfo } from "./machine-info.js";
import type { PolicyRun } from "./policy.js";
import { totalsOf, type AccountTally } from "./policy-tally.js";
import { isResult, type ScaleRun } from "./scale.js";
import { backendLabel, scaleCaseLabel, type ScaleBackend, type ScaleResult } from "./scale-types.js";

export function table(head: string[], rows: string[][], align?: Array<"l" | "r">): string {
  const sep = head.map((_, i) => ((align?.[i] ?? (i === 0 ? "l" : "r")) === "r" ? "---:" : "---"));
  return [head, sep, ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

const int = (n: number): string => Math.round(n).toLocaleString("en-US");
const dec = (n: number, d = 1): string => n.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
const pct = (part: number, whole: number): string => (whole > 0 ? `${dec((100 * part) / whole, 0)}%` : "-");

export function duration(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${dec(s, 1)} s`;
  const m = Math.floor(s / 60);
  return m < 60
    ? `${m} min ${String(Math.round(s % 60)).padStart(2, "0")} s`
    : `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min`;
}

export function renderMachine(m: MachineInfo, command: string): string {
  return [
    `- Date (UTC): ${m.date}`,
    `- Command: \`${command}\``,
    `- Machine: ${m.cores} cores (\`nproc\`), ${m.cpu}, ${m.memoryGiB} GiB RAM; load average at start ${m.loadAverage.join(" / ")}`,
    `- Node ${m.node}; SQLite ${m.sqlite} (better-sqlite3); PostgreSQL ${m.postgres}, on 127.0.0.1`,
  ].join("\n");
}

function scaleRow(r: ScaleResult, plannedDays: number): string[] {
  const days = r.spec.shortened ? `**${r.spec.days}** (of ${plannedDays})` : String(r.spec.days);
  return [
    scaleCaseLabel(r.spec),
    int(r.spec.accounts),
    int(r.spec.prospects),
    days,
    int(r.actions),
    int(r.invitesSent),
    `${int(r.limitSignals)} / ${int(r.restrictions)}`,
    duration(r.runMs),
    duration(r.setupMs),
    duration(r.loopMs),
    dec((r.runMs * 1000) / Math.max(1, r.actions), 0),
    dec((r.loopMs * 1000) / Math.max(1, r.actions), 0),
    r.loopStatements === undefined || r.spec.backend === "memory" ? "–" : dec(r.loopStatements / Math.max(1, r.actions), 1),
    int(r.maxRssMB),
    int(r.heapPeakMB),
  ];
}

function growthLines(results: ScaleResult[]): string[] {
  const lines: string[] = [];
  for (const backend of ["memory", "sqlite-scratch", "sqlite-durable", "postgres"] as const) {
    const runs = results.filter((r) => r.spec.backend === backend).sort((a, b) => a.spec.prospects - b.spec.prospects);
    const [small, big] = [runs[0], runs[runs.length - 1]];
    if (!small || !big || small === big || small.actions === 0) continue;
    const note = big.spec.days !== small.spec.days ? ` (the bigger run covers ${big.spec.days} days, not ${small.spec.days})` : "";
    lines.push(
      `- ${backendLabel(backend)}: ×${dec(big.spec.prospects / small.spec.prospects, 0)} prospects gave ×${dec(big.actions / small.actions)} actions, ` +
        `×${dec(big.runMs / small.runMs)} wall time, ×${dec(big.runMs / big.actions / (small.runMs / small.actions), 2)} µs per action ` +
        `(engine loop ×${dec(big.loopMs / big.actions / (small.loopMs / small.actions), 2)}), ×${dec(big.maxRssMB / small.maxRssMB)} peak RSS${note}.`,
    );
  }
  return lines;
}

/** The scale targets: sim's default big run under 2 minutes and 2 GiB, PostgreSQL within 2× of durable SQLite per action, cost per action growing ≤ 1.3× from the small to the big run. */
export function scaleTargets(results: ScaleResult[]): string[] {
  const find = (backend: ScaleBackend, big: boolean): ScaleResult | undefined => {
    const runs = results.filter((r) => r.spec.backend === backend).sort((a, b) => a.spec.prospects - b.spec.prospects);
    return big ? (runs.length > 1 ? runs[runs.length - 1] : undefined) : runs[0];
  };
  const mark = (met: boolean): string => (met ? "met" : "**missed**");
  const perAction = (r: ScaleResult): number => r.runMs / Math.max(1, r.actions);
  const lines: string[] = [];
  const memBig = find("memory", true);
  const memSmall = find("memory", false);
  if (memBig) {
    const total = memBig.openMs + memBig.runMs;
    lines.push(
      `- ${mark(total < 120_000 && memBig.maxRssMB < 2048)}: \`linkpace sim\`'s default (memory) at ${int(memBig.spec.prospects)} prospects, ${memBig.spec.days} days, under 2 minutes and 2 GiB: ${duration(total)}, ${int(memBig.maxRssMB)} MB peak RSS.`,
    );
  }
  if (memBig && memSmall && memSmall !== memBig) {
    const growth = perAction(memBig) / perAction(memSmall);
    lines.push(
      `- ${mark(growth <= 1.3)}: cost per action at ${int(memBig.spec.prospects)} prospects ≤ 1.3× that at ${int(memSmall.spec.prospects)} (memory): ×${dec(growth, 2)}.`,
    );
  }
  for (const big of [false, true]) {
    const pg = find("postgres", big);
    const sq = find("sqlite-durable", big) ?? find("sqlite-scratch", big);
    if (!pg || !sq) continue;
    const ratio = perAction(pg) / perAction(sq);
    lines.push(
      `- ${mark(ratio <= 2)}: PostgreSQL within 2× of ${backendLabel(sq.spec.backend)} per action at ${int(pg.spec.prospects)} prospects: ×${dec(ratio, 2)}${pg.spec.days !== sq.spec.days ? ` (PostgreSQL ran ${pg.spec.days} days, SQLite ${sq.spec.days})` : ""}.`,
    );
  }
  return lines.length > 0 ? lines : ["- none could be computed (cases missing)."];
}

function measuredWhen(results: ScaleResult[], m: MachineInfo): string {
  const times = results.map((r) => r.measuredAt ?? m.date).sort();
  const [first, last] = [times[0] ?? m.date, times[times.length - 1] ?? m.date];
  // A case measured before this run started was read back from --results with --resume.
  const reused = times.some((t) => t < m.date);
  if (first.slice(0, 16) === last.slice(0, 16)) return `Measured ${first}.`;
  return reused
    ? `Cases measured between ${first} and ${last}; cases from an earlier run were reused with \`--resume\`.`
    : `Cases measured between ${first} and ${last}, one after the other in this run.`;
}

export function renderScale(run: ScaleRun, m: MachineInfo, command: string): string {
  const results = run.outcomes.filter(isResult);
  const failed = run.outcomes.filter((o) => !isResult(o));
  const head = [
    "case",
    "accounts",
    "prospects",
    "days",
    "actions",
    "invitations sent",
    "limit signals / restrictions",
    "wall time",
    "setup + enrolment",
    "engine loop",
    "µs / action",
    "µs / action (loop)",
    "statements / action (loop)",
    "peak RSS (MB)",
    "heap peak (MB, sampled)",
  ];
  return [
    `${measuredWhen(results, m)} Last command: \`${command}\`. Generated workspace: ${int(run.accounts)} accounts (generateScenario, seed ${run.seed}), every prospect enrolled but those their sender's hours never reach, ${run.days} simulated days; one child process per case, run one after the other.`,
    "",
    table(
      head,
      results.map((r) => scaleRow(r, run.days)),
    ),
    "",
    "- *actions*: every action performed (visits, invitations, messages, withdrawals, failures included: `report.actions`). *wall time*: the whole `runSimulation` call = *setup + enrolment* (accounts, campaigns, enrolling every prospect, up to the end of the first engine tick) + *engine loop* (first to last tick) + reading the event log back for the report. Generating the scenario and opening the store are not included.",
    "- *µs / action* = wall time ÷ actions; *(loop)* = engine loop ÷ actions. *statements / action (loop)*: statements sent to the database during the engine loop (LinkedIn's events included) ÷ actions, as src/store/statement-counter.ts counts them: on PostgreSQL each is a round trip. *peak RSS*: `process.resourceUsage().maxRSS` of the case's own process; *heap peak*: `heapUsed` sampled every 100 ms of progress.",
    "- Memory is what `linkpace sim` uses without `--db` (the in-memory store, src/store/memory/); SQLite (scratch) is a file with journal off and synchronous off; SQLite (durable) is a plain `openStore` file (WAL, synchronous NORMAL); PostgreSQL uses a fresh schema per run, dropped afterwards, opened as `linkpace sim --db postgres://…` opens it: synchronous_commit off, so that a commit does not wait for the disk (the promise of durable SQLite's WAL with synchronous NORMAL; from 2026-12-06, before that on).",
    ...(() => {
      const vacuumed = results.filter((r) => r.vacuumStandIn).map((r) => scaleCaseLabel(r.spec));
      return vacuumed.length === 0
        ? []
        : [
            `- This machine's PostgreSQL runs with \`autovacuum = off\`: for ${vacuumed.join(", ")}, the benchmark vacuumed and analyzed the case's tables itself as autovacuum's defaults would (every minute, a table with more than 50 + 20% dead rows vacuumed, one with more than 50 + 10% rows changed analyzed; src/bench/pg-admin.ts). Without it, the 1,000 account rows, rewritten at every turn, leave hundreds of thousands of dead versions that every look-up goes through.`,
          ];
    })(),
    `- Start (UTC) of each case and the machine's 1-minute load average just before it (other work shares the 2 cores): ${results.map((r) => `${scaleCaseLabel(r.spec)}: ${r.measuredAt ? `${r.measuredAt}, ` : ""}load ${r.loadAverageBefore[0] ?? "unknown"}`).join("; ")}.`,
    ...results
      .filter((r) => r.spec.shortened)
      .map((r) => `- **${scaleCaseLabel(r.spec)}** ran ${r.spec.shortened}; its numbers are for that shorter run, not an extrapolation.`),
    ...failed.map((f) => `- **${scaleCaseLabel(f.spec)}** failed: \`${"error" in f ? f.error.split("\n")[0] : ""}\``),
    "",
    "How the cost grows (computed from the table):",
    "",
    ...growthLines(results),
    "",
    "The issue's targets (computed from the table):",
    "",
    ...scaleTargets(results),
  ].join("\n");
}

function groupRows(id: string, label: string, accounts: AccountTally[], days: number): string[][] {
  const limits = [...new Set(accounts.map((a) => a.hiddenWeeklyLimit))].sort((a, b) => b - a);
  return limits.map((limit) => {
    const t = totalsOf(
      accounts.filter((a) => a.hiddenWeeklyLimit === limit),
      days,
    );
    return [
      id === "linkpace" ? label : (label.split(" ")[0] ?? label),
      String(limit),
      String(t.accounts),
      dec(t.sent / t.accountWeeks),
      dec(t.accepted / t.accountWeeks),
      dec(t.limitSignals / t.accountWeeks, 2),
      dec(t.restrictions / t.accountWeeks, 2),
      `${t.restrictedAccounts} of ${t.accounts}`,
    ];
  });
}

export function renderPolicy(run: PolicyRun, m: MachineInfo, command: string): string {
  const w = run.workspace;
  const limits = Object.values(w.hiddenLimits);
  const count = (l: number): number => limits.filter((x) => x === l).length;
  const groups = [...new Set(limits)]
    .sort((a, b) => b - a)
    .map((l) => `${count(l)} × ${l}`)
    .join(", ");
  const totals = run.results.map((r) => ({ r, t: totalsOf(r.accounts, r.days) }));
  return [
    `Measured ${m.date} with \`${command}\`. One generated workspace (generateScenario): ${w.accounts} accounts, ${int(w.prospects)} prospects, ${w.days} simulated days, seed ${w.seed}; hidden weekly limits ${groups} (the generator's 80s on sender-02, -06, -10, …, plus 60 on sender-03, -09, -15, … set here; the generator's young, warming-up accounts are sender-04, -11, -18). Every policy plays the same prospects, in the same order, against a fresh simulator with the same seed. ${w.accounts} accounts × ${w.days} days = ${dec((w.accounts * w.days) / 7)} account-weeks.`,
    "",
    ...run.results.map((r) => `- **${r.label}**: ${r.rules}.`),
    "",
    "Totals over the run (acceptances and restrictions are the network's events inside the run's days):",
    "",
    table(
      [
        "policy",
        "invitations sent",
        "accepted",
        "accepted / sent",
        "weekly-limit signals",
        "restrictions",
        "accounts restricted",
        "actions tried while restricted",
        "sent inside recipient's weekday 09-17",
        "sent in recipient's night (22-06)",
      ],
      totals.map(({ r, t }) => [
        r.label,
        int(t.sent),
        int(t.accepted),
        pct(t.accepted, t.sent),
        int(t.limitSignals),
        int(t.restrictions),
        `${t.restrictedAccounts} of ${t.accounts}`,
        int(t.restrictedAnswers),
        pct(t.inRecipientHours, t.sent),
        pct(t.atNight, t.sent),
      ]),
    ),
    "",
    "Per account-week:",
    "",
    table(
      ["policy", "invitations sent", "accepted", "weekly-limit signals", "restrictions"],
      totals.map(({ r, t }) => [
        r.label,
        dec(t.sent / t.accountWeeks),
        dec(t.accepted / t.accountWeeks),
        dec(t.limitSignals / t.accountWeeks, 2),
        dec(t.restrictions / t.accountWeeks, 2),
      ]),
    ),
    "",
    "Per account-week, by the account's hidden weekly limit:",
    "",
    table(
      ["policy", "hidden limit", "accounts", "sent", "accepted", "limit signals", "restrictions", "accounts restricted"],
      run.results.flatMap((r) => groupRows(r.id, r.label, r.accounts, r.days)),
    ),
    ...(run.remarks.length > 0 ? ["", "Found during the run:", "", ...run.remarks.map((x) => `- ${x}`)] : []),
    ...(totals[0]?.r.pausedAtEnd != null ? ["", `linkpace accounts paused at the end of the run: ${totals[0].r.pausedAtEnd}.`] : []),
  ].join("\n");
}
