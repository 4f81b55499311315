import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { zipSync } from "fflate";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { initDir, runCli } from "../support/cli.js";

const FIXTURE = resolve("test/fixtures/linkedin-archive/Basic_LinkedInDataExport_03-10-2027");
const NOW = { LINKPACE_NOW: "2027-03-10T09:00:00Z" };
const ACCOUNT = `name: alice\ntimezone: Europe/Paris\ntype: premium\ncreated: 2019-05-01\n`;
const CAMPAIGN = `name: q1\naccount: alice\nsteps:\n  - visit: {}\n  - connect:\n      after: 1d\n      note: "Hi {{ firstName }}!"\n      withdrawAfter: 21d\n  - message:\n      after: 2d\n      text: "Thanks {{ firstName }}!"\n`;
const JANE = "https://www.linkedin.com/in/jane-doe";

function workspace(db?: string): string {
  const dir = initDir(undefined, { LINKPACE_DB: db });
  writeFileSync(join(dir, "account.yaml"), ACCOUNT);
  writeFileSync(join(dir, "campaign.yaml"), CAMPAIGN);
  writeFileSync(join(dir, "leads.csv"), `firstName,lastName,company,profileUrl\nJane,Doe,Acme,${JANE}\n`);
  for (const args of [
    ["account", "add", "account.yaml"],
    ["campaign", "create", "campaign.yaml"],
    ["prospects", "import", "leads.csv", "--campaign", "q1"],
  ]) {
    expect(runCli(args, { cwd: dir, env: { ...NOW, LINKPACE_DB: db } }).code).toBe(0);
  }
  return dir;
}

/** The fixture folder zipped as LinkedIn sends it. */
function zipFixture(dir: string): string {
  const entries: Record<string, Uint8Array> = {};
  for (const name of readdirSync(FIXTURE)) entries[name] = readFileSync(join(FIXTURE, name));
  const path = join(dir, "Basic_LinkedInDataExport_03-10-2027.zip");
  writeFileSync(path, zipSync(entries));
  return path;
}

/** Each test runs the CLI several times as a subprocess. */
const SLOW = 120_000;

const ZERO = { connections: 0, accepted: 0, alreadyConnected: 0, invitationsAdopted: 0, replies: 0, messagesSeen: 0 };

describe("linkpace import linkedin-archive", () => {
  it(
    "imports the zip with --json, then changes nothing on a second import; status and sent show the result",
    () => {
      const dir = workspace();
      const zip = zipFixture(dir);
      const dry = runCli(["import", "linkedin-archive", zip, "--account", "alice", "--dry-run", "--json"], { cwd: dir, env: NOW });
      expect(dry.code).toBe(0);
      expect(dry.json()).toMatchObject({ dryRun: true, invitationsAdopted: 2 });
      expect(runCli(["sent", "--json"], { cwd: dir, env: NOW }).json()).toEqual({ invitations: [] });

      const r = runCli(["import", "linkedin-archive", zip, "--account", "alice", "--json"], { cwd: dir, env: NOW });
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const report = r.json() as Record<string, unknown> & { problems: Array<{ file: string; line: number; reason: string }> };
      expect(report).toMatchObject({
        connections: 2,
        accepted: 1,
        alreadyConnected: 1,
        invitationsAdopted: 2,
        replies: 1,
        messagesSeen: 2,
        unreadable: 4,
      });
      expect(report.problems.map((p) => [p.file, p.line])).toEqual([
        ["Connections.csv", 7],
        ["Connections.csv", 8],
        ["Invitations.csv", 6],
        ["messages.csv", 7],
      ]);
      expect(report).toMatchObject({
        owner: { identifiers: ["https://www.linkedin.com/in/alice-martin"], source: "invitations" },
        read: { connections: 4, invitationsOutgoing: 3, invitationsIncoming: 1, messages: 4, draftsSkipped: 1 },
      });

      const again = runCli(["import", "linkedin-archive", zip, "--account", "alice", "--json"], { cwd: dir, env: NOW });
      expect(again.json()).toMatchObject({ ...ZERO, unreadable: 4 });
      // The extracted folder is the same export.
      const folder = join(dir, "export");
      cpSync(FIXTURE, folder, { recursive: true });
      expect(runCli(["import", "linkedin-archive", folder, "--account", "alice", "--json"], { cwd: dir, env: NOW }).json()).toMatchObject(
        ZERO,
      );

      const status = runCli(["status", "--json"], { cwd: dir, env: NOW }).json() as {
        accounts: Array<{ pending: { count: number }; week: { invites: { used: number } } }>;
      };
      expect(status.accounts[0]).toMatchObject({ pending: { count: 1 }, week: { invites: { used: 2 } } });
      const sent = runCli(["sent", "--json"], { cwd: dir, env: NOW }).json() as { invitations: Array<Record<string, unknown>> };
      expect(sent.invitations.map((i) => [i.profileUrl, i.campaign, i.status, i.sentAt])).toEqual([
        [JANE, "q1", "pending", "2027-03-08T14:05:00Z"],
        ["https://www.linkedin.com/in/bob-stone", "alice-adopted", "replied", "2027-03-04T09:41:00Z"],
      ]);
    },
    SLOW,
  );

  it(
    "prints a readable summary",
    () => {
      const dir = workspace();
      const r = runCli(["import", "linkedin-archive", FIXTURE, "--account", "alice"], { cwd: dir, env: NOW });
      expect(r.code).toBe(0);
      // Jane's went to her own campaign; Bob, in none, to the account's campaign for adopted invitations.
      expect(r.stdout).toContain("2 invitations you sent by hand now tracked: 1 in campaign alice-adopted, 1 in campaign q1");
      expect(r.stdout).toContain("1 pending invitations accepted");
      expect(r.stdout).toContain('Connections.csv line 8: Connected On "Mar 6th" is not a date');
    },
    SLOW,
  );

  it(
    "exits 2 on a missing file, a file that is not a zip, an archive without a known table, an unknown account",
    () => {
      const dir = workspace();
      const missing = runCli(["import", "linkedin-archive", "nope.zip", "--account", "alice", "--json"], { cwd: dir, env: NOW });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain("nope.zip: cannot read: no such file or folder");
      expect(missing.json()).toMatchObject({ error: { code: "invalid_input" } });
      writeFileSync(join(dir, "export.zip"), "First Name,Last Name\n");
      const notZip = runCli(["import", "linkedin-archive", "export.zip", "--account", "alice"], { cwd: dir, env: NOW });
      expect(notZip.code).toBe(2);
      expect(notZip.stderr).toContain("export.zip: not a zip archive");
      writeFileSync(join(dir, "other.zip"), zipSync({ "Skills.csv": new TextEncoder().encode("Name\nPricing\n") }));
      const noTable = runCli(["import", "linkedin-archive", "other.zip", "--account", "alice"], { cwd: dir, env: NOW });
      expect(noTable.code).toBe(2);
      expect(noTable.stderr).toContain("no Connections.csv, Invitations.csv or messages.csv table found (files: Skills.csv)");
      const noAccount = runCli(["import", "linkedin-archive", FIXTURE, "--account", "bob"], { cwd: dir, env: NOW });
      expect(noAccount.code).toBe(2);
      expect(noAccount.stderr).toContain("no account named bob");
      expect(runCli(["import", "linkedin-archive", FIXTURE], { cwd: dir, env: NOW }).code).toBe(2);
    },
    SLOW,
  );
});

