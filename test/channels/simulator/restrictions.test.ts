import { describe, expect, it } from "vitest";
import { DAY, HOUR, MINUTE, SECOND } from "../../../src/core/time.js";
import { oneAccount, START, url } from "./helpers.js";

describe("restrictions", () => {
  it("restricts at the 3rd limit refusal in 7 days, for 12 h, then 3 days, then 14 days", () => {
    const { sim, act } = oneAccount({ prospects: 20, truth: { weeklyInviteLimit: 2, acceptance: 0 } });
    expect(act("connect", url(0), START)).toBe("ok");
    expect(act("connect", url(1), START + MINUTE)).toBe("ok");
    expect(act("connect", url(2), START + HOUR)).toBe("weekly_limit_reached");
    expect(act("connect", url(3), START + 2 * HOUR)).toBe("weekly_limit_reached");
    expect(sim.takeEventsUntil(START + 2 * HOUR)).toEqual([]);
    const first = START + 3 * HOUR;
    expect(act("connect", url(4), first)).toBe("weekly_limit_reached");
    expect(sim.nextEventAt()).toBe(first);
    expect(sim.takeEventsUntil(first)).toEqual([{ at: first, kind: "restricted", account: "a" }]);

    for (const kind of ["visit", "connect", "message", "withdraw"] as const) expect(act(kind, url(5), first)).toBe("restricted");
    expect(act("visit", url(5), first + 12 * HOUR - SECOND)).toBe("restricted");
    expect(act("visit", url(5), first + 12 * HOUR)).toBe("ok");

    // Still over the limit and already 3 refusals this week: the next refusal restricts again, longer.
    const second = first + 12 * HOUR + MINUTE;
    expect(act("connect", url(6), second)).toBe("weekly_limit_reached");
    expect(act("visit", url(5), second + 3 * DAY - SECOND)).toBe("restricted");
    expect(act("visit", url(5), second + 3 * DAY)).toBe("ok");

    // Five refusals between START + 1 h and `second` are still in the window 3 days later.
    const third = second + 3 * DAY + MINUTE;
    expect(act("connect", url(7), third)).toBe("weekly_limit_reached");
    expect(act("visit", url(5), third + 14 * DAY - SECOND)).toBe("restricted");
    expect(act("visit", url(5), third + 14 * DAY)).toBe("ok");

    const events = sim.takeEventsUntil(third + 30 * DAY);
    expect(events).toEqual([
      { at: second, kind: "restricted", account: "a" },
      { at: third, kind: "restricted", account: "a" },
    ]);
    expect(sim.stats("a")).toMatchObject({ invitesOk: 2, limitRefusals: 5, restrictions: 3 });
  });

  it("does not restrict for refusals spread over more than 7 days", () => {
    const { sim, act } = oneAccount({ prospects: 10, truth: { weeklyInviteLimit: 1, acceptance: 0 } });
    // One ok invite per week, each followed by a refusal; never 3 refusals within 7×24 h.
    for (let w = 0; w < 4; w++) {
      const t = START + w * 7 * DAY;
      expect(act("connect", url(2 * w), t)).toBe("ok");
      expect(act("connect", url(2 * w + 1), t + 4 * DAY)).toBe("weekly_limit_reached");
    }
    expect(sim.takeEventsUntil(START + 60 * DAY)).toEqual([]);
  });

  it("restricts for 14 days beyond 1,200 pending invitations", () => {
    const { sim, act } = oneAccount({ prospects: 1210, truth: { weeklyInviteLimit: 1_000_000, acceptance: 0 } });
    for (let i = 0; i < 1200; i++) expect(act("connect", url(i), START + i * MINUTE)).toBe("ok");
    expect(sim.takeEventsUntil(START + 1200 * MINUTE)).toEqual([]);
    const t = START + 1200 * MINUTE;
    expect(act("connect", url(1200), t)).toBe("ok");
    expect(sim.pendingOf("a")).toBe(1201);
    expect(sim.takeEventsUntil(t)).toEqual([{ at: t, kind: "restricted", account: "a" }]);
    expect(act("withdraw", url(0), t + 14 * DAY - SECOND)).toBe("restricted");
    expect(act("withdraw", url(0), t + 14 * DAY)).toBe("ok");
  });
});
