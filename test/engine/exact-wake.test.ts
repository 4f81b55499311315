/** The exact wake: past every pass that would find the governor still blocking everything due. */
import { describe, expect, it } from "vitest";
import { decideAccount, initialGovernorState, planWake, VISIT_BACKLOG_DAYS, type ReadyByKind } from "../../src/core/governor/index.js";
import { HOUR, parseInstant } from "../../src/core/time.js";
import { exactWake, hasWorkAt } from "../../src/engine/exact-wake.js";
import { accountDoc } from "../support/docs.js";

const at = (text: string): number => parseInstant(text) as number;
const doc = accountDoc({ timezone: "UTC" });
// Saturday 2027-03-06, 10:00 UTC: outside the Monday to Friday 08:00-18:00 working hours.
const SATURDAY = at("2027-03-06T10:00:00Z");
const MONDAY_OPENING = at("2027-03-08T08:00:00Z");

describe("exactWake", () => {
  it("goes past a pause that ends outside working hours, to the opening", () => {
    const state = { ...initialGovernorState(), pausedUntil: SATURDAY + 2 * HOUR, pauseReason: "restricted" };
    const ready: ReadyByKind = { connect: SATURDAY - HOUR };
    const decision = decideAccount(doc, state, SATURDAY);
    // The governor's first block lifts at noon on Saturday, when the working hours still block everything.
    expect(planWake(decision, ready, SATURDAY)).toBe(SATURDAY + 2 * HOUR);
    expect(hasWorkAt(decideAccount(doc, state, SATURDAY + 2 * HOUR), ready, SATURDAY + 2 * HOUR)).toBe(false);
    const wake = exactWake({ doc, state, ready, visitedAwaiting: 0 }, decision, SATURDAY);
    expect(wake).toBe(MONDAY_OPENING);
    expect(hasWorkAt(decideAccount(doc, state, MONDAY_OPENING), ready, MONDAY_OPENING)).toBe(true);
  });

  it("keeps the governor's wake when a pass then finds work", () => {
    const state = initialGovernorState();
    const ready: ReadyByKind = { message: SATURDAY + 30 * HOUR };
    const decision = decideAccount(doc, state, SATURDAY);
    expect(exactWake({ doc, state, ready, visitedAwaiting: 0 }, decision, SATURDAY)).toBe(MONDAY_OPENING);
    const weekday = at("2027-03-09T09:00:00Z");
    const later: ReadyByKind = { message: weekday + HOUR };
    const d = decideAccount(doc, state, weekday);
    expect(exactWake({ doc, state, ready: later, visitedAwaiting: 0 }, d, weekday)).toBe(planWake(d, later, weekday));
  });

  it("leaves a pass to run when visits are allowed then and the backlog was not read", () => {
    const state = { ...initialGovernorState(), pausedUntil: SATURDAY + 2 * HOUR, pauseReason: "restricted" };
    const ready: ReadyByKind = { visit: SATURDAY - HOUR };
    const decision = decideAccount(doc, state, SATURDAY);
    expect(exactWake({ doc, state, ready, visitedAwaiting: null }, decision, SATURDAY)).toBe(MONDAY_OPENING);
    // With the backlog full, visits never come: only an outside event wakes the account.
    const full = VISIT_BACKLOG_DAYS * doc.limits.invitesPerDay;
    expect(exactWake({ doc, state, ready, visitedAwaiting: full }, decision, SATURDAY)).toBeNull();
  });
});
