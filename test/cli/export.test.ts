import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/open-store.js";
import { DEFAULT_WORKSPACE } from "../../src/store/store.js";
import { initDir, runCli, tempDir } from "../support/cli.js";

type Row = Record<string, string>;
type Json = Record<string, string | number | boolean | null>;

const PROSPECT_HEADER = [
  "firstName",
  "lastName",
  "fullName",
  "profileUrl",
  "company",
  "title",
  "location",
  "timezone",
  "timezoneSource",
  "connected",
  "campaign",
  "account",
  "status",
  "stage",
  "enrolledAt",
  "visitedAt",
  "invitedAt",
  "acceptedAt",
  "lastMessageAt",
  "messagesSent",
  "repliedAt",
  "withdrawnAt",
  "endedAt",
  "endReason",
  "hoursToAccept",
  "hoursToReply",
];
/** The simulation's leads.csv has one extra column. */
const SIM_PROSPECT_HEADER = [...PROSPECT_HEADER, "industry"];
const ACTIVITY_HEADER = [
  "at",
  "account",
  "campaign",
  "campaignVersion",
  "prospectUrl",
  "prospectName",
  "prospectTimezone",
  "type",
  "kind",
  "result",
  "text",
];
const SENT_HEADER = [
  "name",
  "profileUrl",
  "company",
  "title",
  "campaign",
  "account",
  "status",
  "sentAt",
  "acceptedAt",
  "repliedAt",
  "withdrawnAt",
  "note",
];

/** Parses CSV output, checking what Excel and LibreOffice need: a BOM and CRLF line ends. */
function csv(text: string, header: string[]): Row[] {
  expect(text.startsWith(`\uFEFF${header.join(",")}\r\n`)).toBe(true);
  expect(text.endsWith("\r\n")).toBe(true);
  return parse(text, { bom: true, columns: true, relax_column_count: false }) as Row[];
}

/** A JSON value as the CSV shows it. */
const asCell = (v: string | number | boolean | null | undefined): string => (v === null || v === undefined ? "" : String(v));

interface SimReport {
  accounts: Array<{
    name: string;
    invitesSent: number;
    accepted: number;
    messagesSent: number;
    replies: number;
    withdrawn: number;
    restrictions: number;
  }>;
  prospects: { enrolled: number; refused: number };
  actions: number;
}

