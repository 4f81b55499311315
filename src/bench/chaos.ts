/**
 * The chaos run (issue 13, item 2): 3 `linkpace worker`s and 2 `linkpace serve --no-engine`s on one fresh
 * PostgreSQL schema, an executor fleet that plays LinkedIn behind the agent protocol (chaos-fleet.ts), and a
 * kill -9 of a random one of the 5 every few seconds, restarted at once. Then everything stops cleanly, the
 * fleet recovers what it still holds, and the checks run on the database:
 * - no step of an enrollment (enrollment, action kind: the campaign's steps have distinct kinds) with two `ok`;
 * - every report a server acknowledged is in the event log with its result (none lost);
 * - checkInvariants (sim/invariants.ts) finds no violation in the event log;
 * - no task is still held by anyone (every lease recovered), every action performed was acknowledged.
 * Executors crash too (5% of claims): one claims again as it restarts and must be given the action it held, to
 * reconcile, so leases are recovered in every run, not only when a killed server lost a claim's answer.
 *
 * The processes use the system clock, so the scenario makes plenty of actions due at once: every account works
 * round the clock with warm-up off, high budgets and a least gap of 1 s; campaigns visit then invite at once,
 * every day and hour. `test/chaos/chaos.test.ts` runs 20 s of it; `npm run bench -- --only chaos` 2 minutes.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createToken } from "../api/auth.js";
import { createRng } from "../core/random.js";
import type { AccountDoc, CampaignDoc, WeeklyHours } from "../core/model.js";
import { SECOND } from "../core/time.js";
import { toLogEntry, type LogEntry } from "../sim/event-log.js";
import { generateScenario } from "../sim/generate.js";
import { checkInvariants } from "../sim/invariants.js";
import { runSimulation } from "../sim/run-simulation.js";
import type { Scenario } from "../sim/scenario.js";
import { openPostgresStore } from "../store/postgres/open-postgres.js";
import { DEFAULT_WORKSPACE, type LogLine, type Store } from "../store/store.js";
import { ExecutorFleet, type FleetCounts } from "./chaos-fleet.js";
import { ChaosCluster } from "./chaos-processes.js";

export interface ChaosOptions {
  /** A PostgreSQL server URL; the run creates its own schema there and drops it when the checks pass. */
  pg: string;
  /** The built CLI, dist/cli/main.js. */
  cli: string;
  /** How long processes are killed, ms. */
  chaosMs: number;
  /** Mean time between two kills, ms (each wait is uniform in ±50% of it). */
  killEveryMs: number;
  workers?: number;
  servers?: number;
  accounts?: number;
  prospects?: number;
  seed?: number;
  /** How often an executor crashes holding an action (ExecutorFleet's crashRate); default 0.05. */
  executorCrashRate?: number;
  /** Progress lines (stderr in the script). */
  log?: (line: string) => void;
  /** Called with the cluster as soon as it exists, so a test can kill its children whatever happens. */
  onCluster?: (cluster: ChaosCluster) => void;
}

export interface ChaosKill {
  /** ms since the chaos began. */
  at: number;
  kind: "worker" | "server";
  index: number;
  pid: number;
}

export interface ChaosResult {
  schema: string;
  workers: number;
  servers: number;
  accounts: number;
  prospects: number;
  chaosMs: number;
  /** Wall time from the first process started to the checks, ms. */
  wallMs: number;
  kills: ChaosKill[];
  restarts: number;
  fleet: FleetCounts;
  /** Action rows in the event log, by result ("pending": handed out by a worker, never claimed). */
  logActions: Record<string, number>;
  okActions: number;
  /** (enrollment, step) with more than one ok action. */
  duplicates: string[];
  /** Acknowledged reports missing from the log or logged with another result. */
  lost: string[];
  /** Actions performed by the fleet that no server acknowledged. */
  unacknowledged: number[];
  violations: string[];
  /** Tasks still held by a runner or agent after the drain. */
  heldTasks: string[];
  crashes: string[];
  fleetFailures: string[];
  passed: boolean;
}

const EVERY_DAY: WeeklyHours = {
  days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
  windows: [{ startMinute: 0, endMinute: 24 * 60 }],
};

