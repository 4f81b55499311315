/**
 * The plan as the API and `linkpace plan --json` give it: instants as ISO 8601 UTC, each sitting also in the
 * sender's local time ("09:00-09:20"). planFor reads the accounts and makes each account's plan.
 */
import type { App } from "../../app.js";
import { localMinuteOfDay } from "../../core/schedule/index.js";
import { formatInstant, type Instant } from "../../core/time.js";
import { TASK_LEASE } from "../claim.js";
import { planAccount, type AccountPlan, type DayPlan, type PlannedSitting } from "./plan.js";

export interface SittingJson {
  from: string;
  until: string;
  /** In the sender's zone. */
  local: string;
  tasks: number;
  zones: string[];
  label: string;
}

export interface AccountPlanJson {
  account: string;
  timezone: string;
  pacing: AccountPlan["pacing"];
  sitting: { from: string; until: string } | null;
  dueNow: number;
  nextSitting: SittingJson | null;
  days: Array<Omit<DayPlan, "sittings"> & { sittings: SittingJson[] }>;
}

export interface PlanJson {
  at: string;
  accounts: AccountPlanJson[];
}

export async function planFor(app: App, opts: { account?: string; days?: number; maxSitting?: number }): Promise<PlanJson> {
  const now = app.now();
  const rows = opts.account ? [await app.account(opts.account)] : await app.store.listAccounts(app.ctx.workspaceId);
  // A person takes up to a task's lease to do it; a channel that performs at once (the simulator) takes none.
  const margin = app.ctx.channel.inline ? 0 : TASK_LEASE;
  const accounts: AccountPlanJson[] = [];
  for (const row of rows) {
    const plan = await planAccount(app.store, app.ctx, row, {
      now,
      margin,
      ...(opts.days !== undefined ? { days: opts.days } : {}),
      ...(opts.maxSitting !== undefined ? { maxSitting: opts.maxSitting } : {}),
    });
    accounts.push(planJson(plan));
  }
  return { at: formatInstant(now), accounts };
}

export function planJson(plan: AccountPlan): AccountPlanJson {
  const zone = plan.timezone;
  const sitting = (s: PlannedSitting): SittingJson => ({
    from: formatInstant(s.from),
    until: formatInstant(s.until),
    local: `${hhmm(zone, s.from)}-${hhmm(zone, s.until)}`,
    tasks: s.tasks,
    zones: s.zones,
    label: s.label,
  });
  return {
    account: plan.account,
    timezone: zone,
    pacing: plan.pacing,
    sitting: plan.sitting ? { from: formatInstant(plan.sitting.from), until: formatInstant(plan.sitting.until) } : null,
    dueNow: plan.dueNow,
    nextSitting: plan.nextSitting ? sitting(plan.nextSitting) : null,
    days: plan.days.map((d) => ({ ...d, sittings: d.sittings.map(sitting) })),
  };
}

function hhmm(zone: string, at: Instant): string {
  const m = localMinuteOfDay(zone, at);
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}
