/**
 * The chaos run's executor fleet: LinkedIn behind the agent protocol. For every account an executor claims the
 * next action over HTTP (`POST /v1/agent/claim`) from a random API server, performs it against the simulator's
 * hidden truth (LinkedInSimulator.performSync: the same decisions as the simulated channel), and reports the
 * result (`POST /v1/agent/report`). It talks HTTP only, so a server killed under it is a connection error: the
 * executor asks another one again, the same question (a report of the same result is idempotent).
 *
 * What it keeps is what a careful executor knows: every action it performed on "LinkedIn" and its result (so a
 * claim answered with `reconcile: true` is answered from that record, as an agent that looked on LinkedIn
 * would), and every report a server acknowledged (2xx), which the chaos checks then find in the event log.
 */
import type { AccountType, ActionKind, ActionResult } from "../core/model.js";
import type { LinkedInSimulator } from "../channels/simulator/index.js";

export interface FleetAccount {
  name: string;
  type: AccountType;
  /** This account's API token: each account's executor is its own client (its own rate limit). */
  token: string;
}

export interface FleetCounts {
  /** Actions performed against the simulator (each at most once). */
  performed: number;
  /** Reports a server acknowledged with 2xx (the first acknowledgement of each action). */
  acknowledged: number;
  /** Acknowledgements that said `duplicate: true` (a retry after a lost answer). */
  duplicateAcks: number;
  /** Executors that "crashed" on purpose holding an action (half before performing it, half before reporting it). */
  executorCrashes: number;
  /** Crashes after which the executor's next claim did not answer the action it held with `reconcile: true` (none expected). */
  notReconciled: string[];
  /** Claims answered with `reconcile: true`: a lease the fleet lost track of, taken back. */
  reconciled: number;
  /** Of those, actions the fleet had not performed yet (a claim's answer lost, or a crash before performing). */
  reconciledUnperformed: number;
  /** Requests that failed to reach a server or got no answer (a killed or restarting process). */
  connectionErrors: number;
  /** Answers 5xx or 429. */
  retriedAnswers: number;
  /** Reports refused (409/404/422): none expected. */
  refusedReports: Array<{ actionId: number; status: number; body: string }>;
}

interface ClaimedAction {
  actionId: number;
  kind: ActionKind;
  account: string | null;
  since: string;
  prospect: { url: string | null; firstName: string; lastName: string; timezone: string | null };
  note: string | null;
  text: string | null;
  reconcile: boolean;
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

const REQUEST_TIMEOUT_MS = 5000;
const RETRY_MS = 50;
const MAX_IDLE_WAIT_MS = 500;

export class ExecutorFleet {
  /** actionId -> the result LinkedIn (the simulator) gave when the fleet performed it. */
  readonly performed = new Map<number, ActionResult>();
  /** actionId -> the result a server acknowledged. */
  readonly acknowledged = new Map<number, ActionResult>();
  readonly counts: FleetCounts = {
    performed: 0,
    acknowledged: 0,
    duplicateAcks: 0,
    executorCrashes: 0,
    notReconciled: [],
    reconciled: 0,
    reconciledUnperformed: 0,
    connectionErrors: 0,
    retriedAnswers: 0,
    refusedReports: [],
  };
  /** Executors that stopped on an answer they could not take (none expected). */
  readonly failures: string[] = [];
  private stopping = false;
  private loops: Array<Promise<void>> = [];

  constructor(
    private readonly simulator: LinkedInSimulator,
    private readonly accounts: FleetAccount[],
    /** The API servers' base URLs now (the orchestrator changes them as it restarts servers). */
    private readonly servers: () => string[],
    private readonly rng: () => number = Math.random,
    /**
     * How often an executor crashes with an action in hand (0 ≤ rate < 1): it forgets the claim's answer, either
     * before performing the action or after performing it but before reporting; started again, it claims again
     * and must be answered the same action with `reconcile: true`.
     */
    private readonly crashRate = 0,
  ) {}

  start(): void {
    this.loops = this.accounts.map((a) =>
      this.work(a).catch((e: unknown) => {
        this.failures.push(`${a.name}: ${e instanceof Error ? e.message : String(e)}`);
      }),
    );
  }

