/**
 * Invented workspaces for the demo and the benchmarks: sender accounts in several zones, campaigns with the
 * full sequence, and prospects spread over the world's business hubs (both hemispheres, half-hour zones).
 */
import { createRng, type Rng } from "../core/random.js";
import type { AccountDoc, CampaignDoc, WeeklyHours } from "../core/model.js";
import { DAY, MINUTE, parseInstant, SECOND } from "../core/time.js";
import type { InlineProspect, Scenario, ScenarioAccount } from "./scenario.js";

const FIRST = [
  "Ana",
  "Ben",
  "Chloé",
  "Dmitri",
  "Elif",
  "Farid",
  "Grace",
  "Hiro",
  "Inès",
  "Jonas",
  "Kavya",
  "Liam",
  "Mei",
  "Noah",
  "Olga",
  "Pedro",
  "Quinn",
  "Rania",
  "Sven",
  "Tariq",
  "Uma",
  "Viktor",
  "Wen",
  "Ximena",
  "Yusuf",
  "Zoé",
];
const LAST = [
  "Almeida",
  "Becker",
  "Chen",
  "Dubois",
  "Eriksen",
  "Fischer",
  "García",
  "Haddad",
  "Ivanova",
  "Jensen",
  "Kowalski",
  "López",
  "Müller",
  "Nakamura",
  "O'Brien",
  "Patel",
  "Rossi",
  "Schmidt",
  "Tanaka",
  "Umarov",
  "Varga",
  "Weber",
  "Yilmaz",
  "Zhang",
];
const COMPANIES = [
  "Acme",
  "Globex",
  "Initech",
  "Umbrella Labs",
  "Hooli",
  "Vandelay",
  "Stark Analytics",
  "Wayne Logistics",
  "Tyrell",
  "Cyberdyne",
  "",
  "Soylent",
  "Massive Dynamic",
];
const TITLES = ["CTO", "VP Engineering", "Head of Sales", "Founder", "CEO", "Head of Growth", "Product Lead", "Recruiter", "COO"];
/** [LinkedIn-style location, weight]; zones are left to linkpace's resolver, as with real imports. */
const PLACES: Array<[string, number]> = [
  ["Berlin, Germany", 6],
  ["Paris, Île-de-France, France", 6],
  ["Greater London", 6],
  ["Madrid, Community of Madrid, Spain", 3],
  ["New York City Metropolitan Area", 6],
  ["San Francisco Bay Area", 5],
  ["Austin, Texas, United States", 3],
  ["Greater Chicago Area", 3],
  ["Toronto, Ontario, Canada", 3],
  ["São Paulo, São Paulo, Brazil", 2],
  ["Mexico City, Mexico", 2],
  ["Bengaluru, Karnataka, India", 4],
  ["Singapore", 3],
  ["Greater Sydney Area", 2],
  ["Tokyo, Japan", 2],
  ["Dubai, United Arab Emirates", 2],
  ["Kathmandu, Nepal", 1],
  ["Adelaide, South Australia, Australia", 1],
  ["St. John's, Newfoundland and Labrador, Canada", 1],
  ["", 2],
];
const SENDERS: Array<{ timezone: string; type: AccountDoc["type"] }> = [
  { timezone: "Europe/Paris", type: "free" },
  { timezone: "America/New_York", type: "premium" },
  { timezone: "Europe/London", type: "sales_navigator" },
  { timezone: "Asia/Kolkata", type: "premium" },
  { timezone: "America/Los_Angeles", type: "free" },
];

export interface GenerateOptions {
  accounts: number;
  prospects: number;
  days: number;
  seed: number;
  start?: string;
}

const weekdays: WeeklyHours = { days: ["mon", "tue", "wed", "thu", "fri"], windows: [{ startMinute: 8 * 60, endMinute: 18 * 60 }] };

export function generateScenario(opts: GenerateOptions): Scenario {
  const rng = createRng("generate", opts.seed);
  const accounts: ScenarioAccount[] = [];
  const campaigns: CampaignDoc[] = [];
  for (let i = 0; i < opts.accounts; i++) {
    const sender = SENDERS[i % SENDERS.length] as (typeof SENDERS)[number];
    const name = `sender-${String(i + 1).padStart(String(opts.accounts).length, "0")}`;
    const young = i % 7 === 3;
    accounts.push({
      doc: {
        name,
        timezone: sender.timezone,
        type: sender.type,
        created: young ? "2027-02-10" : "2018-06-01",
        workingHours: weekdays,
        warmup: "auto",
        pacing: "drip",
        limits: {
          invitesPerWeek: 100,
          invitesPerDay: 20,
          messagesPerDay: 50,
          visitsPerDay: 80,
          pendingMax: 500,
          notesPerMonth: sender.type === "free" ? 5 : null,
          minGap: 2 * MINUTE,
          sittingGap: 20 * SECOND,
        },
        noteMaxLength: sender.type === "free" ? 200 : 300,
      },
      // Some accounts have a hidden weekly limit below the configured 100: linkpace must learn it.
      linkedin: { weeklyInviteLimit: i % 4 === 1 ? 80 : 100, acceptance: 0.3 + 0.1 * rng.next(), replyRate: 0.2 },
    });
    campaigns.push(campaignFor(`outreach-${i + 1}`, name));
  }
  const prospects: InlineProspect[] = [];
  for (let i = 0; i < opts.prospects; i++) prospects.push(prospect(rng, i, campaigns[i % campaigns.length]?.name as string));
  return {
    start: parseInstant(opts.start ?? "2027-03-01T00:00:00Z") as number,
    days: opts.days,
    seed: opts.seed,
    accounts,
    campaigns,
    prospects,
    imports: [],
  };
}

function campaignFor(name: string, account: string): CampaignDoc {
  return {
    name,
    account,
    stopOnReply: true,
    schedule: {
      timezone: "recipient",
      hours: { days: ["mon", "tue", "wed", "thu", "fri"], windows: [{ startMinute: 9 * 60, endMinute: 17 * 60 }] },
    },
    steps: [
      { kind: "visit", after: 0 },
      {
        kind: "connect",
        after: DAY,
        note: "Hi {{ firstName }}, I work with teams like {{ company | default: 'yours' }} on outreach. Happy to connect!",
        noteFallback: "blank",
        withdrawAfter: 21 * DAY,
      },
      { kind: "message", after: 2 * DAY, text: "Thanks for connecting, {{ firstName }}! How is {{ company | default: 'work' }} going?" },
      { kind: "message", after: 4 * DAY, text: "{{ firstName }}, would a 15-minute call next week be useful?" },
    ],
  };
}

function pickWeighted(rng: Rng): string {
  const total = PLACES.reduce((s, [, w]) => s + w, 0);
  let r = rng.next() * total;
  for (const [place, w] of PLACES) if ((r -= w) < 0) return place;
  return PLACES[0]?.[0] as string;
}

function prospect(rng: Rng, i: number, campaign: string): InlineProspect {
  const first = FIRST[rng.int(FIRST.length)] as string;
  const last = LAST[rng.int(LAST.length)] as string;
  const slug = `${first}-${last}-${i.toString(36)}`
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f']/g, "");
  return {
    campaign,
    profileUrl: `https://www.linkedin.com/in/${slug}`,
    firstName: first,
    lastName: last,
    company: COMPANIES[rng.int(COMPANIES.length)] as string,
    title: TITLES[rng.int(TITLES.length)] as string,
    location: pickWeighted(rng),
    timezone: null,
    connected: rng.chance(0.03),
    unavailable: rng.chance(0.01),
    custom: {},
  };
}