describe("linkpace export on a simulated database", () => {
  const dir = tempDir("linkpace-export-");
  const db = join(dir, "run.db");
  const cli = (...args: string[]) => runCli([...args, "--db", db], { cwd: dir });
  let report: SimReport;
  let prospects: Row[];
  let activity: Row[];

  beforeAll(() => {
    const sim = runCli(["sim", resolve("test/fixtures/sim/scenario.json"), "--db", db, "--events", "events.jsonl", "--json"], { cwd: dir });
    expect(sim.code, sim.stderr).toBe(0);
    report = sim.json() as SimReport;
    const p = cli("export", "prospects");
    expect(p.code, p.stderr).toBe(0);
    prospects = csv(p.stdout, SIM_PROSPECT_HEADER);
    const a = cli("export", "activity");
    expect(a.code, a.stderr).toBe(0);
    activity = csv(a.stdout, ACTIVITY_HEADER);
  });

  it("exports one prospect row per enrollment, agreeing with the simulation report", () => {
    expect(prospects).toHaveLength(report.prospects.enrolled);
    for (const acc of report.accounts) {
      const mine = prospects.filter((r) => r.account === acc.name);
      expect(mine.filter((r) => r.invitedAt !== "")).toHaveLength(acc.invitesSent);
      expect(mine.filter((r) => r.acceptedAt !== "")).toHaveLength(acc.accepted);
      expect(mine.filter((r) => r.repliedAt !== "")).toHaveLength(acc.replies);
      expect(mine.filter((r) => r.withdrawnAt !== "")).toHaveLength(acc.withdrawn);
      expect(mine.reduce((n, r) => n + Number(r.messagesSent), 0)).toBe(acc.messagesSent);
    }
    const stages = new Set(prospects.map((r) => r.stage));
    for (const s of ["messaged", "withdrawn", "replied"]) expect(stages).toContain(s);
    // Never-reachable prospects are refused at import, and those reached only in some weeks wait for them.
    expect(stages).not.toContain("ended:unreachable");
    for (const r of prospects) {
      expect(r.fullName).toBe([r.firstName, r.lastName].filter(Boolean).join(" "));
      if (r.stage === "replied") expect(r.repliedAt).not.toBe("");
      const stage = r.stage ?? "";
      if (stage.startsWith("ended:")) expect(r.endReason).toBe(stage.slice("ended:".length));
      if (r.acceptedAt !== "" && r.invitedAt !== "") {
        const hours = (Date.parse(r.acceptedAt ?? "") - Date.parse(r.invitedAt ?? "")) / 3_600_000;
        expect(Math.abs(Number(r.hoursToAccept) - hours)).toBeLessThanOrEqual(0.005 + 1e-9);
      } else expect(r.hoursToAccept).toBe("");
      if (r.repliedAt !== "" && r.invitedAt !== "") expect(Number(r.hoursToReply)).toBeGreaterThan(Number(r.hoursToAccept));
    }
  });

  it("agrees with `linkpace sent --json` on every invitation and its dates", () => {
    const sent = (cli("sent", "--json").json() as { invitations: Json[] }).invitations;
    const invited = prospects.filter((r) => r.invitedAt !== "");
    expect(invited).toHaveLength(sent.length);
    const byKey = new Map(invited.map((r) => [`${r.campaign} ${r.profileUrl}`, r]));
    for (const s of sent) {
      const r = byKey.get(`${s.campaign} ${s.profileUrl}`);
      expect(r, String(s.profileUrl)).toBeDefined();
      expect([r!.invitedAt, r!.acceptedAt, r!.repliedAt, r!.withdrawnAt]).toEqual(
        [s.sentAt, s.acceptedAt, s.repliedAt, s.withdrawnAt].map(asCell),
      );
    }
  });

  it("exports one activity row per line of the event log, with the same values", () => {
    const events = report.accounts.reduce((n, a) => n + a.accepted + a.replies + a.restrictions, 0);
    expect(activity).toHaveLength(report.actions + events);
    expect(activity.filter((r) => r.type === "action")).toHaveLength(report.actions);
    for (const acc of report.accounts) {
      expect(activity.filter((r) => r.account === acc.name && r.kind === "connect" && r.result === "ok")).toHaveLength(acc.invitesSent);
    }
    const log = readFileSync(join(dir, "events.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Json);
    expect(
      activity.map((r) => [
        r.at,
        r.account,
        r.campaign,
        r.campaignVersion,
        r.prospectUrl,
        r.type === "action" ? r.kind : "",
        r.type === "event" ? r.kind : "",
        r.result,
        r.text,
      ]),
    ).toEqual(
      log.map((l) =>
        [
          l.at,
          l.account,
          l.campaign ?? null,
          l.version ?? null,
          l.prospect ?? null,
          l.action ?? null,
          l.event ?? null,
          l.result ?? null,
          l.note ?? l.text ?? null,
        ].map((v) => asCell(v as string | null)),
      ),
    );
    const names = new Map(prospects.map((p) => [p.profileUrl, p.fullName]));
    for (const r of activity.filter((x) => x.prospectUrl !== "")) expect(r.prospectName).toBe(names.get(r.prospectUrl));
  });

  it("prints one JSON document with the same values as the CSV, with --format json or --json", () => {
    for (const [what, rows] of [
      ["prospects", prospects],
      ["activity", activity],
    ] as const) {
      const out = cli("export", what, "--format", "json");
      expect(out.code, out.stderr).toBe(0);
      const doc = out.json() as Record<string, Json[]>;
      expect(Object.keys(doc)).toEqual([what]);
      const records = doc[what]!;
      // The imported extra column (industry) is an object in JSON, a column of its own in CSV.
      const flat = records.map(({ custom, ...r }) =>
        what === "prospects" ? { ...r, industry: (custom as unknown as Json).industry ?? "" } : r,
      );
      expect(flat.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, asCell(v)])))).toEqual(rows);
      expect(cli("export", what, "--json").stdout).toBe(out.stdout);
    }
    const first = (cli("export", "prospects", "--json").json() as { prospects: Json[] }).prospects[0]!;
    expect(typeof first.messagesSent).toBe("number");
    expect(typeof first.connected).toBe("boolean");
  });

  it.each([
    [["--campaign", "c1"], (r: Row) => r.campaign === "c1", SIM_PROSPECT_HEADER],
    // Bob's prospects were not imported from leads.csv: none has an industry, so no such column.
    [["--account", "bob"], (r: Row) => r.account === "bob", PROSPECT_HEADER],
    [["--account", "alice", "--campaign", "c1"], (r: Row) => r.account === "alice" && r.campaign === "c1", SIM_PROSPECT_HEADER],
  ])("filters with %j", (flags, keep, header) => {
    const p = csv(cli("export", "prospects", ...flags).stdout, header);
    expect(p.length).toBeGreaterThan(0);
    expect(p).toEqual(prospects.filter(keep).map((r) => Object.fromEntries(header.map((k) => [k, r[k]]))));
    const a = csv(cli("export", "activity", ...flags).stdout, ACTIVITY_HEADER);
    expect(a.length).toBeGreaterThan(0);
    expect(a).toEqual(activity.filter(keep));
  });

  it("writes --output atomically, in the format its extension names unless --format says otherwise", () => {
    const out = cli("export", "prospects", "--output", "p.csv");
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain(`wrote ${prospects.length} prospect rows to p.csv`);
    expect(readFileSync(join(dir, "p.csv"), "utf8")).toBe(cli("export", "prospects").stdout);
    const json = cli("export", "activity", "--output", "a.json", "--json");
    expect(json.json()).toEqual({ export: "activity", format: "json", output: "a.json", rows: activity.length });
    expect((JSON.parse(readFileSync(join(dir, "a.json"), "utf8")) as { activity: unknown[] }).activity).toHaveLength(activity.length);
    expect(cli("export", "activity", "--output", "a.txt", "--format", "json").code).toBe(0);
    expect(readFileSync(join(dir, "a.txt"), "utf8")).toBe(readFileSync(join(dir, "a.json"), "utf8"));
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("is described by --help", () => {
    expect(runCli(["--help"]).stdout).toMatch(/^\s+export /m);
    const help = runCli(["export", "--help"]);
    expect(help.code).toBe(0);
    for (const flag of ["prospects", "activity", "--format", "--campaign", "--account", "--output"]) expect(help.stdout).toContain(flag);
  });

  it("exits 2 on an unknown campaign or account, or bad usage, and leaves an existing output file alone", () => {
    writeFileSync(join(dir, "keep.csv"), "previous export");
    const r = cli("export", "prospects", "--campaign", "nope", "--output", "keep.csv");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no campaign named nope (known: c1, c2)");
    expect(readFileSync(join(dir, "keep.csv"), "utf8")).toBe("previous export");
    expect(cli("export", "activity", "--account", "zed").code).toBe(2);
    expect(cli("export", "activity", "--campaign", "nope").stdout).toBe("");
    expect(cli("export", "everything").code).toBe(2);
    expect(cli("export", "prospects", "--format", "xml").code).toBe(2);
    expect(cli("export", "prospects", "--format", "csv", "--json").code).toBe(2);
    expect(cli("export", "prospects", "--output", join(dir, "no-such-dir", "x.csv")).code).toBe(2);
  });

  it("keeps `sent --csv` compatible: same columns, BOM, CRLF, the values of `sent --json`", () => {
    const sent = (cli("sent", "--json").json() as { invitations: Json[] }).invitations;
    const rows = csv(cli("sent", "--csv").stdout, SENT_HEADER);
    expect(rows).toEqual(sent.map((s) => Object.fromEntries(SENT_HEADER.map((k) => [k, asCell(s[k] ?? null)]))));
    const accepted = csv(cli("sent", "--csv", "--status", "accepted").stdout, SENT_HEADER);
    expect(accepted).toHaveLength(sent.filter((s) => s.status === "accepted").length);
  });
});

