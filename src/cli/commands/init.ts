import { existsSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { resolveDbTarget } from "../../store/open-store.js";
import { emit, withApp, withoutWorkspace, type GlobalOptions } from "../shell.js";

const ACCOUNT_EXAMPLE = `# A sender account (every field: docs/accounts-and-campaigns.md). Edit, then: linkpace account add account.yaml
name: me
timezone: Europe/Paris
type: free                 # free | premium | sales_navigator
created: 2019-05-01        # when your LinkedIn account was created (young accounts warm up)
pacing: sittings           # tasks come back to back while you keep a sitting (linkpace work); drip: spread over the day
workingHours:
  days: [mon, tue, wed, thu, fri]
  hours: "08:00-18:00"
limits:
  invitesPerWeek: 100
  invitesPerDay: 20
`;

const CAMPAIGN_EXAMPLE = `# A campaign (every field: docs/accounts-and-campaigns.md). Edit, then: linkpace campaign create campaign.yaml
name: first-campaign
account: me
schedule:
  timezone: recipient      # each prospect's own zone
  days: [mon, tue, wed, thu, fri]
  hours: "09:00-17:00"
steps:
  - visit: {}
  - connect:
      after: 1d
      note: "Hi {{ firstName }}, I enjoyed reading about {{ company | default: 'your work' }}. Happy to connect!"
      noteFallback: blank
      withdrawAfter: 21d       # the default; never: keep invitations pending
  - message:
      after: 2d
      text: "Thanks for connecting, {{ firstName }}!"
`;

export function registerInitCommand(program: Command): void {
  const init = program
    .command("init")
    .description("create the database (./linkpace.db unless --db) and example account.yaml and campaign.yaml")
    .option("--json");
  withoutWorkspace(init, "the database it creates holds every workspace; add one with linkpace workspace create NAME").action(
    async (_o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const written: string[] = [];
      for (const [file, text] of [
        ["account.yaml", ACCOUNT_EXAMPLE],
        ["campaign.yaml", CAMPAIGN_EXAMPLE],
      ] as const) {
        if (existsSync(file)) continue;
        writeFileSync(file, text);
        written.push(file);
      }
      await withApp(g, async () => undefined, { workspace: "none", create: true });
      const db = resolveDbTarget(g.db);
      emit(g, { database: db.startsWith("postgres") ? "postgres" : db, examples: written }, (d) =>
        [
          `database ready: ${d.database}`,
          ...(d.examples.length ? [`wrote ${d.examples.join(", ")}: edit them, then`] : ["next:"]),
          "  linkpace account add account.yaml",
          "  linkpace campaign create campaign.yaml",
          "  linkpace prospects import leads.csv --campaign first-campaign",
        ].join("\n"),
      );
    },
  );
}
