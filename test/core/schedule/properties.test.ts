/**
 * Property tests over 2026-2028 and the zones of oracle.ts, with instants biased towards daylight-saving
 * changes. Answers are checked against oracle.ts (Intl, one instant at a time) and by brute force over
 * minute boundaries: windows and (modern) offsets are whole minutes, so every open stretch starts at `at`
 * or on a minute boundary, and checking those points is exhaustive.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WEEKDAYS, type TimeWindow, type WeeklyHours } from "../../../src/core/model.js";
import {
  daysBetweenLocalDates,
  formatWindow,
  isWithin,
  isWithinAll,
  jointWindowEnd,
  localDateKey,
  localMinuteOfDay,
  localWeekday,
  nextJointOpening,
  nextOpening,
  openTimeBetween,
  parseWindows,
  startOfLocalDay,
  startOfNextLocalDay,
  windowEnd,
  type HoursInZone,
} from "../../../src/core/schedule/index.js";
import { DAY, MINUTE, ZONES, iso, localParts, oracleWithin, utc } from "./oracle.js";

const FROM = utc("2026-01-01T00:00Z");
const TO = utc("2029-01-01T00:00Z");

// Around every DST change of the zones under test (EU, US, AU, NZ, Chile rules), 2026-2028.
const DST_DAYS = [2026, 2027, 2028].flatMap((y) =>
  ["03-08", "03-14", "03-28", "04-04", "09-05", "09-26", "10-03", "10-28", "11-04"].map((d) => utc(`${y}-${d}T12:00Z`)),
);

const anyInstant = fc.integer({ min: FROM, max: TO });
const minuteInstant = fc.integer({ min: FROM / MINUTE, max: TO / MINUTE }).map((m) => m * MINUTE);
const nearDst = fc
  .tuple(fc.constantFrom(...DST_DAYS), fc.integer({ min: -4 * DAY, max: 4 * DAY }), fc.boolean())
  .map(([day, shift, aligned]) => (aligned ? Math.round((day + shift) / MINUTE) * MINUTE : day + shift));
// A hair before a minute boundary, where off-by-one mistakes show.
const justBefore = fc
  .tuple(fc.oneof(minuteInstant, nearDst), fc.integer({ min: 1, max: 2 }))
  .map(([t, ms]) => Math.round(t / MINUTE) * MINUTE - ms);
const instant = fc.oneof(anyInstant, minuteInstant, nearDst, nearDst, justBefore);

const zone = fc.constantFrom(...ZONES);

// Small hours, quarter hours, and any minute; ends may be 24:00; start > end crosses midnight.
const minuteOfDay = fc.oneof(
  fc.integer({ min: 0, max: 5 * 60 }),
  fc.integer({ min: 0, max: 95 }).map((q) => q * 15),
  fc.integer({ min: 0, max: 1439 }),
);
const timeWindow: fc.Arbitrary<TimeWindow> = fc
  .tuple(minuteOfDay, fc.oneof(minuteOfDay, fc.constant(1440)))
  .filter(([s, e]) => s !== e)
  .map(([startMinute, endMinute]) => ({ startMinute, endMinute }));
const weeklyHours: fc.Arbitrary<WeeklyHours> = fc.record({
  days: fc.subarray([...WEEKDAYS]),
  windows: fc.array(timeWindow, { minLength: 0, maxLength: 3 }),
});
const openHours = weeklyHours.filter((h) => h.days.length > 0 && h.windows.length > 0);

/** `at`, then every minute boundary after it, below `end`. */
function* checkpoints(at: number, end: number): Generator<number> {
  if (at < end) yield at;
  for (let t = Math.floor(at / MINUTE) * MINUTE + MINUTE; t < end; t += MINUTE) yield t;
}

const RUNS = { numRuns: 400 };

