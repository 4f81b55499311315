/** The enrollment state machine, move by move: every (status × event), legal or not, and every action result. */
import { describe, expect, it } from "vitest";
import {
  draftEnrollment,
  ENROLLMENT_STATUSES,
  LEGAL_FROM,
  planStart,
  transition,
  type EnrollmentEvent,
  type EnrollmentEventType,
  type EnrollmentState,
  type EnrollmentStatus,
  type TransitionScope,
} from "../../../src/core/enrollment/transition.js";
import { mapSteps } from "../../../src/core/campaign/step-map.js";
import { REINVITE_BLOCK } from "../../../src/core/enrollment/reinvite.js";
import { FAILURE_CODES, type ActionKind, type ActionResult } from "../../../src/core/model.js";
import { DAY, HOUR } from "../../../src/core/time.js";
import { campaignDoc } from "../../support/docs.js";

const T0 = 1_000 * DAY;
const NOW = T0 + 5 * DAY;
// visit (0), connect after 1d withdrawn after 21d (1), message after 2d (2); stopOnReply.
const campaign = campaignDoc();
const scope: TransitionScope = { campaign, reachable: (_kind, from) => from, now: NOW };

const states: Record<EnrollmentStatus, EnrollmentState> = {
  ready: { ...draftEnrollment(T0), step: 1, nextKind: "connect", readyAt: T0 + DAY, visitedAt: T0 },
  in_flight: {
    ...draftEnrollment(T0),
    status: "in_flight",
    step: 1,
    nextKind: "connect",
    readyAt: T0 + DAY,
    visitedAt: T0,
    leaseActionId: 7,
  },
  invited: {
    ...draftEnrollment(T0),
    status: "invited",
    step: 2,
    nextKind: "withdraw",
    readyAt: T0 + 21 * DAY,
    invitedAt: T0,
    inviteNote: "Hi",
  },
  done: { ...draftEnrollment(T0), status: "done", step: 1, endedAt: T0, endReason: "unreachable" },
};

const events: Record<EnrollmentEventType, EnrollmentEvent> = {
  claimed: { type: "claimed", actionId: 9 },
  performed: { type: "performed", kind: "connect", result: "ok", note: "Hi" },
  released: { type: "released", kind: "connect", readyAt: NOW + HOUR },
  deferred: { type: "deferred", readyAt: NOW + HOUR },
  skipped: { type: "skipped", next: { type: "step", step: 2, kind: "message", dueAt: NOW } },
  ended: { type: "ended", reason: "note_unsendable" },
  accepted: { type: "accepted" },
  replied: { type: "replied" },
  messaged_by_hand: { type: "messaged_by_hand", at: NOW - HOUR },
  declined: { type: "declined" },
  invited_outside: { type: "invited_outside", step: 1, note: "by hand" },
  withdrawal_requested: { type: "withdrawal_requested" },
  end_requested: { type: "end_requested", reason: "stopped" },
  campaign_updated: { type: "campaign_updated", previous: campaign, map: mapSteps(campaign.steps, campaign.steps), connected: false },
};

type Expected = EnrollmentStatus | "illegal";
//                                              from:  ready        in_flight     invited       done
const TABLE: Record<EnrollmentEventType, [Expected, Expected, Expected, Expected]> = {
  claimed: /*                  */ ["in_flight", "illegal", "in_flight", "illegal"],
  performed: /*                */ ["illegal", "invited", "illegal", "illegal"],
  released: /*                 */ ["illegal", "ready", "illegal", "illegal"],
  deferred: /*                 */ ["ready", "illegal", "invited", "illegal"],
  skipped: /*                  */ ["ready", "illegal", "illegal", "illegal"],
  ended: /*                    */ ["done", "illegal", "illegal", "illegal"],
  accepted: /*                 */ ["ready", "in_flight", "ready", "done"],
  replied: /*                  */ ["done", "in_flight", "done", "done"],
  messaged_by_hand: /*         */ ["done", "in_flight", "invited", "done"],
  declined: /*                 */ ["illegal", "illegal", "done", "illegal"],
  invited_outside: /*          */ ["invited", "illegal", "illegal", "illegal"],
  withdrawal_requested: /*     */ ["illegal", "illegal", "invited", "illegal"],
  end_requested: /*            */ ["done", "in_flight", "invited", "illegal"],
  campaign_updated: /*         */ ["ready", "in_flight", "invited", "illegal"],
};

const moves = (Object.keys(TABLE) as EnrollmentEventType[]).flatMap((type) =>
  ENROLLMENT_STATUSES.map((from, i) => ({ type, from, expected: TABLE[type][i] as Expected })),
);

