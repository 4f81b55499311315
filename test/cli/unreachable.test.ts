/**
 * Prospects that cannot be enrolled, through the CLI: a scenario's inline prospect without a profile URL is
 * refused and reported while the rest runs; a prospect the campaign can never reach is refused at import (dry
 * run too) with its line and reason, and `status` counts them.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { campaignWorkspace, runCli, tempDir } from "../support/cli.js";

const NOW = { LINKPACE_NOW: "2027-03-01T09:00:00Z" };
const ACCOUNT = `name: alice\ntimezone: America/New_York\ntype: premium\ncreated: 2019-05-01\n`;
const CAMPAIGN = `name: q1\naccount: alice\nsteps:\n  - visit: {}\n  - connect:\n      after: 1d\n`;
const LEADS = [
  "profileUrl,firstName,timezone",
  "https://www.linkedin.com/in/anna,Anna,Europe/Berlin",
  "https://www.linkedin.com/in/li-wei,Wei,Asia/Shanghai",
  "",
].join("\n");
const LI_WEI =
  "line 3: https://www.linkedin.com/in/li-wei: unreachable: Asia/Shanghai 09:00-17:00 (mon-fri) never overlaps alice's working hours 08:00-18:00 (mon-fri) America/New_York";

function workspace(): string {
  return campaignWorkspace({ env: NOW, account: ACCOUNT, campaign: CAMPAIGN, leads: LEADS });
}

describe("prospects a campaign can never reach", () => {
  it("are reported by the dry run and refused by the import with their line and reason (exit 0), and counted by status", () => {
    const dir = workspace();
    const dry = runCli(["prospects", "import", "leads.csv", "--campaign", "q1", "--dry-run"], { cwd: dir, env: NOW });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`  ${LI_WEI}\n`);
    expect(runCli(["status", "--json"], { cwd: dir, env: NOW }).json()).toMatchObject({
      accounts: [{ name: "alice", unreachable: { count: 0, campaigns: {} } }],
    });

    const r = runCli(["prospects", "import", "leads.csv", "--campaign", "q1", "--json"], { cwd: dir, env: NOW });
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ enrolled: 1, rejected: 1, rejects: [{ line: 3, reason: LI_WEI.slice("line 3: ".length) }] });
    const status = runCli(["status", "--json"], { cwd: dir, env: NOW });
    expect(status.json()).toMatchObject({ accounts: [{ name: "alice", unreachable: { count: 1, campaigns: { q1: 1 } } }] });
    expect(runCli(["status"], { cwd: dir, env: NOW }).stdout).toMatch(/unreachable +1 prospects refused at import \(q1 1\)/);
  });
});

describe("linkpace sim with prospects it cannot enroll", () => {
  it("refuses an inline prospect whose URL is not a profile, reports it on stderr and in --json, and runs the rest", () => {
    const dir = tempDir();
    const prospect = (profileUrl: string) => ({ campaign: "c1", profileUrl, timezone: "Europe/Berlin" });
    const scenario = {
      start: "2027-03-01T00:00:00Z",
      days: 3,
      seed: 1,
      accounts: [{ name: "alice", timezone: "Europe/Paris", type: "premium", created: "2019-05-01" }],
      campaigns: [{ name: "c1", account: "alice", steps: [{ visit: {} }] }],
      prospects: [
        prospect("https://www.linkedin.com/in/jane-doe"),
        prospect("https://www.linkedin.com/company/acme"),
        prospect("not a url"),
        prospect("https://www.linkedin.com/in/john-roe"),
      ],
    };
    writeFileSync(join(dir, "s.json"), JSON.stringify(scenario));
    const r = runCli(["sim", "s.json", "--json", "--events", "log.jsonl"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const refusals = [
      { where: "s.json: prospects[1]", reason: '"https://www.linkedin.com/company/acme" is not a LinkedIn profile URL' },
      { where: "s.json: prospects[2]", reason: '"not a url" is not a LinkedIn profile URL' },
    ];
    expect(r.json()).toMatchObject({ prospects: { enrolled: 2, refused: 2, refusals } });
    for (const x of refusals) expect(r.stderr).toContain(`linkpace: refused ${x.where}: ${x.reason}\n`);
    const visited = readFileSync(join(dir, "log.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => (JSON.parse(l) as { prospect: string }).prospect);
    expect(visited.sort()).toEqual(["https://www.linkedin.com/in/jane-doe", "https://www.linkedin.com/in/john-roe"]);
  });
});
