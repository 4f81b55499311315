/**
 * `linkpace worker`: the engine loop and webhook delivery of `linkpace serve`, with no HTTP (api/worker.ts).
 * Run any number of them, with `linkpace serve --no-engine` for the API and the dashboard, on one PostgreSQL
 * database; on SQLite, one process. Ctrl-C or SIGTERM stops it gracefully: timers stop, runs in progress
 * finish, the database is closed.
 */
import type { Command } from "commander";
import { startWorker } from "../../api/worker.js";
import { redactUrl } from "../../store/postgres/connection-errors.js";
import { isPostgresUrl, resolveDbTarget } from "../../store/open-store.js";
import { webhookAllowFrom } from "../../webhooks/webhook-allow.js";
import { openDatabase, systemClock, withoutWorkspace, type GlobalOptions } from "../shell.js";
import { WEBHOOK_ALLOW_HELP } from "./webhook.js";

export function registerWorkerCommand(program: Command): void {
  const worker = program
    .command("worker")
    .description("run the engine and webhook delivery with no HTTP server (several on one PostgreSQL database share the work)")
    .addHelpText(
      "after",
      "\nA worker claims due accounts and hands their actions over as tasks, and delivers webhooks, for every workspace.\n" +
        "Runners and agents take the tasks through the API: run `linkpace serve --no-engine` (API and dashboard only) on\n" +
        "the same database. Any number of workers and servers may share one PostgreSQL database; on SQLite, run one\n" +
        "process with the engine (serve alone, or one worker with serve --no-engine). Logs are JSON lines on stderr;\n" +
        "Ctrl-C or SIGTERM stops it once the runs in progress have finished.\n" +
        WEBHOOK_ALLOW_HELP +
        "\nDeploying several processes (a systemd unit, a Procfile, sizing, upgrades): docs/operations.md.",
    );
  withoutWorkspace(worker, "it works for every workspace").action(async (_opts: object, cmd: Command) => {
    const g = cmd.optsWithGlobals<GlobalOptions>();
    const webhookAllow = webhookAllowFrom(process.env);
    const target = resolveDbTarget(g.db);
    const store = await openDatabase(g.db, { create: false });
    const shown = isPostgresUrl(target) ? `PostgreSQL ${redactUrl(target)}` : `SQLite ${target}`;
    // Listening for the signals before the start is logged, so that a signal sent as soon as it is seen stops it gracefully.
    const stopped = stopSignal();
    process.stdout.write(
      `linkpace worker: running the engine and webhook delivery (no HTTP) on ${shown}.` +
        (isPostgresUrl(target) ? "" : " SQLite takes one process with the engine; several workers need PostgreSQL.") +
        " Ctrl-C stops it.\n",
    );
    const running = startWorker({ store, clock: systemClock(), db: shown, webhookAllow });
    await stopped;
    await running.close().catch((e: unknown) => running.logger.error({ err: String(e) }, "shutdown failed"));
  });
}

/** Resolves on the first SIGINT or SIGTERM, which then no longer stops the process by itself. */
export function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
