import { describe, expect, it } from "vitest";
import type { WeeklyHours } from "../../../src/core/model.js";
import { isWithin, nextOpening, openTimeBetween, windowEnd } from "../../../src/core/schedule/index.js";
import { HOUR, hours, iso, oracleWithin, utc } from "./oracle.js";

const WEEKDAYS_9_17 = hours(["09:00-17:00"]);
const ALL_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const SUNDAY = (w: string) => hours([w], ["sun"]);

interface OpeningCase {
  name: string;
  hours: WeeklyHours;
  zone: string;
  at: string;
  opens: string | null;
}

const openings: OpeningCase[] = [
  {
    name: "New York 09:00 is 14:00Z in winter",
    hours: WEEKDAYS_9_17,
    zone: "America/New_York",
    at: "2027-01-04T00:00Z",
    opens: "2027-01-04T14:00Z",
  },
  {
    name: "New York 09:00 is 13:00Z in summer",
    hours: WEEKDAYS_9_17,
    zone: "America/New_York",
    at: "2027-07-05T00:00Z",
    opens: "2027-07-05T13:00Z",
  },
  {
    name: "an instant within is its own opening",
    hours: WEEKDAYS_9_17,
    zone: "America/New_York",
    at: "2027-01-04T15:07:31Z",
    opens: "2027-01-04T15:07:31Z",
  },
  { name: "the end is exclusive", hours: WEEKDAYS_9_17, zone: "America/New_York", at: "2027-01-04T22:00Z", opens: "2027-01-05T14:00Z" },
  {
    name: "one ms before the end is still open",
    hours: WEEKDAYS_9_17,
    zone: "America/New_York",
    at: "2027-01-04T21:59:59.999Z",
    opens: "2027-01-04T21:59:59.999Z",
  },
  { name: "the weekend is skipped", hours: WEEKDAYS_9_17, zone: "America/New_York", at: "2027-01-08T22:30Z", opens: "2027-01-11T14:00Z" },
  {
    name: "the US DST weeks before Europe's: New York",
    hours: WEEKDAYS_9_17,
    zone: "America/New_York",
    at: "2027-03-15T00:00Z",
    opens: "2027-03-15T13:00Z",
  },
  {
    name: "the US DST weeks before Europe's: Paris",
    hours: WEEKDAYS_9_17,
    zone: "Europe/Paris",
    at: "2027-03-15T00:00Z",
    opens: "2027-03-15T08:00Z",
  },
  {
    name: "Paris: a window starting in the spring gap opens after it",
    hours: SUNDAY("02:30-17:00"),
    zone: "Europe/Paris",
    at: "2027-03-27T23:00Z",
    opens: "2027-03-28T01:00Z",
  },
  {
    name: "Paris: a window wholly in the gap is skipped that day",
    hours: SUNDAY("02:00-02:59"),
    zone: "Europe/Paris",
    at: "2027-03-27T00:00Z",
    opens: "2027-04-04T00:00Z",
  },
  {
    name: "Paris: fall back opens at the first 02:00",
    hours: SUNDAY("02:00-03:00"),
    zone: "Europe/Paris",
    at: "2027-10-30T12:00Z",
    opens: "2027-10-31T00:00Z",
  },
  {
    name: "New York: a window ending at the gap is lost that day",
    hours: hours(["02:00-03:00"], [...ALL_DAYS]),
    zone: "America/New_York",
    at: "2027-03-14T05:00Z",
    opens: "2027-03-15T06:00Z",
  },
  {
    name: "New York: 02:30 on the spring day opens at 03:00 EDT",
    hours: SUNDAY("02:30-04:00"),
    zone: "America/New_York",
    at: "2027-03-14T00:00Z",
    opens: "2027-03-14T07:00Z",
  },
  {
    name: "New York: fall back, the first 01:00",
    hours: SUNDAY("01:00-02:00"),
    zone: "America/New_York",
    at: "2027-11-06T12:00Z",
    opens: "2027-11-07T05:00Z",
  },
  {
    name: "Sydney 09:00 in January (AEDT)",
    hours: WEEKDAYS_9_17,
    zone: "Australia/Sydney",
    at: "2027-01-03T00:00Z",
    opens: "2027-01-03T22:00Z",
  },
  {
    name: "Sydney 09:00 in July (AEST)",
    hours: WEEKDAYS_9_17,
    zone: "Australia/Sydney",
    at: "2027-07-04T00:00Z",
    opens: "2027-07-04T23:00Z",
  },
  {
    name: "Sydney: spring gap in October",
    hours: SUNDAY("02:30-05:00"),
    zone: "Australia/Sydney",
    at: "2027-10-02T00:00Z",
    opens: "2027-10-02T16:00Z",
  },
  {
    name: "Sydney: fall back in April, the first 02:00",
    hours: SUNDAY("02:00-03:00"),
    zone: "Australia/Sydney",
    at: "2027-04-03T00:00Z",
    opens: "2027-04-03T15:00Z",
  },
  { name: "Kolkata +5:30", hours: WEEKDAYS_9_17, zone: "Asia/Kolkata", at: "2027-01-04T00:00Z", opens: "2027-01-04T03:30Z" },
  { name: "Kathmandu +5:45", hours: WEEKDAYS_9_17, zone: "Asia/Kathmandu", at: "2027-01-04T00:00Z", opens: "2027-01-04T03:15Z" },
  {
    name: "St John's -3:30 in winter",
    hours: WEEKDAYS_9_17,
    zone: "America/St_Johns",
    at: "2027-01-04T00:00Z",
    opens: "2027-01-04T12:30Z",
  },
  {
    name: "St John's -2:30 in summer",
    hours: WEEKDAYS_9_17,
    zone: "America/St_Johns",
    at: "2027-07-05T00:00Z",
    opens: "2027-07-05T11:30Z",
  },
  {
    name: "St John's: spring gap at 05:30Z",
    hours: SUNDAY("02:15-04:00"),
    zone: "America/St_Johns",
    at: "2027-03-14T00:00Z",
    opens: "2027-03-14T05:30Z",
  },
  {
    name: "Adelaide +10:30 in January",
    hours: WEEKDAYS_9_17,
    zone: "Australia/Adelaide",
    at: "2027-01-03T00:00Z",
    opens: "2027-01-03T22:30Z",
  },
  { name: "Adelaide +9:30 in July", hours: WEEKDAYS_9_17, zone: "Australia/Adelaide", at: "2027-07-04T00:00Z", opens: "2027-07-04T23:30Z" },
  {
    name: "Adelaide: spring gap in October",
    hours: SUNDAY("02:30-05:00"),
    zone: "Australia/Adelaide",
    at: "2027-10-02T00:00Z",
    opens: "2027-10-02T16:30Z",
  },
  { name: "Chatham +13:45 in January", hours: WEEKDAYS_9_17, zone: "Pacific/Chatham", at: "2027-01-03T00:00Z", opens: "2027-01-03T19:15Z" },
  { name: "Chatham +12:45 in July", hours: WEEKDAYS_9_17, zone: "Pacific/Chatham", at: "2027-07-04T00:00Z", opens: "2027-07-04T20:15Z" },
  {
    name: "Chatham: 03:00 on the spring day opens at 03:45",
    hours: SUNDAY("03:00-04:00"),
    zone: "Pacific/Chatham",
    at: "2027-09-25T00:00Z",
    opens: "2027-09-25T14:00Z",
  },
  {
    name: "a window crossing midnight opens on its own day",
    hours: hours(["22:00-02:00"], ["fri"]),
    zone: "UTC",
    at: "2027-01-08T00:00Z",
    opens: "2027-01-08T22:00Z",
  },
  {
    name: "the part after midnight belongs to the start day",
    hours: hours(["22:00-02:00"], ["fri"]),
    zone: "UTC",
    at: "2027-01-09T01:00Z",
    opens: "2027-01-09T01:00Z",
  },
  {
    name: "Sunday's night window runs into Monday",
    hours: hours(["22:00-02:00"], ["sun"]),
    zone: "UTC",
    at: "2027-01-11T01:59Z",
    opens: "2027-01-11T01:59Z",
  },
  {
    name: "a window ending at 24:00",
    hours: hours(["18:00-24:00"], ["mon"]),
    zone: "UTC",
    at: "2027-01-04T23:59:59.999Z",
    opens: "2027-01-04T23:59:59.999Z",
  },
  { name: "24:00 is exclusive", hours: hours(["18:00-24:00"], ["mon"]), zone: "UTC", at: "2027-01-05T00:00Z", opens: "2027-01-11T18:00Z" },
  { name: "no days: never open", hours: hours(["09:00-17:00"], []), zone: "UTC", at: "2027-01-05T00:00Z", opens: null },
  { name: "no windows: never open", hours: hours([], ["mon"]), zone: "UTC", at: "2027-01-05T00:00Z", opens: null },
];

