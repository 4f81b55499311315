import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { accountDays, type InvitationFacts } from "../../../src/core/analytics/index.js";
import { DAY, HOUR, parseInstant } from "../../../src/core/time.js";

const at = (iso: string) => parseInstant(iso) as number;
const inv = (invitedAt: string, over: Partial<InvitationFacts> = {}): InvitationFacts => ({
  invitedAt: at(invitedAt),
  acceptedAt: null,
  withdrawnAt: null,
  endReason: null,
  ...over,
});

describe("accountDays", () => {
  it("buckets invitations by the account's local date, with their later acceptance and withdrawal", () => {
    const days = accountDays(
      [
        inv("2027-03-01T22:59:00Z", { acceptedAt: at("2027-03-05T10:00:00Z") }), // 23:59 in Paris: March 1st
        inv("2027-03-01T23:00:00Z"), // midnight in Paris: March 2nd
        inv("2027-03-02T08:00:00Z", { withdrawnAt: at("2027-03-20T08:00:00Z") }),
        inv("2027-02-26T12:00:00Z"), // before the window
        inv("2027-03-03T12:00:00Z"), // after now (an adopted invitation dated later would be): not shown
      ],
      { zone: "Europe/Paris", now: at("2027-03-02T21:00:00Z"), days: 3 },
    );
    expect(days).toEqual([
      { date: "2027-02-28", invited: 0, accepted: 0, withdrawn: 0, decided: 0, rate: null },
      { date: "2027-03-01", invited: 1, accepted: 1, withdrawn: 0, decided: 1, rate: 1 },
      { date: "2027-03-02", invited: 2, accepted: 0, withdrawn: 1, decided: 1, rate: 0 }, // the pending one is undecided
    ]);
  });

  it("rates a day over its decided invitations: pending ones count as not accepted once 21 days old", () => {
    const now = at("2027-03-22T12:00:00Z");
    const days = accountDays(
      [
        inv("2027-03-01T10:00:00Z"), // pending 21 days and 2 hours: not accepted
        inv("2027-03-01T11:00:00Z", { acceptedAt: at("2027-03-21T10:00:00Z") }),
        inv("2027-03-02T10:00:00Z", { endReason: "declined" }),
        inv("2027-03-02T13:00:00Z"), // pending 20 days and 23 hours: undecided
        inv("2027-03-22T09:00:00Z"), // sent this morning: no rate yet, not 0%
      ],
      { zone: "Europe/Paris", now, days: 22 },
    );
    expect(days[0]).toEqual({ date: "2027-03-01", invited: 2, accepted: 1, withdrawn: 0, decided: 2, rate: 0.5 });
    expect(days[1]).toEqual({ date: "2027-03-02", invited: 2, accepted: 0, withdrawn: 0, decided: 1, rate: 0 });
    expect(days.at(-1)).toEqual({ date: "2027-03-22", invited: 1, accepted: 0, withdrawn: 0, decided: 0, rate: null });
  });

  it("gives exactly `days` consecutive dates ending today, across daylight saving changes and odd offsets", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("Europe/Paris", "America/New_York", "Asia/Kathmandu", "Pacific/Chatham", "Australia/Lord_Howe"),
        fc.integer({ min: 0, max: 400 * 24 }),
        fc.integer({ min: 1, max: 365 }),
        (zone, hours, n) => {
          const now = at("2026-09-01T00:00:00Z") + hours * HOUR;
          const days = accountDays(
            [inv("2000-01-01T00:00:00Z", { invitedAt: now }), inv("2000-01-01T00:00:00Z", { invitedAt: now - n * DAY - DAY })],
            { zone, now, days: n },
          );
          expect(days).toHaveLength(n);
          const today = DateTime.fromMillis(now, { zone });
          expect(days.at(-1)).toEqual({ date: today.toISODate(), invited: 1, accepted: 0, withdrawn: 0, decided: 0, rate: null });
          days.forEach((d, i) => expect(d.date).toBe(today.minus({ days: n - 1 - i }).toISODate()));
          expect(days.reduce((s, d) => s + d.invited, 0)).toBe(1);
        },
      ),
      { numRuns: 200 },
    );
  });
});
