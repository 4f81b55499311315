/**
 * Sittings: a person working through the queue gets tasks back to back (sittingGap, no drip pacing), and an
 * account whose pacing is `sittings` acts only while one is open. Every budget stays as it is.
 */
import { describe, expect, test } from "vitest";
import { decideAccount, initialGovernorState, recordAction, recordSitting, type GovernorState } from "../../../src/core/governor/index.js";
import { MINUTE, SECOND, parseInstant } from "../../../src/core/time.js";
import { accountDoc } from "../../support/docs.js";

const MON_9 = parseInstant("2027-03-01T08:00:00Z") as number; // 09:00 in Paris

function connectsInOneSitting(doc = accountDoc({ pacing: "sittings", warmup: "off" }), minutes = 30) {
  let s: GovernorState = recordSitting(doc, initialGovernorState(), MON_9, minutes * MINUTE);
  const times: number[] = [];
  let t = MON_9;
  while (t < MON_9 + minutes * MINUTE) {
    const d = decideAccount(doc, s, t);
    if (d.kinds.connect.allowed) {
      times.push(t);
      s = recordAction(doc, s, { kind: "connect", result: "ok", at: t, withNote: false });
    }
    t += SECOND;
  }
  return { times, state: s, doc };
}

describe("sittings", () => {
  test("a sittings account acts only while a sitting is open", () => {
    const doc = accountDoc({ pacing: "sittings" });
    const closed = decideAccount(doc, initialGovernorState(), MON_9);
    expect(closed.kinds.connect).toMatchObject({ allowed: false, until: null, reason: expect.stringContaining("sitting") });
    const open = recordSitting(doc, initialGovernorState(), MON_9, 30 * MINUTE);
    expect(decideAccount(doc, open, MON_9).kinds.connect.allowed).toBe(true);
    expect(decideAccount(doc, open, MON_9 + 30 * MINUTE).kinds.connect.allowed).toBe(false);
    const stopped = recordSitting(doc, open, MON_9 + 5 * MINUTE, 0);
    expect(decideAccount(doc, stopped, MON_9 + 5 * MINUTE).kinds.visit.allowed).toBe(false);
  });

  test("tasks come back to back, sittingGap × U(1, 1.5) apart, until the day's budget is spent", () => {
    const { times, state, doc } = connectsInOneSitting();
    expect(times).toHaveLength(20); // invitesPerDay
    const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(20 * SECOND);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(31 * SECOND);
    const after = decideAccount(doc, state, (times[19] as number) + MINUTE).kinds.connect;
    expect(after).toMatchObject({ allowed: false, reason: expect.stringContaining("daily connect budget spent (20/20)") });
  });

  test("the weekly budget, the pending cap and warm-up hold during a sitting", () => {
    expect(connectsInOneSitting(accountDoc({ pacing: "sittings", warmup: "off", limits: { pendingMax: 7 } })).times).toHaveLength(7);
    expect(connectsInOneSitting(accountDoc({ pacing: "sittings", created: "2027-02-20" })).times).toHaveLength(5); // warm-up day 1
    const weekly = accountDoc({ pacing: "sittings", warmup: "off", limits: { invitesPerWeek: 12 } });
    expect(connectsInOneSitting(weekly).times).toHaveLength(12);
  });

  test("a drip account is paced outside a sitting and back to back inside one", () => {
    const doc = accountDoc({ warmup: "off" });
    const paced = recordAction(doc, initialGovernorState(), { kind: "connect", result: "ok", at: MON_9, withNote: false });
    expect(decideAccount(doc, paced, MON_9 + 5 * MINUTE).kinds.connect).toMatchObject({ allowed: false });
    const sitting = recordSitting(doc, paced, MON_9 + MINUTE, 30 * MINUTE);
    expect(decideAccount(doc, sitting, MON_9 + MINUTE).kinds.connect.allowed).toBe(true);
    expect(connectsInOneSitting(doc).times).toHaveLength(20);
  });

  test("opening a sitting keeps the least gap after an action done just before it", () => {
    const doc = accountDoc({ pacing: "sittings", warmup: "off" });
    const open = recordSitting(doc, initialGovernorState(), MON_9, 30 * MINUTE);
    const acted = recordAction(doc, open, { kind: "visit", result: "ok", at: MON_9, withNote: false });
    const reopened = recordSitting(doc, recordSitting(doc, acted, MON_9 + 2 * SECOND, 0), MON_9 + 3 * SECOND, 30 * MINUTE);
    expect(decideAccount(doc, reopened, MON_9 + 3 * SECOND).kinds.visit.allowed).toBe(false);
    expect(decideAccount(doc, reopened, MON_9 + 20 * SECOND).kinds.visit.allowed).toBe(true);
  });

  test("a sitting opened again while open is extended from its start", () => {
    const doc = accountDoc({ pacing: "sittings" });
    const open = recordSitting(doc, initialGovernorState(), MON_9, 30 * MINUTE);
    expect(recordSitting(doc, open, MON_9 + 20 * MINUTE, 30 * MINUTE).sitting).toEqual({ from: MON_9, until: MON_9 + 50 * MINUTE });
  });
});
