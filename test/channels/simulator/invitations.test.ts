import { describe, expect, it } from "vitest";
import { DAY, HOUR, MINUTE, SECOND } from "../../../src/core/time.js";
import { oneAccount, START, url } from "./helpers.js";

describe("pending invitations, withdrawals and the re-invite block", () => {
  it("refuses a duplicate while pending and a re-invite within 21 days of a withdrawal", () => {
    const { act } = oneAccount({ prospects: 1, truth: { acceptance: 0 } });
    const p = url(0);
    expect(act("connect", p, START)).toBe("ok");
    expect(act("connect", p, START + DAY)).toBe("cannot_resend_yet");
    const withdrawnAt = START + 2 * DAY;
    expect(act("withdraw", p, withdrawnAt)).toBe("ok");
    expect(act("withdraw", p, withdrawnAt + HOUR)).toBe("not_connected");
    expect(act("connect", p, withdrawnAt + HOUR)).toBe("cannot_resend_yet");
    expect(act("connect", p, withdrawnAt + 21 * DAY - SECOND)).toBe("cannot_resend_yet");
    expect(act("connect", p, withdrawnAt + 21 * DAY)).toBe("ok");
  });

  it("answers already_connected to a connect or withdraw once accepted, and for initial connections", () => {
    const { sim, act } = oneAccount({ prospects: 50, truth: { acceptance: 0.95 } });
    for (let i = 0; i < 50; i++) expect(act("connect", url(i), START + i * MINUTE)).toBe("ok");
    const events = sim.takeEventsUntil(START + 60 * DAY);
    const first = events[0];
    expect(first?.kind).toBe("accepted");
    const later = (first?.at ?? 0) + SECOND;
    expect(act("withdraw", first?.prospect ?? "", later)).toBe("already_connected");
    expect(act("connect", first?.prospect ?? "", later + MINUTE)).toBe("already_connected");
    expect(act("message", first?.prospect ?? "", later + 2 * MINUTE)).toBe("ok");

    sim.addProspect({
      url: url("old"),
      identifiers: [url("old"), "https://www.linkedin.com/in/ACoAAold"],
      timezone: null,
      connected: true,
      account: "a",
    });
    expect(sim.performSync({ ...reqFor("connect", "https://www.linkedin.com/in/ACoAAold", later + 3 * MINUTE) })).toBe("already_connected");
  });

  it("never accepts a withdrawn invitation, though the same invitations are accepted when left alone", () => {
    const n = 1000; // below the 1,200 pending that restrict the account
    const run = (withdraw: boolean): { accepted: Set<string>; withdrawn: Set<string> } => {
      const { sim, act } = oneAccount({ prospects: n, truth: { acceptance: 0.95, weeklyInviteLimit: 1_000_000 } });
      const withdrawn = new Set<string>();
      for (let i = 0; i < n; i++) {
        const at = START + i * MINUTE;
        expect(act("connect", url(i), at)).toBe("ok");
      }
      if (withdraw) {
        for (let i = 0; i < n; i += 2) if (act("withdraw", url(i), START + n * MINUTE + i * SECOND) === "ok") withdrawn.add(url(i));
      }
      const accepted = new Set(
        sim
          .takeEventsUntil(START + 90 * DAY)
          .filter((e) => e.kind === "accepted")
          .map((e) => e.prospect ?? ""),
      );
      expect(sim.nextEventAt()).toBeNull();
      return { accepted, withdrawn };
    };
    const alone = run(false);
    const withdrawing = run(true);
    expect(withdrawing.withdrawn.size).toBeGreaterThan(400);
    for (const p of withdrawing.withdrawn) expect(withdrawing.accepted.has(p)).toBe(false);
    // Most of those people would have accepted: the cancellation is what kept them out.
    const wouldHave = [...withdrawing.withdrawn].filter((p) => alone.accepted.has(p)).length;
    expect(wouldHave).toBeGreaterThan(0.8 * withdrawing.withdrawn.size);
    // Invitations not withdrawn keep exactly the fate they had.
    for (let i = 1; i < n; i += 2) expect(withdrawing.accepted.has(url(i))).toBe(alone.accepted.has(url(i)));
  });

  it("lets unanswered invitations expire after about six months", () => {
    const { sim, act } = oneAccount({ prospects: 1, truth: { acceptance: 0 } });
    expect(act("connect", url(0), START)).toBe("ok");
    expect(act("visit", url(0), START + 179 * DAY)).toBe("ok");
    expect(sim.pendingOf("a")).toBe(1);
    expect(act("withdraw", url(0), START + 181 * DAY)).toBe("not_connected");
    expect(sim.pendingOf("a")).toBe(0);
    expect(act("connect", url(0), START + 181 * DAY + HOUR)).toBe("ok");
  });

  it("answers profile_unavailable for unknown and unavailable people", () => {
    const { sim, act } = oneAccount({ prospects: 0 });
    sim.addProspect({ url: url("gone"), identifiers: [url("gone")], timezone: null, connected: true, unavailable: true });
    for (const kind of ["visit", "connect", "message", "withdraw"] as const) {
      expect(act(kind, url("nobody"), START)).toBe("profile_unavailable");
      expect(act(kind, url("gone"), START)).toBe("profile_unavailable");
    }
  });
});

function reqFor(kind: "connect", identifier: string, at: number) {
  return {
    actionId: 1,
    at,
    account: { name: "a", type: "free" as const },
    kind,
    note: "",
    prospect: {
      url: "https://www.linkedin.com/in/some-other-display",
      identifiers: [identifier],
      firstName: "O",
      lastName: "L",
      timezone: "UTC",
    },
  };
}
