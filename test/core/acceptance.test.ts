import { describe, expect, it } from "vitest";
import { invitationOutcome, isUnanswered, type InvitationRecord } from "../../src/core/acceptance.js";
import { DAY, HOUR, parseInstant } from "../../src/core/time.js";

const T = parseInstant("2027-03-01T09:00:00Z") as number;
const inv = (over: Partial<InvitationRecord> = {}): InvitationRecord => ({
  invitedAt: T,
  acceptedAt: null,
  withdrawnAt: null,
  endReason: null,
  ...over,
});

describe("invitationOutcome: which invitations an acceptance rate counts", () => {
  it.each([
    ["accepted", inv({ acceptedAt: T + HOUR }), T + DAY, "accepted"],
    ["accepted late, after 30 days", inv({ acceptedAt: T + 30 * DAY }), T + 31 * DAY, "accepted"],
    ["withdrawn", inv({ withdrawnAt: T + 21 * DAY, endReason: "withdrawn" }), T + 22 * DAY, "not_accepted"],
    ["gone when we tried to withdraw it", inv({ endReason: "withdrawn" }), T + 22 * DAY, "not_accepted"],
    ["declined", inv({ endReason: "declined" }), T + DAY, "not_accepted"],
    ["pending for 21 days", inv(), T + 21 * DAY, "not_accepted"],
    ["pending for 21 days less a second", inv(), T + 21 * DAY - 1000, "undecided"],
    ["pending, with a reply to its note", inv({ endReason: "replied" }), T + DAY, "undecided"],
  ] as const)("%s", (_, facts, now, expected) => {
    expect(invitationOutcome(facts, now)).toBe(expected);
  });

  it("counts a pending invitation as unanswered from 21 days after it was sent", () => {
    expect(isUnanswered(T, T + 21 * DAY)).toBe(true);
    expect(isUnanswered(T, T + 20 * DAY)).toBe(false);
  });
});
