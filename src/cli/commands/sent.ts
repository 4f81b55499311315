import type { Command } from "commander";
import { csvRecordWriter } from "../../io/csv-writer.js";
import { isBrokenPipe } from "../../io/text-sink.js";
import { SENT_CSV_COLUMNS, toSent, type SentInvitation } from "../../engine/sent-invitations.js";
import { emit, localTime, table, withApp, type GlobalOptions } from "../shell.js";

export function registerSentCommand(program: Command): void {
  program
    .command("sent")
    .description("every invitation sent: name, date, status (pending, accepted, replied, withdrawn)")
    .option("--campaign <name>", "only this campaign")
    .option("--account <name>", "only this account")
    .option("--status <status>", "only pending | accepted | replied | withdrawn | declined")
    .option("--csv", "print CSV (UTF-8 with BOM, opens cleanly in Excel and LibreOffice)")
    .option("--json")
    .action(async (opts: { campaign?: string; account?: string; status?: string; csv?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, async (app) => {
        const filter = {
          ...(opts.campaign ? { campaignId: (await app.campaign(opts.campaign)).id } : {}),
          ...(opts.account ? { accountId: (await app.account(opts.account)).id } : {}),
        };
        const rows = (await app.store.listInvitations(app.ctx.workspaceId, filter))
          .map(toSent)
          .filter((r) => !opts.status || r.status === opts.status);
        if (opts.csv && !g.json) {
          const csv = csvRecordWriter<SentInvitation>(process.stdout, SENT_CSV_COLUMNS);
          try {
            for (const r of rows) await csv.write(r);
            await csv.end();
          } catch (e) {
            if (!isBrokenPipe(e)) throw e; // `| head` closed the pipe: stop quietly
          }
          return;
        }
        // People read the date in the sending account's zone; --json and --csv keep ISO 8601 UTC.
        const zones = new Map((await app.store.listAccounts(app.ctx.workspaceId)).map((a) => [a.name, a.doc.timezone]));
        emit(g, { invitations: rows }, (d) =>
          d.invitations.length === 0
            ? "no invitations sent yet"
            : table(
                ["SENT", "STATUS", "NAME", "CAMPAIGN", "PROFILE"],
                d.invitations.map((r) => [localTime(r.sentAt, zones.get(r.account)), r.status, r.name, r.campaign, r.profileUrl]),
              ),
        );
      });
    });
}
