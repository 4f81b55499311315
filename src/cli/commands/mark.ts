import { Argument, type Command } from "commander";
import { LinkpaceError } from "../../core/errors.js";
import { parseInstant } from "../../core/time.js";
import { MARK_OUTCOMES, type MarkOutcome } from "../../engine/mark.js";
import { emit, withApp, type GlobalOptions } from "../shell.js";

export function registerMarkCommand(program: Command): void {
  program
    .command("mark")
    .description(
      "record an outcome learned outside linkpace: accepted, replied, declined (closes the pending invitation), connected; " +
        "exit 0 when recorded or already on record, 1 when there is nothing to apply it to (no pending invitation, no enrollment)",
    )
    .argument("<person>", "any profile URL of the person")
    .addArgument(new Argument("<outcome>", "what happened").choices(MARK_OUTCOMES))
    .option("--at <instant>", "when it happened, ISO 8601 (default: now)")
    .option("--account <name>", "the account concerned (default: the one that has this person in a campaign)")
    .option("--text <text>", "replied: the reply's text, as pasted (kept for the Replies page, the activity export and the webhook)")
    .option("--json")
    .action(async (person: string, outcome: MarkOutcome, opts: { at?: string; account?: string; text?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      let at: number | undefined;
      if (opts.at !== undefined) {
        const parsed = parseInstant(opts.at);
        if (parsed === null)
          throw new LinkpaceError("invalid_input", `--at: expected an ISO 8601 instant like 2027-03-01T09:00:00Z, got "${opts.at}"`);
        at = parsed;
      }
      await withApp(g, async (app) => {
        const result = await app.mark({
          person,
          outcome,
          ...(at !== undefined ? { at } : {}),
          ...(opts.account !== undefined ? { account: opts.account } : {}),
          ...(opts.text !== undefined ? { text: opts.text } : {}),
        });
        emit(
          g,
          result,
          (r) =>
            `${r.person}${r.account ? ` (${r.account}${r.campaign ? `, campaign ${r.campaign}` : ""})` : ""}: ${r.status === "already" ? "nothing to do, " : r.status === "nothing" ? "not recorded: " : ""}${r.message}`,
        );
        if (result.status === "nothing") process.exitCode = 1;
      });
    });
}
