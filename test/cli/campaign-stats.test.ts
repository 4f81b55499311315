/**
 * `linkpace campaign stats`: for a campaign with note variants (nothing sent yet: the counts themselves are
 * tested in test/sim/variants.test.ts), the command lists each variant of the step with its state, as JSON and
 * as a table, and refuses an unknown campaign with exit 2.
 */
import { describe, expect, it } from "vitest";
import { campaignWorkspace, runCli } from "../support/cli.js";

const NOW = { LINKPACE_NOW: "2027-03-01T09:00:00Z" };
const ACCOUNT = `name: alice\ntimezone: Europe/Paris\ntype: premium\ncreated: 2019-05-01\n`;
const CAMPAIGN = [
  "name: q1",
  "account: alice",
  "autoWinner: true",
  "steps:",
  "  - connect:",
  "      note:",
  '        - { name: short, text: "Hi {{ firstName }}" }',
  '        - { name: long, text: "Hello {{ firstName }}, a longer note" }',
  '        - { name: old, text: "Dear {{ firstName }}", paused: true }',
  "",
].join("\n");
const LEADS = "profileUrl,firstName\nhttps://www.linkedin.com/in/anna,Anna\n";

describe("linkpace campaign stats", () => {
  it("lists the step's variants with their state and counts, as JSON and as a table", () => {
    const dir = campaignWorkspace({ env: NOW, account: ACCOUNT, campaign: CAMPAIGN, leads: LEADS, importInto: "q1" });
    const json = runCli(["campaign", "stats", "q1", "--json"], { cwd: dir, env: NOW });
    expect(json.code).toBe(0);
    const stats = (json.json() as { stats: { campaign: string; variants: Array<{ step: number; kind: string; variants: unknown[] }> } })
      .stats;
    expect(stats.campaign).toBe("q1");
    expect(stats.variants).toEqual([
      {
        step: 0,
        kind: "connect",
        outcome: "accepted",
        variants: [
          expect.objectContaining({
            name: "short",
            state: "active",
            winner: false,
            sent: 0,
            decided: 0,
            rate: null,
            probabilityBest: expect.any(Number),
          }),
          expect.objectContaining({ name: "long", state: "active", sent: 0 }),
          expect.objectContaining({ name: "old", state: "paused", probabilityBest: null }),
        ],
      },
    ]);
    const text = runCli(["campaign", "stats", "q1"], { cwd: dir, env: NOW });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("step 1 (connect): variants, accepted over decided");
    expect(text.stdout).toMatch(/\n\s+old\s+paused\s+0\s+0\s+0/);
    const unknown = runCli(["campaign", "stats", "nope"], { cwd: dir, env: NOW });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("no campaign named nope");
  });
});