describe("transition: every status × event", () => {
  it.each(moves)("$type from $from → $expected", ({ type, from, expected }) => {
    const out = transition(states[from], events[type], scope);
    if (expected === "illegal") {
      expect(out).toEqual({ ok: false, error: expect.stringContaining(`an enrollment that is ${from} cannot take the event ${type}`) });
      return;
    }
    if (!out.ok) throw new Error(out.error);
    expect(out.change.status ?? from).toBe(expected);
  });

  it("agrees with LEGAL_FROM, and a done enrollment's status never changes", () => {
    for (const { type, from, expected } of moves) {
      expect(LEGAL_FROM[type].includes(from), `${type} from ${from}`).toBe(expected !== "illegal");
      if (from === "done" && expected !== "illegal")
        expect(transition(states.done, events[type], scope)).not.toHaveProperty("change.status");
    }
  });
});

describe("transition: the details of each legal move", () => {
  const ok = (state: EnrollmentState, event: EnrollmentEvent, s: TransitionScope = scope) => {
    const out = transition(state, event, s);
    if (!out.ok) throw new Error(out.error);
    return out;
  };

  it("claims an invited enrollment only for its due withdrawal", () => {
    expect(transition({ ...states.invited, nextKind: null, readyAt: null }, events.claimed, scope)).toEqual({
      ok: false,
      error: expect.stringMatching(/no withdrawal is due/),
    });
    expect(ok(states.ready, events.claimed).change).toEqual({ status: "in_flight", leaseActionId: 9 });
  });

  it("puts a released withdrawal back to invited, any other step to ready", () => {
    expect(ok({ ...states.in_flight, nextKind: "withdraw" }, { type: "released", kind: "withdraw", readyAt: null }).change).toEqual({
      status: "invited",
      leaseActionId: null,
      readyAt: null,
    });
    expect(ok(states.in_flight, events.released).change).toEqual({ status: "ready", leaseActionId: null, readyAt: NOW + HOUR });
  });

  it("defers to a later readyAt, and ends unreachable when there is none", () => {
    expect(ok(states.ready, events.deferred).change).toEqual({ readyAt: NOW + HOUR });
    expect(ok(states.ready, { type: "deferred", readyAt: null }).change).toMatchObject({
      status: "done",
      endReason: "unreachable",
      endedAt: NOW,
      baseAt: T0,
    });
  });

  it("ends a step the windows never reach as unreachable", () => {
    const never: TransitionScope = { ...scope, reachable: () => null };
    expect(ok(states.ready, events.skipped, never).change).toMatchObject({ status: "done", endReason: "unreachable" });
  });

  it("moves an accepted invitation to the step after the connect, counted from the acceptance", () => {
    expect(ok(states.invited, events.accepted).change).toEqual({
      acceptedAt: NOW,
      status: "ready",
      step: 2,
      nextKind: "message",
      readyAt: NOW + 2 * DAY,
      baseAt: NOW,
      leaseActionId: null,
    });
    expect(ok(states.in_flight, events.accepted).change).toEqual({ acceptedAt: NOW });
  });

  it("ends on a reply only when the campaign stops on reply", () => {
    expect(ok(states.invited, events.replied).change).toMatchObject({ repliedAt: NOW, status: "done", endReason: "replied", baseAt: NOW });
    expect(ok(states.invited, events.replied, { ...scope, campaign: { ...campaign, stopOnReply: false } }).change).toEqual({
      repliedAt: NOW,
    });
  });

  it("ends on a message by hand only while a message step is ahead", () => {
    expect(ok(states.ready, events.messaged_by_hand).change).toMatchObject({
      lastMessageAt: NOW - HOUR,
      status: "done",
      endReason: "messaged_by_hand",
    });
    const noMessage = { ...scope, campaign: { ...campaign, steps: campaign.steps.slice(0, 2) } };
    expect(ok(states.ready, events.messaged_by_hand, noMessage).change).toEqual({ lastMessageAt: NOW - HOUR });
  });

  it("adopts an invitation sent by hand at the connect step, with its withdrawal", () => {
    expect(ok(states.ready, events.invited_outside).change).toEqual({
      status: "invited",
      invitedAt: NOW,
      inviteNote: "by hand",
      step: 2,
      leaseActionId: null,
      baseAt: NOW,
      nextKind: "withdraw",
      readyAt: NOW + 21 * DAY,
    });
  });

  it("makes a withdrawal due now, not for an accepted invitation", () => {
    expect(ok(states.invited, events.withdrawal_requested).change).toEqual({ nextKind: "withdraw", readyAt: NOW });
    expect(transition({ ...states.invited, acceptedAt: NOW }, events.withdrawal_requested, scope)).toEqual({
      ok: false,
      error: expect.stringMatching(/accepted/),
    });
  });

  it("starts a new enrollment on its first step, a connection past its connect", () => {
    expect(planStart(scope, false)).toMatchObject({ status: "ready", step: 0, nextKind: "visit", readyAt: NOW, baseAt: NOW });
    const noVisit = { ...scope, campaign: { ...campaign, steps: campaign.steps.slice(1) } };
    expect(planStart(noVisit, true)).toMatchObject({ status: "ready", step: 1, nextKind: "message", readyAt: NOW + 2 * DAY });
  });
});

