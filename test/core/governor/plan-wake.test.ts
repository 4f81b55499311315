/** The engine's rules on the governor's decision: the visit backlog and the account's wake. */
import { describe, expect, it } from "vitest";
import {
  decideVisitBacklog,
  planWake,
  VISIT_BACKLOG_DAYS,
  type AccountDecision,
  type KindDecision,
} from "../../../src/core/governor/index.js";
import { reinviteBlockedUntil, REINVITE_BLOCK } from "../../../src/core/enrollment/reinvite.js";
import { DAY, HOUR, SECOND } from "../../../src/core/time.js";
import { accountDoc } from "../../support/docs.js";

const NOW = 1_000 * DAY + 500; // not on a whole second
const allowed: KindDecision = { allowed: true };
const decision = (over: Partial<AccountDecision["kinds"]> = {}): AccountDecision => ({
  kinds: { visit: allowed, connect: allowed, message: allowed, withdraw: allowed, ...over },
  note: { allowed: true, why: null },
});

describe("decideVisitBacklog", () => {
  const doc = accountDoc({ limits: { invitesPerDay: 20 } });
  const limit = VISIT_BACKLOG_DAYS * 20;
  it.each([
    ["below the backlog", limit - 1, true],
    ["at the backlog", limit, false],
    ["above it", limit + 50, false],
  ])("visits %s: allowed %s", (_what, awaiting, visit) => {
    const d = decideVisitBacklog(doc, decision(), awaiting as number);
    expect(d.kinds.visit.allowed).toBe(visit);
    if (!visit)
      expect(d.kinds.visit).toEqual({
        allowed: false,
        until: null,
        reason: `${awaiting} visited prospects already wait for an invitation`,
      });
    expect(d.kinds.connect.allowed).toBe(true);
  });
  it("leaves the caller's decision alone and a block the governor set", () => {
    const given = decision();
    decideVisitBacklog(doc, given, limit);
    expect(given.kinds.visit).toEqual(allowed);
    const blocked: KindDecision = { allowed: false, until: NOW + HOUR, reason: "daily cap" };
    expect(decideVisitBacklog(doc, decision({ visit: blocked }), limit).kinds.visit).toBe(blocked);
  });
});

describe("planWake", () => {
  it.each<[string, AccountDecision, Partial<Record<"visit" | "connect" | "message" | "withdraw", number>>, number | null]>([
    ["nothing ready", decision(), {}, null],
    ["ready later, allowed now", decision(), { connect: NOW + HOUR }, Math.ceil((NOW + HOUR) / SECOND) * SECOND],
    [
      "ready now, allowed later",
      decision({ connect: { allowed: false, until: NOW + 2 * HOUR, reason: "gap" } }),
      { connect: NOW },
      Math.ceil((NOW + 2 * HOUR) / SECOND) * SECOND,
    ],
    ["blocked until an outside event", decision({ connect: { allowed: false, until: null, reason: "pending" } }), { connect: NOW }, null],
    ["the earliest kind wins", decision(), { connect: NOW + 2 * HOUR, visit: NOW + HOUR }, Math.ceil((NOW + HOUR) / SECOND) * SECOND],
    ["never now again, on a whole second", decision(), { visit: NOW - HOUR }, Math.ceil((NOW + 1) / SECOND) * SECOND],
  ])("%s", (_what, d, ready, wake) => {
    expect(planWake(d, ready, NOW)).toBe(wake);
  });
});

describe("reinviteBlockedUntil", () => {
  it.each([
    ["never withdrawn", null, null],
    ["withdrawn a day ago", NOW - DAY, NOW - DAY + REINVITE_BLOCK],
    ["withdrawn exactly the block ago", NOW - REINVITE_BLOCK, null],
    ["withdrawn long ago", NOW - 2 * REINVITE_BLOCK, null],
  ])("%s", (_what, at, until) => {
    expect(reinviteBlockedUntil(at, NOW)).toBe(until);
  });
});
