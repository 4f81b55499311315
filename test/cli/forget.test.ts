/** `linkpace forget` from the command line: a dry run writes nothing, the erasure leaves no trace in the database file, a re-import refuses them. */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { initDir, runCli, type CliResult } from "../support/cli.js";

const NOW = "2027-03-01T08:00:00Z"; // a Monday, 09:00 in Paris
const SLOW = 120_000;
const ZEB = "https://www.linkedin.com/in/zebediah-quxblorft-7f3k";
const TRACE = /zebediah|quxblorft|7f3k|zq-private-mail/i;

describe("linkpace forget", () => {
  it("says what it would erase with --dry-run, erases with exit 0, refuses bad input with exit 2", { timeout: SLOW }, () => {
    const dir = initDir("linkpace-forget-");
    const cli = (...args: string[]): CliResult => runCli(args, { cwd: dir, env: { LINKPACE_NOW: NOW, LINKPACE_WORKSPACE: undefined } });
    writeFileSync(
      join(dir, "leads.csv"),
      `profileUrl,firstName,lastName,company,email\n${ZEB},Zebediah,Quxblorft,Acme,zeb@zq-private-mail.example\nhttps://www.linkedin.com/in/ann,Ann,Lee,Initech,ann@initech.example\n`,
    );
    expect(cli("account", "add", "account.yaml").code).toBe(0);
    expect(cli("campaign", "create", "campaign.yaml").code).toBe(0);
    expect(cli("prospects", "import", "leads.csv", "--campaign", "first-campaign").code).toBe(0);
    const db = join(dir, "linkpace.db");
    const bytes = () => readFileSync(db).toString("latin1") + (existsSync(`${db}-wal`) ? readFileSync(`${db}-wal`).toString("latin1") : "");
    expect(bytes()).toMatch(TRACE);

    const dry = cli("forget", "http://linkedin.com/in/Zebediah-Quxblorft-7f3k/", "--dry-run", "--json");
    expect(dry.stderr).toBe("");
    expect(dry.code).toBe(0);
    expect(dry.json()).toMatchObject({ dryRun: true, erased: { persons: 1, identifiers: 1, enrollments: 1 }, hashes: { added: 2 } });
    expect(cli("forget", ZEB, "--dry-run").stdout).toMatch(/^would erase person \d+: 1 enrollment, .*\(dry run: nothing was written\)/);
    expect(cli("export", "prospects").stdout).toMatch(/Zebediah/);

    const done = cli("forget", ZEB);
    expect(done.stderr).toBe("");
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(
      /^erased person \d+: 1 enrollment, 1 identifier, .* 2 identifiers on the do-not-contact list as salted hashes/,
    );
    expect(cli("export", "prospects").stdout).not.toMatch(TRACE);
    expect(bytes()).not.toMatch(TRACE);

    const again = cli("prospects", "import", "leads.csv", "--campaign", "first-campaign", "--dry-run");
    expect(again.stdout).toMatch(/line 2: .*suppressed/);
    const list = cli("suppress", "list", "--json").json() as { suppressions: Array<{ kind: string }> };
    expect(list.suppressions.map((s) => s.kind)).toEqual(["hash", "hash"]);

    const bad = cli("forget", "not-a-profile");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not a LinkedIn profile URL/);
    const nobody = cli("forget", ZEB, "--json");
    expect(nobody.code).toBe(0);
    expect(nobody.json()).toMatchObject({ person: null, erased: { persons: 0 }, hashes: { added: 0, alreadyListed: 1 } });
  });
});
