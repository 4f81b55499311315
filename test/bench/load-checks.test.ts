import { describe, expect, it } from "vitest";
import { loadChecks, type CheckInput } from "../../src/bench/load-checks.js";

/** Two prospects (enrollments 1 and 2), each visited then invited; every task reported and logged. */
function consistent(): CheckInput {
  return {
    done: [
      [10, "visit"],
      [11, "visit"],
      [12, "connect"],
      [13, "connect"],
    ],
    log: {
      okActions: [
        [10, "visit", 1],
        [11, "visit", 2],
        [12, "connect", 1],
        [13, "connect", 2],
      ],
      inFlight: 1,
      otherResults: 0,
      errorLogLines: 0,
    },
    requests: { requests: 500, serverErrors: 0, failed: 0 },
    invitationsTotal: 2,
  };
}

const failing = (input: CheckInput): string[] =>
  loadChecks(input)
    .filter((c) => !c.ok)
    .map((c) => c.name);

describe("loadChecks", () => {
  it("passes when the event log agrees with the runners", () => {
    expect(failing(consistent())).toEqual([]);
  });

  it.each<[string, (i: CheckInput) => void, string]>([
    ["a 5xx answer", (i) => void (i.requests.serverErrors = 1), "no 5xx, no request without an answer"],
    ["a request without an answer", (i) => void (i.requests.failed = 1), "no 5xx, no request without an answer"],
    [
      "a reported task missing from the log",
      (i) => void i.log.okActions.splice(3, 1),
      "each task reported done is exactly one ok action in the event log",
    ],
    [
      "a reported task logged as another kind",
      (i) => void (i.done[0] = [10, "connect"]),
      "each task reported done is exactly one ok action in the event log",
    ],
    [
      "a task acknowledged twice",
      (i) => void i.done.push([12, "connect"]),
      "each task reported done is exactly one ok action in the event log",
    ],
    ["an ok action nobody reported", (i) => void i.log.okActions.push([14, "visit", 3]), "no ok action that no runner reported"],
    ["a prospect invited twice", (i) => void (i.log.okActions[3] = [13, "connect", 1]), "no step done twice for a prospect"],
    ["an invitation missing from the list", (i) => void (i.invitationsTotal = 1), "GET /v1/invitations lists every connect reported done"],
    ["an unreadable invitation list", (i) => void (i.invitationsTotal = null), "GET /v1/invitations lists every connect reported done"],
    ["an error in the server's log", (i) => void (i.log.errorLogLines = 2), "no error in the server's log"],
  ])("fails on %s", (_what, spoil, check) => {
    const input = consistent();
    spoil(input);
    expect(failing(input)).toContain(check);
  });
});
