/**
 * The invariant checker fails on broken logs: for each invariant of the event log, a small log it accepts and a
 * minimal broken variant for which it names that violation (and nothing else). Times are UTC; Paris and Berlin are
 * UTC+1 until 2027-03-28, then UTC+2; 2027-03-01 is a Monday.
 */
import { describe, expect, it } from "vitest";
import { DAY, parseInstant } from "../../src/core/time.js";
import type { LogEntry } from "../../src/sim/event-log.js";
import { checkInvariants, weeklySends } from "../../src/sim/invariants.js";
import { accountDoc, campaignDoc } from "../support/docs.js";
import {
  type Case,
  ALL_WEEK,
  TWO_MESSAGES,
  WITHDRAW_21D,
  check,
  connect,
  event,
  invites,
  message,
  never,
  ts,
  visit,
  withdraw,
} from "./invariant-logs.js";

const unrendered = ["Hi {{ firstName }}!", "Hi {% if company %}there{% endif %}", "Hi undefined", "Hi [object Object]"].map(
  (note): Case => ({
    name: `8 notes are rendered: ${JSON.stringify(note)}`,
    valid: [connect(ts(1, "09:00"), 1, { note: "Hi Jane!" })],
    broken: [connect(ts(1, "09:00"), 1, { note })],
    violations: [/^\[notes\] alice: unrendered note to .*\/p1: /],
  }),
);

