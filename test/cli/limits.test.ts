/** Limits the CLI shares with the API: a created date after today, names and zones too long to be real. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { initDir, runCli, type CliResult } from "../support/cli.js";

const NOW = "2027-03-01T08:00:00Z"; // March 1st in Paris (and in Tokyo until 15:00 UTC)
const SLOW = 120_000;

describe("the CLI's limits", () => {
  it("refuses an account created after today and values too long, with exit 2 and a short message", { timeout: SLOW }, () => {
    const dir = initDir("linkpace-limits-");
    const cli = (...args: string[]): CliResult => runCli(args, { cwd: dir, env: { LINKPACE_NOW: NOW, LINKPACE_WORKSPACE: undefined } });
    const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
    write("tomorrow.yaml", "name: alice\ntimezone: Europe/Paris\ncreated: 2027-03-02\n");
    write("today.yaml", "name: alice\ntimezone: Europe/Paris\ncreated: 2027-03-01\n");
    write("zone.yaml", `name: bob\ntimezone: Europe/${"x".repeat(12 * 1024 * 1024)}\n`);

    const file = cli("account", "add", "tomorrow.yaml");
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/tomorrow\.yaml: created: 2027-03-02 is in the future \(today is 2027-03-01 in Europe\/Paris\)/);
    const flags = cli("account", "add", "--name", "carol", "--timezone", "Europe/Paris", "--created", "2027-03-02");
    expect(flags.code).toBe(2);
    expect(flags.stderr).toMatch(/flags: created: 2027-03-02 is in the future/);
    expect(cli("account", "add", "today.yaml").code).toBe(0);
    write("later.yaml", "name: alice\ntimezone: Europe/Paris\ncreated: 2028-01-01\n");
    const update = cli("account", "update", "later.yaml");
    expect(update.code).toBe(2);
    expect(update.stderr).toMatch(/later\.yaml: created: 2028-01-01 is in the future/);

    const zone = cli("account", "add", "zone.yaml");
    expect(zone.code).toBe(2);
    expect(zone.stderr).toMatch(/zone\.yaml: timezone: unknown time zone "Europe\/x+…" \(12582919 characters\)/);
    expect(zone.stderr.length).toBeLessThan(1000);

    const token = cli("token", "create", "--name", "t".repeat(101));
    expect(token.code).toBe(2);
    expect(token.stderr).toMatch(/--name: expected a name of at most 100 characters, got "t{40}…" \(101 characters\)/);
    expect(cli("token", "create", "--name", "t".repeat(100)).code).toBe(0);
  });
});
