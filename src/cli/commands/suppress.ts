/**
 * `linkpace suppress add|list|remove`: the workspace's do-not-contact list (docs/suppression.md). Adding
 * entries ends every enrolled person they match at once (their pending invitations are withdrawn); imports
 * refuse matching rows. Removing an entry only takes it off the list.
 */
import type { Command } from "commander";
import { LinkpaceError } from "../../core/errors.js";
import {
  addSuppressions,
  removeSuppressionEntry,
  suppressionEntries,
  addedJson,
  suppressionJson,
  type SuppressionInput,
} from "../../engine/suppress.js";
import { readSuppressionFile } from "../../io/suppression-csv.js";
import type { NewSuppression } from "../../store/store.js";
import { readUserFile } from "../read-input.js";
import { emit, table, withApp, type GlobalOptions } from "../shell.js";

const collect = (value: string, previous: string[]): string[] => [...previous, value];

interface Selectors {
  company: string[];
  domain: string[];
}

const ADD_HELP = `
Each URL, --company and --domain is one entry (repeat --company and --domain for more). Matching:
  a profile URL     the person, however the URL is spelt (http, no www, /details/…, percent-encoding)
  --company NAME    that company, ignoring case, accents, punctuation and legal suffixes (Inc, Ltd, GmbH, SAS…)
  --domain DOMAIN   prospects whose email column's domain or website column's host is DOMAIN or under it
--file FILE.csv reads a CSV whose first line names its columns: profileUrl (or linkedinUrl, url), company
(or companyName), domain (or website, email) and an optional reason; every non-empty cell is an entry, a cell
that is not valid is refused with its line, and the rest is added.

Adding ends every enrolled person who matches, now: a ready one ends (reason suppressed); a pending invitation
is withdrawn in the sender's next working hours, then the enrollment ends; a task nobody took is put back, and
one a runner holds ends with its result. Imports refuse matching rows (reason suppressed). See docs/suppression.md.

Examples:
  linkpace suppress add https://www.linkedin.com/in/jane-doe --reason "asked not to be contacted"
  linkpace suppress add --company "Acme Inc" --domain acme.com --reason customer
  linkpace suppress add --file do-not-contact.csv`;