/** A generated workspace (accounts, prospects, hidden truth) whose actions are all due now and come 1-1.5 s apart. */
export function chaosScenario(opts: { accounts: number; prospects: number; seed: number; start: number }): Scenario {
  const base = generateScenario({ accounts: opts.accounts, prospects: opts.prospects, days: 0, seed: opts.seed });
  const accounts = base.accounts.map((a) => ({
    ...a,
    doc: {
      ...a.doc,
      created: null,
      workingHours: EVERY_DAY,
      warmup: "off",
      pacing: "drip",
      limits: {
        ...a.doc.limits,
        invitesPerWeek: 1000,
        invitesPerDay: 1000,
        messagesPerDay: 1000,
        visitsPerDay: 100_000,
        pendingMax: 100_000,
        minGap: SECOND,
        sittingGap: SECOND,
      },
    } satisfies AccountDoc,
  }));
  const campaigns = base.campaigns.map((c): CampaignDoc => ({
    ...c,
    schedule: { timezone: "recipient", hours: EVERY_DAY },
    steps: [
      { kind: "visit", after: 0 },
      {
        kind: "connect",
        after: 0,
        note: "Hi {{ firstName }}, I work with teams like {{ company | default: 'yours' }} on outreach. Happy to connect!",
        noteFallback: "blank",
        withdrawAfter: null,
      },
    ],
  }));
  return { ...base, start: opts.start, accounts, campaigns };
}

export async function runChaos(opts: ChaosOptions): Promise<ChaosResult> {
  const log = opts.log ?? (() => {});
  const workers = opts.workers ?? 3;
  const servers = opts.servers ?? 2;
  const seed = opts.seed ?? 13;
  const rng = createRng("chaos", seed);
  const schema = `chaos_${randomBytes(5).toString("hex")}`;
  const db = `${opts.pg}${opts.pg.includes("?") ? "&" : "?"}schema=${schema}`;
  const started = Date.now();
  const scenario = chaosScenario({ accounts: opts.accounts ?? 8, prospects: opts.prospects ?? 800, seed, start: started });
  const store = await openPostgresStore(opts.pg, { schema });
  let cluster: ChaosCluster | null = null;
  let passed = false;
  try {
    // Accounts, campaigns and enrollments through the App, as of now; the simulator learns the prospects.
    const setup = await runSimulation({ scenario, scenarioPath: "chaos", store });
    const simulator = setup.simulator;
    const fleetAccounts = [];
    for (const a of scenario.accounts) {
      const { token } = await createToken(store, { workspaceId: DEFAULT_WORKSPACE, name: `chaos-${a.doc.name}`, now: Date.now() });
      fleetAccounts.push({ name: a.doc.name, type: a.doc.type, token });
    }
    log(`chaos: schema ${schema}, ${scenario.accounts.length} accounts, ${scenario.prospects.length} prospects`);

    cluster = new ChaosCluster(opts.cli, db);
    opts.onCluster?.(cluster);
    await cluster.start(workers, servers);
    const c = cluster;
    log(`chaos: ${workers} workers and ${servers} API servers up (${c.serverUrls().join(", ")})`);
    const fleet = new ExecutorFleet(
      simulator,
      fleetAccounts,
      () => c.serverUrls(),
      () => rng.next(),
      opts.executorCrashRate ?? 0.05,
    );
    fleet.start();

    const kills: ChaosKill[] = [];
    const chaosStart = Date.now();
    // Kills at fixed instants of the chaos (restarts do not delay the next one).
    let nextKill = opts.killEveryMs * (0.5 + rng.next());
    while (nextKill < opts.chaosMs) {
      await sleep(nextKill - (Date.now() - chaosStart));
      nextKill += opts.killEveryMs * (0.5 + rng.next());
      // From half-time on, a kind not killed yet (if any) is chosen: every run kills workers and servers both.
      const late = Date.now() - chaosStart >= opts.chaosMs / 2;
      const spared = (["worker", "server"] as const).find((k) => !kills.some((x) => x.kind === k));
      const killed = await c.killAndRestart(rng.next(), late ? spared : undefined);
      if (killed === null) continue;
      kills.push({ at: Date.now() - chaosStart, ...killed });
      log(
        `chaos: ${((Date.now() - chaosStart) / 1000).toFixed(1)} s: kill -9 ${killed.kind} ${killed.index} (pid ${killed.pid}), restarted; ${fleet.counts.acknowledged} acknowledged so far`,
      );
    }
    await sleep(Math.max(0, opts.chaosMs - (Date.now() - chaosStart)));
    const chaosMs = Date.now() - chaosStart;

    await c.restarted();
    // A clean stop: workers first (no new tasks), then the fleet finishes and recovers what it holds, then the servers.
    await c.stop("worker");
    await fleet.stop();
    await c.stop("server");
    log(`chaos: stopped after ${(chaosMs / 1000).toFixed(1)} s; checking`);

    const result = await check(store, scenario, fleet, {
      schema,
      workers,
      servers,
      chaosMs,
      wallMs: 0,
      kills,
      restarts: c.restarts,
      crashes: [...c.crashes],
    });
    result.wallMs = Date.now() - started;
    passed = result.passed;
    return result;
  } finally {
    cluster?.killAll();
    await store.close();
    if (passed) await dropSchema(opts.pg, schema);
    else log(`chaos: kept schema ${schema} for inspection`);
  }
}