describe("linkpace import linkedin-archive on PostgreSQL", () => {
  it.skipIf(!process.env.LINKPACE_TEST_PG)(
    "applies the export in one transaction and is idempotent there too",
    async () => {
      const base = process.env.LINKPACE_TEST_PG as string;
      const schema = `archive_cli_${process.pid}_${Date.now()}`;
      const db = `${base}${base.includes("?") ? "&" : "?"}schema=${schema}`;
      try {
        const dir = workspace(db);
        const env = { ...NOW, LINKPACE_DB: db };
        const first = runCli(["import", "linkedin-archive", FIXTURE, "--account", "alice", "--json"], { cwd: dir, env });
        expect(first.stderr).toBe("");
        expect(first.json()).toMatchObject({
          connections: 2,
          accepted: 1,
          alreadyConnected: 1,
          invitationsAdopted: 2,
          replies: 1,
          messagesSeen: 2,
          unreadable: 4,
        });
        expect(runCli(["import", "linkedin-archive", FIXTURE, "--account", "alice", "--json"], { cwd: dir, env }).json()).toMatchObject(
          ZERO,
        );
        expect(runCli(["mark", JANE, "declined", "--json"], { cwd: dir, env }).json()).toMatchObject({
          status: "applied",
          recorded: "declined",
        });
        const status = runCli(["status", "--json"], { cwd: dir, env }).json() as { accounts: Array<{ pending: { count: number } }> };
        expect(status.accounts[0]!.pending.count).toBe(0);
      } finally {
        const client = new pg.Client({ connectionString: base });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      }
    },
    SLOW,
  );
});

describe("linkpace mark", () => {
  it(
    "records outcomes with exit 0, 'nothing to apply' with exit 1, bad input with exit 2",
    () => {
      const dir = workspace();
      expect(runCli(["import", "linkedin-archive", FIXTURE, "--account", "alice"], { cwd: dir, env: NOW }).code).toBe(0);
      const accepted = runCli(["mark", "https://fr.linkedin.com/in/Jane-Doe/", "accepted", "--at", "2027-03-09T10:00:00Z", "--json"], {
        cwd: dir,
        env: NOW,
      });
      expect(accepted.code).toBe(0);
      expect(accepted.json()).toMatchObject({
        status: "applied",
        recorded: "accepted",
        person: JANE,
        account: "alice",
        campaign: "q1",
        at: "2027-03-09T10:00:00Z",
      });
      const again = runCli(["mark", JANE, "accepted"], { cwd: dir, env: NOW });
      expect(again.code).toBe(0);
      expect(again.stdout).toContain("nothing to do, accepted already, at 2027-03-09T10:00:00Z");
      const declined = runCli(["mark", JANE, "declined", "--json"], { cwd: dir, env: NOW });
      expect(declined.code).toBe(1);
      expect(declined.json()).toMatchObject({ status: "nothing" });
      expect(runCli(["mark", "https://www.linkedin.com/in/erin-kowalski-3b2a1", "connected"], { cwd: dir, env: NOW }).code).toBe(0);
      const unknown = runCli(["mark", "https://www.linkedin.com/in/nobody", "replied"], { cwd: dir, env: NOW });
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain("nobody with this profile URL in the workspace");
      expect(runCli(["mark", JANE, "maybe"], { cwd: dir, env: NOW }).code).toBe(2);
      expect(runCli(["mark", JANE, "replied", "--at", "yesterday"], { cwd: dir, env: NOW }).code).toBe(2);
      expect(runCli(["mark", "jane", "replied"], { cwd: dir, env: NOW }).code).toBe(2);
      const help = runCli(["mark", "--help"]);
      expect(help.stdout).toContain("declined");
    },
    SLOW,
  );
});
