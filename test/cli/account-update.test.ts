/** `linkpace account update FILE`: new settings for an existing account, in the workspace named by --workspace. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { initDir, runCli, type CliResult } from "../support/cli.js";

const NOW = "2027-03-01T08:00:00Z"; // a Monday, 09:00 in Paris
const SLOW = 120_000;

describe("linkpace account update", () => {
  it("replaces the settings, keeps the name, and refuses bad files and unknown accounts with exit 2", { timeout: SLOW }, () => {
    const dir = initDir("linkpace-account-update-");
    const cli = (...args: string[]): CliResult => runCli(args, { cwd: dir, env: { LINKPACE_NOW: NOW, LINKPACE_WORKSPACE: undefined } });
    const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
    write("alice.yaml", "name: alice\ntimezone: Europe/Paris\ntype: free\ncreated: 2019-05-01\n");
    write("premium.yaml", "name: alice\ntimezone: Europe/Paris\ntype: premium\ncreated: 2019-05-01\nlimits:\n  invitesPerDay: 30\n");
    write("bad.yaml", "name: alice\ntimezone: Europe/Paris\ntype: gold\n");
    write("bob.json", JSON.stringify({ name: "bob", timezone: "Europe/Paris" }));
    expect(cli("account", "add", "alice.yaml").code).toBe(0);
    expect(cli("workspace", "create", "acme").code).toBe(0);

    const budget = () =>
      (cli("status", "--json").json() as { accounts: Array<{ type: string; today: { invites: { budget: number } } }> }).accounts[0];
    expect(budget()).toMatchObject({ type: "free", today: { invites: { budget: 20 } } });

    const updated = cli("account", "update", "premium.yaml");
    expect(updated.stderr).toBe("");
    expect(updated.code).toBe(0);
    expect(updated.stdout).toMatch(/updated account alice \(premium, Europe\/Paris\)/);
    expect(budget()).toMatchObject({ type: "premium", today: { invites: { budget: 30 } } });
    expect(cli("account", "show", "alice", "--json").json()).toMatchObject({
      account: { type: "premium", limits: { invitesPerDay: 30, notesPerMonth: null } },
    });

    const bad = cli("account", "update", "bad.yaml");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.yaml: type/);
    const unknown = cli("account", "update", "bob.json");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no account named bob/);
    const elsewhere = cli("account", "update", "premium.yaml", "--workspace", "acme");
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.stderr).toMatch(/no account named alice/);
    expect(cli("account", "show", "alice", "--json").json()).toMatchObject({ account: { type: "premium" } });

    const help = cli("account", "update", "--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/learned is kept: a lowered weekly budget, a pause, today's counts/);
  });
});