  /**
   * Stops claiming new work; each executor finishes the action in hand (performed and acknowledged), then
   * drains: claims until it is answered 204 or a fresh action (performed and reported), so that any lease taken
   * for it by a claim whose answer was lost is recovered (`reconcile: true`) and nothing stays held.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.loops);
  }

  private async work(account: FleetAccount): Promise<void> {
    // The action this executor crashed holding: its next claim must answer it, with reconcile: true.
    let crashedHolding: number | null = null;
    const afterCrash = (claimed: { type: "action"; action: ClaimedAction } | { type: "wait"; ms: number }): void => {
      if (crashedHolding === null) return;
      const got = claimed.type === "action" ? claimed.action : null;
      if (got?.actionId !== crashedHolding || !got.reconcile)
        this.counts.notReconciled.push(
          `${account.name}: crashed holding action ${crashedHolding}, then claimed ${got ? `action ${got.actionId} (reconcile: ${got.reconcile})` : "nothing (204)"}`,
        );
      crashedHolding = null;
    };
    while (!this.stopping) {
      const claimed = await this.claim(account);
      afterCrash(claimed);
      if (claimed.type === "wait") await sleep(claimed.ms);
      else if (this.rng() < this.crashRate) {
        this.counts.executorCrashes++;
        crashedHolding = claimed.action.actionId;
        // Half of the crashes come after the action was performed (unless it was already, before an earlier crash).
        if (this.rng() < 0.5 && !this.performed.has(claimed.action.actionId)) this.perform(account, claimed.action);
      } else await this.handle(account, claimed.action);
    }
    // Draining: recover whatever is held for this executor.
    for (let i = 0; i < 20; i++) {
      const claimed = await this.claim(account);
      afterCrash(claimed);
      if (claimed.type === "wait") return;
      await this.handle(account, claimed.action);
      if (!claimed.action.reconcile) return;
    }
  }

  private async handle(account: FleetAccount, action: ClaimedAction): Promise<void> {
    const known = this.performed.get(action.actionId);
    // Reconciling: what LinkedIn shows is what the fleet did, if it did.
    await this.report(account, action.actionId, known ?? this.perform(account, action));
  }

  /** Performs the action on the simulated LinkedIn (once: it must not have been performed before). */
  private perform(account: FleetAccount, action: ClaimedAction): ActionResult {
    if (this.performed.has(action.actionId)) throw new Error(`chaos fleet: action ${action.actionId} performed twice`);
    const result = this.simulator.performSync({
      actionId: action.actionId,
      at: Date.now(),
      account: { name: account.name, type: account.type },
      kind: action.kind,
      prospect: {
        url: action.prospect.url ?? "",
        identifiers: action.prospect.url ? [action.prospect.url] : [],
        firstName: action.prospect.firstName,
        lastName: action.prospect.lastName,
        timezone: action.prospect.timezone ?? "UTC",
      },
      ...(action.note !== null ? { note: action.note } : {}),
      ...(action.text !== null ? { text: action.text } : {}),
    });
    this.performed.set(action.actionId, result);
    this.counts.performed++;
    return result;
  }

  private async claim(account: FleetAccount): Promise<{ type: "action"; action: ClaimedAction } | { type: "wait"; ms: number }> {
    for (;;) {
      const res = await this.post(account, "/v1/agent/claim", { account: account.name, agent: "fleet" });
      if (res === null) continue;
      if (res.status === 200) {
        const action = JSON.parse(res.text) as ClaimedAction;
        if (action.reconcile) {
          this.counts.reconciled++;
          if (!this.performed.has(action.actionId)) this.counts.reconciledUnperformed++;
        }
        return { type: "action", action };
      }
      if (res.status === 204) {
        const next = Date.parse(res.headers.get("X-Linkpace-Next-At") ?? "");
        const ms = Number.isFinite(next) ? next - Date.now() : MAX_IDLE_WAIT_MS;
        return { type: "wait", ms: Math.min(MAX_IDLE_WAIT_MS, Math.max(RETRY_MS, ms)) };
      }
      await this.answerNotTaken(res, `claim for ${account.name}`);
    }
  }

  private async report(account: FleetAccount, actionId: number, result: ActionResult): Promise<void> {
    for (;;) {
      const res = await this.post(account, "/v1/agent/report", { actionId, result });
      if (res === null) continue;
      if (res.status === 200) {
        const body = JSON.parse(res.text) as { duplicate: boolean };
        if (!this.acknowledged.has(actionId)) this.counts.acknowledged++;
        if (body.duplicate) this.counts.duplicateAcks++;
        this.acknowledged.set(actionId, result);
        return;
      }
      if (res.status === 409 || res.status === 404 || res.status === 422) {
        this.counts.refusedReports.push({ actionId, status: res.status, body: res.text });
        return;
      }
      await this.answerNotTaken(res, `report of action ${actionId}`);
    }
  }

  /** A 5xx or 429 is asked again after a pause; anything else is a bug in the fleet or the server. */
  private async answerNotTaken(res: Answer, what: string): Promise<void> {
    if (res.status >= 500 || res.status === 429) {
      this.counts.retriedAnswers++;
      const after = Number(res.headers.get("Retry-After"));
      await sleep(res.status === 429 && after > 0 ? after * 1000 : RETRY_MS);
      return;
    }
    throw new Error(`chaos fleet: ${what}: unexpected ${res.status}: ${res.text}`);
  }

  /** POSTs to a random live server and reads the whole answer; null (after a short pause) when none answered. */
  private async post(account: FleetAccount, path: string, body: unknown): Promise<Answer | null> {
    const servers = this.servers();
    if (servers.length === 0) {
      await sleep(RETRY_MS);
      return null;
    }
    const base = servers[Math.floor(this.rng() * servers.length)] as string;
    try {
      const res = await fetch(base + path, {
        method: "POST",
        headers: { authorization: `Bearer ${account.token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      return { status: res.status, headers: res.headers, text: await res.text() };
    } catch {
      this.counts.connectionErrors++;
      await sleep(RETRY_MS);
      return null;
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
