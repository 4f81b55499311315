import { describe, expect, it } from "vitest";
import { acceptanceProbability } from "../../../src/channels/simulator/index.js";
import { LocalClock } from "../../../src/channels/simulator/local-clock.js";

describe("local time in the prospect's zone", () => {
  const clock = new LocalClock();
  it.each([
    // zone, instant, weekday (0 = Sunday), local HH:MM
    ["America/New_York", "2027-03-12T14:00:00Z", 5, "09:00"], // EST, Friday before the change
    ["America/New_York", "2027-03-15T13:00:00Z", 1, "09:00"], // EDT from 2027-03-14
    ["America/New_York", "2027-03-14T06:59:00Z", 0, "01:59"],
    ["America/New_York", "2027-03-14T07:00:00Z", 0, "03:00"], // the skipped hour
    ["Europe/Paris", "2027-03-28T00:30:00Z", 0, "01:30"],
    ["Europe/Paris", "2027-03-28T01:00:00Z", 0, "03:00"],
    ["Asia/Kolkata", "2027-03-01T03:30:00Z", 1, "09:00"],
    ["Asia/Tokyo", "2027-03-06T15:30:00Z", 0, "00:30"],
    ["Australia/Lord_Howe", "2027-04-03T14:45:00Z", 0, "01:45"], // +11 until 15:00Z, then +10:30
    ["Australia/Lord_Howe", "2027-04-03T15:15:00Z", 0, "01:45"],
  ] as const)("%s at %s", (zone, iso, weekday, hhmm) => {
    const t = clock.localTime(zone, Date.parse(iso));
    const [h, m] = hhmm.split(":").map(Number);
    expect(t).toEqual({ weekday, minuteOfDay: (h ?? 0) * 60 + (m ?? 0) });
  });
});

describe("acceptance probability", () => {
  it.each([
    [0.35, { weekday: 2, minuteOfDay: 9 * 60 }, false, 0.4375], // business hours start inclusive
    [0.35, { weekday: 2, minuteOfDay: 18 * 60 - 1 }, false, 0.4375],
    [0.35, { weekday: 2, minuteOfDay: 18 * 60 }, false, 0.35], // end exclusive, not yet night
    [0.35, { weekday: 6, minuteOfDay: 10 * 60 }, false, 0.35], // Saturday
    [0.35, { weekday: 6, minuteOfDay: 22 * 60 }, false, 0.21],
    [0.35, { weekday: 3, minuteOfDay: 5 * 60 + 59 }, true, 0.35 * 0.6 * 1.3],
    [0.35, { weekday: 3, minuteOfDay: 6 * 60 }, true, 0.35 * 1.3],
    [0.8, { weekday: 1, minuteOfDay: 10 * 60 }, true, 0.95], // clamped
    [0, { weekday: 1, minuteOfDay: 10 * 60 }, true, 0],
  ] as const)("base %s at %o, note %s → %s", (base, local, note, expected) => {
    expect(acceptanceProbability(base, local, note)).toBeCloseTo(expected, 10);
  });
});
