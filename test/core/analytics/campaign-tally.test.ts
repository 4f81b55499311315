import { describe, expect, it } from "vitest";
import {
  campaignOutcomes,
  furthestStep,
  hasReached,
  messagesBeforeReply,
  needsMessageTimes,
  type EnrollmentFacts,
} from "../../../src/core/analytics/index.js";
import type { CampaignDoc, CampaignStep } from "../../../src/core/model.js";
import { DAY, HOUR, parseInstant } from "../../../src/core/time.js";
import { campaignDoc } from "../../support/docs.js";

const T = parseInstant("2027-03-01T08:00:00Z") as number; // 09:00 in Paris, 03:00 in New York
const VISIT: CampaignStep = { kind: "visit", after: 0 };
const CONNECT: CampaignStep = { kind: "connect", after: 0, note: null, noteFallback: "blank", withdrawAfter: null };
const MESSAGE: CampaignStep = { kind: "message", after: 0, text: "Hi" };
const FULL = campaignDoc({ steps: [VISIT, CONNECT, MESSAGE] });
/** A day after T: every invitation sent at T still pending is undecided. */
const NOW = T + DAY;

let nextId = 1;
function e(over: Partial<EnrollmentFacts>): EnrollmentFacts {
  return {
    id: nextId++,
    status: "ready",
    step: 0,
    prospectTz: "Europe/Paris",
    visitedAt: null,
    invitedAt: null,
    acceptedAt: null,
    messagesSent: 0,
    lastMessageAt: null,
    repliedAt: null,
    withdrawnAt: null,
    endReason: null,
    ...over,
  };
}

/** The enrollments of FULL in each place the state machine can leave them. */
const PLACES: Array<[what: string, facts: EnrollmentFacts, furthest: number, reached: boolean[]]> = [
  ["waiting for its visit", e({}), 0, [true, false, false]],
  ["profile unavailable at the visit", e({ status: "done", endReason: "profile_unavailable" }), 0, [true, false, false]],
  ["visited, waiting for the invitation", e({ step: 1, visitedAt: T }), 1, [true, true, false]],
  ["note unsendable at the invitation", e({ status: "done", step: 1, visitedAt: T, endReason: "note_unsendable" }), 1, [true, true, false]],
  ["invited, pending", e({ status: "invited", step: 2, visitedAt: T, invitedAt: T }), 1, [true, true, false]],
  ["withdrawal in flight", e({ status: "in_flight", step: 2, visitedAt: T, invitedAt: T }), 1, [true, true, false]],
  ["withdrawn", e({ status: "done", step: 2, visitedAt: T, invitedAt: T, withdrawnAt: T, endReason: "withdrawn" }), 1, [true, true, false]],
  ["declined", e({ status: "done", step: 2, visitedAt: T, invitedAt: T, endReason: "declined" }), 1, [true, true, false]],
  ["accepted, waiting for the message", e({ step: 2, visitedAt: T, invitedAt: T, acceptedAt: T }), 2, [true, true, true]],
  [
    "completed",
    e({ status: "done", step: 2, visitedAt: T, invitedAt: T, acceptedAt: T, messagesSent: 1, lastMessageAt: T, endReason: "completed" }),
    2,
    [true, true, true],
  ],
  ["a connection: skipped the invitation", e({ step: 2, visitedAt: T }), 2, [true, false, true]],
];

