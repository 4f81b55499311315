/** People read times in the sender account's zone; --json keeps ISO 8601 UTC. */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { formatLocalTime } from "../../src/core/schedule/index.js";
import { runCli, tempDir } from "../support/cli.js";

const ISO_UTC = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z/;
const ZONES: Record<string, string> = { alice: "Europe/Paris", bob: "America/New_York" };

describe("human output shows the sender's local time", () => {
  let db = "";
  beforeAll(() => {
    const dir = tempDir();
    db = join(dir, "run.db");
    expect(runCli(["sim", resolve("test/fixtures/sim/scenario.json"), "--db", db], { cwd: dir }).code).toBe(0);
  });

  it("sent: each invitation's date in its account's zone", () => {
    const json = runCli(["sent", "--db", db, "--json"]).json() as { invitations: Array<{ sentAt: string; account: string }> };
    const text = runCli(["sent", "--db", db]).stdout;
    expect(json.invitations.length).toBeGreaterThan(100);
    for (const i of json.invitations.slice(0, 20)) expect(text).toContain(formatLocalTime(Date.parse(i.sentAt), ZONES[i.account]!));
    expect(text).toMatch(/^2027-03-\d\d \d\d:\d\d EDT \(America\/New_York\) /m);
    expect(text).not.toMatch(ISO_UTC);
  });

  it("alerts: in the account's zone", () => {
    const json = runCli(["alerts", "--db", db, "--json"]).json() as { alerts: Array<{ at: string; account: string }> };
    const text = runCli(["alerts", "--db", db]).stdout;
    expect(json.alerts.length).toBeGreaterThan(0);
    expect(json.alerts[0]!.at).toMatch(ISO_UTC);
    for (const a of json.alerts) expect(text).toContain(formatLocalTime(Date.parse(a.at), ZONES[a.account]!));
    expect(text).not.toMatch(ISO_UTC);
  });

  it("status and tasks: the next action in the account's zone, --json in UTC", () => {
    const dir = tempDir();
    const env = { LINKPACE_NOW: "2027-01-04T12:00:00Z" }; // a Monday: 07:00 in New York, before working hours
    expect(runCli(["init"], { cwd: dir }).code).toBe(0);
    writeFileSync(join(dir, "account.yaml"), "name: bob\ntimezone: America/New_York\ntype: free\ncreated: 2019-05-01\n");
    writeFileSync(join(dir, "campaign.yaml"), "name: q1\naccount: bob\nsteps:\n  - visit: {}\n");
    writeFileSync(join(dir, "leads.csv"), "profileUrl,firstName\nhttps://www.linkedin.com/in/jane-doe,Jane\n");
    for (const args of [
      ["account", "add", "account.yaml"],
      ["campaign", "create", "campaign.yaml"],
      ["prospects", "import", "leads.csv", "--campaign", "q1"],
    ]) {
      expect(runCli(args, { cwd: dir, env }).code).toBe(0);
    }
    const json = runCli(["tasks", "--json"], { cwd: dir, env }).json() as { accounts: Array<{ timezone: string; next: { at: string } }> };
    expect(json.accounts[0]).toMatchObject({
      timezone: "America/New_York",
      next: { at: expect.stringMatching(/^2027-01-04T1\d:\d\d(:\d\d)?Z$/) },
    });
    const local = formatLocalTime(Date.parse(json.accounts[0]!.next.at), "America/New_York");
    expect(local).toMatch(/^2027-01-04 \d\d:\d\d EST \(America\/New_York\)$/);
    // status --json and account show --json give instants as GET /v1/status does: ISO 8601 UTC, never epoch numbers.
    const statusJson = runCli(["status", "--json"], { cwd: dir, env }).json() as { accounts: Array<{ next: { at: unknown } }> };
    expect(statusJson.accounts[0]!.next.at).toBe(json.accounts[0]!.next.at);
    expect(
      (runCli(["account", "show", "bob", "--json"], { cwd: dir, env }).json() as { status: { next: { at: unknown } } }).status.next.at,
    ).toBe(json.accounts[0]!.next.at);
    const status = runCli(["status"], { cwd: dir, env }).stdout;
    expect(status).toContain(`next action         visit at ${local}`);
    expect(status).not.toMatch(ISO_UTC);
    const tasks = runCli(["tasks"], { cwd: dir, env }).stdout;
    expect(tasks).toContain(`visit at ${local}`);
    expect(tasks).not.toMatch(ISO_UTC);
  });
});
