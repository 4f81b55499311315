import { describe, expect, test } from "vitest";
import { accountDocFromObject, accountDocToObject, checkCreatedDate, parseAccountDoc } from "../../../src/core/campaign/index.js";
import type { AccountDoc } from "../../../src/core/model.js";
import { parseInstant } from "../../../src/core/time.js";
import { issuesOf } from "./issues.js";

const MINIMAL = "name: alice\ntimezone: Europe/Paris\n";

describe("parseAccountDoc defaults", () => {
  test("a free account gets every default", () => {
    const expected: AccountDoc = {
      name: "alice",
      timezone: "Europe/Paris",
      type: "free",
      created: null,
      workingHours: { days: ["mon", "tue", "wed", "thu", "fri"], windows: [{ startMinute: 480, endMinute: 1080 }] },
      warmup: "auto",
      pacing: "drip",
      limits: {
        invitesPerWeek: 100,
        invitesPerDay: 20,
        messagesPerDay: 50,
        visitsPerDay: 80,
        pendingMax: 500,
        notesPerMonth: 5,
        minGap: 120_000,
        sittingGap: 20_000,
      },
      noteMaxLength: 200,
    };
    expect(parseAccountDoc(MINIMAL, "alice.yaml")).toEqual(expected);
  });

  test.each([
    ["premium", null, 300],
    ["sales_navigator", null, 300],
    ["free", 5, 200],
  ] as const)("type %s: notesPerMonth %s, noteMaxLength %s", (type, notes, noteMax) => {
    const doc = parseAccountDoc(`${MINIMAL}type: ${type}\n`, "alice.yaml");
    expect(doc.limits.notesPerMonth).toBe(notes);
    expect(doc.noteMaxLength).toBe(noteMax);
  });

  test("set values win over defaults; JSON is read too", () => {
    const json = JSON.stringify({
      name: " bob@acme.io ",
      timezone: "america/new_york",
      type: "premium",
      created: "2024-02-29",
      workingHours: { days: ["fri", "Mon"], hours: ["22:00-02:00", "09:00-12:00"] },
      warmup: "off",
      limits: { invitesPerDay: 12, notesPerMonth: 10, minGap: "90s" },
    });
    const doc = parseAccountDoc(json, "bob.json");
    expect(doc).toMatchObject({
      name: "bob@acme.io",
      timezone: "America/New_York",
      created: "2024-02-29",
      warmup: "off",
      workingHours: {
        days: ["mon", "fri"],
        windows: [
          { startMinute: 1320, endMinute: 120 },
          { startMinute: 540, endMinute: 720 },
        ],
      },
      limits: { invitesPerWeek: 100, invitesPerDay: 12, notesPerMonth: 10, minGap: 90_000 },
    });
  });

  test("notesPerMonth: null is unlimited on a free account", () => {
    expect(parseAccountDoc(`${MINIMAL}limits: { notesPerMonth: null }\n`, "a.yaml").limits.notesPerMonth).toBeNull();
  });

  test("hours up to 24:00, and 00:00 as an end, mean midnight", () => {
    const doc = parseAccountDoc(`${MINIMAL}workingHours: { hours: "18:00-24:00, 06:00-08:00" }\n`, "a.yaml");
    expect(doc.workingHours.windows).toEqual([
      { startMinute: 1080, endMinute: 1440 },
      { startMinute: 360, endMinute: 480 },
    ]);
    const late = parseAccountDoc(`${MINIMAL}workingHours: { hours: "20:00-00:00" }\n`, "a.yaml");
    expect(late.workingHours.windows).toEqual([{ startMinute: 1200, endMinute: 1440 }]);
  });
});

