import type { Command } from "commander";
import { campaignDocToObject, parseCampaignDoc } from "../../core/campaign/index.js";
import type { App } from "../../app.js";
import { deleteJson, stopJson } from "../../engine/removal-json.js";
import { updateJson } from "../../engine/update-json.js";
import type { CampaignRow } from "../../store/store.js";
import { readUserText } from "../read-input.js";
import { registerCampaignStats } from "./campaign-stats.js";
import { emit, table, withApp, type GlobalOptions } from "../shell.js";

const CAMPAIGN_FILE_HELP = `
The file: name, account, schedule (timezone: recipient or an IANA zone, days, hours), stopOnReply (default
true), priority (its weight in the account's shared budgets, 0.01 to 100, default 1) and steps, each one of:
  - visit: { after }
  - connect: { after, note, noteFallback: blank | skip, withdrawAfter }
  - message: { after, text }
after: a duration (90s, 5m, 2h, 3d, 1w), default 0s; the first step after connect counts from the acceptance.
withdrawAfter: an invitation still pending this long after it was sent is withdrawn and the enrollment ends.
  Default 21d; never keeps it pending (it counts as not accepted once 21 days old).`;

export function registerCampaignCommands(program: Command): void {
  const campaign = program.command("campaign").description("campaigns: create, update, list, show, stats, pause, resume, stop, delete");
  campaign
    .command("create <file>")
    .description("create a campaign from a YAML or JSON file (every field: docs/accounts-and-campaigns.md); templates are checked now")
    .option("--json")
    .addHelpText("after", CAMPAIGN_FILE_HELP)
    .action(async (file: string, _o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const text = readUserText(file);
      await withApp(g, async (app) => {
        // An unknown account is reported with the file's other problems, in one run.
        const accounts = (await app.store.listAccounts(app.ctx.workspaceId)).map((a) => a.name);
        const row = await app.createCampaign(parseCampaignDoc(text, file, { accounts }));
        emit(
          g,
          { campaign: await describe(app, row) },
          () => `created campaign ${row.name} for account ${row.doc.account} (${row.doc.steps.length} steps)`,
        );
      });
    });
  campaign
    .command("update <file>")
    .description(
      "replace a campaign's document (same name, same account) with its next version: texts, schedule, delays, priority, steps added or removed; people enrolled keep their progress (docs/accounts-and-campaigns.md)",
    )
    .option("--dry-run", "show what would change (steps, people, unsendable texts) and write nothing")
    .option("--json")
    .addHelpText("after", CAMPAIGN_FILE_HELP)
    .action(async (file: string, opts: { dryRun?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const text = readUserText(file);
      await withApp(g, async (app) => {
        const out = updateJson(await app.updateCampaign(parseCampaignDoc(text, file), { dryRun: opts.dryRun === true }));
        emit(g, out, (d) => [d.summary, ...d.unsendable.listed.map((u) => `  ${u.profile}: step ${u.step}: ${u.reason}`)].join("\n"));
      });
    });
  campaign
    .command("list")
    .description("list campaigns with their enrollment counts")
    .option("--json")
    .action(async (_o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, async (app) => {
        const rows = await app.store.listCampaigns(app.ctx.workspaceId);
        const data = await Promise.all(rows.map((r) => describe(app, r)));
        emit(g, { campaigns: data }, (d) =>
          d.campaigns.length === 0
            ? "no campaigns yet: linkpace campaign create FILE"
            : table(
                ["NAME", "ACCOUNT", "STATUS", "ACTIVE", "INVITED", "DONE"],
                d.campaigns.map((c) => [
                  c.name,
                  c.account,
                  c.status,
                  String(c.enrollments.active),
                  String(c.enrollments.invited),
                  String(c.enrollments.done),
                ]),
              ),
        );
      });
    });
  campaign
    .command("show <name>")
    .description("show a campaign's definition and progress")
    .option("--json")
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, async (app) => {
        const d = await describe(app, await app.campaign(name));
        emit(g, { campaign: d }, (x) => JSON.stringify(x.campaign, null, 2));
      });
    });
  registerCampaignStats(campaign);
  for (const [verb, paused] of [
    ["pause", true],
    ["resume", false],
  ] as const) {
    campaign
      .command(`${verb} <name>`)
      .description(
        paused ? "stop new visits, invitations and messages (withdrawals of stale invitations go on)" : "resume a paused campaign",
      )
      .option("--json")
      .action(async (name: string, _o: unknown, cmd: Command) => {
        const g = cmd.optsWithGlobals<GlobalOptions>();
        await withApp(g, async (app) => {
          const row = await app.setCampaignPaused(name, paused);
          emit(g, { campaign: { name: row.name, status: row.status } }, () => `campaign ${row.name} is ${row.status}`);
        });
      });
  }
  campaign
    .command("stop <name>")
    .description(
      "stop a campaign for good: every enrollment ends (stopped) and nothing more is sent, except that pending invitations are still withdrawn on schedule; it cannot be resumed (docs/accounts-and-campaigns.md)",
    )
    .option("--json")
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, async (app) => {
        emit(g, stopJson(await app.stopCampaign(name)), (d) => d.summary);
      });
    });
  campaign
    .command("delete <name>")
    .description(
      "delete a stopped campaign with nothing pending: its enrollments and texts; its account's past actions stay, without person data, for the budgets",
    )
    .option("--json")
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, async (app) => {
        emit(g, deleteJson(name, await app.deleteCampaign(name)), (d) => d.summary);
      });
    });
}

async function describe(app: App, row: CampaignRow) {
  const counts = await app.store.enrollmentCounts({ campaignId: row.id });
  const by = counts.byStatus;
  return {
    name: row.name,
    account: row.doc.account,
    status: row.status,
    version: row.version,
    definition: campaignDocToObject(row.doc),
    enrollments: { active: by.ready + by.in_flight, invited: by.invited, done: by.done, endReasons: counts.byEndReason },
  };
}