const cases: Case[] = [
  {
    name: "0 the log is in order of at",
    accounts: [accountDoc(), accountDoc({ name: "bob" })],
    valid: [visit(ts(1, "09:00"), 2, { account: "bob" }), visit(ts(1, "10:00"), 1)],
    broken: [visit(ts(1, "10:00"), 1), visit(ts(1, "09:00"), 2, { account: "bob" })],
    violations: [/^\[order\] line 2 at 2027-03-01T09:00:00Z comes before line 1's 2027-03-01T10:00:00Z$/],
  },
  {
    name: "1 weekly budget over a rolling 7×24 h (failed invitations cost nothing)",
    accounts: [accountDoc({ limits: { invitesPerWeek: 3 } })],
    valid: [
      ...invites(1, 2, 1),
      connect(ts(3, "09:00"), 3, { result: "profile_unavailable" }),
      connect(ts(3, "09:10"), 4),
      connect(ts(8, "09:00"), 5),
    ],
    broken: [
      ...invites(1, 2, 1),
      connect(ts(3, "09:00"), 3, { result: "profile_unavailable" }),
      connect(ts(3, "09:10"), 4),
      connect(ts(8, "08:59"), 5),
    ],
    violations: [/^\[weekly budget\] alice: 4 invitations in the 7×24 h before 2027-03-08T08:59:00.000Z \(budget 3\)$/],
  },
  {
    name: "2 invitations per day",
    accounts: [accountDoc({ limits: { invitesPerDay: 2 } })],
    valid: [...invites(1, 2, 1), connect(ts(2, "09:00"), 3)],
    broken: [...invites(1, 2, 1), connect(ts(1, "14:00"), 3)],
    violations: [/^\[daily cap\] alice: 3 invitations on 2027-03-01 \(cap 2\)$/],
  },
  {
    name: "2 visits per day of the sender's calendar (Tokyo's Tuesday starts on Monday in UTC)",
    accounts: [accountDoc({ name: "alice", timezone: "Asia/Tokyo", limits: { visitsPerDay: 2 } })],
    valid: [visit(ts(1, "23:10"), 1), visit(ts(1, "23:20"), 2), visit(ts(3, "01:00"), 3)],
    broken: [visit(ts(1, "23:10"), 1), visit(ts(1, "23:20"), 2), visit(ts(2, "01:00"), 3)],
    violations: [/^\[daily cap\] alice: 3 visits on 2027-03-02$/],
  },
  {
    name: "2 messages per day",
    accounts: [accountDoc({ limits: { messagesPerDay: 1 } })],
    connected: [1, 2],
    valid: [message(ts(1, "09:00"), 1), message(ts(2, "09:00"), 2)],
    broken: [message(ts(1, "09:00"), 1), message(ts(1, "10:00"), 2)],
    violations: [/^\[daily cap\] alice: 2 messages on 2027-03-01$/],
  },
  {
    name: "2 warm-up: 5 invitations on a young account's first day, 6 on its second",
    accounts: [accountDoc({ created: "2027-02-01" })],
    valid: [...invites(1, 5, 1), ...invites(2, 6, 10)],
    broken: [...invites(1, 6, 1), ...invites(2, 6, 10)],
    violations: [/^\[daily cap\] alice: 6 invitations on 2027-03-01 \(cap 5, warm-up day 1\)$/],
  },
  {
    name: "2 warm-up days count from the first action of any kind",
    accounts: [accountDoc({ created: "2027-02-01" })],
    valid: [visit(ts(1, "09:00"), 100), ...invites(3, 7, 1)],
    broken: [visit(ts(1, "09:00"), 100), ...invites(3, 8, 1)],
    violations: [/^\[daily cap\] alice: 8 invitations on 2027-03-03 \(cap 7, warm-up day 3\)$/],
  },
  {
    name: "3 pending invitations (an acceptance frees one)",
    accounts: [accountDoc({ limits: { pendingMax: 2 } })],
    valid: [...invites(1, 2, 1), event(ts(1, "10:00"), "accepted", 1), connect(ts(1, "11:00"), 3)],
    broken: [...invites(1, 2, 1), event(ts(1, "10:00"), "accepted", 4), connect(ts(1, "11:00"), 3)],
    violations: [/^\[pending cap\] alice: 3 pending invitations at 2027-03-01T11:00:00Z \(cap 2\)$/],
  },
  {
    name: "4 working hours in the sender's zone: from 08:00 Paris",
    valid: [visit(ts(1, "07:00"), 1)],
    broken: [visit(ts(1, "06:59"), 1)],
    violations: [/^\[hours\] alice: visit at 2027-03-01T06:59:00Z outside working hours$/],
  },
  {
    name: "4 working hours: not on Saturday",
    valid: [visit(ts(5, "10:00"), 1)],
    broken: [visit(ts(6, "10:00"), 1)],
    violations: [/^\[hours\] alice: visit at 2027-03-06T10:00:00Z outside working hours$/],
  },
  {
    name: "4 a connect falls in the campaign schedule in prospectTimezone (a visit need not)",
    valid: [visit(ts(1, "07:10"), 2), connect(ts(1, "07:30"), 1, { prospectTimezone: "Asia/Kolkata" })],
    broken: [visit(ts(1, "07:10"), 2), connect(ts(1, "07:30"), 1)],
    violations: [/^\[hours\] alice: connect to .*\/p1 at 2027-03-01T07:30:00Z outside the campaign schedule in Europe\/Berlin$/],
  },
  {
    name: "4 a message falls in the campaign schedule in prospectTimezone",
    connected: [1],
    valid: [message(ts(1, "16:30"), 1, { prospectTimezone: "America/New_York" })],
    broken: [message(ts(1, "16:30"), 1)],
    violations: [/^\[hours\] alice: message to .*\/p1 at 2027-03-01T16:30:00Z outside the campaign schedule in Europe\/Berlin$/],
  },
  {
    name: "4 a connect without prospectTimezone is judged in the account's zone (schedule: recipient, unknown zone)",
    valid: [connect(ts(1, "08:30"), 1, { prospectTimezone: null })],
    broken: [connect(ts(1, "07:30"), 1, { prospectTimezone: null })],
    violations: [/^\[hours\] alice: connect to .*\/p1 at 2027-03-01T07:30:00Z outside the campaign schedule in Europe\/Paris$/],
  },
  {
    name: "5 least gap between two actions of an account (other accounts do not count)",
    accounts: [accountDoc(), accountDoc({ name: "bob" })],
    valid: [visit(ts(1, "09:00"), 1), visit(ts(1, "09:00"), 2, { account: "bob" }), connect(ts(1, "09:02"), 1)],
    broken: [
      visit(ts(1, "09:00"), 1),
      visit(ts(1, "09:00"), 2, { account: "bob" }),
      { ...connect(ts(1, "09:01"), 1), at: "2027-03-01T09:01:59Z" },
    ],
    violations: [/^\[least gap\] alice: two actions 119s apart at 2027-03-01T09:01:59Z$/],
  },
  {
    name: "5 least gap: failed actions count too",
    valid: [visit(ts(1, "09:00"), 1, { result: "profile_unavailable" }), connect(ts(1, "09:02"), 2)],
    broken: [visit(ts(1, "09:00"), 1, { result: "profile_unavailable" }), connect(ts(1, "09:01"), 2)],
    violations: [/^\[least gap\] alice: two actions 60s apart at 2027-03-01T09:01:00Z$/],
  },
  {
    name: "6 a message goes only to a prospect who accepted before it (another's acceptance does not count)",
    valid: [connect(ts(1, "09:00"), 1), event(ts(1, "12:00"), "accepted", 1), message(ts(3, "12:00"), 1)],
    broken: [connect(ts(1, "09:00"), 1), event(ts(1, "12:00"), "accepted", 2), message(ts(3, "12:00"), 1)],
    violations: [/^\[messages\] message to .*\/p1 at 2027-03-03T12:00:00Z before any acceptance$/],
  },
  {
    name: "6 with stopOnReply, no message after a reply",
    campaigns: [TWO_MESSAGES],
    valid: [
      connect(ts(1, "09:00"), 1),
      event(ts(1, "10:00"), "accepted", 1),
      message(ts(3, "10:00"), 1),
      event(ts(4, "10:00"), "replied", 1),
    ],
    broken: [
      connect(ts(1, "09:00"), 1),
      event(ts(1, "10:00"), "accepted", 1),
      message(ts(3, "10:00"), 1),
      event(ts(4, "10:00"), "replied", 1),
      message(ts(8, "10:00"), 1),
    ],
    violations: [/^\[messages\] message to .*\/p1 at 2027-03-08T10:00:00Z after a reply$/],
  },
  {
    name: "6 the first message waits its after from the acceptance",
    campaigns: [TWO_MESSAGES],
    valid: [connect(ts(1, "09:00"), 1), event(ts(1, "10:00"), "accepted", 1), message(ts(3, "10:00"), 1), message(ts(8, "10:00"), 1)],
    broken: [connect(ts(1, "09:00"), 1), event(ts(1, "10:00"), "accepted", 1), message(ts(2, "10:00"), 1), message(ts(8, "10:00"), 1)],
    violations: [/^\[messages\] message 1 to .*\/p1 at 2027-03-02T10:00:00Z only 24 h after the previous step \(after 48 h\)$/],
  },
  {
    name: "6 the second message waits its after from the first",
    campaigns: [TWO_MESSAGES],
    valid: [connect(ts(1, "09:00"), 1), event(ts(1, "10:00"), "accepted", 1), message(ts(3, "10:00"), 1), message(ts(8, "10:00"), 1)],
    broken: [connect(ts(1, "09:00"), 1), event(ts(1, "10:00"), "accepted", 1), message(ts(3, "10:00"), 1), message(ts(5, "10:00"), 1)],
    violations: [/^\[messages\] message 2 to .*\/p1 at 2027-03-05T10:00:00Z only 48 h after the previous step \(after 96 h\)$/],
  },
  {
    name: "6 a connection skips connect: their first message waits its after from the visit",
    connected: [1],
    valid: [visit(ts(1, "09:00"), 1), message(ts(3, "09:00"), 1)],
    broken: [visit(ts(1, "09:00"), 1), message(ts(2, "09:00"), 1)],
    violations: [/^\[messages\] message 1 to .*\/p1 at 2027-03-02T09:00:00Z only 24 h after the previous step \(after 48 h\)$/],
  },
  {
    name: "6 … and so does a person found connected when invited",
    valid: [visit(ts(1, "09:00"), 1), connect(ts(2, "09:00"), 1, { result: "already_connected" }), message(ts(3, "09:00"), 1)],
    broken: [visit(ts(1, "09:00"), 1), connect(ts(2, "09:00"), 1, { result: "already_connected" }), message(ts(3, "08:00"), 1)],
    violations: [/^\[messages\] message 1 to .*\/p1 at 2027-03-03T08:00:00Z only 47 h after the previous step \(after 48 h\)$/],
  },
  {
    name: "7 one invitation per person, again only 21 days after a withdrawal",
    valid: [connect(ts(1, "09:00"), 1), withdraw(ts(2, "09:00"), 1), connect(ts(23, "09:00"), 1)],
    broken: [connect(ts(1, "09:00"), 1), withdraw(ts(2, "09:00"), 1), connect(ts(22, "09:00"), 1)],
    violations: [/^\[one invitation\] second invitation to .*\/p1 at 2027-03-22T09:00:00Z$/],
  },
  {
    name: "7 one invitation per person in the workspace, whichever account sends it",
    accounts: [accountDoc(), accountDoc({ name: "bob" })],
    valid: [connect(ts(1, "09:00"), 1), connect(ts(1, "10:00"), 2, { account: "bob" })],
    broken: [connect(ts(1, "09:00"), 1), connect(ts(1, "10:00"), 1, { account: "bob" })],
    violations: [/^\[one invitation\] second invitation to .*\/p1 at 2027-03-01T10:00:00Z$/],
  },
  ...unrendered,
  {
    name: "8 notes within 300 characters on a paid account",
    valid: [connect(ts(1, "09:00"), 1, { note: "x".repeat(300) })],
    broken: [connect(ts(1, "09:00"), 1, { note: "x".repeat(301) })],
    violations: [/^\[notes\] alice: note of 301 characters to .*\/p1$/],
  },
  {
    name: "8 notes within 200 characters on a free account, counted once composed (NFC)",
    accounts: [accountDoc({ type: "free" })],
    valid: [connect(ts(1, "09:00"), 1, { note: "e\u0301".repeat(200) })],
    broken: [connect(ts(1, "09:00"), 1, { note: "e\u0301".repeat(201) })],
    violations: [/^\[notes\] alice: note of 201 characters to .*\/p1$/],
  },
  {
    name: "8 notesPerMonth on a free account, by the sender's calendar month",
    accounts: [accountDoc({ type: "free", workingHours: ALL_WEEK, limits: { notesPerMonth: 2 } })],
    // 22:30Z on March 31st is April 1st in Paris (and 11:30 in Auckland, inside the campaign's hours).
    valid: [
      connect(ts(1, "09:00"), 1, { note: "Hi" }),
      connect(ts(2, "09:00"), 2, { note: "Hi" }),
      connect(ts(3, "09:00"), 3),
      connect(ts(31, "22:30"), 4, { note: "Hi", prospectTimezone: "Pacific/Auckland" }),
    ],
    broken: [
      connect(ts(1, "09:00"), 1, { note: "Hi" }),
      connect(ts(2, "09:00"), 2, { note: "Hi" }),
      connect(ts(3, "09:00"), 3),
      connect(ts(31, "21:30"), 4, { note: "Hi", prospectTimezone: "Pacific/Auckland" }),
    ],
    violations: [/^\[notes\] alice: 3 notes in 2027-03 \(cap 2\)$/],
  },
  {
    name: "8 notesPerMonth also on a paid account where it is set",
    accounts: [accountDoc({ type: "premium", limits: { notesPerMonth: 2 } })],
    valid: [connect(ts(1, "09:00"), 1, { note: "Hi" }), connect(ts(2, "09:00"), 2, { note: "Hi" }), connect(ts(3, "09:00"), 3)],
    broken: [
      connect(ts(1, "09:00"), 1, { note: "Hi" }),
      connect(ts(2, "09:00"), 2, { note: "Hi" }),
      connect(ts(3, "09:00"), 3, { note: "Hi" }),
    ],
    violations: [/^\[notes\] alice: 3 notes in 2027-03 \(cap 2\)$/],
  },
  {
    name: "9 an accepted invitation is never withdrawn",
    valid: [connect(ts(1, "09:00"), 1), event(ts(2, "09:00"), "accepted", 1), withdraw(ts(3, "09:00"), 1, { result: "already_connected" })],
    broken: [connect(ts(1, "09:00"), 1), event(ts(2, "09:00"), "accepted", 1), withdraw(ts(3, "09:00"), 1)],
    violations: [/^\[withdrawal\] alice: withdrew the accepted invitation of .*\/p1 at 2027-03-03T09:00:00Z$/],
  },
  {
    name: "9 a pending invitation is withdrawn within 3 days after withdrawAfter: not at all",
    campaigns: [WITHDRAW_21D],
    end: ts(36, "09:00"),
    valid: [connect(ts(1, "09:00"), 1), withdraw(ts(23, "09:00"), 1)],
    broken: [connect(ts(1, "09:00"), 1)],
    violations: [/^\[withdrawal\] alice: invitation to .*\/p1 sent 2027-03-01T09:00:00Z still pending 3 days after withdrawAfter$/],
  },
  {
    name: "9 … too late",
    campaigns: [WITHDRAW_21D],
    end: ts(36, "09:00"),
    valid: [connect(ts(1, "09:00"), 1), withdraw(ts(25, "09:00"), 1)],
    broken: [connect(ts(1, "09:00"), 1), withdraw(ts(26, "09:00"), 1)],
    violations: [/^\[withdrawal\] alice: invitation to .*\/p1 sent 2027-03-01T09:00:00Z still pending 3 days after withdrawAfter$/],
  },
  {
    name: "9 … too early",
    campaigns: [WITHDRAW_21D],
    end: ts(36, "09:00"),
    valid: [connect(ts(1, "09:00"), 1), withdraw(ts(22, "09:00"), 1)],
    broken: [connect(ts(1, "09:00"), 1), withdraw(ts(15, "09:00"), 1)],
    violations: [/^\[withdrawal\] alice: invitation to .*\/p1 withdrawn before withdrawAfter$/],
  },
  {
    name: "10 no connect for 24 h after weekly_limit_reached (other actions may go on)",
    valid: [connect(ts(1, "09:00"), 1, { result: "weekly_limit_reached" }), visit(ts(1, "10:00"), 2), connect(ts(2, "09:00"), 3)],
    broken: [connect(ts(1, "09:00"), 1, { result: "weekly_limit_reached" }), visit(ts(1, "10:00"), 2), connect(ts(2, "08:59"), 3)],
    violations: [
      /^\[signals\] alice: connect at 2027-03-02T08:59:00Z, less than 24 h after the weekly-limit signal at 2027-03-01T09:00:00Z$/,
    ],
  },
  {
    name: "10 weekly_limit_reached recurs at most twice in 28 days",
    valid: [
      connect(ts(1, "09:00"), 1, { result: "weekly_limit_reached" }),
      connect(ts(15, "09:00"), 2, { result: "weekly_limit_reached" }),
      connect(ts(36, "09:00"), 3, { result: "weekly_limit_reached" }),
    ],
    broken: [
      connect(ts(1, "09:00"), 1, { result: "weekly_limit_reached" }),
      connect(ts(15, "09:00"), 2, { result: "weekly_limit_reached" }),
      connect(ts(26, "09:00"), 3, { result: "weekly_limit_reached" }),
    ],
    violations: [/^\[signals\] alice: 3 weekly-limit signals within 28 days, the last at 2027-03-26T09:00:00Z$/],
  },
  {
    name: "10 nothing for 24 h after a restriction event",
    valid: [event(ts(1, "09:00"), "restricted", null), visit(ts(2, "09:00"), 1)],
    broken: [event(ts(1, "09:00"), "restricted", null), visit(ts(1, "15:00"), 1)],
    violations: [/^\[signals\] alice: visit at 2027-03-01T15:00:00Z, less than 24 h after the restriction at 2027-03-01T09:00:00Z$/],
  },
  {
    name: "10 nothing for 24 h after an action answered restricted",
    valid: [connect(ts(1, "09:00"), 2, { result: "restricted" }), visit(ts(2, "09:00"), 1)],
    broken: [connect(ts(1, "09:00"), 2, { result: "restricted" }), visit(ts(1, "15:00"), 1)],
    violations: [/^\[signals\] alice: visit at 2027-03-01T15:00:00Z, less than 24 h after the restriction at 2027-03-01T09:00:00Z$/],
  },
  {
    name: "10 no note after note_quota_reached until the next calendar month",
    valid: [
      connect(ts(1, "09:00"), 1, { note: "Hi", result: "note_quota_reached" }),
      connect(ts(2, "09:00"), 2),
      connect(ts(32, "09:00"), 3, { note: "Hi" }),
    ],
    broken: [
      connect(ts(1, "09:00"), 1, { note: "Hi", result: "note_quota_reached" }),
      connect(ts(2, "09:00"), 2, { note: "Hi" }),
      connect(ts(32, "09:00"), 3, { note: "Hi" }),
    ],
    violations: [/^\[signals\] alice: a note at 2027-03-02T09:00:00Z after LinkedIn's note quota signal at 2027-03-01T09:00:00Z$/],
  },
  {
    name: "10 the person is not invited for 21 days after cannot_resend_yet",
    valid: [connect(ts(1, "09:00"), 1, { result: "cannot_resend_yet" }), connect(ts(22, "09:00"), 1)],
    broken: [connect(ts(1, "09:00"), 1, { result: "cannot_resend_yet" }), connect(ts(15, "09:00"), 1)],
    violations: [/^\[signals\] alice: re-invited .*\/p1 at 2027-03-15T09:00:00Z, within 21 days of cannot_resend_yet$/],
  },
];

describe("checkInvariants on small logs", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expect(check(c, c.valid)).toEqual([]);
    expect(check(c, c.broken)).toEqual(c.violations.map((v) => expect.stringMatching(v)));
  });

  it("has a broken-log case for every invariant it judges (1 to 10) and every label it uses", () => {
    expect(new Set(cases.map((c) => Number(c.name.split(" ")[0])))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    const labels = new Set(cases.flatMap((c) => c.violations.map((v) => /\\\[([a-z ]+)\\\]/.exec(v.source)?.[1])));
    expect(labels).toEqual(
      new Set([
        "order",
        "weekly budget",
        "daily cap",
        "pending cap",
        "hours",
        "least gap",
        "messages",
        "one invitation",
        "notes",
        "withdrawal",
        "signals",
      ]),
    );
  });

  it("warms up only accounts created less than 90 days before their first day, with warmup: auto", () => {
    const six = invites(1, 6, 1);
    expect(check({ accounts: [accountDoc({ created: "2027-02-01" })] }, six)).toHaveLength(1);
    expect(check({ accounts: [accountDoc({ created: "2027-02-01", warmup: "off" })] }, six)).toEqual([]);
    expect(check({ accounts: [accountDoc({ created: "2026-12-01" })] }, six)).toEqual([]);
    expect(check({ accounts: [accountDoc({ created: null })] }, six)).toEqual([]);
  });

  it("lets messages go to prospects already connected, or found connected when invited", () => {
    expect(check({ connected: [1] }, [message(ts(1, "09:00"), 1)])).toEqual([]);
    expect(check({}, [connect(ts(1, "09:00"), 1, { result: "already_connected" }), message(ts(3, "09:00"), 1)])).toEqual([]);
    expect(check({}, [message(ts(1, "09:00"), 1)])).toEqual([expect.stringMatching(/before any acceptance/)]);
  });

  it("does not judge a withdrawal that falls due after the end of the log, nor one made moot by an acceptance", () => {
    const c = { campaigns: [WITHDRAW_21D] };
    expect(check({ ...c, end: ts(24, "09:00") }, [connect(ts(1, "09:00"), 1)])).toEqual([]);
    expect(check({ ...c, end: ts(36, "09:00") }, [connect(ts(1, "09:00"), 1), event(ts(20, "09:00"), "accepted", 1)])).toEqual([]);
  });

  it("stops no messages after a reply when stopOnReply is off", () => {
    const log = [
      connect(ts(1, "09:00"), 1),
      event(ts(1, "10:00"), "accepted", 1),
      message(ts(3, "10:00"), 1),
      event(ts(4, "10:00"), "replied", 1),
      message(ts(8, "10:00"), 1),
    ];
    expect(check({ campaigns: [{ ...TWO_MESSAGES, stopOnReply: false }] }, log)).toEqual([]);
  });
});

