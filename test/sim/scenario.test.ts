/** Reading a simulation scenario: an account cannot have been created after the simulation starts. */
import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/sim/scenario.js";
import { LinkpaceError } from "../../src/core/errors.js";

const scenario = (created: string) =>
  JSON.stringify({
    start: "2027-03-01T00:00:00Z",
    days: 7,
    accounts: [{ name: "alice", timezone: "Europe/Paris", created }],
    campaigns: [],
  });

describe("parseScenario", () => {
  it("refuses an account created after the start, in the account's zone", () => {
    expect(parseScenario(scenario("2027-03-01"), "s.json").accounts[0]!.doc.created).toBe("2027-03-01");
    let error: unknown;
    try {
      parseScenario(scenario("2027-03-02"), "s.json");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LinkpaceError);
    expect((error as LinkpaceError).issues).toEqual([
      {
        where: "s.json: accounts[0].created",
        message: expect.stringMatching(/^2027-03-02 is in the future \(today is 2027-03-01 in Europe\/Paris\)/),
      },
    ]);
  });
});
