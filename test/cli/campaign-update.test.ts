/** `linkpace campaign update FILE [--dry-run]` from the command line: what it says, writes and refuses. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { initDir, runCli, type CliResult } from "../support/cli.js";

const NOW = "2027-03-01T08:00:00Z"; // a Monday, 09:00 in Paris
const SLOW = 120_000;

describe("linkpace campaign update", () => {
  it("shows a dry run, writes the next version, and refuses another account and a stopped campaign", { timeout: SLOW }, () => {
    const dir = initDir("linkpace-campaign-update-");
    const cli = (...args: string[]): CliResult => runCli(args, { cwd: dir, env: { LINKPACE_NOW: NOW, LINKPACE_WORKSPACE: undefined } });
    writeFileSync(
      join(dir, "leads.csv"),
      "profileUrl,firstName,lastName,company\nhttps://www.linkedin.com/in/ann,Ann,Lee,Acme\nhttps://www.linkedin.com/in/bob,Bob,Ray,\n",
    );
    expect(cli("account", "add", "account.yaml").code).toBe(0);
    expect(cli("campaign", "create", "campaign.yaml").code).toBe(0);
    expect(cli("prospects", "import", "leads.csv", "--campaign", "first-campaign").code).toBe(0);
    const shown = cli("campaign", "show", "first-campaign", "--json").json() as {
      campaign: { version: number; definition: { steps: Array<Record<string, Record<string, unknown>>> } };
    };
    expect(shown.campaign.version).toBe(1);
    const doc = shown.campaign.definition;
    const edited = { ...doc, steps: [...doc.steps, { message: { after: "2d", text: "Still at {{ company }}?" } }] };
    writeFileSync(join(dir, "edited.json"), JSON.stringify(edited));

    const dry = cli("campaign", "update", "edited.json", "--dry-run");
    expect(dry.stderr).toBe("");
    expect(dry.stdout).toMatch(/dry run: campaign first-campaign would become version 2: step \d+ \(message\) added/);
    expect(dry.stdout).toMatch(/1 text would not be sendable/);
    expect(dry.stdout).toMatch(/in\/bob: step \d+: empty variable company/);
    expect((cli("campaign", "show", "first-campaign", "--json").json() as { campaign: { version: number } }).campaign.version).toBe(1);

    const real = cli("campaign", "update", "edited.json", "--json");
    expect(real.code).toBe(0);
    expect(real.json()).toMatchObject({
      campaign: { version: 2, previousVersion: 1 },
      changed: true,
      dryRun: false,
      enrollments: { total: 2 },
    });
    expect((cli("campaign", "show", "first-campaign", "--json").json() as { campaign: { version: number } }).campaign.version).toBe(2);

    writeFileSync(join(dir, "moved.json"), JSON.stringify({ ...edited, account: "someone-else" }));
    const moved = cli("campaign", "update", "moved.json");
    expect(moved.code).toBe(2);
    expect(moved.stderr).toMatch(/account must stay me/);
    expect(cli("campaign", "stop", "first-campaign").code).toBe(0);
    const stopped = cli("campaign", "update", "edited.json");
    expect(stopped.code).toBe(2);
    expect(stopped.stderr).toMatch(/stopped: a stopped campaign cannot be changed/);
  });
});
