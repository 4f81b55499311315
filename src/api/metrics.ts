/**
 * Prometheus text exposition (format 0.0.4) of one workspace: actions by kind and result, the queue of due
 * work, the engine's lag, and each account's budget usage. Everything is read from the store at scrape time,
 * so several server processes on one database report the same figures.
 */
import type { App } from "../app.js";
import { accountStatuses } from "../engine/account-status.js";

type Labels = Record<string, string>;

const escape = (v: string): string => v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
const num = (n: number): string => (Number.isFinite(n) ? String(n) : n > 0 ? "+Inf" : "-Inf");

class Exposition {
  private readonly lines: string[] = [];
  family(name: string, type: "counter" | "gauge", help: string, samples: Array<[Labels, number]>): void {
    this.lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [labels, value] of samples) {
      const l = Object.entries(labels).map(([k, v]) => `${k}="${escape(v)}"`).join(",");
      this.lines.push(`${name}${l ? `{${l}}` : ""} ${num(value)}`);
    }
  }
  text(): string {
    return `${this.lines.join("\n")}\n`;
  }
}

export async function renderMetrics(app: App): Promise<string> {
  const { store } = app;
  const workspaceId = app.ctx.workspaceId;
  const now = app.now();
  const out = new Exposition();
  const actions = await store.actionCounts(workspaceId);
  out.family("linkpace_actions_total", "counter", "Actions handed out, by kind and result (in_flight: result not known yet).",
    actions.map((a) => [{ kind: a.kind, result: a.result ?? "in_flight" }, a.count]));
  const queue = await store.queueDepth(workspaceId, now);
  out.family("linkpace_queue_depth", "gauge", "Enrollments whose next action is due now (due) or being performed (in_flight).", [[{ state: "due" }, queue.due], [{ state: "in_flight" }, queue.inFlight]]);
  const wake = await store.nextWakeAt();
  out.family("linkpace_engine_lag_seconds", "gauge", "How far behind its earliest due account the engine is (0 when it is on time).", [[{}, wake === null ? 0 : Math.max(0, (now - wake) / 1000)]]);
  const used: Array<[Labels, number]> = [];
  const limit: Array<[Labels, number]> = [];
  const rows = await store.listAccounts(workspaceId);
  const statuses = await accountStatuses(store, rows, now);
  for (const [i, row] of rows.entries()) {
    const s = statuses[i]!;
    const budgets: Array<[string, { used: number; budget: number }]> = [
      ["invites_today", s.today.invites], ["invites_week", s.week.invites], ["messages_today", s.today.messages], ["visits_today", s.today.visits],
      ["pending", { used: s.pending.count, budget: s.pending.max }], ["notes_month", { used: s.notes.used, budget: s.notes.perMonth ?? Infinity }],
    ];
    for (const [budget, u] of budgets) {
      used.push([{ account: row.name, budget }, u.used]);
      limit.push([{ account: row.name, budget }, u.budget]);
    }
  }
  out.family("linkpace_budget_used", "gauge", "Per account and budget: what is used in the budget's window.", used);
  out.family("linkpace_budget_limit", "gauge", "Per account and budget: the current limit (+Inf: unlimited).", limit);
  return out.text();
}
