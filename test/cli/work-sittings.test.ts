/**
 * `linkpace work` on an account worked in sittings, in a pseudo-terminal: it starts a sitting and hands tasks out
 * back to back; with --no-sitting it rings the bell and starts the suggested sitting when it begins; quitting
 * ends the sitting it started.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { initDir, runCli } from "../support/cli.js";
import { PtySession } from "../support/pty.js";

const T0 = "2027-03-01T08:00:00Z"; // Monday 09:00 in Paris: the recipients' window opens
const ACCOUNT = "name: me\ntimezone: Europe/Paris\ntype: premium\ncreated: 2019-05-01\nwarmup: off\npacing: sittings\n";
const CAMPAIGN = `name: hello\naccount: me\nsteps:\n  - connect: {}\n`;
const LEADS =
  "profileUrl,firstName,lastName,timezone\n" +
  [1, 2, 3].map((i) => `https://www.linkedin.com/in/p-${i},P${i},Doe,Europe/Paris`).join("\n") +
  "\n";

function workspace(): string {
  const dir = initDir("linkpace-work-sittings-");
  writeFileSync(join(dir, "account.yaml"), ACCOUNT);
  writeFileSync(join(dir, "campaign.yaml"), CAMPAIGN);
  writeFileSync(join(dir, "leads.csv"), LEADS);
  for (const args of [
    ["account", "add", "account.yaml"],
    ["campaign", "create", "campaign.yaml"],
    ["prospects", "import", "leads.csv", "--campaign", "hello"],
  ]) {
    expect(runCli(args, { cwd: dir, env: { LINKPACE_NOW: T0 } }).code).toBe(0);
  }
  return dir;
}

const sessions: PtySession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});
function work(dir: string, args: string[] = []): PtySession {
  const s = new PtySession(["work", "--account", "me", ...args], { cwd: dir, env: { LINKPACE_NOW: T0, BROWSER: "true" } });
  sessions.push(s);
  return s;
}
function sitting(dir: string): unknown {
  return (runCli(["tasks", "--json"], { cwd: dir, env: { LINKPACE_NOW: T0 } }).json() as { accounts: Array<{ sitting: unknown }> })
    .accounts[0]?.sitting;
}

describe("linkpace work in sittings", () => {
  it("starts a sitting, hands out the first task at once, and ends the sitting on quit", async () => {
    const dir = workspace();
    const s = work(dir, ["--minutes", "20"]);
    await s.waitFor("CONNECT  P1 Doe");
    expect(sitting(dir)).toEqual({ from: "2027-03-01T08:00:00Z", until: "2027-03-01T08:20:00Z" });
    const mark = s.screen.length;
    s.press("d");
    // The clock stands still here: the next task waits only for the sitting's short gap.
    await s.waitFor(/Sitting open until 2027-03-01 09:20 CET[\s\S]*Next task in 0m [23]\ds/, mark);
    s.press("q");
    await s.waitFor("bye");
    expect(sitting(dir)).toBeNull();
  });

  it("with --no-sitting, rings the bell and starts the suggested sitting when it begins", async () => {
    const dir = workspace();
    const s = work(dir, ["--no-sitting"]);
    await s.waitFor("CONNECT  P1 Doe");
    expect(s.screen).toContain("\x07");
    expect(s.screen).toContain("The suggested sitting 09:00-09:10 begins (3 tasks for Europe).");
    expect(sitting(dir)).toMatchObject({ from: "2027-03-01T08:00:00Z" });
  });

  it("refuses a bad --minutes", () => {
    const out = runCli(["work", "--account", "me", "--minutes", "0"], { cwd: workspace(), env: { LINKPACE_NOW: T0 } });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("--minutes: expected a whole number from 1 to 240");
  });
});
