import { describe, expect, test } from "vitest";
import { campaignDocFromObject, campaignDocToObject, parseCampaignDoc } from "../../../src/core/campaign/index.js";
import type { CampaignDoc } from "../../../src/core/model.js";
import { DAY } from "../../../src/core/time.js";
import { issuesOf } from "./issues.js";

const HEAD = "name: founders-q1\naccount: alice\n";
const KNOWN = "known: firstName, lastName, fullName, company, title, location, custom.<column>";

describe("parseCampaignDoc", () => {
  test("the documented example campaign", () => {
    const text = `${HEAD}schedule:
  timezone: recipient
  days: [mon, tue, wed, thu, fri]
  hours: "09:00-17:00"
stopOnReply: true
steps:
  - visit: {}
  - connect:
      after: 1d
      note: "Hi {{ firstName }}, saw your work at {{ company | default: 'your company' }}."
      noteFallback: blank
      withdrawAfter: 21d
  - message:
      after: 2d
      text: "Thanks for connecting, {{ firstName }}!"
  - message:
      after: 4d
      text: "…"
`;
    const expected: CampaignDoc = {
      name: "founders-q1",
      account: "alice",
      schedule: {
        timezone: "recipient",
        hours: { days: ["mon", "tue", "wed", "thu", "fri"], windows: [{ startMinute: 540, endMinute: 1020 }] },
      },
      stopOnReply: true,
      priority: 1,
      steps: [
        { kind: "visit", after: 0 },
        {
          kind: "connect",
          after: DAY,
          note: "Hi {{ firstName }}, saw your work at {{ company | default: 'your company' }}.",
          noteFallback: "blank",
          withdrawAfter: 21 * DAY,
        },
        { kind: "message", after: 2 * DAY, text: "Thanks for connecting, {{ firstName }}!" },
        { kind: "message", after: 4 * DAY, text: "…" },
      ],
    };
    expect(parseCampaignDoc(text, "q1.yaml")).toEqual(expected);
  });

  test("defaults: schedule, stopOnReply, priority, after, note, noteFallback, withdrawAfter", () => {
    const doc = parseCampaignDoc(JSON.stringify({ name: "c1", account: "alice", steps: [{ connect: {} }, { visit: null }] }), "c1.json");
    expect(doc).toEqual({
      name: "c1",
      account: "alice",
      schedule: {
        timezone: "recipient",
        hours: { days: ["mon", "tue", "wed", "thu", "fri"], windows: [{ startMinute: 540, endMinute: 1020 }] },
      },
      stopOnReply: true,
      priority: 1,
      steps: [
        { kind: "connect", after: 0, note: null, noteFallback: "blank", withdrawAfter: 21 * DAY },
        { kind: "visit", after: 0 },
      ],
    });
  });

  test("withdrawAfter: 21d unless written; never (or the null of older files) keeps invitations pending", () => {
    const connect = (options: string) => parseCampaignDoc(`${HEAD}steps:\n  - connect: ${options}\n`, "c.yaml").steps[0];
    expect(connect("{}")).toMatchObject({ withdrawAfter: 21 * DAY });
    expect(connect("{ withdrawAfter: never }")).toMatchObject({ withdrawAfter: null });
    expect(connect("{ withdrawAfter: null }")).toMatchObject({ withdrawAfter: null });
    expect(connect("{ withdrawAfter: 2w }")).toMatchObject({ withdrawAfter: 14 * DAY });
    expect(issuesOf(() => connect("{ withdrawAfter: forever }")).issues).toEqual([
      {
        where: "c.yaml: steps[0].connect.withdrawAfter",
        message: 'expected a duration like 90s, 5m, 2h, 3d or 1w, or never, got "forever"',
      },
    ]);
  });

  test("a withdraw step directly after connect becomes the connect's withdrawAfter", () => {
    const doc = parseCampaignDoc(
      `${HEAD}steps:\n  - connect: { note: "Hi" }\n  - withdraw: { after: 3w }\n  - message: { after: 1d, text: Thanks }\n`,
      "c.yaml",
    );
    expect(doc.steps.map((s) => s.kind)).toEqual(["connect", "message"]);
    expect(doc.steps[0]).toMatchObject({ kind: "connect", withdrawAfter: 21 * DAY });
  });

  test("a campaign for existing connections may start with a message", () => {
    const doc = parseCampaignDoc(
      `${HEAD}steps:\n  - message: { text: "Hi {{ firstName }}" }\n  - message: { after: 3d, text: Ping }\n`,
      "c.yaml",
    );
    expect(doc.steps).toHaveLength(2);
  });

  test("a schedule in one zone, with a blank note meaning no note", () => {
    const doc = parseCampaignDoc(
      `${HEAD}schedule: { timezone: Asia/Tokyo, days: [sat], hours: [10:00-12:00] }\nsteps:\n  - connect: { note: "  " }\n`,
      "c.yaml",
    );
    expect(doc.schedule).toEqual({ timezone: "Asia/Tokyo", hours: { days: ["sat"], windows: [{ startMinute: 600, endMinute: 720 }] } });
    expect(doc.steps[0]).toMatchObject({ note: null });
  });
});