/** [case, file name, text, expected issues]: each refused document with exactly where and what. */
const INVALID: Array<[string, string, string, Array<[string, string]>]> = [
  [
    "misspelt zone",
    "alice.yaml",
    "name: alice\ntimezone: Europe/Pari\n",
    [["alice.yaml: timezone", 'unknown time zone "Europe/Pari" (use an IANA name like Europe/Paris)']],
  ],
  [
    "offset instead of a zone",
    "alice.yaml",
    'name: alice\ntimezone: "+01:00"\n',
    [["alice.yaml: timezone", 'unknown time zone "+01:00" (use an IANA name like Europe/Paris)']],
  ],
  [
    "missing name and zone",
    "alice.yaml",
    "type: free\n",
    [
      ["alice.yaml: name", 'missing: expected a name of letters, digits, "-", "_", "." or "@" (no spaces)'],
      ["alice.yaml: timezone", "missing: expected an IANA time zone like Europe/Paris"],
    ],
  ],
  [
    "name with a space",
    "alice.yaml",
    "name: alice smith\ntimezone: UTC\n",
    [["alice.yaml: name", 'expected a name of letters, digits, "-", "_", "." or "@" (no spaces), got "alice smith"']],
  ],
  [
    "empty name",
    "alice.json",
    '{"name": "  ", "timezone": "UTC"}',
    [["alice.json: name", 'expected a name of letters, digits, "-", "_", "." or "@" (no spaces), got "  "']],
  ],
  [
    "unknown type",
    "alice.yaml",
    "name: alice\ntimezone: UTC\ntype: pro\n",
    [["alice.yaml: type", 'expected one of "free", "premium", "sales_navigator", got "pro"']],
  ],
  [
    "February 30th",
    "alice.yaml",
    "name: alice\ntimezone: UTC\ncreated: 2019-02-30\n",
    [["alice.yaml: created", 'expected a date like 2019-05-01, got "2019-02-30"']],
  ],
  [
    "date in another format",
    "alice.json",
    '{"name": "alice", "timezone": "UTC", "created": "01/05/2019"}',
    [["alice.json: created", 'expected a date like 2019-05-01, got "01/05/2019"']],
  ],
  [
    "duration in words",
    "alice.yaml",
    "name: alice\ntimezone: UTC\nlimits:\n  minGap: 3 days\n",
    [["alice.yaml: limits.minGap", 'expected a duration like 90s, 5m, 2h, 3d or 1w, got "3 days"']],
  ],
  [
    "zero gap",
    "alice.yaml",
    "name: alice\ntimezone: UTC\nlimits:\n  minGap: 0s\n",
    [["alice.yaml: limits.minGap", 'expected a duration like 90s, 5m, 2h, 3d or 1w (more than zero), got "0s"']],
  ],
  [
    "limits that are not positive integers",
    "alice.json",
    '{"name": "alice", "timezone": "UTC", "limits": {"invitesPerDay": 0, "invitesPerWeek": 2.5, "pendingMax": "500"}}',
    [
      ["alice.json: limits.invitesPerWeek", "expected a whole number above zero, got 2.5"],
      ["alice.json: limits.invitesPerDay", "expected a whole number above zero, got 0"],
      ["alice.json: limits.pendingMax", 'expected a whole number above zero, got "500"'],
    ],
  ],
  [
    "typo in a limit",
    "alice.yaml",
    "name: alice\ntimezone: UTC\nlimits:\n  invitesPerDya: 10\n",
    [
      [
        "alice.yaml: limits",
        'unknown field "invitesPerDya" (known: invitesPerWeek, invitesPerDay, messagesPerDay, visitsPerDay, pendingMax, notesPerMonth, minGap, sittingGap)',
      ],
    ],
  ],
  [
    "unknown top-level field",
    "alice.yaml",
    "name: alice\ntimezone: UTC\nwarmpu: off\n",
    [["alice.yaml", 'unknown field "warmpu" (known: name, timezone, type, created, workingHours, warmup, pacing, limits)']],
  ],
  [
    "a misspelt day",
    "alice.yaml",
    "name: alice\ntimezone: UTC\nworkingHours:\n  days: [mon, tuesday]\n",
    [["alice.yaml: workingHours.days", 'expected a list of days among mon, tue, wed, thu, fri, sat, sun, got "tuesday"']],
  ],
  [
    "a day listed twice",
    "alice.yaml",
    "name: alice\ntimezone: UTC\nworkingHours:\n  days: [mon, tue, mon]\n",
    [["alice.yaml: workingHours.days", 'the day "mon" is listed twice']],
  ],
  [
    "hours not HH:MM-HH:MM",
    "alice.yaml",
    'name: alice\ntimezone: UTC\nworkingHours:\n  hours: "9-17"\n',
    [["alice.yaml: workingHours.hours", 'expected hours like "09:00-17:00" or a list of them, got "9-17"']],
  ],
  [
    "overlapping windows, one across midnight",
    "alice.yaml",
    "name: alice\ntimezone: UTC\nworkingHours:\n  hours: [22:00-02:00, 01:00-03:00]\n",
    [["alice.yaml: workingHours.hours", 'the windows "22:00-02:00" and "01:00-03:00" overlap']],
  ],
  [
    "empty window",
    "alice.json",
    '{"name": "alice", "timezone": "UTC", "workingHours": {"hours": "09:00-09:00"}, "limits": {"minGap": "1m"}}',
    [["alice.json: workingHours.hours", 'the window "09:00-09:00" is empty']],
  ],
  [
    "24:00 as a start",
    "alice.yaml",
    'name: alice\ntimezone: UTC\nworkingHours: { hours: "24:00-06:00" }\n',
    [["alice.yaml: workingHours.hours", 'a window cannot start at 24:00 (use 00:00), got "24:00-06:00"']],
  ],
  [
    "YAML syntax error with its line",
    "alice.yaml",
    "name: alice\ntimezone: UTC\nlimits: [1,\n",
    [["alice.yaml:4:1", "invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]"]],
  ],
  ["duplicate key", "alice.yaml", "name: alice\ntimezone: UTC\nname: bob\n", [["alice.yaml:3:1", "invalid YAML: Map keys must be unique"]]],
  [
    "JSON trailing comma with its line",
    "alice.json",
    '{\n  "name": "alice",\n  "timezone": "UTC",\n}',
    [["alice.json:4:1", "invalid JSON: Expected double-quoted property name"]],
  ],
  ["empty file", "alice.yaml", "# nothing yet\n", [["alice.yaml", "the file is empty"]]],
  ["not a mapping", "alice.yaml", "- alice\n", [["alice.yaml", "expected an account: a mapping with name, timezone, type, …, got a list"]]],
];

