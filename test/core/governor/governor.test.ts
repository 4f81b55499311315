import { describe, expect, it } from "vitest";
import {
  decideAccount,
  initialGovernorState,
  recentAcceptance,
  recordAction,
  recordInvitationClosed,
  recordRestrictionEvent,
  type GovernorState,
} from "../../../src/core/governor/index.js";
import { DAY, HOUR, MINUTE, WEEK, parseInstant } from "../../../src/core/time.js";
import { accountDoc } from "../../support/docs.js";

const at = (iso: string): number => parseInstant(iso) as number;
// Monday 2027-03-01, 10:00 in Paris (UTC+1 in winter).
const MON_10 = at("2027-03-01T09:00:00Z");

function state(over: Partial<GovernorState> = {}): GovernorState {
  return { ...initialGovernorState(), ...over };
}

describe("decideAccount", () => {
  it("allows everything inside working hours with nothing spent", () => {
    const d = decideAccount(accountDoc(), state(), MON_10);
    expect(d.kinds.connect).toEqual({ allowed: true });
    expect(d.kinds.visit).toEqual({ allowed: true });
    expect(d.note.allowed).toBe(true);
  });

  it("waits for Monday 08:00 local on a Saturday", () => {
    const d = decideAccount(accountDoc(), state(), at("2027-03-06T12:00:00Z"));
    expect(d.kinds.connect).toMatchObject({
      allowed: false,
      until: at("2027-03-08T07:00:00Z"),
      reason: "outside the account's working hours",
    });
  });

  it("blocks invitations while the rolling week is full, until the oldest leaves the window", () => {
    const times = Array.from({ length: 100 }, (_, i) => MON_10 - 6 * DAY + i * MINUTE);
    const d = decideAccount(accountDoc(), state({ inviteTimes: times }), MON_10);
    expect(d.kinds.connect).toMatchObject({ allowed: false, until: times[0]! + WEEK });
    expect(d.kinds.message).toEqual({ allowed: true });
  });

  it("uses a learned weekly budget lower than the configured one", () => {
    const times = Array.from({ length: 72 }, (_, i) => MON_10 - 5 * DAY + i * MINUTE);
    const d = decideAccount(accountDoc(), state({ inviteTimes: times, learnedWeeklyBudget: 72 }), MON_10);
    expect(d.kinds.connect).toMatchObject({ allowed: false, until: times[0]! + WEEK });
    expect((d.kinds.connect as { reason: string }).reason).toContain("learned from LinkedIn");
  });

  it("stops invitations for the day at the daily cap and resumes at the next opening", () => {
    const s = state({ day: "2027-03-01", today: { connect: 20, message: 0, visit: 0, withdraw: 0 } });
    const d = decideAccount(accountDoc(), s, MON_10);
    expect(d.kinds.connect).toMatchObject({ allowed: false, until: at("2027-03-02T07:00:00Z") });
    expect(d.kinds.visit).toEqual({ allowed: true });
  });

  // Day k is 2027-03-(k), 10:00 in Paris: every case falls on a weekday (day 20 would be a Saturday).
  it.each([
    [1, 5, "warm-up day 1: 5 invitations"],
    [3, 7, "warm-up day 3: 7 invitations"],
    [15, 19, "warm-up day 15: 19 invitations"],
    [16, 20, "daily connect budget spent (20/20)"],
    [22, 20, "daily connect budget spent (20/20)"],
  ])("warm-up day %i allows %i invitations for a young account", (k, cap, reason) => {
    expect.assertions(3);
    const doc = accountDoc({ created: "2027-02-01" });
    const now = MON_10 + (k - 1) * DAY;
    const today = new Date(now).toISOString().slice(0, 10);
    expect(new Date(now).getUTCDay(), `${today} is a weekday`).not.toBeOneOf([0, 6]);
    const under = state({ firstActiveDay: "2027-03-01", day: today, today: { connect: cap - 1, message: 0, visit: 0, withdraw: 0 } });
    const at_ = state({ ...under, today: { connect: cap, message: 0, visit: 0, withdraw: 0 } });
    expect(decideAccount(doc, under, now).kinds.connect.allowed).toBe(true);
    expect(decideAccount(doc, at_, now).kinds.connect).toMatchObject({ allowed: false, reason: expect.stringContaining(reason) });
  });

  it("sends nothing on a warm-up Saturday, under the cap or not: outside working hours", () => {
    const now = at("2027-03-06T09:00:00Z");
    const s = state({ firstActiveDay: "2027-03-01", day: "2027-03-06", today: { connect: 0, message: 0, visit: 0, withdraw: 0 } });
    expect(decideAccount(accountDoc({ created: "2027-02-01" }), s, now).kinds.connect).toMatchObject({
      allowed: false,
      reason: "outside the account's working hours",
    });
  });

  it("does not warm up an account older than 90 days", () => {
    const s = state({ firstActiveDay: "2027-03-01", day: "2027-03-01", today: { connect: 10, message: 0, visit: 0, withdraw: 0 } });
    expect(decideAccount(accountDoc({ created: "2026-11-01" }), s, MON_10).kinds.connect.allowed).toBe(true);
    expect(decideAccount(accountDoc({ created: "2027-01-15" }), s, MON_10).kinds.connect.allowed).toBe(false);
  });

  it("halves invitations when acceptance over 30+ decided invitations is under 20%", () => {
    const decided = [...Array(5).fill(1), ...Array(25).fill(0)] as Array<0 | 1>;
    const s = state({ decided, day: "2027-03-01", today: { connect: 10, message: 0, visit: 0, withdraw: 0 } });
    const d = decideAccount(accountDoc(), s, MON_10);
    expect(d.kinds.connect).toMatchObject({ allowed: false });
    expect((d.kinds.connect as { reason: string }).reason).toContain("acceptance 17%");
    const healthy = state({ ...s, decided: [...Array(10).fill(1), ...Array(20).fill(0)] as Array<0 | 1> });
    expect(decideAccount(accountDoc(), healthy, MON_10).kinds.connect.allowed).toBe(true);
  });

  it("counts invitations still pending 21 days after they were sent as not accepted, so the slow-down starts", () => {
    // 30 accepted, and 90 invitations nobody answered: 30 of 120, 10% over the latest 100, not "100% of 30".
    const sentAt = (daysAgo: number) => Array.from({ length: 90 }, (_, i) => MON_10 - daysAgo * DAY - i * MINUTE);
    const today = { day: "2027-03-01", today: { connect: 10, message: 0, visit: 0, withdraw: 0 } };
    const ignored = state({ ...today, decided: Array(30).fill(1) as Array<0 | 1>, pending: 90, pendingSince: sentAt(21).reverse() });
    expect(recentAcceptance(ignored, MON_10)).toEqual({ accepted: 10, decided: 100, rate: 0.1 });
    const d = decideAccount(accountDoc(), ignored, MON_10);
    expect(d.kinds.connect).toMatchObject({ allowed: false });
    expect((d.kinds.connect as { reason: string }).reason).toContain(
      "slowed to 10/day: acceptance 10% over the last 100 decided invitations",
    );
    // Younger than 21 days they are undecided: left out.
    const young = state({
      ...ignored,
      pendingSince: sentAt(20)
        .filter((t) => t > MON_10 - 21 * DAY)
        .reverse(),
    });
    expect(recentAcceptance(young, MON_10)).toEqual({ accepted: 30, decided: 30, rate: 1 });
    expect(decideAccount(accountDoc(), young, MON_10).kinds.connect.allowed).toBe(true);
  });

  it("holds invitations at the pending cap until something is answered", () => {
    const d = decideAccount(accountDoc({ limits: { pendingMax: 3 } }), state({ pending: 3 }), MON_10);
    expect(d.kinds.connect).toMatchObject({ allowed: false, until: null });
    expect(d.kinds.withdraw).toEqual({ allowed: true });
  });

  it("counts notes per month on free accounts and not on paid ones", () => {
    const s = state({ month: "2027-03", notesThisMonth: 5 });
    expect(decideAccount(accountDoc({ type: "free" }), s, MON_10).note.allowed).toBe(false);
    expect(decideAccount(accountDoc({ type: "premium" }), s, MON_10).note.allowed).toBe(true);
    expect(decideAccount(accountDoc({ type: "free" }), s, at("2027-04-01T09:00:00Z")).note.allowed).toBe(true);
  });
});

