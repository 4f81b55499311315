import type { Command } from "commander";
import { createProgress } from "../../io/progress.js";
import { enrollItems, importReport } from "../../engine/import-report.js";
import { removeProspectJson } from "../../engine/removal-json.js";
import { readProspectCsv } from "../../io/prospect-csv/index.js";
import { readUserFile } from "../read-input.js";
import { emit, withApp, type GlobalOptions } from "../shell.js";

export function registerProspectCommands(program: Command): void {
  const prospects = program.command("prospects").description("prospects: import, remove");
  prospects
    .command("remove <person>")
    .description(
      "end a person's enrollment (reason removed; PERSON is a profile URL); a pending invitation is still withdrawn on schedule, then it ends",
    )
    .option("--campaign <name>", "only the enrollment in this campaign")
    .option("--json")
    .action(async (person: string, opts: { campaign?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, async (app) => {
        const out = await app.removeProspect({ person, ...(opts.campaign !== undefined ? { campaign: opts.campaign } : {}) });
        emit(g, removeProspectJson(out), (d) => d.summary);
      });
    });
  prospects
    .command("import <file>")
    .description(
      "import prospects from a CSV (PhantomBuster, Evaboot, Apollo, Waalaxy, LinkedIn Connections.csv or plain) into a campaign; all-or-nothing (formats and refusals: docs/importing.md)",
    )
    .requiredOption("--campaign <name>", "the campaign to enroll them in")
    .option("--dry-run", "report what would happen without writing anything")
    .option("--json")
    .action(async (file: string, opts: { campaign: string; dryRun?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const bytes = readUserFile(file);
      const progress = g.json ? null : createProgress(`reading ${file}`, 0);
      const csv = readProspectCsv(bytes, file, { onProgress: (done, total) => progress?.update(done, total) });
      progress?.stop();
      await withApp(g, async (app) => {
        const results = await app.enroll(opts.campaign, enrollItems(csv), { dryRun: opts.dryRun === true });
        const data = importReport({ file, campaign: opts.campaign, dryRun: opts.dryRun === true, csv, results });
        emit(g, data, (d) =>
          [
            `${d.dryRun ? "dry run: would enroll" : "enrolled"} ${d.enrolled} prospects in ${d.campaign} from ${d.file} (${d.format}, ${d.encoding}, "${d.delimiter}")`,
            `time zones: ${
              Object.entries(d.zoneSources)
                .map(([k, v]) => `${v} ${k}`)
                .join(", ") || "-"
            }`,
            ...(d.rejects.length
              ? [`${d.rejects.length} rows not enrolled:`, ...d.rejects.map((r) => `  line ${r.line}: ${r.reason}`)]
              : []),
          ].join("\n"),
        );
      });
    });
}
