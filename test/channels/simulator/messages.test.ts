import { describe, expect, it } from "vitest";
import { DAY, HOUR, MINUTE } from "../../../src/core/time.js";
import { oneAccount, START, url } from "./helpers.js";

describe("messages and replies", () => {
  it("refuses a message to a non-connection, also while the invitation is pending", () => {
    const { sim, act } = oneAccount({ prospects: 1, truth: { acceptance: 0 } });
    expect(act("message", url(0), START)).toBe("not_connected");
    expect(act("connect", url(0), START + HOUR)).toBe("ok");
    expect(act("message", url(0), START + 2 * HOUR)).toBe("not_connected");
    expect(sim.takeEventsUntil(START + 60 * DAY)).toEqual([]);
  });

  it("allows messages from the instant of acceptance on", () => {
    const { sim, act } = oneAccount({ prospects: 20, truth: { acceptance: 0.95, replyRate: 0 } });
    for (let i = 0; i < 20; i++) act("connect", url(i), START + i * MINUTE);
    const accepted = sim.takeEventsUntil(START + 60 * DAY)[0];
    expect(accepted?.kind).toBe("accepted");
    expect(act("message", accepted?.prospect ?? "", (accepted?.at ?? 0) - 1)).toBe("not_connected");
    expect(act("message", accepted?.prospect ?? "", accepted?.at ?? 0)).toBe("ok");
  });

  it("replies to the first message only, hours to days later", () => {
    const { sim, act } = oneAccount({ prospects: 0, truth: { replyRate: 1 } });
    sim.addProspect({ url: url("friend"), identifiers: [url("friend")], timezone: null, connected: true });
    expect(act("message", url("friend"), START)).toBe("ok");
    expect(act("message", url("friend"), START + HOUR)).toBe("ok");
    const events = sim.takeEventsUntil(START + 30 * DAY);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: "replied", account: "a", prospect: url("friend") });
    const delay = (events[0]?.at ?? 0) - START;
    expect(delay).toBeGreaterThanOrEqual(2 * HOUR);
    expect(delay).toBeLessThanOrEqual(4 * DAY);
    expect(sim.stats("a").replies).toBe(1);
  });

  it("replies at about the configured rate", () => {
    const { sim, act } = oneAccount({ prospects: 0, truth: { replyRate: 0.2 } });
    const n = 4000;
    for (let i = 0; i < n; i++) {
      sim.addProspect({ url: url(i), identifiers: [url(i)], timezone: null, connected: true });
      expect(act("message", url(i), START + i * MINUTE)).toBe("ok");
    }
    const replies = sim.takeEventsUntil(START + 60 * DAY).filter((e) => e.kind === "replied").length;
    expect(Math.abs(replies / n - 0.2)).toBeLessThan(0.025);
  });
});
