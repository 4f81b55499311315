import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import pg from "pg";
import { initDir, runCli, tempDir } from "../support/cli.js";

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.LINKPACE_TEST_PG });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
}

const NOW = { LINKPACE_NOW: "2027-03-01T09:00:00Z" };
const ACCOUNT = `name: alice\ntimezone: Europe/Paris\ntype: free\ncreated: 2019-05-01\n`;
const CAMPAIGN = `name: q1\naccount: alice\nsteps:\n  - visit: {}\n  - connect:\n      after: 1d\n      note: "Hi {{ firstName }}, saw {{ company | default: 'your company' }}."\n      withdrawAfter: 21d\n  - message:\n      after: 2d\n      text: "Thanks {{ firstName }}!"\n`;

function workspace(): string {
  const dir = initDir();
  writeFileSync(join(dir, "account.yaml"), ACCOUNT);
  writeFileSync(join(dir, "campaign.yaml"), CAMPAIGN);
  expect(runCli(["account", "add", "account.yaml"], { cwd: dir, env: NOW }).code).toBe(0);
  expect(runCli(["campaign", "create", "campaign.yaml"], { cwd: dir, env: NOW }).code).toBe(0);
  return dir;
}

describe("linkpace CLI", () => {
  it("describes every command in --help", () => {
    const r = runCli(["--help"]);
    expect(r.code).toBe(0);
    for (const cmd of ["init", "account", "campaign", "prospects", "status", "sent", "sim", "demo"]) expect(r.stdout).toContain(cmd);
    const sub = runCli(["prospects", "import", "--help"]);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain("--campaign");
    expect(sub.stdout).toContain("--dry-run");
  });

  it("prints its version from package.json", () => {
    const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    for (const flag of ["--version", "-V"]) {
      const r = runCli([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
    }
  });

  it("refuses to work on a SQLite file that does not exist (exit 2), and creates none; init creates it", () => {
    const dir = tempDir();
    for (const args of [
      ["status"],
      ["sent"],
      ["tasks"],
      ["alerts"],
      ["account", "list"],
      ["campaign", "list"],
      ["token", "list"],
      ["workspace", "list"],
      ["export", "prospects"],
    ]) {
      const r = runCli(args, { cwd: dir });
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toBe("linkpace: no database at ./linkpace.db: run `linkpace init` first (or pass --db)\n");
    }
    expect(runCli(["status", "--db", "other.db"], { cwd: dir }).stderr).toContain(
      "no database at other.db: run `linkpace init --db other.db` first, or check --db",
    );
    expect(runCli(["status"], { cwd: dir, env: { LINKPACE_DB: "env.db" } }).stderr).toContain(
      "no database at env.db: run `linkpace init` first, or check LINKPACE_DB",
    );
    expect(readdirSync(dir)).toEqual([]);
    expect(runCli(["init"], { cwd: dir }).code).toBe(0);
    expect(runCli(["status"], { cwd: dir }).code).toBe(0);
  });

  it.each([
    ["a directory", (dir: string) => dir, /is a directory, not a SQLite database file/],
    ["another kind of URL", () => "mysql://127.0.0.1/linkpace", /mysql:\/\/ is not a database linkpace can use/],
    ["a malformed URL", () => "postgres://me:secret@[::1/linkpace", /"postgres:\/\/me@\[::1\/linkpace" is not a valid URL/],
    [
      "an unreachable PostgreSQL",
      () => "postgres://me:secret@127.0.0.1:1/linkpace",
      /cannot reach PostgreSQL at postgres:\/\/me@127\.0\.0\.1:1\/linkpace: .*ECONNREFUSED/,
    ],
    [
      "a file that is not a database",
      (dir: string) => (writeFileSync(join(dir, "notes.txt"), "not a database, just text\n".repeat(100)), "notes.txt"),
      /cannot open SQLite database notes\.txt: file is not a database/,
    ],
  ])("exits 2 on a bad --db (%s), naming --db and LINKPACE_DB and what would be valid", (_what, target, message) => {
    const dir = tempDir();
    const r = runCli(["status", "--db", target(dir)], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain(
      "check --db or LINKPACE_DB: a SQLite file path such as ./linkpace.db, or a postgres://user@host:5432/database URL",
    );
    expect(r.stderr).not.toContain("secret");
  });

  it("exits 2 on unknown commands and missing arguments", () => {
    expect(runCli(["frobnicate"]).code).toBe(2);
    expect(runCli(["prospects", "import", "x.csv"]).code).toBe(2);
  });

  it("init creates the database and example files", () => {
    const dir = tempDir();
    const r = runCli(["init", "--json"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ examples: ["account.yaml", "campaign.yaml"] });
    expect(readFileSync(join(dir, "linkpace.db")).length).toBeGreaterThan(0);
    // The examples it writes are valid documents.
    expect(runCli(["account", "add", "account.yaml"], { cwd: dir }).code).toBe(0);
    expect(runCli(["campaign", "create", "campaign.yaml"], { cwd: dir }).code).toBe(0);
  });

  it("adds an account from flags and shows it as JSON", () => {
    const dir = initDir();
    const r = runCli(
      ["account", "add", "--name", "bob", "--timezone", "America/New_York", "--type", "premium", "--invites-per-day", "15", "--json"],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ account: { name: "bob", timezone: "America/New_York", limits: { invitesPerDay: 15 } } });
    const list = runCli(["account", "list", "--json"], { cwd: dir });
    expect(list.json()).toEqual({ accounts: [{ name: "bob", type: "premium", timezone: "America/New_York", created: null }] });
    expect(runCli(["account", "add", "--name", "bob", "--timezone", "America/New_York"], { cwd: dir }).code).toBe(2);
  });

  it("rejects a bad campaign with the file, the path and what would be valid", () => {
    const dir = workspace();
    writeFileSync(join(dir, "bad.yaml"), CAMPAIGN.replace("name: q1", "name: q2").replace("{{ firstName }}, saw", "{{ compny }}, saw"));
    const r = runCli(["campaign", "create", "bad.yaml"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("bad.yaml");
    expect(r.stderr).toContain("steps[1].connect.note");
    expect(r.stderr).toContain("compny");
    expect(r.stderr).toContain("firstName");
    expect(runCli(["campaign", "list", "--json"], { cwd: dir }).json()).toMatchObject({ campaigns: [{ name: "q1" }] });
  });

  it("withdraws after 21 days unless the campaign says otherwise (never keeps invitations pending), as campaign create --help says", () => {
    const help = runCli(["campaign", "create", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("withdrawAfter: an invitation still pending this long after it was sent is withdrawn");
    expect(help.stdout).toContain("Default 21d; never keeps it pending");
    expect(help.stdout).not.toContain("CONTRACTS");
    const dir = workspace();
    const connect = (name: string, options: string) => {
      writeFileSync(join(dir, `${name}.yaml`), `name: ${name}\naccount: alice\nsteps:\n  - connect: ${options}\n`);
      expect(runCli(["campaign", "create", `${name}.yaml`], { cwd: dir }).code).toBe(0);
      const shown = runCli(["campaign", "show", name, "--json"], { cwd: dir }).json() as {
        campaign: { definition: { steps: Array<{ connect: { withdrawAfter: string } }> } };
      };
      return shown.campaign.definition.steps[0]!.connect.withdrawAfter;
    };
    expect(connect("plain", "{}")).toBe("3w"); // 21 days
    expect(connect("kept", "{ withdrawAfter: never }")).toBe("never");
  });

  it("reports every problem of a campaign file in one run: an unknown account and bad templates", () => {
    const dir = workspace();
    const bad = CAMPAIGN.replace("name: q1", "name: q2")
      .replace("account: alice", "account: bob")
      .replace("{{ firstName }}, saw", "{{ compny }}, saw")
      .replace("Thanks {{ firstName }}!", "Thanks {{ firstName !");
    writeFileSync(join(dir, "bad.yaml"), bad);
    const r = runCli(["campaign", "create", "bad.yaml", "--json"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("bad.yaml: account: no account named bob in this workspace (known: alice)");
    expect(r.stderr).toContain("bad.yaml: steps[1].connect.note");
    expect(r.stderr).toContain("bad.yaml: steps[2].message.text");
    const issues = (r.json() as { error: { issues: Array<{ where: string }> } }).error.issues.map((i) => i.where);
    expect(issues).toEqual(["bad.yaml: account", "bad.yaml: steps[1].connect.note", "bad.yaml: steps[2].message.text"]);
    expect(runCli(["campaign", "list", "--json"], { cwd: dir }).json()).toMatchObject({ campaigns: [{ name: "q1" }] });
  });

  it("imports a CSV, reports rejects with line numbers, and refuses a second enrollment", () => {
    const dir = workspace();
    writeFileSync(
      join(dir, "leads.csv"),
      '\uFEFFfirst name;last name;company;linkedin;location\nJane;Doe;Acme;https://www.linkedin.com/in/jane-doe;Berlin, Germany\n"Multi\nLine";Name;=HYPERLINK("x");http://linkedin.com/in/multi-line/;Paris, France\nNo;Url;X;www.google.com/x;\nJane;Again;Acme;https://fr.linkedin.com/in/Jane-Doe?x=1;\n',
    );
    const dry = runCli(["prospects", "import", "leads.csv", "--campaign", "q1", "--dry-run", "--json"], { cwd: dir, env: NOW });
    expect(dry.code).toBe(0);
    expect(dry.json()).toMatchObject({ dryRun: true, enrolled: 2, delimiter: ";" });
    const r = runCli(["prospects", "import", "leads.csv", "--campaign", "q1", "--json"], { cwd: dir, env: NOW });
    expect(r.code).toBe(0);
    const out = r.json() as { enrolled: number; rejects: Array<{ line: number; reason: string }> };
    expect(out.enrolled).toBe(2);
    expect(out.rejects.map((x) => x.line)).toEqual([5, 6]);
    expect(out.rejects[1]!.reason).toContain("line 2");
    const again = runCli(["prospects", "import", "leads.csv", "--campaign", "q1", "--json"], { cwd: dir, env: NOW });
    expect(
      (again.json() as { enrolled: number; rejects: Array<{ reason: string }> }).rejects.filter((x) =>
        x.reason.includes("already enrolled in campaign q1"),
      ),
    ).toHaveLength(2);
  });

  it("rejects a CSV without a profile URL column with exit 2 and writes nothing", () => {
    const dir = workspace();
    writeFileSync(join(dir, "nourl.csv"), "name,company\nJane,Acme\n");
    const r = runCli(["prospects", "import", "nourl.csv", "--campaign", "q1"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("nourl.csv");
    expect(r.stderr).toMatch(/profile URL column/i);
    expect(runCli(["campaign", "show", "q1", "--json"], { cwd: dir }).json()).toMatchObject({ campaign: { enrollments: { active: 0 } } });
  });

  it.each([
    [
      "UTF-16 with BOM",
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from("profileUrl\tfirstName\r\nhttps://www.linkedin.com/in/zoe-weber\tZoé\r\n", "utf16le"),
      ]),
      "Zoé",
    ],
    ["Windows-1252", Buffer.from([...Buffer.from("profileUrl,firstName\nhttps://www.linkedin.com/in/zoe-weber,Zo"), 0xe9, 0x0a]), "Zoé"],
  ])("imports a %s file with its accents intact", (_what, bytes, name) => {
    const dir = workspace();
    writeFileSync(join(dir, "leads.csv"), bytes);
    expect(runCli(["prospects", "import", "leads.csv", "--campaign", "q1"], { cwd: dir, env: NOW }).code).toBe(0);
    const db = new Database(join(dir, "linkpace.db"), { readonly: true });
    expect(db.prepare("select first_name from persons").all()).toEqual([{ first_name: name }]);
    db.close();
  });

  it("rejects a binary file with exit 2", () => {
    const dir = workspace();
    writeFileSync(join(dir, "leads.csv"), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0xff, 0xfe, 0x00]));
    const r = runCli(["prospects", "import", "leads.csv", "--campaign", "q1"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("leads.csv");
  });

  it("reports status per account as one JSON document", () => {
    const dir = workspace();
    writeFileSync(join(dir, "leads.csv"), "profileUrl,firstName\nhttps://www.linkedin.com/in/jane-doe,Jane\n");
    runCli(["prospects", "import", "leads.csv", "--campaign", "q1"], { cwd: dir, env: NOW });
    const r = runCli(["status", "--json"], { cwd: dir, env: NOW });
    expect(r.code).toBe(0);
    const s = r.json() as { accounts: Array<Record<string, unknown>> };
    expect(s.accounts[0]).toMatchObject({
      name: "alice",
      pending: { count: 0, max: 500 },
      week: { invites: { used: 0, budget: 100 } },
      next: { kind: "visit" },
    });
    expect(runCli(["status"], { cwd: dir, env: NOW }).stdout).toContain("invitations 7 days");
  });

  it("names the unknown account or campaign and exits 2", () => {
    const dir = workspace();
    const r = runCli(["campaign", "pause", "nope"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no campaign named nope (known: q1)");
    expect(runCli(["campaign", "pause", "q1", "--json"], { cwd: dir }).json()).toEqual({ campaign: { name: "q1", status: "paused" } });
  });
});

describe("linkpace sim", () => {
  const scenario = resolve("test/fixtures/sim/scenario.json");

  it("writes the same event log bytes for the same scenario and seed", () => {
    const dir = tempDir();
    const a = runCli(["sim", scenario, "--events", "a.jsonl", "--json"], { cwd: dir });
    const b = runCli(["sim", scenario, "--events", "b.jsonl"], { cwd: dir });
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    const bytes = readFileSync(join(dir, "a.jsonl"), "utf8");
    expect(bytes.split("\n").length).toBeGreaterThan(200);
    expect(readFileSync(join(dir, "b.jsonl"), "utf8")).toBe(bytes);
    const report = a.json() as { accounts: Array<{ name: string; invitesSent: number }>; prospects: { enrolled: number; refused: number } };
    // Two rows of leads.csv (a duplicate, not a URL), and bob's 34 prospects in Kolkata and Kathmandu, whom New
    // York's working hours never reach.
    expect(report.prospects.refused).toBe(36);
    const okConnects = bytes
      .split("\n")
      .filter((l) => l.includes('"account":"alice"') && l.includes('"action":"connect"') && l.includes('"result":"ok"')).length;
    expect(report.accounts.find((x) => x.name === "alice")!.invitesSent).toBe(okConnects);
  });

  it("lists every invitation sent with its status and dates, as CSV for spreadsheets", () => {
    const dir = tempDir();
    expect(runCli(["sim", scenario, "--db", join(dir, "run.db")], { cwd: dir }).code).toBe(0);
    const json = runCli(["sent", "--db", join(dir, "run.db"), "--json"], { cwd: dir }).json() as {
      invitations: Array<{ status: string; sentAt: string; acceptedAt: string | null }>;
    };
    expect(json.invitations.length).toBeGreaterThan(100);
    const statuses = new Set(json.invitations.map((i) => i.status));
    for (const s of ["accepted", "replied", "withdrawn"]) expect(statuses).toContain(s);
    for (const i of json.invitations.filter((x) => x.status === "accepted"))
      expect(Date.parse(i.acceptedAt!)).toBeGreaterThan(Date.parse(i.sentAt));
    const csv = runCli(["sent", "--db", join(dir, "run.db"), "--csv", "--status", "accepted"], { cwd: dir }).stdout;
    expect(csv.startsWith("\uFEFFname,profileUrl,")).toBe(true);
    expect(csv.trim().split("\r\n")).toHaveLength(1 + json.invitations.filter((x) => x.status === "accepted").length);
  });

  it.skipIf(!process.env.LINKPACE_TEST_PG)("gives byte-identical event logs on SQLite and PostgreSQL", async () => {
    const dir = tempDir();
    const schema = `sim_${process.pid}_${Date.now()}`;
    const pg = `${process.env.LINKPACE_TEST_PG}${process.env.LINKPACE_TEST_PG!.includes("?") ? "&" : "?"}schema=${schema}`;
    const lite = runCli(["sim", scenario, "--db", join(dir, "sim.db"), "--events", "lite.jsonl"], { cwd: dir });
    const post = runCli(["sim", scenario, "--db", pg, "--events", "pg.jsonl"], { cwd: dir });
    expect(lite.code, lite.stderr).toBe(0);
    expect(post.code, post.stderr).toBe(0);
    expect(readFileSync(join(dir, "pg.jsonl"), "utf8")).toBe(readFileSync(join(dir, "lite.jsonl"), "utf8"));
    // The database is not empty any more: a second run there is refused.
    expect(runCli(["sim", scenario, "--db", pg], { cwd: dir }).code).toBe(2);
    await dropSchema(schema);
  });

  it.each([
    ["not JSON", "{ nope", /not valid JSON/],
    [
      "an unknown time zone",
      JSON.stringify({ start: "2027-03-01T00:00:00Z", days: 3, accounts: [{ name: "a", timezone: "Europe/Pari" }] }),
      /accounts\[0\]/,
    ],
    [
      "a campaign for an unknown account",
      JSON.stringify({
        start: "2027-03-01T00:00:00Z",
        days: 3,
        accounts: [{ name: "a", timezone: "Europe/Paris" }],
        campaigns: [{ name: "c", account: "zed", steps: [{ connect: {} }] }],
      }),
      /campaigns\[0\]\.account: unknown account zed/,
    ],
    ["a bad start", JSON.stringify({ start: "March", days: 3, accounts: [{ name: "a", timezone: "Europe/Paris" }] }), /start/],
  ])("rejects a scenario with %s (exit 2)", (_what, text, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, "s.json"), text);
    const r = runCli(["sim", "s.json"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain("s.json");
  });
});