describe("parseAccountDoc refuses", () => {
  test.each(INVALID)("%s", (_case, file, text, expected) => {
    const { message, issues } = issuesOf(() => parseAccountDoc(text, file));
    expect(message).toBe(`${file}: invalid account`);
    expect(issues.map((i) => [i.where, i.message])).toEqual(expected);
  });

  test("every problem at once, not only the first", () => {
    const text = "name: alice\ntimezone: Mars/Base\ntype: gold\nwarmup: maybe\nlimits: { visitsPerDay: -1 }\n";
    const { issues } = issuesOf(() => parseAccountDoc(text, "a.yaml"));
    expect(issues.map((i) => i.where)).toEqual(["a.yaml: timezone", "a.yaml: type", "a.yaml: warmup", "a.yaml: limits.visitsPerDay"]);
  });
});

describe("accountDocFromObject", () => {
  test("locations continue the scenario's path", () => {
    const { message, issues } = issuesOf(() =>
      accountDocFromObject({ name: "a", timezone: "UTC", limits: { minGap: "soon" } }, "scenario.json: accounts[2]"),
    );
    expect(message).toBe("scenario.json: accounts[2]: invalid account");
    expect(issues).toEqual([
      { where: "scenario.json: accounts[2].limits.minGap", message: 'expected a duration like 90s, 5m, 2h, 3d or 1w, got "soon"' },
    ]);
  });

  test("the hidden linkedin truth is not part of the account document", () => {
    const { issues } = issuesOf(() => accountDocFromObject({ name: "a", timezone: "UTC", linkedin: {} }, "s.json: accounts[0]"));
    expect(issues[0]?.where).toBe("s.json: accounts[0]");
    expect(issues[0]?.message).toMatch(/^unknown field "linkedin"/);
  });
});

describe("accountDocToObject", () => {
  const cases: Array<[string, string]> = [
    ["defaults", MINIMAL],
    [
      "paid with everything set",
      `${MINIMAL}type: premium\ncreated: 2026-12-01\nwarmup: off\nworkingHours: { days: [sat, sun], hours: [22:00-02:00, 10:00-12:30] }\nlimits: { invitesPerWeek: 80, notesPerMonth: 3, minGap: 150s }\n`,
    ],
    ["free with unlimited notes", `${MINIMAL}limits: { notesPerMonth: null, minGap: 1h }\nworkingHours: { hours: 00:00-24:00 }\n`],
  ];
  test.each(cases)("round trip: %s", (_case, text) => {
    const doc = parseAccountDoc(text, "a.yaml");
    const shown = accountDocToObject(doc);
    expect(accountDocFromObject(shown, "shown")).toEqual(doc);
    expect(parseAccountDoc(JSON.stringify(shown), "shown.json")).toEqual(doc);
  });

  test("durations and windows are shown as a user writes them", () => {
    const shown = accountDocToObject(
      parseAccountDoc(`${MINIMAL}limits: { minGap: 90s }\nworkingHours: { hours: 22:00-24:00 }\n`, "a.yaml"),
    );
    expect(shown.limits.minGap).toBe("90s");
    expect(shown.workingHours.hours).toBe("22:00-24:00");
    expect(shown.created).toBeNull();
  });
});