describe("transition: every action result, for every kind", () => {
  const flight = (kind: ActionKind): EnrollmentState =>
    kind === "withdraw"
      ? { ...states.invited, status: "in_flight", leaseActionId: 7 }
      : kind === "message"
        ? { ...states.in_flight, step: 2, nextKind: "message", acceptedAt: T0 }
        : kind === "visit"
          ? { ...states.in_flight, step: 0, nextKind: "visit" }
          : states.in_flight;
  type Row = { status: EnrollmentStatus; endReason?: string; readyAt?: number | null; effects?: string[] };
  const RESULTS: Record<ActionResult, Record<ActionKind, Row>> = {
    ok: {
      visit: { status: "ready", readyAt: NOW + DAY },
      connect: { status: "invited", readyAt: NOW + 21 * DAY },
      message: { status: "done", endReason: "completed" },
      withdraw: { status: "done", endReason: "withdrawn", effects: ["person_withdrawn"] },
    },
    already_connected: {
      // The connect is skipped: the message's after counts from baseAt (T0), so it is due now.
      visit: { status: "ready", readyAt: NOW, effects: ["person_connected"] },
      connect: { status: "ready", readyAt: NOW, effects: ["person_connected"] },
      message: { status: "done", endReason: "completed", effects: ["person_connected"] },
      withdraw: { status: "ready", readyAt: NOW + 2 * DAY, effects: ["person_connected"] },
    },
    cannot_resend_yet: Object.fromEntries(
      (["visit", "connect", "message", "withdraw"] as const).map((k) => [k, { status: "ready", readyAt: NOW + REINVITE_BLOCK }]),
    ) as Record<ActionKind, Row>,
    profile_unavailable: Object.fromEntries(
      (["visit", "connect", "message", "withdraw"] as const).map((k) => [k, { status: "done", endReason: "profile_unavailable" }]),
    ) as Record<ActionKind, Row>,
    not_connected: {
      visit: { status: "done", endReason: "not_connected" },
      connect: { status: "done", endReason: "not_connected" },
      message: { status: "done", endReason: "not_connected" },
      withdraw: { status: "done", endReason: "withdrawn" },
    },
    weekly_limit_reached: {
      visit: { status: "ready", readyAt: NOW },
      connect: { status: "ready", readyAt: NOW },
      message: { status: "ready", readyAt: NOW },
      withdraw: { status: "invited", readyAt: NOW },
    },
    note_quota_reached: {
      visit: { status: "ready", readyAt: NOW },
      connect: { status: "ready", readyAt: NOW },
      message: { status: "ready", readyAt: NOW },
      withdraw: { status: "invited", readyAt: NOW },
    },
    restricted: {
      visit: { status: "ready", readyAt: NOW + DAY },
      connect: { status: "ready", readyAt: NOW + DAY },
      message: { status: "ready", readyAt: NOW + DAY },
      withdraw: { status: "invited", readyAt: NOW + DAY },
    },
  };
  const cases = (["ok", ...FAILURE_CODES] as ActionResult[]).flatMap((result) =>
    (["visit", "connect", "message", "withdraw"] as const).map((kind) => ({ result, kind, row: RESULTS[result][kind] })),
  );

  it.each(cases)("$result for a $kind", ({ result, kind, row }) => {
    const out = transition(flight(kind), { type: "performed", kind, result, note: "" }, scope);
    if (!out.ok) throw new Error(out.error);
    expect(out.change.status).toBe(row.status);
    expect(out.change.leaseActionId).toBeNull();
    if (row.endReason !== undefined) expect(out.change.endReason).toBe(row.endReason);
    if (row.readyAt !== undefined) expect(out.change.readyAt).toBe(row.readyAt);
    expect(out.effects.map((e) => e.type)).toEqual(row.effects ?? []);
  });

  it("ends an enrollment that got a reply in flight as replied, whatever the result", () => {
    for (const result of ["ok", ...FAILURE_CODES] as ActionResult[]) {
      const out = transition(
        { ...states.in_flight, repliedAt: NOW - HOUR },
        { type: "performed", kind: "connect", result, note: "" },
        scope,
      );
      expect(out).toMatchObject({ ok: true, change: { status: "done", endReason: "replied" }, effects: [] });
    }
  });
});

