import type { Command } from "commander";
import { formatInstant } from "../../core/time.js";
import { csvRecordWriter } from "../../io/csv-writer.js";
import { isBrokenPipe } from "../../io/text-sink.js";
import type { InvitationRow } from "../../store/store.js";
import { emit, table, withApp, type GlobalOptions } from "../shell.js";

export type InvitationStatus = "pending" | "accepted" | "replied" | "withdrawn" | "declined";

export interface SentInvitation {
  name: string;
  profileUrl: string;
  company: string;
  title: string;
  campaign: string;
  account: string;
  status: InvitationStatus;
  sentAt: string;
  note: string;
  acceptedAt: string | null;
  repliedAt: string | null;
  withdrawnAt: string | null;
}

export function invitationStatus(r: InvitationRow): InvitationStatus {
  if (r.repliedAt !== null) return "replied";
  if (r.acceptedAt !== null) return "accepted";
  if (r.withdrawnAt !== null) return "withdrawn";
  if (r.endReason === "declined") return "declined";
  return "pending";
}

const at = (t: number | null): string | null => (t === null ? null : formatInstant(t));

export function toSent(r: InvitationRow): SentInvitation {
  return {
    name: [r.firstName, r.lastName].filter(Boolean).join(" "),
    profileUrl: r.displayUrl,
    company: r.company,
    title: r.title,
    campaign: r.campaignName,
    account: r.accountName,
    status: invitationStatus(r),
    sentAt: formatInstant(r.invitedAt),
    note: r.inviteNote ?? "",
    acceptedAt: at(r.acceptedAt),
    repliedAt: at(r.repliedAt),
    withdrawnAt: at(r.withdrawnAt),
  };
}

/** The columns of `sent --csv`, in order; scripts read them by these names, so they only ever grow at the end. */
export const SENT_CSV_COLUMNS = [
  "name", "profileUrl", "company", "title", "campaign", "account", "status", "sentAt", "acceptedAt", "repliedAt", "withdrawnAt", "note",
] as const satisfies ReadonlyArray<keyof SentInvitation>;

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
        const rows = (await app.store.listInvitations(app.ctx.workspaceId, filter)).map(toSent).filter((r) => !opts.status || r.status === opts.status);
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
        emit(g, { invitations: rows }, (d) =>
          d.invitations.length === 0 ? "no invitations sent yet" : table(["SENT", "STATUS", "NAME", "CAMPAIGN", "PROFILE"], d.invitations.map((r) => [r.sentAt, r.status, r.name, r.campaign, r.profileUrl])),
        );
      });
    });
}