/** [case, file, text, expected issues in order]. */
const INVALID: Array<[string, string, string, Array<[string, string]>]> = [
  [
    "unknown variable in a note",
    "q1.yaml",
    `${HEAD}steps:\n  - visit: {}\n  - visit: {}\n  - connect:\n      note: "Hi {{ firstName }} at {{ compny }}"\n`,
    [["q1.yaml: steps[2].connect.note", `unknown variable {{ compny }} (${KNOWN})`]],
  ],
  [
    "unknown variable in a message, JSON",
    "q1.json",
    JSON.stringify({ name: "q1", account: "alice", steps: [{ message: { text: "Hey {{ first_name }}" } }] }),
    [["q1.json: steps[0].message.text", `unknown variable {{ first_name }} (${KNOWN})`]],
  ],
  [
    "Liquid syntax error",
    "q1.yaml",
    `${HEAD}steps:\n  - message: { text: "Hi {{ firstName }" }\n`,
    [["q1.yaml: steps[0].message.text", 'invalid Liquid: output "{{ firstName }" not closed, line:1, col:4']],
  ],
  [
    "unknown filter",
    "q1.yaml",
    `${HEAD}steps:\n  - message: { text: "Hi {{ firstName | shout }}" }\n`,
    [["q1.yaml: steps[0].message.text", "invalid Liquid: undefined filter: shout, line:1, col:4"]],
  ],
  [
    "duration in words",
    "q1.yaml",
    `${HEAD}steps:\n  - connect: { after: 3 days }\n`,
    [["q1.yaml: steps[0].connect.after", 'expected a duration like 90s, 5m, 2h, 3d or 1w, got "3 days"']],
  ],
  [
    "unknown step kind",
    "q1.yaml",
    `${HEAD}steps:\n  - visit: {}\n  - email: { text: hi }\n`,
    [["q1.yaml: steps[1]", 'unknown step kind "email" (known: visit, connect, message, withdraw)']],
  ],
  [
    "two kinds in one step",
    "q1.yaml",
    `${HEAD}steps:\n  - visit: {}\n    connect: {}\n`,
    [["q1.yaml: steps[0]", "a step has exactly one kind, got visit and connect (write one step each)"]],
  ],
  [
    "a step that is a bare word",
    "q1.yaml",
    `${HEAD}steps:\n  - visit\n`,
    [["q1.yaml: steps[0]", 'expected a step: a mapping with one of visit, connect, message, withdraw (like "visit: {}"), got "visit"']],
  ],
  [
    "typo in a step option",
    "q1.yaml",
    `${HEAD}steps:\n  - connect: { noteFalback: skip }\n`,
    [["q1.yaml: steps[0].connect", 'unknown field "noteFalback" (known: after, note, noteFallback, withdrawAfter)']],
  ],
  [
    "bad noteFallback",
    "q1.yaml",
    `${HEAD}steps:\n  - connect: { noteFallback: drop }\n`,
    [["q1.yaml: steps[0].connect.noteFallback", 'expected one of "blank", "skip", got "drop"']],
  ],
  [
    "empty message text and missing text",
    "q1.yaml",
    `${HEAD}steps:\n  - message: { text: "" }\n  - message: { after: 1d }\n`,
    [
      ["q1.yaml: steps[0].message.text", `expected the message's text (a Liquid template), got ""`],
      ["q1.yaml: steps[1].message.text", "missing: expected the message's text (a Liquid template, or a list of variants)"],
    ],
  ],
  [
    "two connects",
    "q1.yaml",
    `${HEAD}steps:\n  - connect: {}\n  - visit: {}\n  - connect: {}\n`,
    [["q1.yaml: steps[2].connect", "only one connect step is allowed (the first is steps[0])"]],
  ],
  [
    "message before connect",
    "q1.yaml",
    `${HEAD}steps:\n  - message: { text: Hi }\n  - connect: {}\n`,
    [
      [
        "q1.yaml: steps[0].message",
        "a message before connect would go to a non-connection: move it after connect (only a campaign without connect, for existing connections, starts with a message)",
      ],
    ],
  ],
  [
    "withdraw not directly after connect",
    "q1.yaml",
    `${HEAD}steps:\n  - connect: {}\n  - visit: {}\n  - withdraw: { after: 21d }\n`,
    [["q1.yaml: steps[2].withdraw", "a withdraw step must come directly after connect (or set connect.withdrawAfter)"]],
  ],
  [
    "withdraw twice said",
    "q1.yaml",
    `${HEAD}steps:\n  - connect: { withdrawAfter: 14d }\n  - withdraw: { after: 21d }\n`,
    [["q1.yaml: steps[1].withdraw", "connect.withdrawAfter and this withdraw step both say when to withdraw: keep one"]],
  ],
  [
    "withdraw without after",
    "q1.yaml",
    `${HEAD}steps:\n  - connect: {}\n  - withdraw: {}\n`,
    [["q1.yaml: steps[1].withdraw.after", "missing: expected a duration like 90s, 5m, 2h, 3d or 1w"]],
  ],
  ["no steps", "q1.yaml", `${HEAD}steps: []\n`, [["q1.yaml: steps", "a campaign needs at least one step"]]],
  [
    "missing account and steps",
    "q1.yaml",
    "name: q1\n",
    [
      ["q1.yaml: account", 'missing: expected a name of letters, digits, "-", "_", "." or "@" (no spaces)'],
      ["q1.yaml: steps", "missing: expected a list of steps"],
    ],
  ],
  [
    "schedule zone misspelt, day unknown",
    "q1.yaml",
    `${HEAD}schedule: { timezone: Europe/Pari, days: [mon, funday] }\nsteps:\n  - visit: {}\n`,
    [
      ["q1.yaml: schedule.timezone", 'unknown time zone "Europe/Pari" (use an IANA name like Europe/Paris, or "recipient")'],
      ["q1.yaml: schedule.days", 'expected a list of days among mon, tue, wed, thu, fri, sat, sun, got "funday"'],
    ],
  ],
  [
    "stopOnReply not a boolean",
    "q1.json",
    '{"name": "q1", "account": "alice", "stopOnReply": "yes", "steps": [{"visit": {}}]}',
    [["q1.json: stopOnReply", 'expected true or false, got "yes"']],
  ],
  [
    "unknown top-level field",
    "q1.yaml",
    `${HEAD}stopOnReplies: false\nsteps:\n  - visit: {}\n`,
    [["q1.yaml", 'unknown field "stopOnReplies" (known: name, account, schedule, stopOnReply, priority, autoWinner, steps)']],
  ],
  [
    "priority zero",
    "q1.json",
    '{"name": "q1", "account": "alice", "priority": 0, "steps": [{"visit": {}}]}',
    [["q1.json: priority", "expected a number from 0.01 to 100, like 1 or 2, got 0"]],
  ],
  [
    "priority as text",
    "q1.yaml",
    `${HEAD}priority: high\nsteps:\n  - visit: {}\n`,
    [["q1.yaml: priority", 'expected a number from 0.01 to 100, like 1 or 2, got "high"']],
  ],
  [
    "YAML syntax error",
    "q1.yaml",
    `${HEAD}steps:\n  - message: { text: "Hi }\n`,
    [
      ["q1.yaml:5:1", 'invalid YAML: Missing closing "quote'],
      ["q1.yaml:5:1", "invalid YAML: Flow map in block collection must be sufficiently indented and end with a }"],
    ],
  ],
];