describe("transition: an enrollment the owner ended (campaign stopped, prospect removed)", () => {
  const ok = (state: EnrollmentState, event: EnrollmentEvent, s: TransitionScope = scope) => {
    const out = transition(state, event, s);
    if (!out.ok) throw new Error(out.error);
    return { ...state, ...out.change };
  };
  const stop = { type: "end_requested", reason: "stopped" } as const;

  it("ends a ready one at once, with the reason", () => {
    expect(ok(states.ready, { type: "end_requested", reason: "removed" })).toMatchObject({
      status: "done",
      endReason: "removed",
      endedAt: NOW,
      readyAt: null,
    });
  });

  it("keeps only the scheduled withdrawal of a pending invitation, then ends with the reason", () => {
    const stopping = ok(states.invited, stop);
    expect(stopping).toMatchObject({ status: "invited", nextKind: "withdraw", readyAt: T0 + 21 * DAY, stopReason: "stopped" });
    const inFlight = ok(stopping, { type: "claimed", actionId: 11 });
    expect(inFlight.status).toBe("in_flight");
    const withdrawn = ok(inFlight, { type: "performed", kind: "withdraw", result: "ok", note: "" });
    expect(withdrawn).toMatchObject({ status: "done", endReason: "stopped", withdrawnAt: NOW });
    // Refused for the account: the withdrawal is tried again, still the only thing left.
    expect(ok(inFlight, { type: "performed", kind: "withdraw", result: "weekly_limit_reached", note: "" })).toMatchObject({
      status: "invited",
      nextKind: "withdraw",
      stopReason: "stopped",
    });
  });

  it("ends an invitation accepted after the stop instead of running the next step", () => {
    const accepted = ok(ok(states.invited, stop), { type: "accepted" });
    expect(accepted).toMatchObject({ status: "done", endReason: "stopped", acceptedAt: NOW });
    const late = ok(ok(ok(states.invited, stop), { type: "claimed", actionId: 3 }), {
      type: "performed",
      kind: "withdraw",
      result: "already_connected",
      note: "",
    });
    expect(late).toMatchObject({ status: "done", endReason: "stopped", acceptedAt: NOW });
  });

  it("ends a pending invitation with no withdrawal scheduled at once", () => {
    expect(ok({ ...states.invited, nextKind: null, readyAt: null }, stop)).toMatchObject({ status: "done", endReason: "stopped" });
  });

  it("lets an action in flight finish, then ends (a sent invitation keeps its withdrawal)", () => {
    const stopping = ok(states.in_flight, stop);
    expect(stopping).toMatchObject({ status: "in_flight", leaseActionId: 7, stopReason: "stopped" });
    const invited = ok(stopping, { type: "performed", kind: "connect", result: "ok", note: "Hi" });
    expect(invited).toMatchObject({ status: "invited", nextKind: "withdraw", readyAt: NOW + 21 * DAY, stopReason: "stopped" });
    const visited = ok({ ...stopping, step: 0, nextKind: "visit" }, { type: "performed", kind: "visit", result: "ok", note: "" });
    expect(visited).toMatchObject({ status: "done", endReason: "stopped", visitedAt: NOW });
    expect(ok(stopping, { type: "released", kind: "connect", readyAt: NOW + HOUR })).toMatchObject({
      status: "done",
      endReason: "stopped",
    });
  });
});

describe("an action claimed and performed in one write (the engine's inline channels)", () => {
  // The engine does not wait for the action's log id there (src/engine/engine.ts, finish): the claim's lease must
  // never outlive the result, whatever it is.
  const kinds: ActionKind[] = ["visit", "connect", "message", "withdraw"];
  const results: ActionResult[] = ["ok", ...FAILURE_CODES];
  const start = (kind: ActionKind): EnrollmentState =>
    kind === "withdraw"
      ? states.invited
      : {
          ...states.ready,
          step: kind === "visit" ? 0 : kind === "connect" ? 1 : 2,
          nextKind: kind,
          acceptedAt: kind === "message" ? T0 : null,
        };
  for (const kind of kinds)
    it(`leaves no lease after any result of a ${kind}`, () => {
      for (const result of results) {
        let state = start(kind);
        for (const event of [
          { type: "claimed", actionId: 9 },
          { type: "performed", kind, result, note: kind === "connect" ? "Hi" : "" },
        ] as const) {
          const out = transition(state, event, scope);
          expect(out.ok, `${kind} ${result}: ${out.ok ? "" : out.error}`).toBe(true);
          if (out.ok) state = { ...state, ...out.change };
        }
        expect(state.leaseActionId, `${kind} ${result}`).toBeNull();
      }
    });
});
