/**
 * The command tree: every command, its options and help. main.ts runs it; tests read its help in-process.
 */
import { readFileSync } from "node:fs";
import { Command } from "commander";
import { registerAccountCommands } from "./commands/account.js";
import { registerAlertsCommand } from "./commands/alerts.js";
import { registerCampaignCommands } from "./commands/campaign.js";
import { registerDemoCommand } from "./commands/demo.js";
import { registerExportCommand } from "./commands/export.js";
import { registerForgetCommand } from "./commands/forget.js";
import { registerInitCommand } from "./commands/init.js";
import { registerProspectCommands } from "./commands/prospects.js";
import { registerImportCommands } from "./commands/import-archive.js";
import { registerMarkCommand } from "./commands/mark.js";
import { registerSentCommand } from "./commands/sent.js";
import { registerSimCommand } from "./commands/sim.js";
import { registerStatusCommand } from "./commands/status.js";
import { registerSuppressCommands } from "./commands/suppress.js";
import { registerPlanCommand } from "./commands/plan.js";
import { registerTasksCommand } from "./commands/tasks.js";
import { registerWorkCommand } from "./commands/work.js";
import { registerWebhookCommands } from "./commands/webhook.js";
import { registerServeCommand } from "./commands/serve.js";
import { registerWorkerCommand } from "./commands/worker.js";
import { registerTokenCommands } from "./commands/token.js";
import { checkWorkspaceOption } from "./shell.js";

export function buildProgram(): Command {
  const program = new Command("linkpace")
    .description("Self-hosted LinkedIn outreach that keeps every sender inside LinkedIn's limits.")
    .version(packageVersion(), "-V, --version", "print linkpace's version")
    .option("--db <target>", "SQLite file or postgres:// URL (default: LINKPACE_DB or ./linkpace.db)")
    .option(
      "--workspace <name>",
      "the workspace to work in (default: LINKPACE_WORKSPACE, else the default workspace); init, sim, demo, serve, worker and workspace do not take it",
    )
    .configureHelp({ showGlobalOptions: true })
    .hook("preAction", (_program, actionCommand) => checkWorkspaceOption(actionCommand))
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  program.addHelpText(
    "after",
    `
Exit codes: 0 success, 1 a problem you must act on, 2 bad usage or input, 3 internal failure.
Every command that reports takes --json and then prints one JSON document on stdout.
Every command that works on accounts, campaigns, prospects, tasks or webhooks works in one workspace:
--workspace NAME (or LINKPACE_WORKSPACE), else the default one; create one with linkpace workspace create NAME.
token create makes a token for that workspace; token list and revoke see every workspace's unless one is named.

Getting started:
  linkpace init                                  create ./linkpace.db and example files
  linkpace account add account.yaml              a sender account: name, time zone, type, limits
  linkpace campaign create campaign.yaml         a campaign: its account, schedule and steps
  linkpace prospects import leads.csv --campaign NAME
  linkpace status                                budgets, pending invitations, next action
  linkpace demo                                  a simulated four-week tour

Documentation: README.md, then docs/ in the linkpace repository (docs/cli.md lists every command).`,
  );
  registerInitCommand(program);
  registerAccountCommands(program);
  registerCampaignCommands(program);
  registerProspectCommands(program);
  registerImportCommands(program);
  registerMarkCommand(program);
  registerSuppressCommands(program);
  registerForgetCommand(program);
  registerStatusCommand(program);
  registerSentCommand(program);
  registerExportCommand(program);
  registerTasksCommand(program);
  registerPlanCommand(program);
  registerWorkCommand(program);
  registerAlertsCommand(program);
  registerWebhookCommands(program);
  registerServeCommand(program);
  registerWorkerCommand(program);
  registerTokenCommands(program);
  registerSimCommand(program);
  registerDemoCommand(program);
  for (const cmd of allCommands(program)) cmd.exitOverride();
  return program;
}

/** The version in package.json, two folders up from this file both as built (dist/cli/) and as source (src/cli/). */
function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

/** Every command under `cmd`, subcommands included. */
export function allCommands(cmd: Command): Command[] {
  return cmd.commands.flatMap((c) => [c, ...allCommands(c)]);
}
