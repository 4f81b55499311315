/**
 * The clients of the load benchmark: seeding a workspace through the public API, and the virtual clients that
 * load it. Every client is a closed loop with no think time over keep-alive connections (Node's fetch, undici):
 * it sends its next request as soon as the previous answer is read. Readers ask GET /v1/status or GET
 * /v1/tasks; a runner works one account as the dashboard's runner page does: POST /v1/tasks/next, and when that
 * is a task, POST /v1/tasks/{id}/report with the key "d" (done). Latency is from before fetch() to the last
 * byte of the body, measured here, so it includes the clients' own share of the two cores.
 */
import { performance } from "node:perf_hooks";
import { summarize } from "./latency-stats.js";
import type { RouteResult } from "./load-types.js";

export const ROUTES = ["GET /v1/status", "GET /v1/tasks", "POST /v1/tasks/next", "POST /v1/tasks/{id}/report"] as const;
export type RouteName = (typeof ROUTES)[number];

interface Answer {
  status: number;
  body: unknown;
  text: string;
}

/** Latencies and statuses per route; only requests that start while recording count. */
export class Recorder {
  private readonly latencies = new Map<RouteName, number[]>();
  private readonly statuses = new Map<RouteName, Map<string, number>>();
  /** Over the whole run, warm-up included: any 5xx or failed request fails a check. */
  readonly allRuns = { requests: 0, serverErrors: 0, failed: 0 };
  recording = false;

  add(route: RouteName, ms: number, status: number | "failed", recorded: boolean): void {
    this.allRuns.requests++;
    if (status === "failed") this.allRuns.failed++;
    else if (status >= 500) this.allRuns.serverErrors++;
    if (!recorded) return;
    const lat = this.latencies.get(route) ?? [];
    lat.push(ms);
    this.latencies.set(route, lat);
    const st = this.statuses.get(route) ?? new Map<string, number>();
    st.set(String(status), (st.get(String(status)) ?? 0) + 1);
    this.statuses.set(route, st);
  }

  result(route: RouteName | "all", windowMs: number): RouteResult {
    const names = route === "all" ? [...ROUTES] : [route];
    const lat = names.flatMap((n) => this.latencies.get(n) ?? []);
    const statuses: Record<string, number> = {};
    for (const n of names) for (const [s, c] of this.statuses.get(n) ?? []) statuses[s] = (statuses[s] ?? 0) + c;
    const count = (pred: (s: string) => boolean): number =>
      Object.entries(statuses)
        .filter(([s]) => pred(s))
        .reduce((t, [, c]) => t + c, 0);
    return {
      route: route === "all" ? "all routes" : route,
      requests: lat.length,
      errors: count((s) => !/^2\d\d$/.test(s)),
      serverErrors: count((s) => /^5\d\d$/.test(s)),
      statuses,
      perSecond: lat.length / (windowMs / 1000),
      latencyMs: summarize(lat),
    };
  }
}

export class ApiClient {
  constructor(
    private readonly base: string,
    private readonly token: string,
    private readonly recorder: Recorder,
  ) {}

