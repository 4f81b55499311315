/**
 * Replies from the command line: `linkpace mark PERSON replied --text …` keeps the text (and refuses it with
 * another outcome), and the terminal runner's key r records a reply with a pasted line: the task on screen goes
 * back unperformed, the enrollment ends "replied", the next prospect's task follows.
 */
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { campaignWorkspace, runCli } from "../support/cli.js";
import { PtySession } from "../support/pty.js";

const T0 = "2027-03-01T09:00:00Z";
const ACCOUNT = "name: me\ntimezone: Europe/Paris\ntype: free\ncreated: 2019-05-01\n";
const CAMPAIGN = `name: hello\naccount: me\nsteps:\n  - connect:\n      note: "Hi {{ firstName }}"\n  - message:\n      after: 1d\n      text: "Thanks {{ firstName }}"\n`;
const LEADS =
  'profileUrl,firstName,lastName,company,title,location\nhttps://www.linkedin.com/in/jane-doe,Jane,Doe,Acme,CTO,"Berlin, Germany"\nhttps://www.linkedin.com/in/joe-bloggs,Joe,Bloggs,,VP,"Paris, France"\n';

function workspace(): string {
  return campaignWorkspace({
    prefix: "linkpace-replies-",
    env: { LINKPACE_NOW: T0 },
    account: ACCOUNT,
    campaign: CAMPAIGN,
    leads: LEADS,
    importInto: "hello",
  });
}

function query<T>(dir: string, sql: string): T[] {
  const db = new Database(join(dir, "linkpace.db"), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

const sessions: PtySession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});

describe("replies from the command line", () => {
  it("linkpace mark PERSON replied --text keeps the text; --text with another outcome is refused", () => {
    const dir = workspace();
    const env = { LINKPACE_NOW: "2027-03-01T10:00:00Z" };
    const r = runCli(["mark", "https://www.linkedin.com/in/jane-doe", "replied", "--text", "Sure, next week?", "--json"], {
      cwd: dir,
      env,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: "applied", recorded: "replied", reply: { text: "Sure, next week?" } });
    expect(query(dir, "select text, handled_at from replies")).toEqual([{ text: "Sure, next week?", handled_at: null }]);
    const bad = runCli(["mark", "https://www.linkedin.com/in/joe-bloggs", "accepted", "--text", "hm"], { cwd: dir, env });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("--text goes with replied");
    const exported = runCli(["export", "activity", "--format", "json"], { cwd: dir, env });
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain('"text":"Sure, next week?"');
  });

  it("key r in the terminal runner: a pasted line is kept, the task goes back uncharged and the sequence stops", async () => {
    const dir = workspace();
    const s = new PtySession(["work", "--account", "me"], { cwd: dir, env: { LINKPACE_NOW: T0, BROWSER: "true" } });
    sessions.push(s);
    await s.waitFor("CONNECT  Jane Doe, CTO at Acme");
    await s.waitFor("[r] they replied"); // the screen may arrive in more than one write
    const typed = s.press("r");
    await s.waitFor("Their reply (optional; Enter records it, Esc cancels):", typed);
    const sent = s.press("Thanks, let's talk\r");
    await s.waitFor("The task was put back unperformed (nothing charged): the sequence has stopped.", sent);
    await s.waitFor("CONNECT  Joe Bloggs", sent);
    s.press("q");
    expect(await s.exited).toBe(0);
    expect(query(dir, "select kind, prospect from log where type = 'action'")).toEqual([
      { kind: "connect", prospect: "https://www.linkedin.com/in/joe-bloggs" },
    ]);
    expect(query(dir, "select text from replies")).toEqual([{ text: "Thanks, let's talk" }]);
    expect(query(dir, "select status, end_reason from enrollments order by id")).toEqual([
      { status: "done", end_reason: "replied" },
      { status: "in_flight", end_reason: null },
    ]);
  });
});
