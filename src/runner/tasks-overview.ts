/**
 * Per account: the tasks in progress (in-flight actions and the runner holding each), whether the next one may
 * be shown now, and what the account waits for. Shared by `linkpace tasks` and the API's task list.
 */
import type { App } from "../app.js";
import { inSitting, loadGovernorState } from "../core/governor/index.js";
import type { Pacing } from "../core/model.js";
import { formatInstant } from "../core/time.js";
import { accountStatuses } from "../engine/account-status.js";

export interface TasksOverview {
  account: string;
  /** The account's zone, in which people read its times (the times here are ISO 8601 UTC). */
  timezone: string;
  pacing: Pacing;
  /** The sitting open now, ISO 8601 UTC. */
  sitting: { from: string; until: string } | null;
  inProgress: Array<{
    actionId: number;
    kind: string;
    prospect: string | null;
    since: string;
    heldBy: string | null;
    leaseUntil: string | null;
  }>;
  dueNow: boolean;
  next: { kind: string; at: string; waitsFor: string | null } | null;
  paused: { until: string; reason: string } | null;
}

export async function tasksOverview(app: App, accountName?: string): Promise<{ at: string; accounts: TasksOverview[] }> {
  const now = app.now();
  const rows = accountName ? [await app.account(accountName)] : await app.store.listAccounts(app.ctx.workspaceId);
  const accounts: TasksOverview[] = [];
  // Two queries for all the accounts: their tasks in progress, then their next due times.
  const openByAccount = await app.store.openTasksByAccount(rows.map((a) => a.id));
  const statuses = await accountStatuses(app.store, rows, now);
  for (const [i, a] of rows.entries()) {
    const open = openByAccount.get(a.id) ?? [];
    const status = statuses[i]!;
    const { sitting } = loadGovernorState(a.state);
    accounts.push({
      account: a.name,
      timezone: a.doc.timezone,
      pacing: a.doc.pacing,
      sitting:
        sitting !== null && inSitting({ sitting }, now) ? { from: formatInstant(sitting.from), until: formatInstant(sitting.until) } : null,
      inProgress: open.map((t) => ({
        actionId: t.id,
        kind: t.kind,
        prospect: t.prospect,
        since: formatInstant(t.at),
        heldBy: t.leaseUntil !== null && t.leaseUntil > now ? t.claimedBy : null,
        leaseUntil: t.leaseUntil === null ? null : formatInstant(t.leaseUntil),
      })),
      dueNow: open.length === 0 && status.next !== null && status.next.at <= now,
      next: status.next ? { kind: status.next.kind, at: formatInstant(status.next.at), waitsFor: status.next.waitsFor } : null,
      paused: status.paused ? { until: formatInstant(status.paused.until), reason: status.paused.reason } : null,
    });
  }
  return { at: formatInstant(now), accounts };
}