describe("nextOpening", () => {
  it.each(openings)("$name", ({ hours: h, zone, at, opens }) => {
    const result = nextOpening(h, zone, utc(at));
    expect(iso(result)).toBe(opens === null ? null : iso(utc(opens)));
    if (result !== null) {
      expect(isWithin(h, zone, result)).toBe(true);
      expect(oracleWithin(h, zone, result)).toBe(true);
      if (result > utc(at)) expect(isWithin(h, zone, result - 1)).toBe(false);
    }
  });
});

interface WithinCase {
  name: string;
  hours: WeeklyHours;
  zone: string;
  at: string;
  within: boolean;
}

const withins: WithinCase[] = [
  {
    name: "New York fall back: first 01:30 (EDT)",
    hours: SUNDAY("01:00-02:00"),
    zone: "America/New_York",
    at: "2027-11-07T05:30Z",
    within: true,
  },
  {
    name: "New York fall back: second 01:30 (EST)",
    hours: SUNDAY("01:00-02:00"),
    zone: "America/New_York",
    at: "2027-11-07T06:30Z",
    within: true,
  },
  { name: "New York fall back: 02:00 EST", hours: SUNDAY("01:00-02:00"), zone: "America/New_York", at: "2027-11-07T07:00Z", within: false },
  {
    name: "Paris fall back: first 02:30 (CEST)",
    hours: SUNDAY("02:00-03:00"),
    zone: "Europe/Paris",
    at: "2027-10-31T00:30Z",
    within: true,
  },
  {
    name: "Paris fall back: second 02:30 (CET)",
    hours: SUNDAY("02:00-03:00"),
    zone: "Europe/Paris",
    at: "2027-10-31T01:30Z",
    within: true,
  },
  {
    name: "a Friday night window is not open early Friday",
    hours: hours(["22:00-02:00"], ["fri"]),
    zone: "UTC",
    at: "2027-01-08T01:00Z",
    within: false,
  },
  {
    name: "a Friday night window is open early Saturday",
    hours: hours(["22:00-02:00"], ["fri"]),
    zone: "UTC",
    at: "2027-01-09T01:00Z",
    within: true,
  },
  { name: "Saturday is a weekend day", hours: WEEKDAYS_9_17, zone: "Europe/Paris", at: "2027-01-09T10:00Z", within: false },
  { name: "the start is inclusive", hours: WEEKDAYS_9_17, zone: "Europe/Paris", at: "2027-01-04T08:00Z", within: true },
  { name: "one ms before the start", hours: WEEKDAYS_9_17, zone: "Europe/Paris", at: "2027-01-04T07:59:59.999Z", within: false },
];

