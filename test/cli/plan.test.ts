/** `linkpace plan`: the day's expected tasks and the suggested sittings in the sender's time; `--json` as the API gives it. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";

const NOW = { LINKPACE_NOW: "2027-03-01T07:30:00Z" }; // Monday 08:30 in Paris
const ACCOUNT = `name: alice\ntimezone: Europe/Paris\ntype: premium\ncreated: 2019-05-01\nwarmup: off\npacing: sittings\n`;
const CAMPAIGN = `name: q1\naccount: alice\nschedule:\n  hours: "09:00-12:00"\nsteps:\n  - connect: {}\n`;
const LEADS = [
  "profileUrl,firstName,timezone",
  ...Array.from({ length: 5 }, (_, i) => `https://www.linkedin.com/in/paris-${i},P${i},Europe/Paris`),
  ...Array.from({ length: 3 }, (_, i) => `https://www.linkedin.com/in/ny-${i},N${i},America/New_York`),
  "",
].join("\n");

function workspace(): string {
  const dir = tempDir();
  expect(runCli(["init"], { cwd: dir, env: NOW }).code).toBe(0);
  writeFileSync(join(dir, "alice.yaml"), ACCOUNT);
  writeFileSync(join(dir, "q1.yaml"), CAMPAIGN);
  writeFileSync(join(dir, "leads.csv"), LEADS);
  expect(runCli(["account", "add", "alice.yaml"], { cwd: dir, env: NOW }).code).toBe(0);
  expect(runCli(["campaign", "create", "q1.yaml"], { cwd: dir, env: NOW }).code).toBe(0);
  expect(runCli(["prospects", "import", "leads.csv", "--campaign", "q1"], { cwd: dir, env: NOW }).code).toBe(0);
  return dir;
}

describe("linkpace plan", () => {
  it("prints today's tasks and a sitting for Europe and one for the US East coast, in the sender's time", () => {
    const dir = workspace();
    const out = runCli(["plan", "--days", "2"], { cwd: dir, env: NOW });
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("alice (Europe/Paris, pacing sittings)");
    expect(out.stdout).toContain("2027-03-01 (today): 8 tasks (8 connects)");
    expect(out.stdout).toMatch(/sitting 09:00-09:10 {2}5 tasks for Europe\n/);
    expect(out.stdout).toMatch(/sitting 15:00-15:10 {2}3 tasks for US East coast\n/);
    expect(out.stdout).toContain("2027-03-02: nothing");
    const json = runCli(["plan", "--account", "alice", "--days", "1", "--json"], { cwd: dir, env: NOW }).json();
    expect(json).toMatchObject({ accounts: [{ account: "alice", dueNow: 0, nextSitting: { local: "09:00-09:10", tasks: 5 } }] });
  });

  it("refuses a bad --days with exit 2", () => {
    const dir = workspace();
    const out = runCli(["plan", "--days", "30"], { cwd: dir, env: NOW });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("--days: expected a whole number from 1 to 14");
  });
});