describe("checkInvariants across versions of an edited campaign", () => {
  // Version 1 waits 2 days before its message and withdraws after 7; version 2 (from March 5th) 1 day and 5.
  const v1 = campaignDoc({
    steps: [
      { ...never, withdrawAfter: 7 * DAY },
      { kind: "message", after: 2 * DAY, text: "Thanks" },
    ],
  });
  const v2 = campaignDoc({
    steps: [
      { ...never, withdrawAfter: 5 * DAY },
      { kind: "message", after: DAY, text: "Thanks" },
    ],
  });
  // Version 3 (from March 18th) waits 10 days to withdraw: it came after the invitations below were settled.
  const v3 = campaignDoc({
    steps: [
      { ...never, withdrawAfter: 10 * DAY },
      { kind: "message", after: DAY, text: "Thanks" },
    ],
  });
  const versions = [
    { version: 1, doc: v1, createdAt: parseInstant(ts(1, "00:00")) as number },
    { version: 2, doc: v2, createdAt: parseInstant(ts(5, "00:00")) as number },
    { version: 3, doc: v3, createdAt: parseInstant(ts(18, "00:00")) as number },
  ];
  const judge = (entries: LogEntry[], end = ts(30, "09:00")) =>
    checkInvariants({
      entries,
      accounts: [accountDoc()],
      campaigns: [v2],
      campaignVersions: versions,
      connected: new Set(),
      end: parseInstant(end) as number,
    });

  it("judges a message by the wait of the version it was handed out under", () => {
    const accepted = [connect(ts(1, "09:00"), 1, { version: 1 }), event(ts(1, "10:00"), "accepted", 1)];
    expect(judge([...accepted, message(ts(2, "11:00"), 1, { version: 2 })])).toEqual([]);
    expect(judge([...accepted, message(ts(2, "11:00"), 1, { version: 1 })])).toEqual([
      expect.stringMatching(/^\[messages\] message 1 to .*\/p1 at 2027-03-02T11:00:00Z only 25 h after the previous step \(after 48 h\)$/),
    ]);
    // Without the versions, the last document judges every line, and the early message passes unseen.
    const last = checkInvariants({
      entries: [...accepted, message(ts(2, "11:00"), 1, { version: 1 })],
      accounts: [accountDoc()],
      campaigns: [v3],
      connected: new Set(),
      end: parseInstant(ts(20, "09:00")) as number,
    });
    expect(last).toEqual([]);
  });

  it("judges a withdrawal by every version in effect while the invitation was pending", () => {
    // Sent under version 1 (7 days), planned again at 5 days by the edit: withdrawn on the Monday after is on time.
    const onTime = [connect(ts(1, "09:00"), 1, { version: 1 }), withdraw(ts(8, "09:30"), 1, { version: 2 })];
    expect(judge(onTime)).toEqual([]);
    // Judged by the last version alone (10 days), it would look early.
    const last = checkInvariants({
      entries: onTime,
      accounts: [accountDoc()],
      campaigns: [v3],
      connected: new Set(),
      end: parseInstant(ts(30, "09:00")) as number,
    });
    expect(last).toEqual([expect.stringMatching(/withdrawn before withdrawAfter$/)]);
    expect(judge([connect(ts(1, "09:00"), 1, { version: 1 }), withdraw(ts(5, "09:30"), 1, { version: 2 })])).toEqual([
      expect.stringMatching(/^\[withdrawal\] alice: invitation to .*\/p1 withdrawn before withdrawAfter$/),
    ]);
    // Sent under version 2 only: 7 days would be late.
    expect(judge([connect(ts(5, "09:00"), 1, { version: 2 }), withdraw(ts(15, "09:30"), 1, { version: 2 })])).toEqual([
      expect.stringMatching(
        /^\[withdrawal\] alice: invitation to .*\/p1 sent 2027-03-05T09:00:00Z still pending 3 days after withdrawAfter$/,
      ),
    ]);
  });
});

describe("weeklySends (invariant 11 is judged over simulations, where prospects and windows are known)", () => {
  it("counts ok invitations per account in each full week from the start", () => {
    const log = [
      ...invites(1, 2, 1),
      connect(ts(8, "09:00"), 3),
      connect(ts(9, "09:00"), 4, { result: "weekly_limit_reached" }),
      message(ts(9, "10:00"), 5),
      visit(ts(10, "09:00"), 6),
      connect(ts(14, "22:59"), 7),
      connect(ts(10, "09:00"), 8, { account: "bob" }),
      connect(ts(15, "09:00"), 9),
    ];
    expect(Object.fromEntries(weeklySends(log, parseInstant(ts(1, "00:00")) as number, 15))).toEqual({ alice: [2, 2], bob: [0, 1] });
  });
});