describe("linkpace export of hostile and Unicode values", () => {
  const NOW = { LINKPACE_NOW: "2027-03-01T09:00:00Z" };
  const nasty = {
    first: 'Jo "JJ", Jr.',
    last: "O'Neil\nSecond line",
    company: '=HYPERLINK("http://x","click")',
    title: "+1 Sales",
    location: "@SUM(A1)",
  };

  it("keeps every value intact, never as a formula, and lists people never enrolled", async () => {
    const dir = initDir("linkpace-export-");
    writeFileSync(join(dir, "account.yaml"), "name: alice\ntimezone: Europe/Paris\n");
    writeFileSync(join(dir, "campaign.yaml"), "name: q1\naccount: alice\nsteps:\n  - visit: {}\n");
    const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
    writeFileSync(
      join(dir, "leads.csv"),
      "profileUrl,firstName,lastName,company,title,location\n" +
        `https://www.linkedin.com/in/jo-oneil,${q(nasty.first)},${q(nasty.last)},${q(nasty.company)},${q(nasty.title)},${q(nasty.location)}\n` +
        'https://www.linkedin.com/in/zoe-yamada,Zoé,山田,Café ☕ GmbH,-2,"Zürich, Switzerland"\n',
    );
    for (const args of [
      ["account", "add", "account.yaml"],
      ["campaign", "create", "campaign.yaml"],
      ["prospects", "import", "leads.csv", "--campaign", "q1"],
    ]) {
      const r = runCli(args, { cwd: dir, env: NOW });
      expect(r.code, r.stderr).toBe(0);
    }
    // Someone known but never enrolled (as LinkedIn's archive import will add): a CRM wants them too.
    const store = await openStore(join(dir, "linkpace.db"));
    const url = "https://www.linkedin.com/in/never-enrolled";
    await store.insertPerson(
      {
        workspaceId: DEFAULT_WORKSPACE,
        displayUrl: url,
        firstName: "Nev",
        lastName: "Er",
        fullName: null,
        company: "",
        title: "",
        location: "",
        timezone: null,
        zoneSource: null,
        custom: {},
        memberId: null,
        connectedAt: null,
        connected: true,
        lastWithdrawnAt: null,
        createdAt: Date.UTC(2027, 2, 1),
      },
      [url],
    );
    await store.close();

    const text = runCli(["export", "prospects"], { cwd: dir }).stdout;
    // The cells a spreadsheet would evaluate are quoted text behind a '.
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""click"")"`);
    const rows = csv(text, PROSPECT_HEADER);
    expect(rows.map((r) => [r.firstName, r.lastName, r.company, r.title, r.location, r.stage, r.campaign])).toEqual([
      [nasty.first, nasty.last, `'${nasty.company}`, `'${nasty.title}`, `'${nasty.location}`, "enrolled", "q1"],
      ["Zoé", "山田", "Café ☕ GmbH", "'-2", "Zürich, Switzerland", "enrolled", "q1"],
      ["Nev", "Er", "", "", "", "not_enrolled", ""],
    ]);
    expect(rows[0]!.fullName).toBe(`${nasty.first} ${nasty.last}`);
    expect(rows[1]).toMatchObject({ timezone: "Europe/Zurich", timezoneSource: "city", status: "ready" });
    expect(rows[2]).toMatchObject({ connected: "true", timezone: "", timezoneSource: "", enrolledAt: "" });
    // JSON carries the values themselves: nothing to neutralise there.
    const json = (runCli(["export", "prospects", "--json"], { cwd: dir }).json() as { prospects: Json[] }).prospects;
    expect(json[0]).toMatchObject({
      firstName: nasty.first,
      lastName: nasty.last,
      company: nasty.company,
      title: nasty.title,
      messagesSent: 0,
      hoursToAccept: null,
    });
    expect(json[2]).toMatchObject({ campaign: null, status: null, stage: "not_enrolled", messagesSent: null });
    // A filter names campaigns, which people never enrolled are in none of.
    expect(csv(runCli(["export", "prospects", "--campaign", "q1"], { cwd: dir }).stdout, PROSPECT_HEADER)).toHaveLength(2);
  });
});

