import { describe, expect, it } from "vitest";
import { hoursBetween, prospectStage, type StageFacts } from "../../../src/core/enrollment/stage.js";

const base: StageFacts = {
  status: "ready",
  visitedAt: null,
  invitedAt: null,
  acceptedAt: null,
  messagesSent: 0,
  repliedAt: null,
  withdrawnAt: null,
  endReason: null,
};

describe("prospectStage", () => {
  it.each<[string, Partial<StageFacts> | null, string]>([
    ["never enrolled", null, "not_enrolled"],
    ["just enrolled", {}, "enrolled"],
    ["visited", { visitedAt: 1 }, "visited"],
    ["invited", { status: "invited", visitedAt: 1, invitedAt: 2 }, "invited"],
    ["accepted", { visitedAt: 1, invitedAt: 2, acceptedAt: 3 }, "accepted"],
    ["messaged", { invitedAt: 2, acceptedAt: 3, messagesSent: 1 }, "messaged"],
    ["a connection messaged without an invitation", { messagesSent: 2 }, "messaged"],
    ["replied", { status: "done", endReason: "replied", invitedAt: 2, acceptedAt: 3, messagesSent: 1, repliedAt: 4 }, "replied"],
    ["withdrawn", { status: "done", endReason: "withdrawn", invitedAt: 2, withdrawnAt: 5 }, "withdrawn"],
    [
      "completed shows how far it got",
      { status: "done", endReason: "completed", invitedAt: 2, acceptedAt: 3, messagesSent: 1 },
      "messaged",
    ],
    ["ended with the acceptance", { status: "done", endReason: "accepted", invitedAt: 2, acceptedAt: 3 }, "accepted"],
    ["ended early", { status: "done", endReason: "unreachable" }, "ended:unreachable"],
    [
      "ended early after acceptance",
      { status: "done", endReason: "message_unsendable", invitedAt: 2, acceptedAt: 3 },
      "ended:message_unsendable",
    ],
    ["ended without a reason", { status: "done" }, "ended:unknown"],
  ])("%s", (_what, facts, stage) => {
    expect(prospectStage(facts === null ? null : { ...base, ...facts })).toBe(stage);
  });
});

describe("hoursBetween", () => {
  it("rounds to two decimals and is null when a date is missing", () => {
    expect(hoursBetween(0, 90 * 60_000)).toBe(1.5);
    expect(hoursBetween(0, 3_600_000 / 3)).toBe(0.33);
    expect(hoursBetween(null, 5)).toBeNull();
    expect(hoursBetween(5, null)).toBeNull();
  });
});
