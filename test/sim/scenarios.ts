import { campaignDocFromObject } from "../../src/core/campaign/index.js";
import type { AccountDoc } from "../../src/core/model.js";
import { DAY, parseInstant } from "../../src/core/time.js";
import { generateScenario } from "../../src/sim/generate.js";
import type { InlineProspect, Scenario } from "../../src/sim/scenario.js";
import { accountDoc, campaignDoc } from "../support/docs.js";

const start = (iso: string): number => parseInstant(iso) as number;

function people(campaign: string, n: number, location: string, timezone: string | null, prefix: string): InlineProspect[] {
  return Array.from({ length: n }, (_, i) => ({
    campaign,
    profileUrl: `https://www.linkedin.com/in/${prefix}-${i}`,
    firstName: i % 9 === 0 ? "" : `P${i}`,
    lastName: "Tester",
    company: i % 5 === 0 ? "" : "Acme",
    title: "CTO",
    location,
    timezone,
    connected: i % 40 === 7,
    unavailable: i % 50 === 11,
    custom: {},
  }));
}

/**
 * Several accounts on both sides of the Atlantic and in the south, across the US (2027-03-14), EU (03-28) and
 * Australian (04-04) daylight-saving changes: a young account, a free account with notes, hidden limits lower
 * than the configured ones, URL variants of one person, unreachable prospects, a campaign on the default
 * withdrawAfter.
 */
export function richScenario(seed = 7): Scenario {
  const accounts: Array<{ doc: AccountDoc; linkedin: Scenario["accounts"][number]["linkedin"] }> = [
    {
      doc: accountDoc({ name: "paris-free", type: "free", timezone: "Europe/Paris" }),
      linkedin: { weeklyInviteLimit: 100, noteQuotaPerMonth: 3, acceptance: 0.4 },
    },
    {
      doc: accountDoc({ name: "ny-premium", type: "premium", timezone: "America/New_York" }),
      linkedin: { weeklyInviteLimit: 70, acceptance: 0.3 },
    },
    {
      doc: accountDoc({ name: "young", type: "premium", timezone: "Australia/Sydney", created: "2027-02-20" }),
      linkedin: { acceptance: 0.35 },
    },
    {
      doc: accountDoc({
        name: "kolkata",
        type: "sales_navigator",
        timezone: "Asia/Kolkata",
        limits: { invitesPerWeek: 60, invitesPerDay: 15 },
      }),
      linkedin: { weeklyInviteLimit: 50, acceptance: 0.1 },
    },
  ];
  const campaigns = [
    // Written as a user would, without withdrawAfter: the default (21 days) applies.
    campaignDocFromObject(
      {
        name: "eu",
        account: "paris-free",
        steps: [
          { visit: {} },
          { connect: { after: "1d", note: "Hi {{ firstName }}!" } },
          { message: { after: "2d", text: "Thanks {{ firstName }}" } },
        ],
      },
      "eu",
    ),
    campaignDoc({
      name: "us",
      account: "ny-premium",
      steps: [
        { kind: "connect", after: 0, note: "Hi {{ firstName }}, fellow {{ title }} here.", noteFallback: "skip", withdrawAfter: 10 * DAY },
        { kind: "message", after: DAY, text: "Thanks {{ firstName | default: 'there' }}!" },
        { kind: "message", after: 3 * DAY, text: "Any thoughts, {{ firstName | default: 'there' }}?" },
      ],
    }),
    campaignDoc({ name: "apac", account: "young" }),
    campaignDoc({
      name: "india",
      account: "kolkata",
      schedule: {
        timezone: "Asia/Kolkata",
        hours: { days: ["mon", "tue", "wed", "thu", "fri", "sat"], windows: [{ startMinute: 10 * 60, endMinute: 19 * 60 }] },
      },
    }),
  ];
  const prospects = [
    ...people("eu", 160, "Berlin, Germany", null, "eu"),
    ...people("eu", 40, "San Francisco Bay Area", null, "eu-sf"),
    ...people("us", 150, "New York City Metropolitan Area", null, "us"),
    ...people("us", 30, "Greater London", "Europe/London", "us-uk"),
    ...people("apac", 120, "Greater Sydney Area", null, "apac"),
    ...people("apac", 20, "Kathmandu, Nepal", null, "apac-np"),
    ...people("apac", 10, "Honolulu, Hawaii, United States", "Pacific/Honolulu", "apac-hi"),
    ...people("india", 150, "Bengaluru, Karnataka, India", null, "in"),
    // The same person twice, by URL variants: the second is refused.
    { ...people("eu", 1, "Lyon, France", null, "jane")[0]!, profileUrl: "https://www.linkedin.com/in/jane-doe" },
    { ...people("us", 1, "Lyon, France", null, "jane")[0]!, profileUrl: "http://fr.linkedin.com/in/Jane-Doe/?trk=x" },
  ];
  return { start: start("2027-03-08T00:00:00Z"), days: 28, seed, accounts, campaigns, prospects, imports: [] };
}

/**
 * A free account across a month's turn: 5 notes a month configured, LinkedIn lets 3 through, and prospects
 * enough to invite through the first days of April.
 */
export function monthTurnScenario(seed = 5): Scenario {
  const doc = accountDoc({ name: "paris-free", type: "free", timezone: "Europe/Paris" });
  const campaign = campaignDocFromObject(
    { name: "eu", account: "paris-free", steps: [{ connect: { note: "Hi {{ firstName | default: 'there' }}!" } }] },
    "eu",
  );
  const prospects = people("eu", 260, "Berlin, Germany", null, "eu");
  return {
    start: start("2027-03-22T00:00:00Z"),
    days: 17,
    seed,
    accounts: [{ doc, linkedin: { noteQuotaPerMonth: 3, acceptance: 0.3 } }],
    campaigns: [campaign],
    prospects,
    imports: [],
  };
}

/** An account whose invitations are mostly ignored, in a campaign that never withdraws them. */
export function ignoredScenario(seed = 9): Scenario {
  const doc = accountDoc({ name: "ignored", timezone: "Europe/Paris" });
  const campaign = campaignDocFromObject({ name: "never", account: "ignored", steps: [{ connect: { withdrawAfter: "never" } }] }, "never");
  const prospects = people("never", 500, "Berlin, Germany", null, "ig");
  return {
    start: start("2027-03-01T00:00:00Z"),
    days: 32,
    seed,
    accounts: [{ doc, linkedin: { acceptance: 0.1 } }],
    campaigns: [campaign],
    prospects,
    imports: [],
  };
}

/** Established accounts with more prospects than they can invite, all reachable in the account's own zone. */
export function throughputScenario(seed = 3): Scenario {
  return generateScenario({ accounts: 2, prospects: 1200, days: 28, seed });
}
