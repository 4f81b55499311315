import type { Command } from "commander";
import { formatInstant } from "../../core/time.js";
import { accountStatus } from "../../engine/account-status.js";
import { emit, table, withApp, type GlobalOptions } from "../shell.js";

export function registerTasksCommand(program: Command): void {
  program
    .command("tasks")
    .description("what is due now per account: tasks in progress and whether the next one may be shown (work through them with `linkpace work`)")
    .option("--account <name>", "only this account")
    .option("--json")
    .action(async (opts: { account?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, async (app) => {
        const now = app.now();
        const rows = opts.account ? [await app.account(opts.account)] : await app.store.listAccounts(app.ctx.workspaceId);
        const accounts = [];
        for (const a of rows) {
          const open = await app.store.openTasks(a.id);
          const status = await accountStatus(app.store, a, now);
          accounts.push({
            account: a.name,
            inProgress: open.map((t) => ({ id: t.id, kind: t.kind, prospect: t.prospect, since: formatInstant(t.at), heldBy: t.leaseUntil !== null && t.leaseUntil > now ? t.claimedBy : null })),
            dueNow: open.length === 0 && status.next !== null && status.next.at <= now,
            next: status.next ? { kind: status.next.kind, at: formatInstant(status.next.at), waitsFor: status.next.waitsFor } : null,
            paused: status.paused ? { until: formatInstant(status.paused.until), reason: status.paused.reason } : null,
          });
        }
        emit(g, { at: formatInstant(now), accounts }, (d) =>
          table(
            ["ACCOUNT", "NOW", "NEXT"],
            d.accounts.map((a) => [
              a.account,
              a.inProgress.length ? `${a.inProgress[0]!.kind} ${a.inProgress[0]!.prospect ?? ""} in progress${a.inProgress[0]!.heldBy ? ` (${a.inProgress[0]!.heldBy})` : ""}` : a.paused ? `paused until ${a.paused.until}` : a.dueNow ? `${a.next!.kind} due: run linkpace work --account ${a.account}` : "-",
              a.next ? `${a.next.kind} at ${a.next.at}${a.next.waitsFor ? ` (${a.next.waitsFor})` : ""}` : "nothing scheduled",
            ]),
          ),
        );
      });
    });
}
