import { describe, expect, it } from "vitest";
import {
  daysBetweenLocalDates,
  localDateKey,
  localMinuteOfDay,
  localMonthKey,
  localWeekday,
  startOfLocalDay,
  startOfNextLocalDay,
  startOfNextLocalMonth,
} from "../../../src/core/schedule/index.js";
import { iso, utc } from "./oracle.js";

describe("localDateKey, localWeekday, localMinuteOfDay", () => {
  const cases = [
    { zone: "America/New_York", at: "2027-03-14T04:59Z", key: "2027-03-13", weekday: "sat", minute: 23 * 60 + 59 },
    { zone: "America/New_York", at: "2027-03-14T05:00Z", key: "2027-03-14", weekday: "sun", minute: 0 },
    { zone: "America/New_York", at: "2027-03-14T07:00Z", key: "2027-03-14", weekday: "sun", minute: 3 * 60 },
    { zone: "Asia/Kathmandu", at: "2027-03-01T18:14:59Z", key: "2027-03-01", weekday: "mon", minute: 23 * 60 + 59 },
    { zone: "Asia/Kathmandu", at: "2027-03-01T18:15:00Z", key: "2027-03-02", weekday: "tue", minute: 0 },
    { zone: "Pacific/Chatham", at: "2027-12-31T10:15Z", key: "2028-01-01", weekday: "sat", minute: 0 },
    { zone: "America/St_Johns", at: "2028-02-29T03:29Z", key: "2028-02-28", weekday: "mon", minute: 23 * 60 + 59 },
    { zone: "Australia/Adelaide", at: "2027-07-04T23:30Z", key: "2027-07-05", weekday: "mon", minute: 9 * 60 },
    { zone: "UTC", at: "1969-12-31T23:59Z", key: "1969-12-31", weekday: "wed", minute: 23 * 60 + 59 },
  ];
  it.each(cases)("$at in $zone is $key $weekday", ({ zone, at, key, weekday, minute }) => {
    expect(localDateKey(zone, utc(at))).toBe(key);
    expect(localMonthKey(zone, utc(at))).toBe(key.slice(0, 7));
    expect(localWeekday(zone, utc(at))).toBe(weekday);
    expect(localMinuteOfDay(zone, utc(at))).toBe(minute);
  });
});

describe("startOfLocalDay and startOfNextLocalDay", () => {
  const cases = [
    {
      name: "New York spring day is 23 h",
      zone: "America/New_York",
      at: "2027-03-14T12:00Z",
      start: "2027-03-14T05:00Z",
      next: "2027-03-15T04:00Z",
    },
    {
      name: "New York fall day is 25 h",
      zone: "America/New_York",
      at: "2027-11-07T12:00Z",
      start: "2027-11-07T04:00Z",
      next: "2027-11-08T05:00Z",
    },
    { name: "Paris", zone: "Europe/Paris", at: "2027-10-31T12:00Z", start: "2027-10-30T22:00Z", next: "2027-10-31T23:00Z" },
    { name: "Kathmandu", zone: "Asia/Kathmandu", at: "2027-01-04T00:00Z", start: "2027-01-03T18:15Z", next: "2027-01-04T18:15Z" },
    {
      name: "Santiago: midnight skipped, the day begins at 01:00",
      zone: "America/Santiago",
      at: "2027-09-05T12:00Z",
      start: "2027-09-05T04:00Z",
      next: "2027-09-06T03:00Z",
    },
    {
      name: "Santiago: 24:00 falls back to 23:00, the day begins an hour later",
      zone: "America/Santiago",
      at: "2027-04-04T12:00Z",
      start: "2027-04-04T04:00Z",
      next: "2027-04-05T04:00Z",
    },
  ];
  it.each(cases)("$name", ({ zone, at, start, next }) => {
    expect(iso(startOfLocalDay(zone, utc(at)))).toBe(iso(utc(start)));
    expect(iso(startOfNextLocalDay(zone, utc(at)))).toBe(iso(utc(next)));
  });

  it("the next day after the start of a day is a day later", () => {
    const start = startOfLocalDay("Europe/Paris", utc("2027-03-28T12:00Z"));
    expect(iso(startOfNextLocalDay("Europe/Paris", start))).toBe("2027-03-28T22:00:00Z");
  });
});

describe("startOfNextLocalMonth", () => {
  const cases = [
    { zone: "Europe/Paris", at: "2027-03-15T10:00Z", next: "2027-03-31T22:00Z" },
    { zone: "Europe/Paris", at: "2027-12-31T22:59Z", next: "2027-12-31T23:00Z" },
    { zone: "America/New_York", at: "2027-01-01T01:00Z", next: "2027-01-01T05:00Z" },
    { zone: "Pacific/Chatham", at: "2028-02-10T00:00Z", next: "2028-02-29T10:15Z" },
  ];
  it.each(cases)("$at in $zone", ({ zone, at, next }) => {
    expect(iso(startOfNextLocalMonth(zone, utc(at)))).toBe(iso(utc(next)));
  });
});

describe("daysBetweenLocalDates", () => {
  const cases = [
    { a: "2027-02-27", b: "2027-03-01", days: 2 },
    { a: "2028-02-28", b: "2028-03-01", days: 2 },
    { a: "2027-03-01", b: "2027-02-27", days: -2 },
    { a: "2026-12-31", b: "2028-01-01", days: 366 },
    { a: "2027-05-05", b: "2027-05-05", days: 0 },
  ];
  it.each(cases)("$a to $b", ({ a, b, days }) => {
    expect(daysBetweenLocalDates(a, b)).toBe(days);
  });

  it.each(["2027-02-30", "2027-3-1", "tomorrow"])("refuses %s", (bad) => {
    expect(() => daysBetweenLocalDates(bad, "2027-01-01")).toThrow(bad);
  });
});
