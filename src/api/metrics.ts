/**
 * Prometheus text exposition (format 0.0.4), written by prom-client:
 * - the credential's workspace: actions by kind and result, the queue of due work, the engine's lag, and each
 *   account's budget usage. These are read from the store at scrape time (into a registry of their own), so
 *   several server processes on one database report the same figures;
 * - the server's process (CPU, memory, event loop lag, GC: prom-client's default metrics) and its HTTP requests
 *   (`http_requests_total`, `http_request_duration_seconds` by method, route pattern and status: @hono/prometheus).
 *   Those describe the whole server, not one workspace; route patterns name no account or campaign.
 */
import { prometheus } from "@hono/prometheus";
import type { MiddlewareHandler } from "hono";
import { collectDefaultMetrics, Counter, Gauge, Registry } from "prom-client";
import type { App } from "../app.js";
import { accountStatuses } from "../engine/account-status.js";

type Labels = Record<string, string>;

/** Process metrics are the same for every server of the process: one registry (not prom-client's global one). */
let processRegistry: Registry | null = null;

/** One server's metrics: its own registry, so that several servers in one process do not mix their counts. */
export class ServerMetrics {
  readonly #http = new Registry();
  /** Counts and times every request; goes before every other middleware. */
  readonly middleware: MiddlewareHandler = prometheus({ registry: this.#http }).registerMetrics;

  /** The exposition for `app`'s workspace: its figures, then the process's and this server's HTTP metrics. */
  async render(app: App): Promise<string> {
    if (processRegistry === null) {
      processRegistry = new Registry();
      collectDefaultMetrics({ register: processRegistry });
    }
    const texts = await Promise.all([workspaceMetrics(app).then((r) => r.metrics()), processRegistry.metrics(), this.#http.metrics()]);
    return texts.join("\n");
  }
}

export const METRICS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;

function family(
  registry: Registry,
  name: string,
  type: "counter" | "gauge",
  help: string,
  labelNames: string[],
  samples: Array<[Labels, number]>,
): void {
  if (type === "counter") {
    const counter = new Counter({ name, help, labelNames, registers: [registry] });
    for (const [labels, value] of samples) counter.inc(labels, value);
  } else {
    const gauge = new Gauge({ name, help, labelNames, registers: [registry] });
    for (const [labels, value] of samples) gauge.set(labels, value);
  }
}

async function workspaceMetrics(app: App): Promise<Registry> {
  const { store } = app;
  const workspaceId = app.ctx.workspaceId;
  const now = app.now();
  const out = new Registry();
  const actions = await store.actionCounts(workspaceId);
  family(
    out,
    "linkpace_actions_total",
    "counter",
    "Actions handed out, by kind and result (in_flight: result not known yet).",
    ["kind", "result"],
    actions.map((a) => [{ kind: a.kind, result: a.result ?? "in_flight" }, a.count]),
  );
  const queue = await store.queueDepth(workspaceId, now);
  family(
    out,
    "linkpace_queue_depth",
    "gauge",
    "Enrollments whose next action is due now (due) or being performed (in_flight).",
    ["state"],
    [
      [{ state: "due" }, queue.due],
      [{ state: "in_flight" }, queue.inFlight],
    ],
  );
  const wake = await store.nextWakeAt();
  family(
    out,
    "linkpace_engine_lag_seconds",
    "gauge",
    "How far behind its earliest due account the engine is (0 when it is on time).",
    [],
    [[{}, wake === null ? 0 : Math.max(0, (now - wake) / 1000)]],
  );
  const used: Array<[Labels, number]> = [];
  const limit: Array<[Labels, number]> = [];
  const rows = await store.listAccounts(workspaceId);
  const statuses = await accountStatuses(store, rows, now);
  for (const [i, row] of rows.entries()) {
    const s = statuses[i]!;
    const budgets: Array<[string, { used: number; budget: number }]> = [
      ["invites_today", s.today.invites],
      ["invites_week", s.week.invites],
      ["messages_today", s.today.messages],
      ["visits_today", s.today.visits],
      ["pending", { used: s.pending.count, budget: s.pending.max }],
      ["notes_month", { used: s.notes.used, budget: s.notes.perMonth ?? Infinity }],
    ];
    for (const [budget, u] of budgets) {
      used.push([{ account: row.name, budget }, u.used]);
      limit.push([{ account: row.name, budget }, u.budget]);
    }
  }
  family(out, "linkpace_budget_used", "gauge", "Per account and budget: what is used in the budget's window.", ["account", "budget"], used);
  family(
    out,
    "linkpace_budget_limit",
    "gauge",
    "Per account and budget: the current limit (+Inf: unlimited).",
    ["account", "budget"],
    limit,
  );
  return out;
}
