/**
 * Per account: the tasks in progress (in-flight actions and the runner holding each), whether the next one may
 * be shown now, and what the account waits for. Shared by `linkpace tasks` and the API's task list.
 */
import type { App } from "../app.js";
import { formatInstant } from "../core/time.js";
import { accountStatus } from "../engine/account-status.js";

export interface TasksOverview {
  account: string;
  inProgress: Array<{ actionId: number; kind: string; prospect: string | null; since: string; heldBy: string | null; leaseUntil: string | null }>;
  dueNow: boolean;
  next: { kind: string; at: string; waitsFor: string | null } | null;
  paused: { until: string; reason: string } | null;
}

export async function tasksOverview(app: App, accountName?: string): Promise<{ at: string; accounts: TasksOverview[] }> {
  const now = app.now();
  const rows = accountName ? [await app.account(accountName)] : await app.store.listAccounts(app.ctx.workspaceId);
  const accounts: TasksOverview[] = [];
  for (const a of rows) {
    const open = await app.store.openTasks(a.id);
    const status = await accountStatus(app.store, a, now);
    accounts.push({
      account: a.name,
      inProgress: open.map((t) => ({
        actionId: t.id, kind: t.kind, prospect: t.prospect, since: formatInstant(t.at),
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
