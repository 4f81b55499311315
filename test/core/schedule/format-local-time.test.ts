import { describe, expect, it } from "vitest";
import { formatLocalTime } from "../../../src/core/schedule/index.js";
import { utc } from "./oracle.js";

describe("formatLocalTime", () => {
  it.each([
    // The example: seconds and milliseconds are dropped, not rounded.
    { at: "2026-12-04T19:28:29.834Z", zone: "America/New_York", shown: "2026-12-04 14:28 EST (America/New_York)" },
    // New York springs forward at 02:00 EST on 8 March 2026: 01:59 EST is followed by 03:00 EDT.
    { at: "2026-03-08T06:59:00Z", zone: "America/New_York", shown: "2026-03-08 01:59 EST (America/New_York)" },
    { at: "2026-03-08T07:00:00Z", zone: "America/New_York", shown: "2026-03-08 03:00 EDT (America/New_York)" },
    // …and falls back on 1 November: 01:30 happens twice, told apart by the abbreviation.
    { at: "2026-11-01T05:30:00Z", zone: "America/New_York", shown: "2026-11-01 01:30 EDT (America/New_York)" },
    { at: "2026-11-01T06:30:00Z", zone: "America/New_York", shown: "2026-11-01 01:30 EST (America/New_York)" },
    // Europe changes on 29 March 2026 at 01:00 UTC.
    { at: "2026-03-29T00:59:00Z", zone: "Europe/Paris", shown: "2026-03-29 01:59 CET (Europe/Paris)" },
    { at: "2026-03-29T01:00:00Z", zone: "Europe/Paris", shown: "2026-03-29 03:00 CEST (Europe/Paris)" },
    { at: "2026-03-29T01:30:00Z", zone: "Europe/London", shown: "2026-03-29 02:30 BST (Europe/London)" },
    // Sydney leaves summer time on 5 April 2026 at 03:00 AEDT; the local date is a day after UTC's.
    { at: "2026-04-04T15:30:00Z", zone: "Australia/Sydney", shown: "2026-04-05 02:30 AEDT (Australia/Sydney)" },
    { at: "2026-04-04T16:30:00Z", zone: "Australia/Sydney", shown: "2026-04-05 02:30 AEST (Australia/Sydney)" },
    { at: "2026-12-04T19:28:00Z", zone: "Asia/Kolkata", shown: "2026-12-05 00:58 IST (Asia/Kolkata)" },
    // No English abbreviation: the offset stands in.
    { at: "2026-12-04T19:28:00Z", zone: "Asia/Tokyo", shown: "2026-12-05 04:28 GMT+9 (Asia/Tokyo)" },
    { at: "2026-12-04T19:28:00Z", zone: "UTC", shown: "2026-12-04 19:28 UTC" },
  ])("$at in $zone is $shown", ({ at, zone, shown }) => {
    expect(formatLocalTime(utc(at), zone)).toBe(shown);
  });
});
