import { describe, expect, it } from "vitest";
import type { ActionRequest } from "../../../src/channels/channel.js";
import { LinkedInSimulator } from "../../../src/channels/simulator/index.js";
import { DAY } from "../../../src/core/time.js";
import { START } from "./helpers.js";

const ZONES = ["Europe/Paris", "America/New_York", "Asia/Tokyo", "Asia/Kolkata", "Australia/Sydney", "America/Los_Angeles"];
const KINDS = ["visit", "connect", "connect", "message", "withdraw"] as const;

// Speed is measured by `npm run bench` (BENCHMARKS.md), never by a timed test: this checks a large mixed run
// stays coherent.
describe("scale", () => {
  it("stays coherent over 100 accounts, 20,000 people and 100,000 mixed actions", () => {
    const accounts = 100;
    const people = 20_000;
    const actions = 100_000;
    const sim = new LinkedInSimulator({
      seed: 7,
      accounts: Array.from({ length: accounts }, (_, i) => ({
        name: `acct-${i}`,
        timezone: ZONES[i % ZONES.length] ?? "UTC",
        type: "free" as const,
      })),
    });
    for (let i = 0; i < people; i++) {
      const u = `https://www.linkedin.com/in/p-${i}`;
      sim.addProspect({
        url: u,
        identifiers: [u],
        timezone: i % 7 === 0 ? null : (ZONES[i % ZONES.length] ?? null),
        connected: i % 10 === 0,
        account: `acct-${i % accounts}`,
      });
    }
    let events = 0;
    for (let n = 0; n < actions; n++) {
      const at = START + Math.floor((n / actions) * 28 * DAY);
      const account = n % accounts;
      const round = Math.floor(n / accounts);
      const u = `https://www.linkedin.com/in/p-${account + accounts * ((round * 7) % (people / accounts))}`;
      const req: ActionRequest = {
        actionId: n,
        at,
        account: { name: `acct-${account}`, type: "free" },
        kind: KINDS[(round + account) % KINDS.length] ?? "visit",
        prospect: { url: u, identifiers: [u], firstName: "F", lastName: "L", timezone: "UTC" },
        note: n % 4 === 0 ? "Hi" : "",
        text: "Hello",
      };
      sim.performSync(req);
      if (n % 1000 === 999) events += sim.takeEventsUntil(at).length;
    }
    events += sim.takeEventsUntil(START + 365 * DAY).length;
    expect(events).toBeGreaterThan(1_000);
    let accepted = 0;
    for (let a = 0; a < accounts; a++) {
      const s = sim.stats(`acct-${a}`);
      expect(s.accepted).toBeLessThanOrEqual(s.invitesOk);
      accepted += s.accepted;
    }
    expect(accepted).toBeGreaterThan(0);
  });
});
