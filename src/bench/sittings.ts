/**
 * The sittings benchmark: the policy benchmark's workspace (same seed, same prospects) played twice against the
 * simulated LinkedIn: with today's drip pacing, and with every account worked in sittings by a simulated person
 * who sits down at the times the plan suggests each morning (sim/sitting-person.ts). Counted the same way for
 * both: sittings and interruptions per account-day, invitations against each account's weekly budget,
 * acceptances, limit signals and restrictions per account-week; for the sittings run also how far each day's
 * releases were from the plan made that morning.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { loadGovernorState, warmupDay, weeklyBudget } from "../core/governor/index.js";
import { localDateKey } from "../core/schedule/index.js";
import { DAY, MINUTE, WEEK, type Instant } from "../core/time.js";
import { readEventLog } from "../sim/event-log.js";
import type { Scenario } from "../sim/scenario.js";
import { runSimulation } from "../sim/run-simulation.js";
import { SittingPerson } from "../sim/sitting-person.js";
import { openSqliteStore } from "../store/sqlite/open-sqlite.js";
import type { BenchOptions } from "./bench-options.js";
import { buildPolicyWorkspace, type PolicyWorkspaceOptions } from "./policy-workspace.js";

/** A gap longer than this between two tasks of an account interrupts the person again. */
export const INTERRUPTION_GAP = 10 * MINUTE;

export interface PacingResult {
  pacing: "drip" | "sittings";
  wallMs: number;
  /** Account-days with at least one task. */
  activeDays: number;
  /** Runs of tasks with no gap over INTERRUPTION_GAP, per active account-day: mean and most. */
  burstsPerDay: { mean: number; max: number };
  /** Sittings kept (with at least one task) per active account-day (sittings run only). */
  sittingsPerDay: { mean: number; max: number } | null;
  tasks: number;
  invites: number;
  /** Invitations sent after the first week / what the accounts' weekly budgets allowed then (learnt budgets included). */
  budgetShare: number;
  /** The same, over the accounts not warming up that had prospects left to invite at the end (where prospects allow). */
  budgetShareWithProspects: number;
  accepted: number;
  limitSignals: number;
  restrictions: number;
  accountWeeks: number;
  /** Sittings run: |released − planned| / planned over account-days, mean and most; days planned with nothing are left out. */
  planError: { mean: number; max: number; days: number } | null;
}

export interface SittingsRun {
  workspace: PolicyWorkspaceOptions;
  results: PacingResult[];
}

export async function runSittings(opts: BenchOptions): Promise<SittingsRun> {
  const options: PolicyWorkspaceOptions = opts.quick
    ? { accounts: 6, prospects: 1500, days: 14, seed: 7 }
    : { accounts: 20, prospects: 12_000, days: 28, seed: 7 };
  process.stderr.write(
    `\n[sittings] ${options.accounts} accounts, ${options.prospects} prospects, ${options.days} days, seed ${options.seed}\n`,
  );
  const results: PacingResult[] = [];
  for (const pacing of ["drip", "sittings"] as const) {
    const ws = buildPolicyWorkspace(options);
    for (const a of ws.scenario.accounts) a.doc = { ...a.doc, pacing };
    process.stderr.write(`[sittings] ${pacing}\n`);
    results.push(await runOne(ws.scenario, pacing));
  }
  return { workspace: options, results };
}

async function runOne(scenario: Scenario, pacing: "drip" | "sittings"): Promise<PacingResult> {
  const dir = mkdtempSync(join(tmpdir(), "linkpace-bench-sittings-"));
  const store = await openSqliteStore(join(dir, "sittings.db"), { scratch: true });
  const person = pacing === "sittings" ? new SittingPerson() : undefined;
  const started = performance.now();
  try {
    const run = await runSimulation({ scenario, scenarioPath: "bench", store, ...(person ? { person } : {}) });
    const wallMs = performance.now() - started;
    const end = scenario.start + scenario.days * DAY;
    const bursts: number[] = [];
    const sittingsPerDay: number[] = [];
    const planErrors: number[] = [];
    let tasks = 0;
    let invites = 0;
    let counted = 0;
    let allowed = 0;
    let countedWithProspects = 0;
    let allowedWithProspects = 0;
    let accepted = 0;
    let limitSignals = 0;
    let restrictions = 0;
    for (const a of scenario.accounts) {
      const account = await run.app.account(a.doc.name);
      const zone = a.doc.timezone;
      const actions = await store.accountActions(account.id, scenario.start, end);
      tasks += actions.length;
      const byDay = new Map<string, Instant[]>();
      for (const x of actions) {
        const key = localDateKey(zone, x.at);
        byDay.set(key, [...(byDay.get(key) ?? []), x.at]);
        if (x.kind === "connect" && x.result === "ok") invites++;
        if (x.kind === "connect" && x.result === "weekly_limit_reached") limitSignals++;
      }
      for (const times of byDay.values())
        bursts.push(1 + times.slice(1).filter((t, i) => t - (times[i] as number) > INTERRUPTION_GAP).length);
      if (person) {
        const kept = person.sittings.filter((s) => s.account === a.doc.name);
        const perDay = new Map<string, number>();
        for (const s of kept) {
          if (!actions.some((x) => x.at >= s.from && x.at < s.until)) continue;
          const key = localDateKey(zone, s.from);
          perDay.set(key, (perDay.get(key) ?? 0) + 1);
        }
        sittingsPerDay.push(...perDay.values());
        for (const made of person.plans.filter((p) => p.account === a.doc.name && p.madeAt + DAY <= end && p.day.total > 0)) {
          const released = byDay.get(made.day.date)?.length ?? 0;
          planErrors.push(Math.abs(released - made.day.total) / made.day.total);
        }
      }
      // The first week visits before it invites (and young accounts warm up): the budget is judged after it.
      const state = loadGovernorState(account.state);
      const budget = weeklyBudget(a.doc, state);
      const afterFirstWeek = actions.filter((x) => x.kind === "connect" && x.result === "ok" && x.at >= scenario.start + WEEK).length;
      const weeks = (end - scenario.start - WEEK) / WEEK;
      counted += afterFirstWeek;
      allowed += budget * weeks;
      // Where prospects allow: the account still had someone to invite at the end, and it was not warming up.
      const left = (await store.nextReadyByKind(account.id)).connect !== undefined;
      const warming = warmupDay(a.doc, state, localDateKey(zone, end - DAY)) !== null;
      if (left && !warming) {
        countedWithProspects += afterFirstWeek;
        allowedWithProspects += budget * weeks;
      }
    }
    for await (const line of readEventLog(store, run.app.ctx.workspaceId)) {
      if (!("event" in line)) continue;
      if (line.event === "accepted") accepted++;
      else if (line.event === "restricted") restrictions++;
    }
    return {
      pacing,
      wallMs,
      activeDays: bursts.length,
      burstsPerDay: meanMax(bursts),
      sittingsPerDay: person ? meanMax(sittingsPerDay) : null,
      tasks,
      invites,
      budgetShare: allowed === 0 ? 0 : counted / allowed,
      budgetShareWithProspects: allowedWithProspects === 0 ? 0 : countedWithProspects / allowedWithProspects,
      accepted,
      limitSignals,
      restrictions,
      accountWeeks: (scenario.accounts.length * scenario.days) / 7,
      planError: person ? { ...meanMax(planErrors), days: planErrors.length } : null,
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function meanMax(xs: number[]): { mean: number; max: number } {
  return xs.length === 0 ? { mean: 0, max: 0 } : { mean: xs.reduce((s, x) => s + x, 0) / xs.length, max: Math.max(...xs) };
}