describe("sizes", () => {
  const MB = 1024 * 1024;
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ["a 10 MB name", { name: "a".repeat(10 * MB), timezone: "UTC" }, "a.json: name"],
    ["a 12 MB time zone", { name: "a", timezone: `Europe/${"x".repeat(12 * MB)}` }, "a.json: timezone"],
    ["a 101-character name", { name: "a".repeat(101), timezone: "UTC" }, "a.json: name"],
    ["a 65-character time zone", { name: "a", timezone: `Europe/${"x".repeat(58)}` }, "a.json: timezone"],
    ["a huge unknown key", { name: "a", timezone: "UTC", ["k".repeat(MB)]: 1 }, "a.json"],
    [
      "a flood of unknown keys",
      { name: "a", timezone: "UTC", ...Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, 1])) },
      "a.json",
    ],
    ["a huge hours string", { name: "a", timezone: "UTC", workingHours: { hours: "9".repeat(MB) } }, "a.json: workingHours.hours"],
  ];
  test.each(cases)("%s is refused with a short message that quotes only its start", (_case, obj, where) => {
    const { issues } = issuesOf(() => accountDocFromObject(obj, "a.json"));
    expect(issues.map((i) => i.where)).toEqual([where]);
    expect(issues[0]!.message.length).toBeLessThan(300);
  });

  test("names up to 100 characters are fine, and a long value is quoted by its start and length", () => {
    expect(accountDocFromObject({ name: "a".repeat(100), timezone: "UTC" }, "a.json").name).toHaveLength(100);
    const { issues } = issuesOf(() => accountDocFromObject({ name: "a".repeat(5000), timezone: "UTC" }, "a.json"));
    expect(issues[0]!.message).toBe(`expected a name of at most 100 characters, got "${"a".repeat(40)}…" (5000 characters)`);
    const keys = issuesOf(() =>
      accountDocFromObject({ name: "a", timezone: "UTC", k1: 1, k2: 2, k3: 3, k4: 4, k5: 5, k6: 6, k7: 7 }, "a.json"),
    ).issues;
    expect(keys[0]!.message).toMatch(/^unknown fields "k1", "k2", "k3", "k4", "k5" and 2 more \(known: name, /);
  });
});

describe("checkCreatedDate", () => {
  // 2027-03-01T20:00Z is already March 2nd in Tokyo, still March 1st in Paris and New York.
  const now = parseInstant("2027-03-01T20:00:00Z") as number;
  const account = (timezone: string, created: string | null) =>
    parseAccountDoc(`name: a\ntimezone: ${timezone}\ncreated: ${created ?? "null"}\n`, "a.yaml");
  const cases: Array<[zone: string, created: string | null, refused: boolean]> = [
    ["Europe/Paris", null, false],
    ["Europe/Paris", "2019-05-01", false],
    ["Europe/Paris", "2027-03-01", false],
    ["Europe/Paris", "2027-03-02", true],
    ["Asia/Tokyo", "2027-03-02", false],
    ["Asia/Tokyo", "2027-03-03", true],
    ["America/New_York", "2027-03-02", true],
    ["UTC", "2031-01-01", true],
  ];
  test.each(cases)("%s, created %s: refused %s", (zone, created, refused) => {
    const check = () => checkCreatedDate(account(zone, created), now, "a.yaml");
    if (!refused) return expect(check).not.toThrow();
    const { message, issues } = issuesOf(check);
    expect(message).toBe("a.yaml: invalid account");
    expect(issues).toEqual([
      {
        where: "a.yaml: created",
        message: expect.stringMatching(new RegExp(`^${created} is in the future \\(today is 2027-03-0[12] in ${zone}\\)`)),
      },
    ]);
  });
});
