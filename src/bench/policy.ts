/**
 * The policy benchmark: one generated workspace, the same seed and prospects, played three times against the
 * simulated LinkedIn: by linkpace (a normal runSimulation, its governor deciding) and by two static policies
 * (static-policies.ts) driven without linkpace. Every run is tallied the same way (policy-tally.ts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { DAY, parseInstant } from "../core/time.js";
import type { VariantPolicy } from "../engine/variants.js";
import { readEventLog } from "../sim/event-log.js";
import { runSimulation } from "../sim/run-simulation.js";
import { openSqliteStore } from "../store/sqlite/open-sqlite.js";
import type { BenchOptions } from "./bench-options.js";
import { PolicyTally, type PolicyResult } from "./policy-tally.js";
import { buildPolicyWorkspace, type PolicyWorkspace, type PolicyWorkspaceOptions } from "./policy-workspace.js";
import { StaticDriver } from "./static-driver.js";
import { twelveADayPolicy, twentyFromUtcMidnightPolicy } from "./static-policies.js";

export interface PolicyRun {
  workspace: PolicyWorkspaceOptions & { hiddenLimits: Record<string, number>; enrolled: number };
  results: PolicyResult[];
  /** Things a reader should know, found while running (e.g. a linkpace account restricted). */
  remarks: string[];
}

/** How linkpace runs in one play: its result's id and label, and runSimulation's learning switches. */
export interface LinkpaceSetup {
  id: string;
  label: string;
  rules: string;
  /** Prefix of its remarks and progress lines. */
  name: string;
  variantPolicy?: VariantPolicy;
  hourLearning?: boolean;
  /** Count each account's invitations in the run's last week too (PolicyResult.sentInLastWeek). */
  trackLastWeek?: boolean;
}

const GOVERNOR: LinkpaceSetup = {
  id: "linkpace",
  label: "linkpace's governor",
  rules:
    "the generated campaigns as they are: recipient's zone 09:00-17:00 on weekdays, sender's working hours, rolling weekly budget learnt from LinkedIn's signals, warm-up, withdraw after 21 days",
  name: "linkpace",
};

export async function runLinkpace(
  ws: PolicyWorkspace,
  setup: LinkpaceSetup = GOVERNOR,
): Promise<{ result: PolicyResult; enrolled: number; remarks: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), "linkpace-bench-policy-"));
  const store = await openSqliteStore(join(dir, "policy.db"), { scratch: true });
  const started = performance.now();
  let lastDay = -1;
  try {
    const run = await runSimulation({
      scenario: ws.scenario,
      scenarioPath: "bench",
      store,
      ...(setup.variantPolicy !== undefined ? { variantPolicy: setup.variantPolicy } : {}),
      ...(setup.hourLearning !== undefined ? { hourLearning: setup.hourLearning } : {}),
      onProgress: (done) => {
        const day = Math.floor(done / DAY);
        if (day !== lastDay && day % 7 === 0)
          process.stderr.write(
            `[policy ${setup.name}] simulated day ${day}/${ws.scenario.days}, ${((performance.now() - started) / 1000).toFixed(0)}s elapsed\n`,
          );
        lastDay = day;
      },
    });
    const wallMs = performance.now() - started;
    const end = ws.scenario.start + ws.scenario.days * DAY;
    const tally = new PolicyTally(ws.accounts, ws.zoneOf, setup.trackLastWeek === true ? end : undefined);
    for await (const line of readEventLog(store, run.app.ctx.workspaceId)) {
      const at = parseInstant(line.at) as number;
      if ("event" in line) tally.event({ account: line.account, kind: line.event });
      else
        tally.action({
          account: line.account,
          kind: line.action,
          prospect: line.prospect,
          at,
          result: line.result,
          note: line.note,
          variant: line.variant,
        });
    }
    const paused = run.report.accounts.filter((a) => a.paused);
    const result = tally.result({
      id: setup.id,
      label: setup.label,
      rules: setup.rules,
      days: ws.scenario.days,
      pausedAtEnd: paused.length,
      wallMs,
    });
    const remarks: string[] = [];
    for (const a of result.accounts) {
      if (a.restrictions > 0)
        remarks.push(
          `${setup.name}: account ${a.account} (hidden weekly limit ${a.hiddenWeeklyLimit}) was restricted ${a.restrictions} time(s)`,
        );
      if (a.limitSignals > 2)
        remarks.push(
          `${setup.name}: account ${a.account} got ${a.limitSignals} weekly-limit signals in ${ws.scenario.days} days (at most 2 are allowed)`,
        );
    }
    return { result, enrolled: run.report.prospects.enrolled, remarks };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runPolicy(opts: BenchOptions): Promise<PolicyRun> {
  const options: PolicyWorkspaceOptions = opts.quick
    ? { accounts: 8, prospects: 2000, days: 14, seed: 7 }
    : { accounts: 20, prospects: 12_000, days: 28, seed: 7 };
  const ws = buildPolicyWorkspace(options);
  process.stderr.write(
    `\n[policy] ${options.accounts} accounts, ${options.prospects} prospects, ${options.days} days, seed ${options.seed}\n`,
  );
  const linkpace = await runLinkpace(ws);
  const remarks = [...linkpace.remarks];
  if (linkpace.enrolled !== options.prospects)
    remarks.push(`linkpace enrolled ${linkpace.enrolled} of ${options.prospects} prospects; the static policies saw all of them`);
  const results = [linkpace.result];
  for (const policy of [twelveADayPolicy(options.seed), twentyFromUtcMidnightPolicy(options.seed)]) {
    process.stderr.write(`[policy] ${policy.label}\n`);
    results.push(new StaticDriver(ws, policy).run());
  }
  return {
    workspace: {
      ...options,
      hiddenLimits: Object.fromEntries(ws.accounts.map((a) => [a.name, a.hiddenWeeklyLimit])),
      enrolled: linkpace.enrolled,
    },
    results,
    remarks,
  };
}