describe("isWithin", () => {
  it.each(withins)("$name", ({ hours: h, zone, at, within }) => {
    expect(isWithin(h, zone, utc(at))).toBe(within);
    expect(oracleWithin(h, zone, utc(at))).toBe(within);
  });

  it("refuses an unknown zone with a message naming it", () => {
    expect(() => isWithin(WEEKDAYS_9_17, "Mars/Olympus", 0)).toThrow(/unknown time zone "Mars\/Olympus"/);
  });
});

interface EndCase {
  name: string;
  hours: WeeklyHours;
  zone: string;
  at: string;
  ends: string | null;
}

const ends: EndCase[] = [
  { name: "a plain window", hours: WEEKDAYS_9_17, zone: "America/New_York", at: "2027-01-04T15:00Z", ends: "2027-01-04T22:00Z" },
  { name: "not within: null", hours: WEEKDAYS_9_17, zone: "America/New_York", at: "2027-01-04T23:00Z", ends: null },
  {
    name: "New York: both 01:00 hours make one interval",
    hours: SUNDAY("01:00-02:00"),
    zone: "America/New_York",
    at: "2027-11-07T05:30Z",
    ends: "2027-11-07T07:00Z",
  },
  {
    name: "Paris: both 02:00 hours make one interval",
    hours: SUNDAY("02:00-03:00"),
    zone: "Europe/Paris",
    at: "2027-10-31T00:10Z",
    ends: "2027-10-31T02:00Z",
  },
  {
    name: "New York: a window ends early at the spring gap",
    hours: SUNDAY("00:00-02:30"),
    zone: "America/New_York",
    at: "2027-03-14T06:00Z",
    ends: "2027-03-14T07:00Z",
  },
  {
    name: "Sydney: April fall back repeats 02:00-03:00",
    hours: SUNDAY("02:00-03:00"),
    zone: "Australia/Sydney",
    at: "2027-04-03T15:30Z",
    ends: "2027-04-03T17:00Z",
  },
  {
    name: "Chatham: the gap leaves 15 minutes",
    hours: SUNDAY("03:00-04:00"),
    zone: "Pacific/Chatham",
    at: "2027-09-25T14:00Z",
    ends: "2027-09-25T14:15Z",
  },
  {
    name: "midnight-crossing window",
    hours: hours(["22:00-02:00"], ["fri"]),
    zone: "UTC",
    at: "2027-01-08T23:00Z",
    ends: "2027-01-09T02:00Z",
  },
  {
    name: "24:00 then a Tuesday window at 00:00: one interval",
    hours: hours(["00:00-06:00", "18:00-24:00"], ["mon", "tue"]),
    zone: "UTC",
    at: "2027-01-04T19:00Z",
    ends: "2027-01-05T06:00Z",
  },
  {
    name: "24:00 with no next day: ends at midnight",
    hours: hours(["00:00-06:00", "18:00-24:00"], ["mon", "tue"]),
    zone: "UTC",
    at: "2027-01-05T19:00Z",
    ends: "2027-01-06T00:00Z",
  },
  {
    name: "Sunday 24:00 runs into Monday 00:00",
    hours: hours(["00:00-06:00", "18:00-24:00"], ["sun", "mon"]),
    zone: "UTC",
    at: "2027-01-10T20:00Z",
    ends: "2027-01-11T06:00Z",
  },
  {
    name: "overlapping windows merge",
    hours: hours(["09:00-12:00", "11:00-13:00", "13:00-14:00"]),
    zone: "UTC",
    at: "2027-01-04T09:00Z",
    ends: "2027-01-04T14:00Z",
  },
  {
    name: "always open never ends",
    hours: hours(["00:00-24:00"], [...ALL_DAYS]),
    zone: "Europe/Paris",
    at: "2027-03-28T01:00Z",
    ends: "Infinity",
  },
];

