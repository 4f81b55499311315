import type { Command } from "commander";
import { tasksOverview } from "../../runner/tasks-overview.js";
import { emit, localTime, table, withApp, type GlobalOptions } from "../shell.js";

export function registerTasksCommand(program: Command): void {
  program
    .command("tasks")
    .description(
      "what is due now per account: tasks in progress and whether the next one may be shown (work through them with `linkpace work`)",
    )
    .option("--account <name>", "only this account")
    .option("--json")
    .action(async (opts: { account?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, async (app) => {
        const overview = await tasksOverview(app, opts.account);
        emit(g, overview, (d) =>
          table(
            ["ACCOUNT", "NOW", "NEXT"],
            d.accounts.map((a) => [
              a.account,
              a.inProgress.length
                ? `${a.inProgress[0]!.kind} ${a.inProgress[0]!.prospect ?? ""} in progress${a.inProgress[0]!.heldBy ? ` (${a.inProgress[0]!.heldBy})` : ""}`
                : a.paused
                  ? `paused until ${localTime(a.paused.until, a.timezone)}`
                  : a.dueNow
                    ? `${a.next!.kind} due: run linkpace work --account ${a.account}`
                    : "-",
              a.next
                ? `${a.next.kind} at ${localTime(a.next.at, a.timezone)}${a.next.waitsFor ? ` (${a.next.waitsFor})` : ""}`
                : "nothing scheduled",
            ]),
          ),
        );
      });
    });
}