  /** One request; recorded under `route` when it started while the recorder was recording. */
  async call(
    route: RouteName | null,
    method: string,
    path: string,
    body?: string | object,
    contentType = "application/json",
  ): Promise<Answer | null> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    if (body !== undefined) headers["content-type"] = contentType;
    const recorded = this.recorder.recording;
    const t0 = performance.now();
    try {
      const res = await fetch(this.base + path, {
        method,
        headers,
        ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      if (route) this.recorder.add(route, performance.now() - t0, res.status, recorded);
      let parsed: unknown = null;
      try {
        parsed = text === "" ? null : JSON.parse(text);
      } catch {
        parsed = null;
      }
      return { status: res.status, body: parsed, text };
    } catch {
      if (route) this.recorder.add(route, performance.now() - t0, "failed", recorded);
      return null;
    }
  }

  /** A seeding request that must succeed. */
  async must(method: string, path: string, body: string | object, contentType?: string): Promise<unknown> {
    const a = await this.call(null, method, path, body, contentType);
    if (!a || a.status >= 300)
      throw new Error(`load: seeding ${method} ${path} answered ${a ? `${a.status}: ${a.text.slice(0, 300)}` : "nothing"}`);
    return a.body;
  }
}

const ALL_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

export function accountName(i: number): string {
  return `load-${String(i + 1).padStart(2, "0")}`;
}

/** An account the governor lets act about once a second (the least gap of 1 s plus its jitter), all day. */
export function loadAccount(name: string): object {
  const big = 1_000_000;
  return {
    name,
    timezone: "UTC",
    type: "premium",
    warmup: "off",
    workingHours: { days: ALL_DAYS, hours: "00:00-24:00" },
    limits: { invitesPerWeek: big, invitesPerDay: big, messagesPerDay: big, visitsPerDay: big, pendingMax: big, minGap: "1s" },
  };
}

export function loadCampaign(name: string, account: string): object {
  return {
    name,
    account,
    schedule: { timezone: "UTC", days: ALL_DAYS, hours: "00:00-24:00" },
    steps: [{ visit: {} }, { connect: { note: "Hi {{ firstName }}, I saw your work at {{ company }} and would like to connect." } }],
  };
}

export function prospectCsv(account: string, n: number): string {
  const lines = ["profileUrl,firstName,lastName,company,title,location"];
  for (let i = 0; i < n; i++)
    lines.push(`https://www.linkedin.com/in/${account}-p${i},First${i},Last${i},Company ${i % 97},Head of Things,"Paris, France"`);
  return `${lines.join("\n")}\n`;
}

export interface SeedTimes {
  accounts: number;
  campaigns: number;
  imports: number;
  enrolled: number;
}

/** Accounts, one campaign each, and their prospects by CSV upload, all through the API. */
export async function seedWorkspace(api: ApiClient, accounts: number, prospectsPerAccount: number): Promise<SeedTimes> {
  const names = Array.from({ length: accounts }, (_, i) => accountName(i));
  const t0 = performance.now();
  for (const n of names) await api.must("POST", "/v1/accounts", loadAccount(n));
  const t1 = performance.now();
  for (const n of names) await api.must("POST", "/v1/campaigns", loadCampaign(`${n}-c`, n));
  const t2 = performance.now();
  let enrolled = 0;
  for (const n of names) {
    const report = (await api.must(
      "POST",
      `/v1/prospects/import?campaign=${n}-c&file=${n}.csv`,
      prospectCsv(n, prospectsPerAccount),
      "text/csv",
    )) as { enrolled: number };
    enrolled += report.enrolled;
  }
  return { accounts: t1 - t0, campaigns: t2 - t1, imports: performance.now() - t2, enrolled };
}

export interface RunnerTally {
  /** Every task reported done (warm-up included): [actionId, kind]. */
  done: Array<[number, string]>;
  doneInWindow: number;
  answers: Record<string, number>;
}

export interface Stop {
  stopped: boolean;
}

export async function runReader(api: ApiClient, route: "GET /v1/status" | "GET /v1/tasks", stop: Stop): Promise<void> {
  const path = route === "GET /v1/status" ? "/v1/status" : "/v1/tasks";
  while (!stop.stopped) await api.call(route, "GET", path);
}

/** Works one account until stopped; a task in hand when the stop comes is still reported. */
export async function runRunner(api: ApiClient, account: string, recorder: Recorder, tally: RunnerTally, stop: Stop): Promise<void> {
  while (!stop.stopped) {
    const inWindow = recorder.recording;
    const next = await api.call("POST /v1/tasks/next", "POST", "/v1/tasks/next", { account });
    const body = next?.status === 200 ? (next.body as { type?: string; task?: { actionId: number; kind: string } }) : null;
    if (inWindow) tally.answers[body?.type ?? "error"] = (tally.answers[body?.type ?? "error"] ?? 0) + 1;
    if (body?.type !== "task" || !body.task) continue;
    const reportInWindow = recorder.recording;
    const r = await api.call("POST /v1/tasks/{id}/report", "POST", `/v1/tasks/${body.task.actionId}/report`, { key: "d" });
    if (r?.status === 200) {
      tally.done.push([body.task.actionId, body.task.kind]);
      if (reportInWindow) tally.doneInWindow++;
    }
  }
}