describe("step progress", () => {
  it.each(PLACES)("%s", (_, facts, furthest, reached) => {
    expect(furthestStep(FULL, facts)).toBe(furthest);
    expect(FULL.steps.map((_, i) => hasReached(FULL, facts, i))).toEqual(reached);
  });

  it.each([
    [
      "a reply to the note, before acceptance",
      e({ status: "done", step: 2, visitedAt: T, invitedAt: T, repliedAt: T, endReason: "replied" }),
      [true, true, false],
    ],
    [
      "a reply after acceptance, before the message",
      e({ status: "done", step: 2, visitedAt: T, invitedAt: T, acceptedAt: T, repliedAt: T, endReason: "replied" }),
      [true, true, false],
    ],
    [
      "a reply after the visit, before the invitation",
      e({ status: "done", step: 1, visitedAt: T, repliedAt: T, endReason: "replied" }),
      [true, false, false],
    ],
    [
      "a connection's reply before the message",
      e({ status: "done", step: 2, visitedAt: T, repliedAt: T, endReason: "replied" }),
      [true, false, false],
    ],
    [
      "a reply to the message",
      e({
        status: "done",
        step: 2,
        visitedAt: T,
        invitedAt: T,
        acceptedAt: T,
        messagesSent: 1,
        lastMessageAt: T,
        repliedAt: T,
        endReason: "replied",
      }),
      [true, true, true],
    ],
  ] as const)("does not count a step a reply stopped the sequence before: %s", (_, facts, reached) => {
    expect(FULL.steps.map((_, i) => hasReached(FULL, facts, i))).toEqual(reached);
  });

  it("ends a campaign whose last step is the invitation on that step, accepted or skipped", () => {
    const doc = campaignDoc({ steps: [VISIT, CONNECT] });
    const accepted = e({ status: "done", step: 2, visitedAt: T, invitedAt: T, acceptedAt: T, endReason: "accepted" });
    expect(furthestStep(doc, accepted)).toBe(1);
    expect(hasReached(doc, accepted, 1)).toBe(true);
    const connection = e({ status: "done", step: 1, visitedAt: T, endReason: "completed" });
    expect(hasReached(doc, connection, 1)).toBe(false);
  });

  it.each([
    ["no reply", e({ messagesSent: 2, lastMessageAt: T }), undefined, null, false],
    ["a reply to the note", e({ repliedAt: T }), undefined, 0, false],
    ["a reply after the last message", e({ messagesSent: 2, lastMessageAt: T, repliedAt: T + HOUR }), undefined, 2, false],
    [
      "a reply before the last message: unknown without the log",
      e({ messagesSent: 2, lastMessageAt: T + 2 * HOUR, repliedAt: T + HOUR }),
      undefined,
      null,
      true,
    ],
    ["the same with the log's times", e({ messagesSent: 2, lastMessageAt: T + 2 * HOUR, repliedAt: T + HOUR }), [T, T + 2 * HOUR], 1, true],
  ] as const)("attributes %s", (_, facts, times, expected, needsTimes) => {
    expect(messagesBeforeReply(facts, times)).toBe(expected);
    expect(needsMessageTimes(facts)).toBe(needsTimes);
  });
});

