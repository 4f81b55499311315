import type { Command } from "commander";
import { archiveReport } from "../../engine/archive-report.js";
import { readLinkedInArchive } from "../../io/linkedin-archive/index.js";
import { emit, withApp, type GlobalOptions } from "../shell.js";

/** Problems shown in text mode; --json lists them all. */
const SHOWN_PROBLEMS = 20;

export function registerImportCommands(program: Command): void {
  const imp = program.command("import").description("import what happened outside linkpace: linkedin-archive");
  imp
    .command("linkedin-archive <file>")
    .description(
      "read LinkedIn's data export (the zip or its folder) for one account: invitations sent by hand are adopted, " +
        "Connections.csv marks acceptances and connections, messages.csv marks replies and messages sent by hand; all-or-nothing, idempotent " +
        "(docs/importing.md)",
    )
    .requiredOption("--account <name>", "the account whose export this is")
    .option("--dry-run", "report what would change without writing anything")
    .option("--json")
    .action(async (file: string, opts: { account: string; dryRun?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, async (app) => {
        await app.account(opts.account); // an unknown account is reported before the archive is read
        const facts = readLinkedInArchive(file);
        const outcome = await app.importLinkedInArchive(opts.account, facts, { dryRun: opts.dryRun === true });
        emit(g, archiveReport(file, opts.account, opts.dryRun === true, facts, outcome), renderReport);
      });
    });
}

function renderReport(d: ReturnType<typeof archiveReport>): string {
  const n = (v: number): string => String(v).padStart(6);
  const tables = d.files.filter((f) => f.table !== null).map((f) => `${f.name} (${f.table})`);
  const lines = [
    `${d.dryRun ? "dry run, nothing written: " : ""}${d.account}: LinkedIn data export ${d.file}`,
    `  read: ${tables.join(", ")}`,
    `        ${d.read.connections} connections, ${d.read.invitationsOutgoing} invitations sent and ${d.read.invitationsIncoming} received, ${d.read.messages} messages` +
      (d.read.draftsSkipped > 0 ? ` (drafts skipped: ${d.read.draftsSkipped})` : ""),
    `  your profile: ${d.owner ? `${d.owner.identifiers.join(", ")} (from ${d.owner.source})` : "not found in the export"}`,
    `${n(d.invitationsAdopted)} invitations you sent by hand now tracked${adoptedWhere(d.adoptedInto)}`,
    `${n(d.accepted)} pending invitations accepted`,
    `${n(d.alreadyConnected)} people newly marked as connections`,
    `${n(d.replies)} replies`,
    `${n(d.messagesSeen)} messages you sent outside linkpace`,
    ...(d.suppressed > 0
      ? [`${n(d.suppressed)} people on the do-not-contact list: their enrollments end (pending invitations withdrawn)`]
      : []),
    `${n(d.unreadable)} rows not read`,
    ...d.problems.slice(0, SHOWN_PROBLEMS).map((p) => `    ${p.file}${p.line > 0 ? ` line ${p.line}` : ""}: ${p.reason}`),
    ...(d.problems.length > SHOWN_PROBLEMS ? [`    … and ${d.problems.length - SHOWN_PROBLEMS} more (--json lists them all)`] : []),
  ];
  return lines.join("\n");
}

/** ": 1 in campaign q1, 2 in campaign me-adopted", or nothing when none was adopted. */
function adoptedWhere(into: Array<{ campaign: string; invitations: number }>): string {
  return into.length === 0 ? "" : `: ${into.map((a) => `${a.invitations} in campaign ${a.campaign}`).join(", ")}`;
}
