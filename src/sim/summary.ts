/**
 * The simulation report (`linkpace sim --json`), counted from the event log itself so the two always agree.
 */
import type { App } from "../app.js";
import { readEventLog } from "./event-log.js";

export interface AccountSummary {
  name: string;
  invitesSent: number;
  accepted: number;
  messagesSent: number;
  replies: number;
  withdrawn: number;
  limitSignals: number;
  restrictions: number;
  visits: number;
  paused: boolean;
}

/** A prospect the scenario could not enroll: where it is (`scenario.json: prospects[3]`, `leads.csv: line 14`) and why. */
export interface Refusal {
  where: string;
  reason: string;
}

export interface SimReport {
  accounts: AccountSummary[];
  /** `refused` counts `refusals`. */
  prospects: { enrolled: number; refused: number; refusals: Refusal[] };
  actions: number;
}

export async function summarize(app: App, prospects: SimReport["prospects"]): Promise<SimReport> {
  const accounts = await app.store.listAccounts(app.ctx.workspaceId);
  const byName = new Map<string, AccountSummary>();
  for (const a of accounts) {
    byName.set(a.name, {
      name: a.name,
      invitesSent: 0,
      accepted: 0,
      messagesSent: 0,
      replies: 0,
      withdrawn: 0,
      limitSignals: 0,
      restrictions: 0,
      visits: 0,
      paused: false,
    });
  }
  let actions = 0;
  for await (const line of readEventLog(app.store, app.ctx.workspaceId)) {
    const s = byName.get(line.account);
    if (!s) continue;
    if ("event" in line) {
      if (line.event === "accepted") s.accepted++;
      else if (line.event === "replied") s.replies++;
      else if (line.event === "restricted") s.restrictions++;
      continue;
    }
    actions++;
    if (line.result === "weekly_limit_reached") s.limitSignals++;
    if (line.result !== "ok") continue;
    if (line.action === "connect") s.invitesSent++;
    else if (line.action === "message") s.messagesSent++;
    else if (line.action === "withdraw") s.withdrawn++;
    else if (line.action === "visit") s.visits++;
  }
  const now = app.now();
  for (const a of accounts) {
    const state = a.state as { pausedUntil?: number | null };
    (byName.get(a.name) as AccountSummary).paused = (state.pausedUntil ?? 0) > now;
  }
  return { accounts: [...byName.values()], prospects, actions };
}
