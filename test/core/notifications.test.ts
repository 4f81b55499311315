import { describe, expect, it } from "vitest";
import { initialGovernorState, type GovernorState } from "../../src/core/governor/index.js";
import { healthAlerts } from "../../src/core/notifications.js";
import { parseInstant } from "../../src/core/time.js";
import { accountDoc } from "../support/docs.js";

const NOW = parseInstant("2027-03-01T09:00:00Z") as number;
const s = (over: Partial<GovernorState>): GovernorState => ({ ...initialGovernorState(), ...over });
const kinds = (prev: GovernorState, next: GovernorState) => healthAlerts(accountDoc({ type: "free" }), prev, next, NOW).map((a) => a.kind);

describe("healthAlerts", () => {
  it.each([
    ["a new pause", s({}), s({ pausedUntil: NOW + 1000, pauseReason: "restricted" }), ["account_paused"]],
    ["the same pause again", s({ pausedUntil: NOW + 1000 }), s({ pausedUntil: NOW + 1000 }), []],
    ["a weekly-limit signal", s({}), s({ limitSignals: [NOW], learnedWeeklyBudget: 72 }), ["weekly_limit_reached"]],
    [
      "acceptance crossing under 25%",
      s({ decided: [...Array(8).fill(1), ...Array(22).fill(0)] as Array<0 | 1> }),
      s({ decided: [...Array(7).fill(1), ...Array(24).fill(0)] as Array<0 | 1> }),
      ["acceptance_falling"],
    ],
    ["acceptance already low", s({ decided: Array(40).fill(0) as Array<0 | 1> }), s({ decided: Array(41).fill(0) as Array<0 | 1> }), []],
    [
      "the last note of the month",
      s({ month: "2027-03", notesThisMonth: 4 }),
      s({ month: "2027-03", notesThisMonth: 5 }),
      ["note_quota_exhausted"],
    ],
    ["pending reaching 90% of the cap", s({ pending: 449 }), s({ pending: 450 }), ["pending_near_cap"]],
    ["pending staying high", s({ pending: 460 }), s({ pending: 461 }), []],
  ])("%s", (_what, prev, next, expected) => {
    expect(kinds(prev, next)).toEqual(expected);
  });
});
