/** The global --workspace option (and LINKPACE_WORKSPACE): every command that works on workspace data works in the named one. */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { zipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { initDir, runCli, tempDir, type CliResult } from "../support/cli.js";
import { PtySession } from "../support/pty.js";

const NOW = "2027-03-10T09:00:00Z";
const FIXTURE = resolve("test/fixtures/linkedin-archive/Basic_LinkedInDataExport_03-10-2027");
const JANE = "https://www.linkedin.com/in/jane-doe";
const JOE = "https://www.linkedin.com/in/joe-bloggs";
/** The same account and campaign names in both workspaces; only the time zone tells them apart. */
const account = (zone: string): string => `name: alice\ntimezone: ${zone}\ntype: premium\ncreated: 2019-05-01\n`;
const CAMPAIGN = `name: q1\naccount: alice\nsteps:\n  - connect:\n      note: "Hi {{ firstName }}!"\n      withdrawAfter: 21d\n  - message:\n      after: 2d\n      text: "Thanks {{ firstName }}!"\n`;

/** Each test runs the CLI many times as a subprocess. */
const SLOW = 120_000;

function cliIn(dir: string, env: Record<string, string | undefined> = {}) {
  return (...args: string[]): CliResult => runCli(args, { cwd: dir, env: { LINKPACE_NOW: NOW, LINKPACE_WORKSPACE: undefined, ...env } });
}

function ok(r: CliResult): CliResult {
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return r;
}

function zipFixture(dir: string): string {
  const entries: Record<string, Uint8Array> = {};
  for (const name of readdirSync(FIXTURE)) entries[name] = readFileSync(join(FIXTURE, name));
  const path = join(dir, "export.zip");
  writeFileSync(path, zipSync(entries));
  return path;
}

/**
 * The default workspace: alice (Europe/Paris), q1 with Joe. Workspace acme: alice (America/New_York), q1 with
 * Jane, and alice's LinkedIn export imported (two invitations sent, one of them to Jane).
 */
function twoWorkspaces(): string {
  const dir = initDir("linkpace-ws-");
  const cli = cliIn(dir);
  writeFileSync(join(dir, "paris.yaml"), account("Europe/Paris"));
  writeFileSync(join(dir, "ny.yaml"), account("America/New_York"));
  writeFileSync(join(dir, "campaign.yaml"), CAMPAIGN);
  writeFileSync(join(dir, "joe.csv"), `firstName,lastName,company,profileUrl\nJoe,Bloggs,Initech,${JOE}\n`);
  writeFileSync(join(dir, "jane.csv"), `firstName,lastName,company,profileUrl\nJane,Doe,Acme,${JANE}\n`);
  ok(cli("account", "add", "paris.yaml"));
  ok(cli("campaign", "create", "campaign.yaml"));
  ok(cli("prospects", "import", "joe.csv", "--campaign", "q1"));
  ok(cli("workspace", "create", "acme"));
  // The option goes anywhere on the line, before or after the command.
  ok(cli("account", "add", "ny.yaml", "--workspace", "acme"));
  ok(cli("--workspace", "acme", "campaign", "create", "campaign.yaml"));
  ok(cli("prospects", "import", "jane.csv", "--campaign", "q1", "--workspace", "acme"));
  const imported = ok(cli("import", "linkedin-archive", zipFixture(dir), "--account", "alice", "--workspace", "acme", "--json")).json();
  expect(imported).toMatchObject({ invitationsAdopted: 2 });
  return dir;
}

type Accounts = { accounts: Array<{ name: string; timezone: string }> };
type Sent = { invitations: Array<{ profileUrl: string; campaign: string; account: string; status: string }> };

describe("--workspace", () => {
  it(
    "keeps two workspaces with the same account and campaign names apart; status, sent and export show only the chosen one",
    () => {
      const dir = twoWorkspaces();
      const cli = cliIn(dir);

      expect((ok(cli("account", "list", "--json")).json() as Accounts).accounts).toMatchObject([
        { name: "alice", timezone: "Europe/Paris" },
      ]);
      expect((ok(cli("account", "list", "--workspace", "acme", "--json")).json() as Accounts).accounts).toMatchObject([
        { name: "alice", timezone: "America/New_York" },
      ]);
      expect(ok(cli("account", "show", "alice", "--workspace", "acme", "--json")).json()).toMatchObject({
        account: { timezone: "America/New_York" },
      });
      const campaigns = (ws: string[]) =>
        (
          ok(cli("campaign", "list", ...ws, "--json")).json() as {
            campaigns: Array<{ name: string; enrollments: { active: number; invited: number } }>;
          }
        ).campaigns;
      expect(campaigns([])).toMatchObject([{ name: "q1", enrollments: { active: 1, invited: 0 } }]);
      // acme also has the campaign its LinkedIn export's invitations were adopted into.
      expect(campaigns(["--workspace", "acme"])).toMatchObject([
        { name: "q1", enrollments: { active: 0, invited: 1 } },
        { name: "alice-adopted" },
      ]);

      // status: each workspace's alice, with its own invitations.
      const status = (ws: string[]) =>
        (ok(cli("status", ...ws, "--json")).json() as { accounts: Array<{ name: string; timezone: string; pending: { count: number } }> })
          .accounts;
      expect(status([])).toMatchObject([{ name: "alice", timezone: "Europe/Paris", pending: { count: 0 } }]);
      expect(status(["--workspace", "acme"])).toMatchObject([{ name: "alice", timezone: "America/New_York", pending: { count: 1 } }]);

      // sent: the invitations are acme's only.
      expect(ok(cli("sent", "--json")).json()).toEqual({ invitations: [] });
      const sent = (ok(cli("sent", "--workspace", "acme", "--json")).json() as Sent).invitations;
      expect(sent.map((i) => [i.profileUrl, i.campaign, i.status])).toEqual([
        [JANE, "q1", "pending"],
        ["https://www.linkedin.com/in/bob-stone", "alice-adopted", "replied"],
      ]);
      expect(ok(cli("sent", "--workspace", "acme", "--campaign", "q1", "--account", "alice", "--json")).json()).toMatchObject({
        invitations: [{ profileUrl: JANE }],
      });

      // export: each workspace's people and activity only.
      const people = (ws: string[]) =>
        (ok(cli("export", "prospects", ...ws, "--format", "json")).json() as { prospects: Array<{ profileUrl: string; campaign: string }> })
          .prospects;
      expect(people([]).map((p) => p.profileUrl)).toEqual([JOE]);
      const acme = people(["--workspace", "acme", "--campaign", "q1"]);
      expect(acme.map((p) => [p.profileUrl, p.campaign])).toEqual([[JANE, "q1"]]);
      expect(people(["--workspace", "acme"]).map((p) => p.profileUrl)).not.toContain(JOE);
      const activity = (ws: string[]) =>
        (ok(cli("export", "activity", ...ws, "--json")).json() as { activity: Array<{ prospectUrl: string }> }).activity;
      const BOB = "https://www.linkedin.com/in/bob-stone"; // accepted and replied, in acme's LinkedIn export
      expect(activity([])).toEqual([]);
      expect(new Set(activity(["--workspace", "acme"]).map((a) => a.prospectUrl))).toEqual(new Set([BOB]));

      // A name of the other workspace is unknown here; a campaign paused in one stays active in the other.
      const mark = cli("mark", JOE, "accepted", "--workspace", "acme");
      expect(mark.code).toBe(2);
      expect(mark.stderr).toContain("nobody with this profile URL in the workspace");
      ok(cli("campaign", "pause", "q1", "--workspace", "acme"));
      expect(ok(cli("campaign", "show", "q1", "--json")).json()).toMatchObject({ campaign: { status: "active" } });
      expect(ok(cli("campaign", "show", "q1", "--workspace", "acme", "--json")).json()).toMatchObject({ campaign: { status: "paused" } });

      // tasks, alerts, webhooks: per workspace too.
      expect(ok(cli("tasks", "--json")).json()).toMatchObject({ accounts: [{ account: "alice", dueNow: true }] });
      expect(ok(cli("tasks", "--workspace", "acme", "--json")).json()).toMatchObject({ accounts: [{ account: "alice", dueNow: false }] });
      ok(cli("webhook", "add", "https://example.com/hook", "--events", "all", "--workspace", "acme"));
      expect(ok(cli("webhook", "list", "--json")).json()).toEqual({ webhooks: [] });
      expect((ok(cli("webhook", "list", "--workspace", "acme", "--json")).json() as { webhooks: unknown[] }).webhooks).toHaveLength(1);
      expect(ok(cli("alerts", "--workspace", "acme", "--json")).json()).toEqual({ alerts: [] });
    },
    SLOW,
  );

  it(
    "honours LINKPACE_WORKSPACE; --workspace wins over it; without either, the default workspace",
    () => {
      const dir = twoWorkspaces();
      const inAcme = cliIn(dir, { LINKPACE_WORKSPACE: "acme" });
      expect((ok(inAcme("status", "--json")).json() as Accounts).accounts).toMatchObject([{ timezone: "America/New_York" }]);
      expect((ok(inAcme("sent", "--json")).json() as Sent).invitations).toHaveLength(2);
      expect((ok(inAcme("status", "--workspace", "default", "--json")).json() as Accounts).accounts).toMatchObject([
        { timezone: "Europe/Paris" },
      ]);
      // An empty variable is no workspace.
      expect((ok(cliIn(dir, { LINKPACE_WORKSPACE: "" })("status", "--json")).json() as Accounts).accounts).toMatchObject([
        { timezone: "Europe/Paris" },
      ]);
      expect((ok(cliIn(dir)("status", "--json")).json() as Accounts).accounts).toMatchObject([{ timezone: "Europe/Paris" }]);
      // token create takes the workspace the same way, and still from `token create --workspace`.
      expect(ok(inAcme("token", "create", "--name", "ops", "--json")).json()).toMatchObject({ token: { workspace: "acme" } });
      expect(ok(cliIn(dir)("token", "create", "--name", "laptop", "--json")).json()).toMatchObject({ token: { workspace: "default" } });
      const tokens = (cli: ReturnType<typeof cliIn>, ...ws: string[]) =>
        (ok(cli("token", "list", ...ws, "--json")).json() as { tokens: Array<{ name: string; workspace: string }> }).tokens.map(
          (t) => `${t.name}@${t.workspace}`,
        );
      expect(tokens(cliIn(dir))).toEqual(["ops@acme", "laptop@default"]);
      expect(tokens(cliIn(dir), "--workspace", "acme")).toEqual(["ops@acme"]);
      expect(tokens(inAcme)).toEqual(["ops@acme"]);
      // A token of another workspace is not revoked through this one.
      expect(cliIn(dir)("token", "revoke", "2", "--workspace", "acme").code).toBe(2);
      ok(cliIn(dir)("token", "revoke", "2"));
    },
    SLOW,
  );

  it(
    "exits 2 on an unknown workspace, naming the known ones and how to create one",
    () => {
      const dir = twoWorkspaces();
      for (const [args, env, from] of [
        [["status", "--workspace", "acmee"], {}, "--workspace"],
        [["prospects", "import", "jane.csv", "--campaign", "q1", "--workspace", "acmee"], {}, "--workspace"],
        [["export", "prospects", "--output", "out.csv", "--workspace", "acmee"], {}, "--workspace"],
        [["token", "create", "--name", "x", "--workspace", "acmee"], {}, "--workspace"],
        [["sent"], { LINKPACE_WORKSPACE: "acmee" }, "LINKPACE_WORKSPACE"],
      ] as Array<[string[], Record<string, string>, string]>) {
        const r = cliIn(dir, env)(...args);
        expect(r.code, args.join(" ")).toBe(2);
        expect(r.stdout).toBe("");
        expect(r.stderr).toBe(
          `linkpace: ${from}: no workspace named "acmee" (known: default, acme; create one with linkpace workspace create NAME)\n`,
        );
      }
      expect(readdirSync(dir)).not.toContain("out.csv");
      const work = cliIn(dir)("work", "--account", "alice", "--workspace", "acmee");
      expect(work.code).toBe(2);
      expect(work.stderr).toContain('no workspace named "acmee"');
      // Nothing was written anywhere.
      expect(
        (ok(cliIn(dir)("campaign", "list", "--json")).json() as { campaigns: Array<{ enrollments: { active: number } }> }).campaigns[0]!
          .enrollments.active,
      ).toBe(1);
    },
    SLOW,
  );

  it(
    "is refused by init, sim, demo, serve, worker and workspace, which ignore LINKPACE_WORKSPACE; their --help says so",
    () => {
      const dir = tempDir("linkpace-ws-free-");
      const cli = cliIn(dir);
      for (const args of [
        ["init"],
        ["sim", "scenario.json"],
        ["demo"],
        ["serve", "--port", "0"],
        ["worker"],
        ["workspace", "list"],
        ["workspace", "create", "x"],
      ]) {
        const r = cli(...args, "--workspace", "acme");
        expect(r.code, args.join(" ")).toBe(2);
        expect(r.stderr).toMatch(
          new RegExp(
            `^linkpace: --workspace: linkpace ${args.slice(0, args[0] === "workspace" ? 2 : 1).join(" ")} does not take it \\(.+\\); drop --workspace\\n$`,
          ),
        );
      }
      const env = cliIn(dir, { LINKPACE_WORKSPACE: "acme" });
      expect(ok(env("init", "--json")).json()).toMatchObject({ examples: ["account.yaml", "campaign.yaml"] });
      ok(env("workspace", "create", "acme"));
      expect(ok(env("workspace", "list", "--json")).json()).toEqual({
        workspaces: [
          { id: 1, name: "default" },
          { id: 2, name: "acme" },
        ],
      });
      for (const args of [["init"], ["sim"], ["demo"], ["serve"], ["worker"], ["workspace", "create"]]) {
        expect(ok(cli(...args, "--help")).stdout, args.join(" ")).toContain("--workspace does not apply here");
      }
      for (const args of [["status"], ["work"], ["prospects", "import"], ["export"], ["token", "create"]]) {
        const help = ok(cli(...args, "--help")).stdout;
        expect(help, args.join(" ")).toContain("--workspace <name>");
        expect(help, args.join(" ")).not.toContain("--workspace does not apply");
      }
      expect(ok(cli("--help")).stdout).toMatch(/init, sim, demo, serve, worker\s+and workspace/);
    },
    SLOW,
  );
});

describe("linkpace work --workspace", () => {
  const sessions: PtySession[] = [];
  afterEach(() => {
    for (const s of sessions.splice(0)) s.kill();
  });

  it(
    "works through the named workspace's account, and its lease names the workspace",
    async () => {
      const dir = initDir("linkpace-ws-work-");
      const cli = cliIn(dir, { LINKPACE_NOW: "2027-03-01T09:00:00Z" });
      writeFileSync(join(dir, "account.yaml"), account("Europe/Paris"));
      writeFileSync(join(dir, "campaign.yaml"), CAMPAIGN);
      writeFileSync(
        join(dir, "jane.csv"),
        `firstName,lastName,company,title,profileUrl,location\nJane,Doe,Acme,CTO,${JANE},"Berlin, Germany"\n`,
      );
      ok(cli("workspace", "create", "acme"));
      ok(cli("account", "add", "account.yaml", "--workspace", "acme"));
      ok(cli("campaign", "create", "campaign.yaml", "--workspace", "acme"));
      ok(cli("prospects", "import", "jane.csv", "--campaign", "q1", "--workspace", "acme"));
      // The default workspace has no alice.
      const none = cli("work", "--account", "alice");
      expect(none.code).toBe(2);
      expect(none.stderr).toContain("no account named alice");

      const s = new PtySession(["work", "--account", "alice", "--workspace", "acme"], {
        cwd: dir,
        env: { LINKPACE_NOW: "2027-03-01T09:00:00Z", BROWSER: "true" },
      });
      sessions.push(s);
      await s.waitFor("CONNECT  Jane Doe, CTO at Acme");
      expect(s.screen).toContain("linkpace work (workspace acme):");
      const tasks = ok(cli("tasks", "--workspace", "acme", "--json")).json() as {
        accounts: Array<{ inProgress: Array<{ heldBy: string | null }> }>;
      };
      expect(tasks.accounts[0]!.inProgress[0]!.heldBy).toMatch(/^acme\//);
      const mark = s.press("d");
      await s.waitFor("Recorded: done.", mark);
      s.press("q");
      expect(await s.exited).toBe(0);
      expect(ok(cli("sent", "--workspace", "acme", "--json")).json()).toMatchObject({
        invitations: [{ profileUrl: JANE, status: "pending" }],
      });
    },
    SLOW,
  );
});