describe("linkpace export of imported extra columns and names", () => {
  it("gives a spreadsheet its own columns back after the standard ones, and names as the file wrote them", () => {
    const dir = initDir("linkpace-export-");
    writeFileSync(join(dir, "account.yaml"), "name: alice\ntimezone: Europe/Paris\n");
    writeFileSync(join(dir, "campaign.yaml"), "name: q1\naccount: alice\nsteps:\n  - visit: {}\n");
    writeFileSync(
      join(dir, "apollo.csv"),
      "First Name,Last Name,Title,Company,Email,Person Linkedin Url,Status,=cmd\n" +
        "Ana,Silva,CTO,Acme,ana@example.com,http://www.linkedin.com/in/ana-silva,hot,=1+1\n" +
        "Bo,Chen,VP,Initech,,http://www.linkedin.com/in/bo-chen,,\n",
    );
    writeFileSync(
      join(dir, "pb.csv"),
      "profileUrl,fullName,firstName,lastName,job,Phone\nhttps://www.linkedin.com/in/li-wei,李伟,伟,李,Founder,+33 1\nhttps://www.linkedin.com/in/cher,Cher,,,Singer,\n",
    );
    for (const args of [
      ["account", "add", "account.yaml"],
      ["campaign", "create", "campaign.yaml"],
      ["prospects", "import", "apollo.csv", "--campaign", "q1"],
      ["prospects", "import", "pb.csv", "--campaign", "q1"],
    ]) {
      const r = runCli(args, { cwd: dir, env: { LINKPACE_NOW: "2027-03-01T09:00:00.250Z" } });
      expect(r.code, r.stderr).toBe(0);
    }
    const text = runCli(["export", "prospects"], { cwd: dir }).stdout;
    // The user's own names after the standard columns (Status is one of those: custom.Status), formula-safe.
    expect(text.split("\r\n")[0]).toBe(`\uFEFF${PROSPECT_HEADER.join(",")},Email,custom.Status,"'=cmd",Phone`);
    const rows = parse(text, { bom: true, columns: true }) as Row[];
    expect(
      rows.map((r) => [r.firstName, r.lastName, r.fullName, r.title, r.Email, r["custom.Status"], r["'=cmd"], r.Phone, r.enrolledAt]),
    ).toEqual([
      ["Ana", "Silva", "Ana Silva", "CTO", "ana@example.com", "hot", "'=1+1", "", "2027-03-01T09:00:00Z"],
      ["Bo", "Chen", "Bo Chen", "VP", "", "", "", "", "2027-03-01T09:00:00Z"],
      ["伟", "李", "李伟", "Founder", "", "", "", "'+33 1", "2027-03-01T09:00:00Z"],
      ["", "", "Cher", "Singer", "", "", "", "", "2027-03-01T09:00:00Z"],
    ]);
    const json = (runCli(["export", "prospects", "--json"], { cwd: dir }).json() as { prospects: Array<Record<string, unknown>> })
      .prospects;
    expect(json.map((p) => p.custom)).toEqual([
      { Email: "ana@example.com", Status: "hot", "=cmd": "=1+1" },
      { Email: "", Status: "", "=cmd": "" },
      { Phone: "+33 1" },
      { Phone: "" },
    ]);
    expect(json[2]).toMatchObject({ fullName: "李伟", enrolledAt: "2027-03-01T09:00:00Z" });
  });
});
