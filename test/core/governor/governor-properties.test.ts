import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decideAccount, initialGovernorState, recordAction } from "../../../src/core/governor/index.js";
import { localDateKey } from "../../../src/core/schedule/index.js";
import { DAY, MINUTE, WEEK, parseInstant } from "../../../src/core/time.js";
import { accountDoc } from "../../support/docs.js";

const START = parseInstant("2027-03-01T00:00:00Z") as number;
const ZONES = ["Europe/Paris", "America/New_York", "Asia/Kolkata", "Australia/Adelaide", "Asia/Kathmandu", "Pacific/Chatham"];

/**
 * Whatever order and timing the engine asks in, invitations the governor lets through never exceed the rolling
 * weekly budget, the daily cap of the sender's local day, or the least gap.
 */
describe("governor properties", () => {
  it("never lets more than the weekly and daily budgets through, across DST changes and odd offsets", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 5, max: 120 }),
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.integer({ min: 1, max: 90 }), { minLength: 200, maxLength: 600 }),
        (zone, perWeek, perDay, steps) => {
          const doc = accountDoc({
            timezone: zone,
            limits: { invitesPerWeek: perWeek, invitesPerDay: perDay },
            workingHours: { days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], windows: [{ startMinute: 0, endMinute: 1440 }] },
          });
          let state = initialGovernorState();
          let now = START + 20 * DAY; // spans the US (03-14) and EU (03-28) changes
          const sent: number[] = [];
          for (const step of steps) {
            now += step * MINUTE;
            if (!decideAccount(doc, state, now).kinds.connect.allowed) continue;
            state = recordAction(doc, state, { kind: "connect", result: "ok", at: now, withNote: false });
            sent.push(now);
          }
          // Not vacuous: the governor does let invitations through, up to the budgets.
          expect(sent.length).toBeGreaterThanOrEqual(Math.min(perDay, perWeek, 3));
          let lo = 0;
          const perLocalDay = new Map<string, number>();
          for (let hi = 0; hi < sent.length; hi++) {
            while ((sent[lo] as number) <= (sent[hi] as number) - WEEK) lo++;
            expect(hi - lo + 1).toBeLessThanOrEqual(perWeek);
            if (hi > 0) expect((sent[hi] as number) - (sent[hi - 1] as number)).toBeGreaterThanOrEqual(doc.limits.minGap);
            const day = localDateKey(zone, sent[hi] as number);
            perLocalDay.set(day, (perLocalDay.get(day) ?? 0) + 1);
          }
          for (const n of perLocalDay.values()) expect(n).toBeLessThanOrEqual(perDay);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("charges nothing for refused actions", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("profile_unavailable", "already_connected", "not_connected", "cannot_resend_yet", "note_quota_reached"),
        fc.integer({ min: 0, max: 10 }),
        (result, n) => {
          const doc = accountDoc();
          let state = initialGovernorState();
          for (let i = 0; i < n; i++)
            state = recordAction(doc, state, {
              kind: "connect",
              result: result as never,
              at: START + 8 * 3600_000 + i * 5 * MINUTE,
              withNote: true,
            });
          expect(state.today.connect).toBe(0);
          expect(state.inviteTimes).toEqual([]);
          expect(state.pending).toBe(0);
          expect(state.notesThisMonth).toBe(0);
        },
      ),
    );
  });
});