describe("recordAction", () => {
  const doc = accountDoc();

  it("charges only ok actions, but spaces every attempt by the least gap", () => {
    const refused = recordAction(doc, state(), { kind: "connect", result: "profile_unavailable", at: MON_10, withNote: true });
    expect(refused.today.connect).toBe(0);
    expect(refused.inviteTimes).toEqual([]);
    expect(refused.pending).toBe(0);
    expect(refused.nextAnyAt).toBeGreaterThanOrEqual(MON_10 + 2 * MINUTE);
    expect(refused.nextAnyAt).toBeLessThanOrEqual(MON_10 + 3 * MINUTE);
    const ok = recordAction(doc, state(), { kind: "connect", result: "ok", at: MON_10, withNote: true });
    expect(ok.today.connect).toBe(1);
    expect(ok.inviteTimes).toEqual([MON_10]);
    expect(ok.pending).toBe(1);
    expect(ok.notesThisMonth).toBe(1);
  });

  it("spreads the day's remaining invitations over the remaining working hours", () => {
    // 10:00 Paris, window ends 18:00: 8 h for 19 invitations left, so the next is 15-25 minutes later.
    const s = recordAction(doc, state(), { kind: "connect", result: "ok", at: MON_10, withNote: false });
    const gap = (s.nextByKind.connect as number) - MON_10;
    const even = (8 * HOUR) / 19;
    expect(gap).toBeGreaterThanOrEqual(0.6 * even - 1);
    expect(gap).toBeLessThanOrEqual(even + 1);
    expect(decideAccount(doc, s, MON_10 + 4 * MINUTE).kinds.connect.allowed).toBe(false);
    expect(decideAccount(doc, s, MON_10 + gap).kinds.connect.allowed).toBe(true);
  });

  it("learns a lower weekly budget and stops invitations for 24 h after LinkedIn's weekly limit", () => {
    const times = Array.from({ length: 80 }, (_, i) => MON_10 - 6 * DAY + i * 30 * MINUTE);
    const s = recordAction(doc, state({ inviteTimes: times }), {
      kind: "connect",
      result: "weekly_limit_reached",
      at: MON_10,
      withNote: false,
    });
    expect(s.learnedWeeklyBudget).toBe(72);
    expect(s.inviteBlockedUntil).toBe(MON_10 + 24 * HOUR);
    expect(decideAccount(doc, s, MON_10 + 23 * HOUR).kinds.connect.allowed).toBe(false);
    expect(decideAccount(doc, s, MON_10 + 23 * HOUR).kinds.message.allowed).toBe(true);
  });

  it("learns the note quota when LinkedIn refuses a note, and keeps to it from the next month on", () => {
    const free = accountDoc({ type: "free" }); // 5 notes a month configured; LinkedIn let 3 through
    const s = recordAction(free, state({ month: "2027-03", notesThisMonth: 3 }), {
      kind: "connect",
      result: "note_quota_reached",
      at: MON_10,
      withNote: true,
    });
    expect(s.learnedNoteQuota).toBe(3);
    expect(decideAccount(free, s, MON_10 + DAY).note.allowed).toBe(false);
    const april = at("2027-04-01T09:00:00Z");
    expect(decideAccount(free, s, april).note.allowed).toBe(true);
    const threeSent = [0, 1, 2].reduce(
      (st, i) => recordAction(free, st, { kind: "connect", result: "ok", at: april + i * HOUR, withNote: true }),
      s,
    );
    expect(decideAccount(free, threeSent, april + 3 * HOUR).note).toEqual({
      allowed: false,
      why: "3 of 3 notes used this month (the quota LinkedIn showed when it refused a note)",
    });
    // A paid account has no configured quota, and learns one all the same.
    const paid = recordAction(doc, state({ month: "2027-03", notesThisMonth: 12 }), {
      kind: "connect",
      result: "note_quota_reached",
      at: MON_10,
      withNote: true,
    });
    expect(decideAccount(doc, state({ ...paid, month: "2027-04", notesThisMonth: 12 }), april).note.allowed).toBe(false);
    expect(decideAccount(doc, state({ ...paid, month: "2027-04", notesThisMonth: 11 }), april).note.allowed).toBe(true);
  });

  it("blocks notes for the rest of the month after note_quota_reached", () => {
    const s = recordAction(accountDoc({ type: "free" }), state(), {
      kind: "connect",
      result: "note_quota_reached",
      at: MON_10,
      withNote: true,
    });
    expect(decideAccount(accountDoc({ type: "free" }), s, MON_10 + DAY).note.allowed).toBe(false);
    expect(decideAccount(accountDoc({ type: "free" }), s, at("2027-04-01T09:00:00Z")).note.allowed).toBe(true);
  });

  it("pauses everything after a restriction, longer each time, and does not count one restriction twice", () => {
    const once = recordAction(doc, state(), { kind: "visit", result: "restricted", at: MON_10, withNote: false });
    expect(once.pausedUntil).toBe(MON_10 + 24 * HOUR);
    const same = recordRestrictionEvent(once, MON_10);
    expect(same.restrictions).toBe(1);
    expect(decideAccount(doc, same, MON_10 + 23 * HOUR).kinds.withdraw).toMatchObject({ allowed: false });
    const twice = recordRestrictionEvent(same, MON_10 + 2 * DAY);
    expect(twice.pausedUntil).toBe(MON_10 + 2 * DAY + 3 * DAY);
  });

  it("frees a pending slot and remembers the outcome when an invitation is answered", () => {
    const s = recordInvitationClosed(state({ pending: 2 }), 1, null);
    expect(s.pending).toBe(1);
    expect(s.decided).toEqual([1]);
    const w = recordAction(doc, state({ pending: 2 }), { kind: "withdraw", result: "ok", at: MON_10, withNote: false });
    expect(w.pending).toBe(1);
    expect(w.decided).toEqual([0]);
  });

  it("keeps when each pending invitation was sent, until it is answered or withdrawn", () => {
    const [t1, t2, t3] = [MON_10, MON_10 + HOUR, MON_10 + 2 * HOUR];
    const sent = [t1, t3, t2].reduce((s, t) => recordAction(doc, s, { kind: "connect", result: "ok", at: t, withNote: false }), state());
    expect(sent.pendingSince).toEqual([t1, t2, t3]);
    const accepted = recordInvitationClosed(sent, 1, t2);
    expect(accepted).toMatchObject({ pending: 2, pendingSince: [t1, t3], decided: [1] });
    const withdrawn = recordAction(doc, accepted, { kind: "withdraw", result: "ok", at: t3 + DAY, withNote: false, invitedAt: t3 });
    expect(withdrawn).toMatchObject({ pending: 1, pendingSince: [t1], decided: [1, 0] });
    // Accepted before the withdrawal reached LinkedIn: closed as accepted. Refused for the account: still pending.
    const late = recordAction(doc, accepted, {
      kind: "withdraw",
      result: "already_connected",
      at: t3 + DAY,
      withNote: false,
      invitedAt: t1,
    });
    expect(late).toMatchObject({ pending: 1, pendingSince: [t3], decided: [1, 1] });
    const refused = recordAction(doc, accepted, { kind: "withdraw", result: "restricted", at: t3 + DAY, withNote: false, invitedAt: t1 });
    expect(refused).toMatchObject({ pending: 2, pendingSince: [t1, t3], decided: [1] });
    // A time not on record (a state saved before times were kept): the list never outgrows the pending count.
    expect(recordInvitationClosed(state({ pending: 2, pendingSince: [t1, t2] }), 0, t1 - WEEK).pendingSince).toEqual([t2]);
    expect(recordInvitationClosed(state({ pending: 3, pendingSince: [t1, t2] }), 0, null).pendingSince).toEqual([t1, t2]);
  });
});
