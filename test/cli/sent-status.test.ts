import { describe, expect, it } from "vitest";
import { invitationStatus } from "../../src/engine/sent-invitations.js";
import type { InvitationRow } from "../../src/store/store.js";

const base: InvitationRow = {
  enrollmentId: 1,
  campaignName: "c",
  accountName: "a",
  personId: 1,
  displayUrl: "https://www.linkedin.com/in/x",
  firstName: "X",
  lastName: "Y",
  fullName: null,
  company: "",
  title: "",
  invitedAt: 1,
  inviteNote: null,
  acceptedAt: null,
  repliedAt: null,
  withdrawnAt: null,
  endReason: null,
  status: "invited",
  withdrawalAt: null,
};

describe("invitationStatus", () => {
  it.each([
    [{}, "pending"],
    [{ acceptedAt: 2 }, "accepted"],
    [{ acceptedAt: 2, repliedAt: 3 }, "replied"],
    [{ withdrawnAt: 2, status: "done", endReason: "withdrawn" }, "withdrawn"],
    [{ status: "done", endReason: "declined" }, "declined"],
  ] as Array<[Partial<InvitationRow>, string]>)("%o is %s", (over, expected) => {
    expect(invitationStatus({ ...base, ...over })).toBe(expected);
  });
});
