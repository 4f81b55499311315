import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";
import { campaignWorkspace, runCli } from "../support/cli.js";
import { PtySession } from "../support/pty.js";

const T0 = "2027-03-01T09:00:00Z";
const ACCOUNT = "name: me\ntimezone: Europe/Paris\ntype: free\ncreated: 2019-05-01\n";
const CAMPAIGN = `name: hello\naccount: me\nsteps:\n  - connect:\n      note: "Hi {{ firstName }}, great work at {{ company | default: 'your company' }}!"\n      withdrawAfter: 21d\n  - message:\n      after: 1d\n      text: "Thanks {{ firstName }}"\n`;
const LEADS =
  'profileUrl,firstName,lastName,company,title,location\nhttps://www.linkedin.com/in/jane-doe,Jane,Doe,Acme,CTO,"Berlin, Germany"\nhttps://www.linkedin.com/in/joe-bloggs,Joe,Bloggs,,VP,"Paris, France"\n';

function workspace(): string {
  return campaignWorkspace({
    prefix: "linkpace-work-",
    env: { LINKPACE_NOW: T0 },
    account: ACCOUNT,
    campaign: CAMPAIGN,
    leads: LEADS,
    importInto: "hello",
  });
}

function actions(dir: string): Array<{ kind: string; result: string | null; prospect: string; note: string | null }> {
  const db = new Database(join(dir, "linkpace.db"), { readonly: true });
  try {
    return db.prepare("select kind, result, prospect, note from log where type = 'action' order by id").all() as never;
  } finally {
    db.close();
  }
}

const sessions: PtySession[] = [];
function work(dir: string, now: string, extraEnv: Record<string, string> = {}): PtySession {
  const s = new PtySession(["work", "--account", "me"], { cwd: dir, env: { LINKPACE_NOW: now, BROWSER: "true", ...extraEnv } });
  sessions.push(s);
  return s;
}

afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});

describe("linkpace work (terminal runner in a pseudo-terminal)", () => {
  it("shows the task with everything needed, records one key's outcome, then counts down to the next", async () => {
    const dir = workspace();
    const s = work(dir, T0);
    await s.waitFor("CONNECT  Jane Doe, CTO at Acme");
    expect(s.screen).toContain("linkpace work: 2027-03-01 10:00 CET (Europe/Paris)"); // the account's time, not UTC
    expect(s.screen).toContain("their time: mon 10:00 (Europe/Berlin)");
    expect(s.screen).toContain("https://www.linkedin.com/in/jane-doe");
    expect(s.screen).toContain("note (28 / 200 characters):");
    expect(s.screen).toContain("Hi Jane, great work at Acme!");
    expect(s.screen).toContain("[w] LinkedIn said the weekly limit is reached");
    const mark = s.press("d");
    await s.waitFor("Recorded: done.", mark);
    await s.waitFor(/Next task in \d+m \d\ds \(at 2027-03-01 \d\d:\d\d CET \(Europe\/Paris\)\)/, mark);
    expect(actions(dir)).toEqual([
      { kind: "connect", result: "ok", prospect: "https://www.linkedin.com/in/jane-doe", note: "Hi Jane, great work at Acme!" },
    ]);
    s.press("q");
    expect(await s.exited).toBe(0);
    // Later, the next task comes (the clock is the injected one: LINKPACE_NOW).
    const later = work(dir, "2027-03-01T09:30:00Z");
    await later.waitFor("CONNECT  Joe Bloggs, VP");
    expect(later.screen).toContain("Hi Joe, great work at your company!");
    const m2 = later.press("n");
    await later.waitFor("Recorded: LinkedIn refused the note.", m2);
    expect(actions(dir).map((a) => a.result)).toEqual(["ok", "note_quota_reached"]);
  });

  it("shows a task to one runner at a time", async () => {
    const dir = workspace();
    const a = work(dir, T0);
    await a.waitFor("CONNECT  Jane Doe");
    const b = work(dir, T0);
    await b.waitFor("Another runner");
    b.press("d");
    b.press("q");
    expect(await b.exited).toBe(0);
    expect(actions(dir).map((x) => x.result)).toEqual([null]);
    const mark = a.press("d");
    await a.waitFor("Recorded: done.", mark);
    expect(actions(dir).map((x) => x.result)).toEqual(["ok"]);
  });

  it("never loses or doubles a task when a runner is killed mid-task", async () => {
    const dir = workspace();
    const a = work(dir, T0);
    await a.waitFor("CONNECT  Jane Doe");
    a.kill();
    await a.exited;
    // Within the lease the task stays with the killed runner; after it, the next runner asks what happened.
    const early = work(dir, "2027-03-01T09:05:00Z");
    await early.waitFor("Another runner");
    await early.waitFor("this account's task until 2027-03-01 10:10 CET (Europe/Paris)");
    early.press("q");
    await early.exited;
    const b = work(dir, "2027-03-01T09:11:00Z");
    await b.waitFor("A runner stopped while showing this task");
    expect(b.screen).toContain("CONNECT  Jane Doe");
    const mark = b.press("a");
    await b.waitFor("Recorded: already connected.", mark);
    const jane = actions(dir).filter((x) => x.prospect.endsWith("/jane-doe"));
    expect(jane.map((x) => x.result)).toEqual(["already_connected"]);
  });

  it("skips a task without charging it, and quits leaving the task on screen for the next runner, which asks whether it was done", async () => {
    const dir = workspace();
    const a = work(dir, T0);
    await a.waitFor("CONNECT  Jane Doe");
    const mark = a.press("s");
    await a.waitFor("skipped; this prospect comes back in 1d", mark);
    await a.waitFor("CONNECT  Joe Bloggs", mark);
    a.press("q");
    await a.exited;
    expect(actions(dir).map((x) => [x.prospect, x.result])).toEqual([["https://www.linkedin.com/in/joe-bloggs", null]]);
    // It was on screen: the owner may have sent it before quitting.
    const b = work(dir, T0);
    await b.waitFor("CONNECT  Joe Bloggs");
    expect(b.screen).toContain("A runner stopped while showing this task");
  });

  it("opens the profile with $BROWSER on request", async () => {
    const dir = workspace();
    const opened = join(dir, "opened.txt");
    writeFileSync(join(dir, "browser.sh"), `#!/bin/sh\necho "$1" > ${opened}\n`, { mode: 0o755 });
    const s = work(dir, T0, { BROWSER: join(dir, "browser.sh") });
    await s.waitFor("CONNECT  Jane Doe");
    const mark = s.press("o");
    await s.waitFor("Opened https://www.linkedin.com/in/jane-doe", mark);
    // The browser starts detached: wait for what it was given, the profile URL and nothing else.
    await vi.waitFor(() => expect(readFileSync(opened, "utf8")).toBe("https://www.linkedin.com/in/jane-doe\n"), {
      timeout: 5000,
      interval: 20,
    });
  });
});

describe("linkpace tasks", () => {
  it("lists what is due now and what is in progress", () => {
    const dir = workspace();
    const due = runCli(["tasks", "--json"], { cwd: dir, env: { LINKPACE_NOW: T0 } }).json() as {
      accounts: Array<{ account: string; dueNow: boolean; inProgress: unknown[] }>;
    };
    expect(due.accounts).toMatchObject([{ account: "me", dueNow: true, inProgress: [] }]);
  });
});