describe("campaignOutcomes", () => {
  it("counts the funnel, each step's outcome and invitations by the recipient's hour", () => {
    const rows = PLACES.map(([, facts]) => facts);
    rows.push(
      e({
        status: "done",
        step: 2,
        visitedAt: T,
        invitedAt: T + 6 * HOUR,
        acceptedAt: T,
        messagesSent: 1,
        lastMessageAt: T,
        repliedAt: T + HOUR,
        endReason: "replied",
        prospectTz: "America/New_York",
      }),
    );
    const out = campaignOutcomes(FULL, rows, NOW);
    expect(out.funnel).toEqual([
      { stage: "enrolled", count: 12, base: null, rate: null },
      { stage: "visited", count: 10, base: 12, rate: 10 / 12 },
      { stage: "invited", count: 7, base: 10, rate: 7 / 10 },
      { stage: "accepted", count: 3, base: 5, rate: 3 / 5 }, // the two pending invitations are undecided
      { stage: "messaged", count: 2, base: 3, rate: 2 / 3 },
      { stage: "replied", count: 1, base: 2, rate: 1 / 2 },
    ]);
    expect(out.bySteps).toEqual([
      { step: 0, kind: "visit", reached: 12, outcome: "visited", outcomeCount: 10, base: 12, rate: 10 / 12 },
      { step: 1, kind: "connect", reached: 9, outcome: "accepted", outcomeCount: 3, base: 5, rate: 3 / 5 }, // not the connection
      { step: 2, kind: "message", reached: 4, outcome: "replied", outcomeCount: 1, base: 2, rate: 1 / 2 }, // over the messages sent
    ]);
    expect(out.byHour).toHaveLength(24);
    // Six invitations at 09:00 in Paris, and one at 14:00 UTC: 09:00 in New York, not 15:00 as in Paris.
    expect(out.byHour[9]).toEqual({ hour: 9, invited: 7, accepted: 3, decided: 5, rate: 3 / 5 });
    expect(out.byHour.filter((h) => h.hour !== 9).every((h) => h.invited === 0 && h.rate === null)).toBe(true);
  });

  it("puts each reply on the message that preceded it, from the log when the enrollment cannot tell", () => {
    const doc: CampaignDoc = campaignDoc({ stopOnReply: false, steps: [CONNECT, MESSAGE, { ...MESSAGE, text: "Again" }] });
    const base = { status: "done", step: 2, invitedAt: T, acceptedAt: T, endReason: "completed" } as const;
    const afterFirst = e({ ...base, messagesSent: 2, lastMessageAt: T + 2 * HOUR, repliedAt: T + HOUR });
    const afterSecond = e({ ...base, messagesSent: 2, lastMessageAt: T + 2 * HOUR, repliedAt: T + 3 * HOUR });
    const toTheNote = e({ status: "done", step: 1, invitedAt: T, acceptedAt: T, repliedAt: T, endReason: "replied" });
    const out = campaignOutcomes(doc, [afterFirst, afterSecond, toTheNote], NOW, new Map([[afterFirst.id, [T, T + 2 * HOUR]]]));
    // The reply to the note ended the sequence before the first message: that step never reached this person.
    expect(out.bySteps.map((s) => [s.kind, s.reached, s.outcomeCount])).toEqual([
      ["connect", 3, 3],
      ["message", 2, 1],
      ["message", 2, 1],
    ]);
    // Replied is over those messaged and those who answered the note before any message: at most 100%.
    expect(out.funnel.find((s) => s.stage === "replied")).toEqual({ stage: "replied", count: 3, base: 3, rate: 1 });
  });

  it("has no rate for the stages a campaign has no step for, and measures the next against the one before", () => {
    const doc = campaignDoc({ steps: [CONNECT] });
    const out = campaignOutcomes(doc, [e({ status: "invited", step: 1, invitedAt: T }), e({})], NOW);
    expect(out.funnel.map((s) => [s.stage, s.count, s.rate])).toEqual([
      ["enrolled", 2, null],
      ["visited", 0, null],
      ["invited", 1, 0.5],
      ["accepted", 0, null],
      ["messaged", 0, null],
      ["replied", 0, null],
    ]);
    expect(campaignOutcomes(doc, [], NOW).funnel.every((s) => s.rate === null)).toBe(true);
  });

  it("rates acceptance over decided invitations only: none before any is decided, and not 0% before any is sent", () => {
    const doc = campaignDoc({ steps: [CONNECT, MESSAGE] });
    const waiting = Array.from({ length: 5 }, () => e({}));
    const none = campaignOutcomes(doc, waiting, NOW);
    expect(none.bySteps[0]).toMatchObject({ kind: "connect", reached: 5, outcomeCount: 0, base: 0, rate: null });
    expect(none.funnel.find((s) => s.stage === "accepted")).toEqual({ stage: "accepted", count: 0, base: 0, rate: null });
    // Three sent, one accepted: 1 of 1 decided while the others are young; 1 of 3 once they are 21 days old.
    const sent = [
      e({ status: "accepted", step: 1, invitedAt: T, acceptedAt: T + DAY }),
      e({ status: "invited", step: 1, invitedAt: T }),
      e({ status: "invited", step: 1, invitedAt: T + HOUR }),
    ];
    const young = campaignOutcomes(doc, [...waiting, ...sent], NOW);
    expect(young.bySteps[0]).toMatchObject({ reached: 8, outcomeCount: 1, base: 1, rate: 1 });
    const old = campaignOutcomes(doc, [...waiting, ...sent], T + 21 * DAY);
    expect(old.bySteps[0]).toMatchObject({ reached: 8, outcomeCount: 1, base: 2, rate: 1 / 2 }); // the last is 20 days and 23 hours old
    expect(old.funnel.find((s) => s.stage === "accepted")).toEqual({ stage: "accepted", count: 1, base: 2, rate: 1 / 2 });
    expect(old.byHour[9]).toEqual({ hour: 9, invited: 2, accepted: 1, decided: 2, rate: 1 / 2 });
  });

  it("never puts a stage over 100%: connections are messaged without an invitation", () => {
    const doc = campaignDoc({ steps: [CONNECT, MESSAGE] });
    const invited = e({ status: "done", step: 2, invitedAt: T, acceptedAt: T, messagesSent: 1, lastMessageAt: T, endReason: "completed" });
    const connections = Array.from({ length: 10 }, () =>
      e({ status: "done", step: 2, messagesSent: 1, lastMessageAt: T, endReason: "completed" }),
    );
    const out = campaignOutcomes(doc, [invited, ...connections], NOW);
    expect(out.funnel.find((s) => s.stage === "messaged")).toEqual({ stage: "messaged", count: 11, base: 11, rate: 1 });
    expect(out.funnel.every((s) => s.rate === null || s.rate <= 1)).toBe(true);
  });
});
