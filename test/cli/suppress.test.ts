/**
 * `linkpace suppress` through the CLI: entries by URL, company, domain and file (with its refused lines), the
 * list, removal by id or as added, an import refusing matching rows with their lines (reason suppressed), and
 * adding an entry ending an enrolled person.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { campaignWorkspace, runCli } from "../support/cli.js";

const NOW = { LINKPACE_NOW: "2027-03-01T09:00:00Z" };
const ACCOUNT = `name: alice\ntimezone: Europe/Paris\ntype: premium\ncreated: 2019-05-01\n`;
const CAMPAIGN = `name: q1\naccount: alice\nsteps:\n  - visit: {}\n  - connect:\n      after: 1d\n`;
const LEADS = [
  "profileUrl,firstName,company,Work Email",
  "https://www.linkedin.com/in/anna,Anna,Acme S.A.S.,anna@acme.fr",
  "https://www.linkedin.com/in/bob,Bob,Initech,bob@globex.com",
  "https://www.linkedin.com/in/carl,Carl,Initech,carl@initech.com",
  "linkedin.com/in/Dora/,Dora,Initech,dora@initech.com",
  "",
].join("\n");

function workspace(): string {
  return campaignWorkspace({ env: NOW, account: ACCOUNT, campaign: CAMPAIGN, leads: LEADS });
}

describe("linkpace suppress", () => {
  it("adds by company, domain, URL and file, lists, and the import refuses matching rows with their lines", () => {
    const dir = workspace();
    const added = runCli(["suppress", "add", "--company", "ACME", "--domain", "globex.com", "--reason", "customer", "--json"], {
      cwd: dir,
      env: NOW,
    });
    expect(added.code).toBe(0);
    expect(added.json()).toMatchObject({ added: 2, alreadyListed: 0, ended: 0, withdrawals: 0 });
    writeFileSync(join(dir, "dnc.csv"), "profileUrl,reason\nhttps://www.linkedin.com/in/dora,asked\nhttps://example.com/x,\n");
    const fromFile = runCli(["suppress", "add", "--file", "dnc.csv"], { cwd: dir, env: NOW });
    expect(fromFile.code).toBe(0);
    expect(fromFile.stdout).toContain("added 1 entries");
    expect(fromFile.stdout).toContain("dnc.csv: 2 lines read (columns: profile=profileUrl, reason=reason), 1 values refused:");
    expect(fromFile.stdout).toContain('  line 3: profileUrl: "https://example.com/x" is not a LinkedIn profile URL');

    const list = runCli(["suppress", "list", "--json"], { cwd: dir, env: NOW }).json() as { suppressions: unknown[] };
    expect(list.suppressions).toEqual([
      expect.objectContaining({ kind: "profile", value: "https://www.linkedin.com/in/dora", reason: "asked" }),
      expect.objectContaining({ kind: "domain", value: "globex.com", input: "globex.com", reason: "customer" }),
      expect.objectContaining({ id: 1, kind: "company", value: "acme", input: "ACME", reason: "customer" }),
    ]);
    expect(runCli(["suppress", "list"], { cwd: dir, env: NOW }).stdout).toMatch(/1 +company +ACME +customer/);

    const r = runCli(["prospects", "import", "leads.csv", "--campaign", "q1", "--json"], { cwd: dir, env: NOW });
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({
      enrolled: 1,
      rejected: 3,
      rejects: [
        { line: 2, reason: 'https://www.linkedin.com/in/anna: suppressed (company "ACME", entry 1)' },
        { line: 3, reason: 'https://www.linkedin.com/in/bob: suppressed (domain "globex.com", entry 2)' },
        { line: 5, reason: 'https://www.linkedin.com/in/dora: suppressed (profile "https://www.linkedin.com/in/dora", entry 3)' },
      ],
    });

    const removed = runCli(["suppress", "remove", "1", "--domain", "WWW.GLOBEX.COM"], { cwd: dir, env: NOW });
    expect(removed.code).toBe(0);
    expect(removed.stdout).toBe("removed entry 1: company ACME\nremoved entry 2: domain globex.com\n");
    expect(runCli(["suppress", "remove", "99"], { cwd: dir, env: NOW })).toMatchObject({ code: 2 });
  });

  it("ends an enrolled person when their entry is added, and says so", () => {
    const dir = workspace();
    expect(runCli(["prospects", "import", "leads.csv", "--campaign", "q1"], { cwd: dir, env: NOW }).code).toBe(0);
    const r = runCli(["suppress", "add", "https://www.linkedin.com/in/carl", "--company", "acme sas"], { cwd: dir, env: NOW });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("enrollments ended now: 2; invitations to withdraw (due now, in the sender's working hours): 0");
    const bad = runCli(["suppress", "add", "--domain", "not a domain"], { cwd: dir, env: NOW });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--domain: "not a domain" is not a domain');
  });

  it("answers --help with what matches and what adding does", () => {
    const help = runCli(["suppress", "add", "--help"], { env: NOW });
    expect(help.stdout).toContain("legal suffixes");
    expect(help.stdout).toContain("--file FILE.csv reads a CSV");
    expect(help.stdout).toContain("pending invitation");
  });
});