export function registerSuppressCommands(program: Command): void {
  const suppress = program
    .command("suppress")
    .description("the workspace's do-not-contact list: profiles, companies and domains never contacted (docs/suppression.md)");
  suppress
    .command("add [urls...]")
    .description("add profile URLs, companies or domains; ends every enrolled person they match and withdraws their pending invitations")
    .option("--company <name>", "a company (repeatable)", collect, [])
    .option("--domain <domain>", "a domain such as example.com (repeatable)", collect, [])
    .option("--file <file.csv>", "a CSV with profileUrl, company and/or domain columns")
    .option("--reason <text>", "why, kept with each entry (customer, competitor, asked not to be contacted…)")
    .option("--json")
    .addHelpText("after", ADD_HELP)
    .action(async (urls: string[], opts: Selectors & { file?: string; reason?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const reason = opts.reason?.trim() || null;
      const inputs = selectorInputs(urls, opts);
      const entries: NewSuppression[] = inputs.length > 0 ? suppressionEntries(inputs, reason, (i) => describe(inputs[i])) : [];
      const file = opts.file === undefined ? null : readSuppressionFile(readUserFile(opts.file), opts.file, reason);
      if (file !== null) entries.push(...file.entries.map(({ line: _line, ...e }) => e));
      if (entries.length === 0)
        throw new LinkpaceError(
          "invalid_input",
          file === null
            ? "suppress add: give profile URLs, --company NAME, --domain DOMAIN or --file FILE.csv (see --help)"
            : `${opts.file}: no entry to add${file.refused.length > 0 ? `; refused:\n${refusedLines(file.refused)}` : ""}`,
        );
      await withApp(g, async (app) => {
        const out = await addSuppressions(app.ctx, entries);
        const data = {
          ...addedJson(out),
          ...(file !== null ? { file: { name: opts.file, lines: file.lines, columns: file.columns, refused: file.refused } } : {}),
        };
        emit(g, data, (d) =>
          [
            `added ${d.added} entries to the do-not-contact list${d.alreadyListed > 0 ? ` (${d.alreadyListed} already on it)` : ""}`,
            ...(d.file !== undefined
              ? [
                  `${d.file.name}: ${d.file.lines} lines read (columns: ${
                    Object.entries(d.file.columns)
                      .filter(([, v]) => v !== null)
                      .map(([k, v]) => `${k}=${String(v)}`)
                      .join(", ") || "-"
                  })${d.file.refused.length > 0 ? `, ${d.file.refused.length} values refused:` : ""}`,
                  ...(d.file.refused.length > 0 ? [refusedLines(d.file.refused)] : []),
                ]
              : []),
            `enrollments ended now: ${d.ended}; invitations to withdraw (due now, in the sender's working hours): ${d.withdrawals}; ending with the result of a task in progress: ${d.awaitingResult}`,
          ].join("\n"),
        );
      });
    });
  suppress
    .command("list")
    .description("the do-not-contact list, newest first: id, kind, value, reason, date added")
    .option("--json")
    .action(async (_opts: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, async (app) => {
        const rows = (await app.store.allSuppressions(app.ctx.workspaceId)).reverse().map(suppressionJson);
        emit(g, { suppressions: rows }, (d) =>
          d.suppressions.length === 0
            ? "the do-not-contact list is empty: linkpace suppress add URL|--company NAME|--domain DOMAIN"
            : table(
                ["ID", "KIND", "VALUE", "REASON", "ADDED"],
                d.suppressions.map((s) => [
                  String(s.id),
                  s.kind,
                  s.kind === "hash" ? "(a person erased)" : s.input || s.value,
                  s.reason ?? "-",
                  s.createdAt,
                ]),
              ),
        );
      });
    });
  suppress
    .command("remove [targets...]")
    .description("take entries off the list, by id (see suppress list) or profile URL, or by --company / --domain as added")
    .option("--company <name>", "a company entry (repeatable)", collect, [])
    .option("--domain <domain>", "a domain entry (repeatable)", collect, [])
    .option("--json")
    .addHelpText(
      "after",
      '\nPeople the entry ended stay ended; later imports may enroll them again. Companies and domains are found as when\nadded: --company acme removes the entry added as "ACME Inc".',
    )
    .action(async (targets: string[], opts: Selectors, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const ids = targets.filter((t) => /^\d+$/.test(t)).map(Number);
      const inputs = selectorInputs(
        targets.filter((t) => !/^\d+$/.test(t)),
        opts,
      );
      if (ids.length + inputs.length === 0)
        throw new LinkpaceError("invalid_input", "suppress remove: give entry ids, profile URLs, --company NAME or --domain DOMAIN");
      await withApp(g, async (app) => {
        const removed = [];
        for (const id of ids) removed.push(suppressionJson(await removeSuppressionEntry(app.ctx, { id })));
        for (const input of inputs) removed.push(suppressionJson(await removeSuppressionEntry(app.ctx, input)));
        emit(g, { removed }, (d) => d.removed.map((r) => `removed entry ${r.id}: ${r.kind} ${r.input || r.value}`).join("\n"));
      });
    });
}

function selectorInputs(urls: string[], opts: Selectors): SuppressionInput[] {
  return [
    ...urls.map((input) => ({ kind: "profile" as const, input })),
    ...opts.company.map((input) => ({ kind: "company" as const, input })),
    ...opts.domain.map((input) => ({ kind: "domain" as const, input })),
  ];
}

function describe(input: SuppressionInput | undefined): string {
  if (input === undefined) return "input";
  return input.kind === "profile" ? "URL" : `--${input.kind}`;
}

function refusedLines(refused: Array<{ line: number; reason: string }>): string {
  return refused.map((r) => `  line ${r.line}: ${r.reason}`).join("\n");
}
