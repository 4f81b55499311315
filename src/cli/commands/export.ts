/**
 * `linkpace export prospects|activity`: the workspace's prospects (one row per enrollment, then people never
 * enrolled) or its activity log, as CSV or one JSON document, streamed from the store page by page to stdout
 * or to a file that is replaced atomically.
 */
import { Argument, Command, Option } from "commander";
import { LinkpaceError } from "../../core/errors.js";
import { ACTIVITY_COLUMNS, readActivityRecords, readProspectRecords } from "../../io/export-rows.js";
import { atomicFileTarget, stdoutTarget } from "../../io/output-target.js";
import { prospectRecordWriter } from "../../io/prospect-writer.js";
import { recordWriterFor, type RecordWriter } from "../../io/record-writer.js";
import { isBrokenPipe } from "../../io/text-sink.js";
import type { ExportFilter } from "../../store/store.js";
import { emit, withApp, type GlobalOptions } from "../shell.js";

type Format = "csv" | "json";
type What = "prospects" | "activity";

interface ExportOptions {
  format?: Format;
  campaign?: string;
  account?: string;
  output?: string;
}

export function registerExportCommand(program: Command): void {
  program
    .command("export")
    .description("prospects (one row per enrollment, every dated status change) or activity (every action and event) as CSV or JSON")
    .addArgument(new Argument("<what>", "what to export").choices(["prospects", "activity"]))
    .addOption(
      new Option(
        "--format <format>",
        "csv (UTF-8 with BOM, for Excel and LibreOffice) or json; default csv, or json for an --output ending in .json",
      ).choices(["csv", "json"]),
    )
    .option("--campaign <name>", "only this campaign")
    .option("--account <name>", "only this account")
    .option("--output <file>", "write this file (replaced atomically) instead of stdout")
    .option("--json", "without --output: the same as --format json; with it: print a JSON summary")
    .addHelpText("after", "\ndocs/exports.md describes every column.")
    .action(async (what: What, opts: ExportOptions, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const format = chooseFormat(opts, g.json === true);
      await withApp(g, async (app) => {
        // Names are checked before any output exists, so a typo leaves no empty file behind.
        const filter: ExportFilter = {
          ...(opts.campaign !== undefined ? { campaignId: (await app.campaign(opts.campaign)).id } : {}),
          ...(opts.account !== undefined ? { accountId: (await app.account(opts.account)).id } : {}),
        };
        const target = opts.output !== undefined ? await atomicFileTarget(opts.output) : stdoutTarget();
        let rows: number | null;
        try {
          rows =
            what === "prospects"
              ? await writeAll(
                  readProspectRecords(app.store, app.ctx.workspaceId, filter),
                  await prospectRecordWriter({ store: app.store, workspaceId: app.ctx.workspaceId, filter, format, out: target.stream }),
                )
              : await writeAll(
                  readActivityRecords(app.store, app.ctx.workspaceId, filter),
                  recordWriterFor(format, target.stream, what, ACTIVITY_COLUMNS),
                );
          if (rows !== null) await target.commit();
        } finally {
          await target.abort(); // a no-op once committed; else the temporary file goes
        }
        if (rows === null) return; // stdout was closed by its reader (`| head`): nothing more to say
        if (opts.output !== undefined) {
          emit(
            g,
            { export: what, format, output: opts.output, rows },
            (d) => `wrote ${d.rows} ${what === "prospects" ? "prospect" : "activity"} rows to ${d.output} (${d.format})`,
          );
        }
      });
    });
}

function chooseFormat(opts: ExportOptions, json: boolean): Format {
  if (opts.output === undefined && json) {
    if (opts.format === "csv")
      throw new LinkpaceError(
        "invalid_input",
        "--json prints JSON on stdout: drop --json to get CSV, or add --output FILE to write the CSV there",
      );
    return "json";
  }
  return opts.format ?? (opts.output?.toLowerCase().endsWith(".json") ? "json" : "csv");
}

/** Writes every record; the number written, or null when the reader of stdout went away. */
async function writeAll<R>(records: AsyncIterable<R>, writer: RecordWriter<R>): Promise<number | null> {
  try {
    for await (const r of records) await writer.write(r);
    await writer.end();
    return writer.count;
  } catch (e) {
    if (isBrokenPipe(e)) return null;
    throw e;
  }
}