describe("schedule properties", () => {
  it("isWithin agrees with Intl", () => {
    fc.assert(
      fc.property(weeklyHours, zone, instant, (h, z, at) => {
        expect(isWithin(h, z, at)).toBe(oracleWithin(h, z, at));
      }),
      { numRuns: 2000 },
    );
  });

  it("nextOpening is the first instant within, at or after at", () => {
    let judged = 0;
    fc.assert(
      fc.property(weeklyHours, zone, instant, (h, z, at) => {
        const opening = nextOpening(h, z, at);
        if (h.days.length === 0 || h.windows.length === 0) {
          expect(opening).toBeNull();
          return;
        }
        expect(opening).not.toBeNull();
        const n = opening!;
        expect(n).toBeGreaterThanOrEqual(at);
        expect(isWithin(h, z, n)).toBe(true);
        expect(oracleWithin(h, z, n)).toBe(true);
        if (n > at) expect(oracleWithin(h, z, n - 1)).toBe(false);
        for (const t of checkpoints(at, n)) if (isWithin(h, z, t)) expect.fail(`${iso(t)} is within, before ${iso(n)}`);
        judged++;
      }),
      RUNS,
    );
    expect(judged, "not vacuous: many hours generated have an opening").toBeGreaterThan(RUNS.numRuns / 4);
  });

  it("windowEnd ends the open interval: open just before, closed at it", () => {
    let judged = 0;
    fc.assert(
      fc.property(openHours, zone, instant, (h, z, at) => {
        const within = isWithin(h, z, at);
        const end = windowEnd(h, z, at);
        if (!within) {
          expect(end).toBeNull();
          return;
        }
        expect(end).not.toBeNull();
        const e = end!;
        expect(e).toBeGreaterThan(at);
        if (e === Number.POSITIVE_INFINITY) return;
        expect(oracleWithin(h, z, e - MINUTE)).toBe(true);
        expect(oracleWithin(h, z, e - 1)).toBe(true);
        expect(oracleWithin(h, z, e)).toBe(false);
        expect(isWithin(h, z, e)).toBe(false);
        for (const t of checkpoints(at, e)) if (!isWithin(h, z, t)) expect.fail(`${iso(t)} is closed, before ${iso(e)}`);
        judged++;
      }),
      RUNS,
    );
    expect(judged, "not vacuous: some instants fall in a window that ends").toBeGreaterThan(RUNS.numRuns / 20);
  });

  it("openTimeBetween counts the open minutes", () => {
    fc.assert(
      fc.property(weeklyHours, zone, minuteInstant, fc.integer({ min: 0, max: 3 * 24 * 60 }), (h, z, from, minutes) => {
        const to = from + minutes * MINUTE;
        let open = 0;
        for (let t = from; t < to; t += MINUTE) if (isWithin(h, z, t)) open += MINUTE;
        expect(openTimeBetween(h, z, from, to)).toBe(open);
      }),
      RUNS,
    );
  });

  it("nextJointOpening is the first instant within every part, or null up to the horizon", () => {
    const part: fc.Arbitrary<HoursInZone> = fc.record({ hours: openHours, zone });
    const horizon = 3 * DAY;
    let judged = 0;
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 3 }), instant, (parts, at) => {
        const opening = nextJointOpening(parts, at, horizon);
        const end = opening ?? at + horizon + 1;
        for (const t of checkpoints(at, end)) if (isWithinAll(parts, t)) expect.fail(`${iso(t)} is within all, before ${iso(opening)}`);
        if (opening === null) return;
        expect(opening).toBeGreaterThanOrEqual(at);
        for (const p of parts) expect(oracleWithin(p.hours, p.zone, opening)).toBe(true);
        const jointEnd = jointWindowEnd(parts, opening)!;
        expect(jointEnd).toBeGreaterThan(opening);
        if (jointEnd === Number.POSITIVE_INFINITY) return;
        expect(isWithinAll(parts, jointEnd - 1)).toBe(true);
        expect(isWithinAll(parts, jointEnd)).toBe(false);
        judged++;
      }),
      { numRuns: 600 },
    );
    expect(judged, "not vacuous: some joint windows open and close").toBeGreaterThan(600 / 20);
  });

  it("local calendar fields agree with Intl", () => {
    fc.assert(
      fc.property(zone, instant, (z, at) => {
        const parts = localParts(z, at);
        expect(localDateKey(z, at)).toBe(parts.dateKey);
        expect(localWeekday(z, at)).toBe(parts.weekday);
        expect(localMinuteOfDay(z, at)).toBe(parts.minuteOfDay);
      }),
      { numRuns: 2000 },
    );
  });

  it("local days start and end where the date changes", () => {
    fc.assert(
      fc.property(zone, instant, (z, at) => {
        const key = localDateKey(z, at);
        const start = startOfLocalDay(z, at);
        const next = startOfNextLocalDay(z, at);
        expect(start).toBeLessThanOrEqual(at);
        expect(next).toBeGreaterThan(at);
        expect(localDateKey(z, start)).toBe(key);
        expect(localDateKey(z, start - 1)).not.toBe(key);
        expect(localDateKey(z, next - 1)).toBe(key);
        expect(daysBetweenLocalDates(key, localDateKey(z, next))).toBe(1);
      }),
      RUNS,
    );
  });

  it("formatWindow and parseWindows round-trip", () => {
    fc.assert(
      fc.property(fc.array(timeWindow, { minLength: 1, maxLength: 4 }), (windows) => {
        expect(parseWindows(windows.map(formatWindow))).toEqual(windows);
      }),
    );
  });
});