describe("parseCampaignDoc refuses", () => {
  test.each(INVALID)("%s", (_case, file, text, expected) => {
    const { message, issues } = issuesOf(() => parseCampaignDoc(text, file));
    expect(message).toBe(`${file}: invalid campaign`);
    expect(issues.map((i) => [i.where, i.message])).toEqual(expected);
  });

  test("every problem at once, across fields and steps", () => {
    const text = `name: q 1\naccount: alice\nsteps:\n  - connect: { note: "{{ compny }}", withdrawAfter: 0s }\n  - sms: {}\n  - message: { after: soon, text: Hi }\n`;
    const { issues } = issuesOf(() => parseCampaignDoc(text, "q1.yaml"));
    expect(issues.map((i) => i.where)).toEqual([
      "q1.yaml: name",
      "q1.yaml: steps[0].connect.note",
      "q1.yaml: steps[0].connect.withdrawAfter",
      "q1.yaml: steps[1]",
      "q1.yaml: steps[2].message.after",
    ]);
  });

  test("embedded in a scenario, locations continue the scenario's path", () => {
    const { message, issues } = issuesOf(() =>
      campaignDocFromObject({ name: "c1", account: "alice", steps: [{ connect: { note: "{{ nme }}" } }] }, "scenario.json: campaigns[1]"),
    );
    expect(message).toBe("scenario.json: campaigns[1]: invalid campaign");
    expect(issues).toEqual([
      { where: "scenario.json: campaigns[1].steps[0].connect.note", message: `unknown variable {{ nme }} (${KNOWN})` },
    ]);
  });
});

