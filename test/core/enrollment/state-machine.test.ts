/** Step planning: which step runs next and from when, or why the sequence ends. */
import { describe, expect, it } from "vitest";
import {
  connectIndex,
  connectStepAt,
  planAfterAcceptance,
  planNextStep,
  type NextStep,
} from "../../../src/core/enrollment/state-machine.js";
import type { CampaignStep } from "../../../src/core/model.js";
import { DAY } from "../../../src/core/time.js";
import { campaignDoc } from "../../support/docs.js";

const visit: CampaignStep = { kind: "visit", after: 0 };
const connect: CampaignStep = { kind: "connect", after: DAY, note: null, noteFallback: "blank", withdrawAfter: 21 * DAY };
const message = (after: number): CampaignStep => ({ kind: "message", after, text: "Hi" });
const withdraw: CampaignStep = { kind: "withdraw", after: 0 };
const full = campaignDoc({ steps: [visit, connect, message(2 * DAY), message(3 * DAY)] });
const T = 1_000 * DAY;

describe("planNextStep", () => {
  it.each<[string, number, boolean, NextStep]>([
    ["the first step, from the base", 0, false, { type: "step", step: 0, kind: "visit", dueAt: T }],
    ["a connect, its after counted from the base", 1, false, { type: "step", step: 1, kind: "connect", dueAt: T + DAY }],
    ["a connection skips the connect", 1, true, { type: "step", step: 2, kind: "message", dueAt: T + 2 * DAY }],
    ["a message for a non-connection ends the sequence", 2, false, { type: "end", reason: "not_connected" }],
    ["a message for a connection", 3, true, { type: "step", step: 3, kind: "message", dueAt: T + 3 * DAY }],
    ["past the last step: completed", 4, true, { type: "end", reason: "completed" }],
  ])("%s", (_what, from, connected, next) => {
    expect(planNextStep(full, from, T, connected)).toEqual(next);
  });

  it("skips a withdraw step (folded into the connect's withdrawAfter)", () => {
    expect(planNextStep(campaignDoc({ steps: [connect, withdraw, message(DAY)] }), 1, T, true)).toEqual({
      type: "step",
      step: 2,
      kind: "message",
      dueAt: T + DAY,
    });
  });
});

describe("planAfterAcceptance", () => {
  it("runs the step after the connect, counted from the acceptance", () => {
    expect(planAfterAcceptance(full, 1, T)).toEqual({ type: "step", step: 2, kind: "message", dueAt: T + 2 * DAY });
  });
  it("ends 'accepted' when the campaign ends with the invitation", () => {
    expect(planAfterAcceptance(campaignDoc({ steps: [visit, connect] }), 1, T)).toEqual({ type: "end", reason: "accepted" });
  });
});

describe("connectStepAt and connectIndex", () => {
  it("find the connect step", () => {
    expect(connectStepAt(full, 1)).toBe(connect);
    expect(connectStepAt(full, 0)).toBeNull();
    expect(connectStepAt(full, 9)).toBeNull();
    expect(connectIndex(full)).toBe(1);
    expect(connectIndex(campaignDoc({ steps: [visit] }))).toBe(-1);
  });
});
