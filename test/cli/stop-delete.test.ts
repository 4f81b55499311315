/** `linkpace prospects remove`, `campaign stop|delete` and `account remove` from the command line: what each says and refuses. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { initDir, runCli, type CliResult } from "../support/cli.js";

const NOW = "2027-03-01T08:00:00Z"; // a Monday, 09:00 in Paris
const SLOW = 120_000;

describe("linkpace campaign stop|delete, prospects remove, account remove", () => {
  it("ends enrollments, refuses what cannot be done with exit 2, and deletes", { timeout: SLOW }, () => {
    const dir = initDir("linkpace-stop-delete-");
    const cli = (...args: string[]): CliResult => runCli(args, { cwd: dir, env: { LINKPACE_NOW: NOW, LINKPACE_WORKSPACE: undefined } });
    writeFileSync(
      join(dir, "leads.csv"),
      "profileUrl,firstName,lastName,company\nhttps://www.linkedin.com/in/ann,Ann,Lee,Acme\nhttps://www.linkedin.com/in/bob,Bob,Ray,Initech\n",
    );
    expect(cli("account", "add", "account.yaml").code).toBe(0);
    expect(cli("campaign", "create", "campaign.yaml").code).toBe(0);
    expect(cli("prospects", "import", "leads.csv", "--campaign", "first-campaign").code).toBe(0);

    const removed = cli("prospects", "remove", "https://www.linkedin.com/in/ann");
    expect(removed.stderr).toBe("");
    expect(removed.stdout).toMatch(/removed https:\/\/www\.linkedin\.com\/in\/ann from first-campaign: ended \(removed\)/);
    const again = cli("prospects", "remove", "https://www.linkedin.com/in/ann", "--campaign", "first-campaign");
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/no enrollment in progress in campaign first-campaign/);

    const early = cli("campaign", "delete", "first-campaign");
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/first-campaign is active: only a stopped campaign can be deleted/);
    const busy = cli("account", "remove", "me");
    expect(busy.code).toBe(2);
    expect(busy.stderr).toMatch(/campaigns that are not stopped: first-campaign \(active\).*--stop-campaigns/);

    const stopped = cli("campaign", "stop", "first-campaign", "--json");
    expect(stopped.code).toBe(0);
    expect(stopped.json()).toMatchObject({
      campaign: { name: "first-campaign", status: "stopped" },
      changed: true,
      enrollments: { ended: 1, withdrawals: 0, tasks: 0, released: 0 },
      summary: expect.stringMatching(/cannot be resumed/),
    });
    const resume = cli("campaign", "resume", "first-campaign");
    expect(resume.code).toBe(2);
    expect(resume.stderr).toMatch(/stopped: a stopped campaign cannot be paused or resumed/);
    expect(cli("campaign", "list").stdout).toMatch(/first-campaign\s+me\s+stopped/);
    const counts = cli("campaign", "show", "first-campaign", "--json").json() as { campaign: { enrollments: { endReasons: unknown } } };
    expect(counts.campaign.enrollments.endReasons).toEqual({ removed: 1, stopped: 1 });

    const deleted = cli("campaign", "delete", "first-campaign");
    expect(deleted.stderr).toBe("");
    expect(deleted.stdout).toMatch(/deleted campaign first-campaign: 2 enrollments/);
    expect(cli("campaign", "list").stdout).toMatch(/no campaigns yet/);

    const gone = cli("account", "remove", "me", "--json");
    expect(gone.code).toBe(0);
    expect(gone.json()).toMatchObject({ account: "me", stopped: [], removed: { campaigns: 0 } });
    expect(cli("account", "remove", "me").code).toBe(2);
  });
});
