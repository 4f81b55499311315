/**
 * `linkpace forget PERSON`: erase a person everywhere (engine/forget.ts, docs/privacy.md). PERSON is any profile
 * URL of theirs. Their identifiers go on the do-not-contact list as salted hashes, so no later import brings them
 * back; `--dry-run` says what would be erased and writes nothing.
 */
import type { Command } from "commander";
import { forgetJson, forgetPerson } from "../../engine/forget.js";
import { emit, withApp, type GlobalOptions } from "../shell.js";

const HELP = `
Deleted: the person, their identifiers, fields and extra columns, their enrollments in every campaign, their
replies, the notifications about them and the webhook deliveries queued for those, the import refusals naming
them, and a do-not-contact entry holding their URL. Their account's past actions stay in the log, because the
budgets count them, with only the account, time, kind and result. Their profile identifiers and the email
addresses of their extra columns go on the do-not-contact list as salted hashes: a later import refuses them
(reason suppressed).

A pending invitation cannot be withdrawn by linkpace once they are erased: the report names it, withdraw it by
hand on LinkedIn. While a runner or an agent holds a task for them, forget is refused (exit 2): answer or skip
the task, then forget them. See docs/privacy.md.

Examples:
  linkpace forget https://www.linkedin.com/in/jane-doe --dry-run
  linkpace forget https://www.linkedin.com/in/jane-doe --json`;

export function registerForgetCommand(program: Command): void {
  program
    .command("forget <person>")
    .description("erase a person everywhere (PERSON is any profile URL of theirs) and keep them out of later imports (docs/privacy.md)")
    .option("--dry-run", "say what would be erased, without writing anything")
    .option("--json")
    .addHelpText("after", HELP)
    .action(async (person: string, opts: { dryRun?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, async (app) => {
        const out = await forgetPerson(app.ctx, { url: person }, { dryRun: opts.dryRun === true });
        emit(g, forgetJson(out), (d) => d.summary);
      });
    });
}
