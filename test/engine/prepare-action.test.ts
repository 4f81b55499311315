/** prepareAction, case by case: perform, later, replan or end, for each step kind. Pure: no store. */
import { describe, expect, it } from "vitest";
import { REINVITE_BLOCK } from "../../src/core/enrollment/reinvite.js";
import type { CampaignStep } from "../../src/core/model.js";
import { startOfNextLocalMonth } from "../../src/core/schedule/index.js";
import { DAY, HOUR, parseInstant } from "../../src/core/time.js";
import { prepareAction, type Preparation } from "../../src/engine/prepare-action.js";
import type { EnrollmentRow, PersonRow } from "../../src/store/store.js";
import { accountDoc, campaignDoc } from "../support/docs.js";
import { newEnrollment, newPerson } from "../store/fixtures.js";

const NOW = parseInstant("2027-03-10T10:00:00Z") as number; // a Wednesday, 11:00 in Paris and Berlin
const SUNDAY = parseInstant("2027-03-14T10:00:00Z") as number;
const account = accountDoc();
const connect = (over: Partial<Extract<CampaignStep, { kind: "connect" }>> = {}): CampaignStep => ({
  kind: "connect",
  after: 0,
  note: "Hi {{ firstName }}!",
  noteFallback: "blank",
  withdrawAfter: null,
  ...over,
});
const message = (text = "Thanks {{ firstName }}"): CampaignStep => ({ kind: "message", after: 0, text });

function prepare(opts: {
  steps: CampaignStep[];
  step?: number;
  person?: Partial<PersonRow>;
  enrollment?: Partial<EnrollmentRow>;
  noteAllowed?: boolean;
  now?: number;
}): Preparation {
  const step = opts.step ?? 0;
  const kind = opts.steps[step]!.kind;
  const enrollment = {
    id: 1,
    ...newEnrollment({ campaignId: 1, accountId: 1, personId: 1 }, { step, nextKind: kind, baseAt: NOW - DAY, ...opts.enrollment }),
  };
  const person = { id: 1, ...newPerson(opts.person) };
  return prepareAction({
    due: { enrollment, person, campaignId: 1 },
    account,
    campaign: campaignDoc({ steps: opts.steps }),
    noteAllowed: opts.noteAllowed ?? true,
    now: opts.now ?? NOW,
  });
}

describe("prepareAction", () => {
  it.each<[string, Parameters<typeof prepare>[0], Preparation | ((p: Preparation) => void)]>([
    ["a visit in working hours is performed", { steps: [{ kind: "visit", after: 0 }] }, { type: "perform", kind: "visit" }],
    [
      "a visit on a Sunday waits for Monday",
      { steps: [{ kind: "visit", after: 0 }], now: SUNDAY },
      (p) => expect(p).toMatchObject({ type: "later", readyAt: parseInstant("2027-03-15T07:00:00Z") }),
    ],
    [
      "a connect to a connection skips to the next step",
      { steps: [connect(), message()], person: { connected: true } },
      { type: "replan", next: { type: "step", step: 1, kind: "message", dueAt: NOW - DAY }, connected: true },
    ],
    ["a connect with its note", { steps: [connect()] }, { type: "perform", kind: "connect", note: "Hi Jane!" }],
    ["a connect without a note", { steps: [connect({ note: null })] }, { type: "perform", kind: "connect", note: "" }],
    [
      "a note not allowed now falls back to a blank invitation",
      { steps: [connect()], noteAllowed: false },
      { type: "perform", kind: "connect", note: "" },
    ],
    [
      "a note not allowed now, fallback skip: next month",
      { steps: [connect({ noteFallback: "skip" })], noteAllowed: false },
      { type: "later", readyAt: startOfNextLocalMonth(account.timezone, NOW) },
    ],
    [
      "an unsendable note, fallback skip, ends",
      { steps: [connect({ noteFallback: "skip", note: "Hi {{ firstName }}" })], person: { firstName: "" } },
      (p) => expect(p).toMatchObject({ type: "end", reason: "note_unsendable" }),
    ],
    [
      "a person withdrawn lately waits out the re-invite block",
      { steps: [connect()], person: { lastWithdrawnAt: NOW - DAY } },
      { type: "later", readyAt: NOW - DAY + REINVITE_BLOCK },
    ],
    [
      "a message to a connection",
      { steps: [message()], person: { connected: true } },
      { type: "perform", kind: "message", text: "Thanks Jane" },
    ],
    [
      "a message to a non-connection ends",
      { steps: [message()] },
      (p) => expect(p).toMatchObject({ type: "end", reason: "not_connected" }),
    ],
    [
      "a message after the owner wrote by hand ends",
      { steps: [message()], person: { connected: true }, enrollment: { lastMessageAt: NOW - HOUR } },
      (p) => expect(p).toMatchObject({ type: "end", reason: "messaged_by_hand" }),
    ],
    [
      "an unsendable message ends",
      { steps: [message("Hi {{ firstName }}")], person: { connected: true, firstName: "" } },
      (p) => expect(p).toMatchObject({ type: "end", reason: "message_unsendable" }),
    ],
    [
      "a due withdrawal is performed",
      { steps: [connect(), { kind: "withdraw", after: 0 }], step: 1, enrollment: { status: "invited" } },
      { type: "perform", kind: "withdraw" },
    ],
  ])("%s", (_what, opts, expected) => {
    const p = prepare(opts);
    if (typeof expected === "function") expected(p);
    else expect(p).toEqual(expected);
  });

  it("refuses an enrollment due with no next step", () => {
    expect(() => prepare({ steps: [{ kind: "visit", after: 0 }], enrollment: { nextKind: null } })).toThrow(/no next step/);
  });
});