describe("windowEnd", () => {
  it.each(ends)("$name", ({ hours: h, zone, at, ends: expected }) => {
    const result = windowEnd(h, zone, utc(at));
    expect(iso(result)).toBe(expected === null || expected === "Infinity" ? expected : iso(utc(expected)));
  });
});

describe("openTimeBetween", () => {
  const cases = [
    {
      name: "a working week is 40 h",
      hours: WEEKDAYS_9_17,
      zone: "America/New_York",
      from: "2027-01-04T00:00Z",
      to: "2027-01-11T00:00Z",
      ms: 40 * HOUR,
    },
    {
      name: "clipped at both ends",
      hours: WEEKDAYS_9_17,
      zone: "America/New_York",
      from: "2027-01-04T15:00Z",
      to: "2027-01-05T15:00Z",
      ms: 8 * HOUR,
    },
    {
      name: "New York fall-back Sunday has 25 h",
      hours: SUNDAY("00:00-24:00"),
      zone: "America/New_York",
      from: "2027-11-06T00:00Z",
      to: "2027-11-09T00:00Z",
      ms: 25 * HOUR,
    },
    {
      name: "New York spring-forward Sunday has 23 h",
      hours: SUNDAY("00:00-24:00"),
      zone: "America/New_York",
      from: "2027-03-13T00:00Z",
      to: "2027-03-16T00:00Z",
      ms: 23 * HOUR,
    },
    {
      name: "Lord Howe spring-forward Sunday has 23.5 h",
      hours: SUNDAY("00:00-24:00"),
      zone: "Australia/Lord_Howe",
      from: "2027-10-01T00:00Z",
      to: "2027-10-05T00:00Z",
      ms: 23.5 * HOUR,
    },
    { name: "empty range", hours: WEEKDAYS_9_17, zone: "UTC", from: "2027-01-04T10:00Z", to: "2027-01-04T10:00Z", ms: 0 },
  ];
  it.each(cases)("$name", ({ hours: h, zone, from, to, ms }) => {
    expect(openTimeBetween(h, zone, utc(from), utc(to))).toBe(ms);
  });
});
