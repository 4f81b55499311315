import { describe, expect, it } from "vitest";
import { LinkedInSimulator } from "../../../src/channels/simulator/index.js";
import { DAY, HOUR, MINUTE, SECOND, WEEK } from "../../../src/core/time.js";
import { oneAccount, START, url } from "./helpers.js";

describe("hidden truth", () => {
  it("defaults by account type and keeps given values", () => {
    const sim = new LinkedInSimulator({
      seed: 1,
      accounts: [
        { name: "free", timezone: "UTC", type: "free" },
        { name: "paid", timezone: "UTC", type: "sales_navigator" },
        { name: "strong", timezone: "UTC", type: "premium", truth: { weeklyInviteLimit: 180, noteQuotaPerMonth: 7 } },
      ],
    });
    expect(sim.truthOf("free")).toEqual({
      weeklyInviteLimit: 100,
      noteQuotaPerMonth: 5,
      acceptance: 0.35,
      replyRate: 0.2,
      variantQuality: {},
      hourCurve: {},
    });
    expect(sim.truthOf("paid")).toEqual({
      weeklyInviteLimit: 100,
      noteQuotaPerMonth: null,
      acceptance: 0.35,
      replyRate: 0.2,
      variantQuality: {},
      hourCurve: {},
    });
    expect(sim.truthOf("strong")).toMatchObject({ weeklyInviteLimit: 180, noteQuotaPerMonth: 7 });
  });

  it("rejects nonsense with the field's place", () => {
    expect(
      () => new LinkedInSimulator({ seed: 1, accounts: [{ name: "x", timezone: "UTC", type: "free", truth: { acceptance: 1.5 } }] }),
    ).toThrow(/accounts\[0\]\.linkedin\.acceptance/);
    expect(() => new LinkedInSimulator({ seed: 1, accounts: [{ name: "x", timezone: "Mars/Base", type: "free" }] })).toThrow(
      /accounts\[0\]\.timezone/,
    );
  });
});

describe("rolling weekly invitation limit", () => {
  it("refuses the 101st invite inside 7×24 h and sends again once the oldest leaves the window", () => {
    const { sim, act } = oneAccount({ prospects: 110, truth: { acceptance: 0 } });
    for (let i = 0; i < 100; i++) expect(act("connect", url(i), START + i * HOUR)).toBe("ok");
    expect(act("connect", url(100), START + 100 * HOUR)).toBe("weekly_limit_reached");
    expect(act("connect", url(100), START + WEEK - SECOND)).toBe("weekly_limit_reached");
    // The first invite (at START) is exactly 7×24 h old: out of the window.
    expect(act("connect", url(100), START + WEEK)).toBe("ok");
    // 100 again in the window until the invite of START + 1 h leaves it.
    expect(act("connect", url(101), START + WEEK + HOUR - SECOND)).toBe("weekly_limit_reached");
    expect(sim.stats("a")).toMatchObject({ invitesOk: 101, limitRefusals: 3 });
    // Three refusals within 7 days: the account is now restricted (restrictions.test.ts).
    expect(
      sim
        .takeEventsUntil(START + WEEK + HOUR)
        .filter((e) => e.kind === "restricted")
        .map((e) => e.at),
    ).toEqual([START + WEEK + HOUR - SECOND]);
  });

  it("keeps a configured limit and is not lifted by withdrawing", () => {
    const { sim, act } = oneAccount({ prospects: 200, truth: { weeklyInviteLimit: 150, acceptance: 0 } });
    for (let i = 0; i < 150; i++) expect(act("connect", url(i), START + i * 10 * MINUTE)).toBe("ok");
    const t = START + 150 * 10 * MINUTE;
    expect(act("withdraw", url(0), t)).toBe("ok");
    expect(act("withdraw", url(1), t + MINUTE)).toBe("ok");
    expect(act("connect", url(150), t + 2 * MINUTE)).toBe("weekly_limit_reached");
    expect(sim.pendingOf("a")).toBe(148);
    expect(sim.stats("a")).toMatchObject({ invitesOk: 150, withdrawn: 2, limitRefusals: 1 });
  });

  it("a refused invitation is not sent: nothing pending, no event", () => {
    const { sim, act } = oneAccount({ prospects: 3, truth: { weeklyInviteLimit: 1, acceptance: 0.95 } });
    expect(act("connect", url(0), START)).toBe("ok");
    expect(act("connect", url(1), START + HOUR)).toBe("weekly_limit_reached");
    expect(act("withdraw", url(1), START + 2 * HOUR)).toBe("not_connected");
    const events = sim.takeEventsUntil(START + 60 * DAY);
    expect(events.filter((e) => e.prospect === url(1))).toEqual([]);
  });
});

describe("note quota of free accounts", () => {
  it("refuses the 6th note in a UTC month, sends blank ones, and resets next month", () => {
    const { sim, act } = oneAccount({ prospects: 20, truth: { acceptance: 0 } });
    const t0 = Date.UTC(2027, 2, 25, 9);
    for (let i = 0; i < 5; i++) expect(act("connect", url(i), t0 + i * HOUR, { note: `Hi ${i}` })).toBe("ok");
    expect(act("connect", url(5), t0 + 5 * HOUR, { note: "Hi 5" })).toBe("note_quota_reached");
    expect(sim.stats("a")).toMatchObject({ invitesOk: 5, notesOk: 5 });
    // Nothing was sent: the same person can be invited without a note right away.
    expect(act("connect", url(5), t0 + 6 * HOUR, { note: "" })).toBe("ok");
    expect(act("connect", url(6), t0 + 7 * HOUR, { note: "   " })).toBe("ok");
    expect(act("connect", url(7), Date.UTC(2027, 2, 31, 23, 59), { note: "Hi 7" })).toBe("note_quota_reached");
    expect(act("connect", url(7), Date.UTC(2027, 3, 1, 0, 0), { note: "Hi 7" })).toBe("ok");
    expect(sim.stats("a")).toMatchObject({ invitesOk: 8, notesOk: 6 });
  });

  it("honours a configured quota and is unlimited on paid accounts", () => {
    const two = oneAccount({ prospects: 5, truth: { noteQuotaPerMonth: 2, acceptance: 0 } });
    expect([0, 1, 2].map((i) => two.act("connect", url(i), START + i * HOUR, { note: "Hi" }))).toEqual(["ok", "ok", "note_quota_reached"]);
    const paid = oneAccount({ prospects: 30, type: "premium", truth: { acceptance: 0 } });
    for (let i = 0; i < 30; i++) expect(paid.act("connect", url(i), START + i * HOUR, { note: "Hi" })).toBe("ok");
    expect(paid.sim.stats("a").notesOk).toBe(30);
  });
});
