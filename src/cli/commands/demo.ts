import type { Command } from "commander";
import { DAY, formatInstant, parseInstant } from "../../core/time.js";
import { accountStatus } from "../../engine/account-status.js";
import { createProgress } from "../../io/progress.js";
import { readEventLog, type LogEntry } from "../../sim/event-log.js";
import { generateScenario } from "../../sim/generate.js";
import { runSimulation } from "../../sim/run-simulation.js";
import { openSimStore } from "../../sim/sim-store.js";
import { emit, table, withoutWorkspace, type GlobalOptions } from "../shell.js";
import { renderReport } from "./sim.js";
import { renderStatus } from "./status.js";

export function registerDemoCommand(program: Command): void {
  const demo = program
    .command("demo")
    .description(
      "a simulated tour: three sender accounts, a few hundred prospects, four weeks against the simulated LinkedIn, then a report",
    )
    .option("--seed <n>", "random seed", "1")
    .option("--prospects <n>", "how many prospects", "900")
    .option("--json");
  withoutWorkspace(demo, "the demo runs in a database of its own").action(
    async (opts: { seed: string; prospects: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const scenario = generateScenario({ accounts: 3, prospects: Number(opts.prospects) || 900, days: 28, seed: Number(opts.seed) || 1 });
      const { store, cleanup } = await openSimStore(g.db);
      try {
        const progress = g.json ? null : createProgress("simulating 28 days", 28);
        const run = await runSimulation({
          scenario,
          scenarioPath: "demo",
          store,
          onProgress: (done) => progress?.update(Math.floor(done / DAY)),
        });
        progress?.stop();
        const weeks = await weeklyTable(run.app.store, run.app.ctx.workspaceId, scenario.start);
        const accounts = await run.app.store.listAccounts(run.app.ctx.workspaceId);
        const statuses = await Promise.all(accounts.map((a) => accountStatus(run.app.store, a, run.app.now())));
        emit(g, { report: run.report, weeks, status: statuses }, (d) =>
          [
            `linkpace demo: ${scenario.accounts.length} accounts, ${scenario.prospects.length} prospects, ${scenario.days} simulated days from ${formatInstant(scenario.start)} (seed ${scenario.seed})`,
            "",
            renderReport(d.report),
            "",
            "Invitations sent (accepted) per account and week, next to the weekly limit LinkedIn hides from linkpace:",
            table(
              ["ACCOUNT", "HIDDEN LIMIT", ...d.weeks.labels],
              d.weeks.rows.map((r) => [
                r.account,
                String(scenario.accounts.find((a) => a.doc.name === r.account)?.linkedin.weeklyInviteLimit ?? "-"),
                ...r.cells,
              ]),
            ),
            "",
            `Status at ${formatInstant(run.app.now())}:`,
            ...d.status.map(renderStatus),
            "",
            "Next: run `linkpace sim SCENARIO.json --events log.jsonl` on your own scenario, or start for real: `linkpace serve` (`npm start` in a checkout) for the dashboard at http://127.0.0.1:8080, or `linkpace init` to work from the terminal.",
          ].join("\n"),
        );
      } finally {
        await cleanup();
      }
    },
  );
}

async function weeklyTable(store: Parameters<typeof readEventLog>[0], ws: number, start: number) {
  const counts = new Map<string, Array<{ sent: number; accepted: number }>>();
  const week = (at: string): number => Math.floor(((parseInstant(at) as number) - start) / (7 * DAY));
  for await (const e of readEventLog(store, ws)) tally(counts, e, week(e.at));
  const n = Math.max(1, ...[...counts.values()].map((w) => w.length));
  const labels = Array.from({ length: n }, (_, i) => `WEEK ${i + 1}`);
  const rows = [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([account, w]) => ({ account, cells: labels.map((_, i) => `${w[i]?.sent ?? 0} (${w[i]?.accepted ?? 0})`) }));
  return { labels, rows };
}

function tally(counts: Map<string, Array<{ sent: number; accepted: number }>>, e: LogEntry, week: number): void {
  const weeks = counts.get(e.account) ?? [];
  counts.set(e.account, weeks);
  while (weeks.length <= week) weeks.push({ sent: 0, accepted: 0 });
  const w = weeks[week] as { sent: number; accepted: number };
  if ("action" in e && e.action === "connect" && e.result === "ok") w.sent++;
  if ("event" in e && e.event === "accepted") w.accepted++;
}
