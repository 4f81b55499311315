import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { Command } from "commander";
import { createProgress } from "../../io/progress.js";
import { readEventLog } from "../../sim/event-log.js";
import { runSimulation } from "../../sim/run-simulation.js";
import { parseScenario, type Scenario } from "../../sim/scenario.js";
import { openSimStore } from "../../sim/sim-store.js";
import type { SimReport } from "../../sim/summary.js";
import type { Store } from "../../store/store.js";
import { readUserText } from "../read-input.js";
import { emit, table, withoutWorkspace, type GlobalOptions } from "../shell.js";

export function registerSimCommand(program: Command): void {
  const sim = program
    .command("sim <scenario>")
    .description(
      "run a scenario (a JSON file: start, days, seed, accounts with their LinkedIn truth, campaigns, prospects) against the simulated LinkedIn on a virtual clock; same scenario and seed, same event log",
    )
    .option("--events <file>", "write the event log (one JSON object per action or network event, in time order) to this file")
    .option("--json", "print the summary as JSON")
    .addHelpText(
      "after",
      "\nWithout --db the run keeps its database in memory (nothing is written to disk); with --db (a SQLite file or\na postgres:// URL) the database must be empty and keeps the run. Same scenario and seed, same event log bytes\neither way. The scenario format, the event log and its invariants: docs/event-log.md.",
    );
  withoutWorkspace(sim, "a simulation runs in a database of its own").action(
    async (file: string, opts: { events?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const scenario = parseScenario(readUserText(file), file);
      const report = await simulate({ scenario, scenarioPath: file, db: g.db, events: opts.events, quiet: g.json === true });
      const refusals = renderRefusals(report.prospects.refusals);
      if (refusals !== "") process.stderr.write(refusals);
      emit(g, report, renderReport);
    },
  );
}

export async function simulate(input: {
  scenario: Scenario;
  scenarioPath: string;
  db: string | undefined;
  events?: string | undefined;
  quiet: boolean;
}): Promise<SimReport> {
  const { store, cleanup } = await openSimStore(input.db);
  try {
    const progress = input.quiet ? null : createProgress("simulating", input.scenario.days);
    const run = await runSimulation({
      scenario: input.scenario,
      scenarioPath: input.scenarioPath,
      store,
      onProgress: (done) => progress?.update(Math.floor(done / 86_400_000)),
    });
    progress?.stop();
    if (input.events) await writeEvents(store, run.app.ctx.workspaceId, input.events);
    return run.report;
  } finally {
    await cleanup();
  }
}

async function writeEvents(store: Store, workspaceId: number, path: string): Promise<void> {
  const out = createWriteStream(path);
  for await (const entry of readEventLog(store, workspaceId)) {
    if (!out.write(`${JSON.stringify(entry)}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

/** Shown on stderr, so that a scenario's refused prospects are seen with --json too (where all of them are listed). */
const REFUSALS_SHOWN = 20;

export function renderRefusals(refusals: SimReport["prospects"]["refusals"]): string {
  const lines = refusals.slice(0, REFUSALS_SHOWN).map((r) => `linkpace: refused ${r.where}: ${r.reason}\n`);
  if (refusals.length > REFUSALS_SHOWN)
    lines.push(`linkpace: … and ${refusals.length - REFUSALS_SHOWN} more refused prospects (--json lists them all)\n`);
  return lines.join("");
}

export function renderReport(r: SimReport): string {
  const rows = r.accounts.map((a) => [
    a.name,
    String(a.invitesSent),
    String(a.accepted),
    String(a.messagesSent),
    String(a.replies),
    String(a.withdrawn),
    String(a.limitSignals),
    String(a.restrictions),
    a.paused ? "paused" : "",
  ]);
  return [
    `prospects: ${r.prospects.enrolled} enrolled, ${r.prospects.refused} refused; ${r.actions} actions`,
    table(["ACCOUNT", "INVITES", "ACCEPTED", "MESSAGES", "REPLIES", "WITHDRAWN", "LIMIT SIGNALS", "RESTRICTIONS", ""], rows),
  ].join("\n");
}