type Known = Pick<ChaosResult, "schema" | "workers" | "servers" | "chaosMs" | "wallMs" | "kills" | "restarts" | "crashes">;

async function check(store: Store, scenario: Scenario, fleet: ExecutorFleet, known: Known): Promise<ChaosResult> {
  const rows: LogLine[] = [];
  let after: { at: number; id: number } | null = null;
  for (;;) {
    const page = await store.readLog(DEFAULT_WORKSPACE, after, 5000);
    rows.push(...page);
    const last = page[page.length - 1];
    if (!last || page.length < 5000) break;
    after = { at: last.at, id: last.id };
  }
  const actions = rows.filter((r) => r.type === "action");
  const logActions: Record<string, number> = {};
  for (const r of actions) logActions[r.result ?? "pending"] = (logActions[r.result ?? "pending"] ?? 0) + 1;

  const okBySteps = new Map<string, number>();
  for (const r of actions)
    if (r.result === "ok") {
      const key = `enrollment ${r.enrollmentId} ${r.kind}`;
      okBySteps.set(key, (okBySteps.get(key) ?? 0) + 1);
    }
  const duplicates = [...okBySteps].filter(([, n]) => n > 1).map(([k, n]) => `${k}: ${n} ok actions`);

  const byId = new Map(actions.map((r) => [r.id, r]));
  const lost: string[] = [];
  for (const [id, result] of fleet.acknowledged) {
    const row = byId.get(id);
    if (!row) lost.push(`action ${id} (${result}): not in the log`);
    else if (row.result !== result) lost.push(`action ${id}: acknowledged ${result}, logged ${row.result ?? "pending"}`);
  }
  const unacknowledged = [...fleet.performed.keys()].filter((id) => !fleet.acknowledged.has(id));

  const entries: LogEntry[] = rows.map(toLogEntry);
  const violations = checkInvariants({
    entries,
    accounts: scenario.accounts.map((a) => a.doc),
    campaigns: scenario.campaigns,
    connected: new Set(scenario.prospects.filter((p) => p.connected).map((p) => p.profileUrl)),
    end: Date.now(),
  });

  const heldTasks: string[] = [];
  for (const a of scenario.accounts) {
    const account = await store.getAccount(DEFAULT_WORKSPACE, a.doc.name);
    if (!account) continue;
    for (const t of await store.openTasks(account.id))
      if (t.claimedBy !== null) heldTasks.push(`${a.doc.name}: action ${t.id} (${t.kind}) held by ${t.claimedBy}`);
  }

  const result: ChaosResult = {
    ...known,
    accounts: scenario.accounts.length,
    prospects: scenario.prospects.length,
    fleet: fleet.counts,
    logActions,
    okActions: logActions.ok ?? 0,
    duplicates,
    lost,
    unacknowledged,
    violations,
    heldTasks,
    fleetFailures: [...fleet.failures],
    passed: false,
  };
  result.passed =
    duplicates.length === 0 &&
    lost.length === 0 &&
    unacknowledged.length === 0 &&
    violations.length === 0 &&
    heldTasks.length === 0 &&
    known.crashes.length === 0 &&
    result.fleetFailures.length === 0 &&
    fleet.counts.notReconciled.length === 0 &&
    fleet.counts.refusedReports.length === 0;
  return result;
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
