import type { Command } from "commander";
import { accountDocFromObject, accountDocToObject, parseAccountDoc } from "../../core/campaign/index.js";
import { formatLocalTime } from "../../core/schedule/index.js";
import { accountStatus } from "../../engine/account-status.js";
import { removeAccountJson } from "../../engine/removal-json.js";
import { statusJson } from "../../engine/status-json.js";
import { readUserText } from "../read-input.js";
import { emit, table, withApp, type GlobalOptions } from "../shell.js";
import { parse as parseYaml } from "yaml";

const LIMIT_FLAGS: Array<[flag: string, key: string, numeric: boolean]> = [
  ["invitesPerWeek", "invitesPerWeek", true],
  ["invitesPerDay", "invitesPerDay", true],
  ["messagesPerDay", "messagesPerDay", true],
  ["visitsPerDay", "visitsPerDay", true],
  ["pendingMax", "pendingMax", true],
  ["notesPerMonth", "notesPerMonth", true],
  ["minGap", "minGap", false],
  ["sittingGap", "sittingGap", false],
];

export function registerAccountCommands(program: Command): void {
  const account = program.command("account").description("sender accounts: add, update, list, show, remove");
  account
    .command("add [file]")
    .description(
      "add a sender account from a YAML or JSON file (name, timezone, type, created, workingHours, limits; see account.yaml from linkpace init; every field: docs/accounts-and-campaigns.md), or from flags",
    )
    .option("--name <name>", "unique name in the workspace")
    .option("--timezone <zone>", "the sender's IANA zone, e.g. Europe/Paris")
    .option("--type <type>", "free | premium | sales_navigator")
    .option("--created <date>", "when the LinkedIn account was created (YYYY-MM-DD); young accounts warm up")
    .option("--days <days>", "working days, e.g. mon,tue,wed,thu,fri")
    .option("--hours <window>", 'working hours in the sender\'s zone, e.g. "08:00-18:00"')
    .option("--warmup <mode>", "auto | off")
    .option("--invites-per-week <n>")
    .option("--invites-per-day <n>")
    .option("--messages-per-day <n>")
    .option("--visits-per-day <n>")
    .option("--pending-max <n>")
    .option("--notes-per-month <n>")
    .option("--pacing <pacing>", "drip (actions spread over the working hours) | sittings (tasks only during a sitting you start)")
    .option("--min-gap <duration>")
    .option("--sitting-gap <duration>", "least time between two tasks during a sitting (default 20s)")
    .option("--json", "print the account as JSON")
    .action(async (file: string | undefined, opts: Record<string, string | boolean | undefined>, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const where = file && !hasFieldFlags(opts) ? file : file ? `${file} + flags` : "flags";
      const doc = where === file ? parseAccountDoc(readUserText(file), file) : accountDocFromObject(mergeFlags(file, opts), where);
      await withApp(g, async (app) => {
        const row = await app.addAccount(doc, where);
        emit(g, { account: accountDocToObject(row.doc) }, () => `added account ${row.name} (${row.doc.type}, ${row.doc.timezone})`);
      });
    });
  account
    .command("update <file>")
    .description("replace an account's settings from a YAML or JSON file, as account add reads it: the whole document, the name as added")
    .option("--json", "print the account as JSON")
    .addHelpText(
      "after",
      "\nThe file names the account to update (the name cannot change). Settings left out take their defaults, as with\n" +
        "add. What linkpace learned is kept: a lowered weekly budget, a pause, today's counts, pending invitations.\n" +
        "The engine applies the new limits on its next pass.",
    )
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const doc = parseAccountDoc(readUserText(file), file);
      await withApp(g, async (app) => {
        const row = await app.updateAccount(doc.name, doc, file);
        emit(
          g,
          { account: accountDocToObject(row.doc) },
          () => `updated account ${row.name} (${row.doc.type}, ${row.doc.timezone}); learned limits and counts kept`,
        );
      });
    });
  account
    .command("list")
    .description("list sender accounts")
    .option("--json")
    .action(async (_opts: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, async (app) => {
        const rows = await app.store.listAccounts(app.ctx.workspaceId);
        const data = rows.map((r) => ({ name: r.name, type: r.doc.type, timezone: r.doc.timezone, created: r.doc.created }));
        emit(g, { accounts: data }, (d) =>
          d.accounts.length === 0
            ? "no accounts yet: linkpace account add FILE"
            : table(
                ["NAME", "TYPE", "TIMEZONE", "CREATED"],
                d.accounts.map((a) => [a.name, a.type, a.timezone, a.created ?? "-"]),
              ),
        );
      });
    });
  account
    .command("remove <name>")
    .description(
      "remove an account with its campaigns and its log, once nothing is pending; refused while it has active or paused campaigns, unless --stop-campaigns",
    )
    .option(
      "--stop-campaigns",
      "stop its active and paused campaigns first (pending invitations are still withdrawn; run remove again after)",
    )
    .option("--json")
    .action(async (name: string, opts: { stopCampaigns?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, async (app) => {
        emit(g, removeAccountJson(name, await app.removeAccount(name, { stopCampaigns: opts.stopCampaigns === true })), (d) => d.summary);
      });
    });
  account
    .command("show <name>")
    .description("show an account's settings and current budgets")
    .option("--json")
    .action(async (name: string, _opts: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, async (app) => {
        const row = await app.account(name);
        const status = await accountStatus(app.store, row, app.now());
        const data = { account: accountDocToObject(row.doc), status: statusJson(status) };
        emit(
          g,
          data,
          (d) =>
            `${JSON.stringify(d.account, null, 2)}\nnext: ${status.next ? `${status.next.kind} at ${formatLocalTime(status.next.at, row.doc.timezone)}${status.next.waitsFor ? ` (waits for ${status.next.waitsFor})` : ""}` : "nothing scheduled"}`,
        );
      });
    });
}

function hasFieldFlags(opts: Record<string, unknown>): boolean {
  return Object.entries(opts).some(([k, v]) => k !== "json" && v !== undefined);
}

function mergeFlags(file: string | undefined, opts: Record<string, string | boolean | undefined>): Record<string, unknown> {
  const base = file ? ((parseYaml(readUserText(file)) as Record<string, unknown> | null) ?? {}) : {};
  const out: Record<string, unknown> = { ...base };
  for (const key of ["name", "timezone", "type", "created", "warmup", "pacing"] as const)
    if (typeof opts[key] === "string") out[key] = opts[key];
  if (opts.days || opts.hours) {
    const wh = { ...((out.workingHours as Record<string, unknown> | undefined) ?? {}) };
    if (typeof opts.days === "string") wh.days = opts.days.split(",").map((d) => d.trim());
    if (typeof opts.hours === "string") wh.hours = opts.hours;
    out.workingHours = wh;
  }
  const limits = { ...((out.limits as Record<string, unknown> | undefined) ?? {}) };
  for (const [flag, key, numeric] of LIMIT_FLAGS) {
    const v = opts[flag];
    if (typeof v === "string") limits[key] = numeric && /^-?\d+$/.test(v) ? Number(v) : v;
  }
  if (Object.keys(limits).length > 0) out.limits = limits;
  return out;
}