describe("campaignDocToObject", () => {
  const cases: Array<[string, string]> = [
    ["defaults", `${HEAD}steps:\n  - connect: {}\n`],
    [
      "everything set, withdraw folded",
      `${HEAD}schedule: { timezone: America/Chicago, days: [tue, thu], hours: [08:00-10:00, 20:00-01:00] }\nstopOnReply: false\npriority: 2.5\nsteps:\n  - visit: { after: 90s }\n  - connect: { after: 1d, note: "Hi {{ custom['job title'] | default: 'there' }}", noteFallback: skip }\n  - withdraw: { after: 10d }\n  - message: { after: 2h, text: "Thanks {{ firstName }}" }\n`,
    ],
    ["existing connections", `${HEAD}steps:\n  - message: { text: "Hello {{ firstName }}" }\n`],
    ["never withdrawn", `${HEAD}steps:\n  - connect: { withdrawAfter: never }\n`],
  ];
  test.each(cases)("round trip: %s", (_case, text) => {
    const doc = parseCampaignDoc(text, "c.yaml");
    const shown = campaignDocToObject(doc);
    expect(campaignDocFromObject(shown, "shown")).toEqual(doc);
    expect(parseCampaignDoc(JSON.stringify(shown), "shown.json")).toEqual(doc);
  });

  test("shows durations and hours as a user writes them", () => {
    const doc = parseCampaignDoc(cases[1]![1], "c.yaml");
    expect(campaignDocToObject(doc)).toEqual({
      name: "founders-q1",
      account: "alice",
      schedule: { timezone: "America/Chicago", days: ["tue", "thu"], hours: ["08:00-10:00", "20:00-01:00"] },
      stopOnReply: false,
      priority: 2.5,
      steps: [
        { visit: { after: "90s" } },
        { connect: { after: "1d", note: "Hi {{ custom['job title'] | default: 'there' }}", noteFallback: "skip", withdrawAfter: "10d" } },
        { message: { after: "2h", text: "Thanks {{ firstName }}" } },
      ],
    });
    const never = parseCampaignDoc(`${HEAD}steps:\n  - connect: { withdrawAfter: never }\n`, "c.yaml");
    expect(campaignDocToObject(never).steps).toEqual([
      { connect: { after: "0s", note: null, noteFallback: "blank", withdrawAfter: "never" } },
    ]);
  });
});

describe("sizes", () => {
  const base = { name: "c1", account: "alice" };
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ["a 10 MB campaign name", { ...base, name: "c".repeat(10 * 1024 * 1024), steps: [{ visit: {} }] }, "c.json: name"],
    ["a 101-character account name", { ...base, account: "a".repeat(101), steps: [{ visit: {} }] }, "c.json: account"],
    [
      "a 12 MB schedule zone",
      { ...base, schedule: { timezone: "z".repeat(12 * 1024 * 1024) }, steps: [{ visit: {} }] },
      "c.json: schedule.timezone",
    ],
    ["a note over 8,000 characters", { ...base, steps: [{ connect: { note: "n".repeat(8001) } }] }, "c.json: steps[0].connect.note"],
    [
      "a message over 8,000 characters",
      { ...base, steps: [{ message: { text: "m".repeat(20 * 1024 * 1024) } }] },
      "c.json: steps[0].message.text",
    ],
    ["a huge unknown step kind", { ...base, steps: [{ ["s".repeat(1024 * 1024)]: {} }] }, "c.json: steps[0]"],
  ];
  test.each(cases)("%s is refused with a short message", (_case, obj, where) => {
    const { issues } = issuesOf(() => campaignDocFromObject(obj, "c.json"));
    expect(issues.map((i) => i.where)).toEqual([where]);
    expect(issues[0]!.message.length).toBeLessThan(300);
  });

  test("a template of 8,000 characters is fine", () => {
    const doc = campaignDocFromObject({ ...base, steps: [{ message: { text: "m".repeat(8000) } }] }, "c.json");
    expect(doc.steps[0]).toMatchObject({ kind: "message", text: "m".repeat(8000) });
  });
});

describe("schedule.learn", () => {
  test("is on unless the document says false, and a false survives the round trip", () => {
    const on = parseCampaignDoc(`${HEAD}steps:\n  - visit: {}\n`, "c.yaml");
    expect(on.schedule.learn).toBeUndefined();
    const off = parseCampaignDoc(`${HEAD}schedule: { learn: false }\nsteps:\n  - visit: {}\n`, "c.yaml");
    expect(off.schedule.learn).toBe(false);
    expect(campaignDocToObject(off).schedule.learn).toBe(false);
    expect(campaignDocFromObject(campaignDocToObject(off), "again")).toEqual(off);
    const { issues } = issuesOf(() => parseCampaignDoc(`${HEAD}schedule: { learn: maybe }\nsteps:\n  - visit: {}\n`, "c.yaml"));
    expect(issues.map((i) => i.where)).toEqual(["c.yaml: schedule.learn"]);
  });
});
