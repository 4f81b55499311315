/** Matching a campaign's steps across an update (core/campaign/step-map.ts) and carrying enrollments over (campaign_updated). */
import { describe, expect, it } from "vitest";
import { mapSteps, stepAfter } from "../../../src/core/campaign/step-map.js";
import { draftEnrollment, transition, type EnrollmentState, type TransitionScope } from "../../../src/core/enrollment/transition.js";
import type { CampaignDoc, CampaignStep } from "../../../src/core/model.js";
import { DAY } from "../../../src/core/time.js";
import { campaignDoc } from "../../support/docs.js";

const visit: CampaignStep = { kind: "visit", after: 0 };
const connect: CampaignStep = { kind: "connect", after: DAY, note: "Hi", noteFallback: "blank", withdrawAfter: 21 * DAY };
const m = (text: string, after = 2 * DAY): CampaignStep => ({ kind: "message", after, text });

describe("mapSteps", () => {
  it("keeps a step whose text or delay changed, by kind and order", () => {
    expect(mapSteps([visit, connect, m("a")], [visit, connect, m("b", 3 * DAY)]).map).toEqual([0, 1, 2]);
  });
  it("a removed step from the middle leaves the same steps matched, and the person there goes on with the next", () => {
    const map = mapSteps([visit, connect, m("a"), m("b"), m("c")], [visit, connect, m("a"), m("c")]);
    expect(map.map).toEqual([0, 1, 2, null, 3]);
    expect(stepAfter(map, 3)).toEqual({ step: 3, kept: false });
    expect(stepAfter(map, 4)).toEqual({ step: 3, kept: true });
  });
  it("an added step matches nothing; a removed first step sends its people to the new first", () => {
    const map = mapSteps([visit, connect, m("a")], [connect, m("x"), m("a")]);
    expect(map.map).toEqual([null, 0, 2]);
    expect(map.added).toEqual([1]);
    expect(stepAfter(map, 0)).toEqual({ step: 0, kept: false });
  });
});

describe("campaign_updated", () => {
  const T0 = 1_000 * DAY;
  const NOW = T0 + 5 * DAY;
  const previous = campaignDoc({ steps: [visit, connect, m("a"), m("b", 4 * DAY)] });
  const scopeOf = (campaign: CampaignDoc): TransitionScope => ({ campaign, reachable: (_k, from) => from, now: NOW });
  const apply = (state: EnrollmentState, next: CampaignDoc, connected = true) => {
    const out = transition(
      state,
      { type: "campaign_updated", previous, map: mapSteps(previous.steps, next.steps), connected },
      scopeOf(next),
    );
    if (!out.ok) throw new Error(out.error);
    return { ...state, ...out.change };
  };
  const waiting = (step: number): EnrollmentState => ({
    ...draftEnrollment(T0),
    step,
    nextKind: "message",
    readyAt: T0 + 10 * DAY,
    acceptedAt: T0,
  });

  it("someone waiting at a removed step goes on with the next one, due after its own delay", () => {
    const next = campaignDoc({ steps: [visit, connect, m("b", 4 * DAY)] });
    expect(apply(waiting(2), next)).toMatchObject({
      status: "ready",
      step: 2,
      nextKind: "message",
      readyAt: T0 + 4 * DAY > NOW ? T0 + 4 * DAY : NOW,
    });
  });
  it("a changed delay plans readyAt again from the step's base; an unchanged step keeps its readyAt", () => {
    expect(apply(waiting(3), campaignDoc({ steps: [visit, connect, m("a"), m("b", 9 * DAY)] }))).toMatchObject({
      step: 3,
      readyAt: T0 + 9 * DAY,
    });
    expect(apply(waiting(3), campaignDoc({ steps: [visit, connect, m("a!"), m("b", 4 * DAY)] }))).toMatchObject({
      step: 3,
      readyAt: T0 + 10 * DAY,
    });
  });
  it("an added step before the last is next for someone who had not reached it", () => {
    const next = campaignDoc({ steps: [visit, connect, m("new"), m("a"), m("b", 4 * DAY)] });
    expect(apply(waiting(2), next)).toMatchObject({ step: 3 });
  });
  it("removing the last step waited for completes the enrollment", () => {
    expect(apply(waiting(3), campaignDoc({ steps: [visit, connect, m("a")] }))).toMatchObject({ status: "done", endReason: "completed" });
  });
  it("a pending invitation keeps its withdrawal, planned again when withdrawAfter changes", () => {
    const invited: EnrollmentState = {
      ...draftEnrollment(T0),
      status: "invited",
      step: 2,
      nextKind: "withdraw",
      readyAt: T0 + 21 * DAY,
      invitedAt: T0,
    };
    const sooner = campaignDoc({ steps: [visit, { ...connect, withdrawAfter: 14 * DAY }, m("a")] });
    expect(apply(invited, sooner, false)).toMatchObject({ status: "invited", step: 2, nextKind: "withdraw", readyAt: T0 + 14 * DAY });
    const noVisit = campaignDoc({ steps: [connect, m("a")] });
    expect(apply(invited, noVisit, false)).toMatchObject({ status: "invited", step: 1, nextKind: "withdraw", readyAt: T0 + 21 * DAY });
  });
  it("an action in flight follows its step's new index, and cannot lose its step", () => {
    const flying: EnrollmentState = { ...waiting(2), status: "in_flight", leaseActionId: 4 };
    expect(apply(flying, campaignDoc({ steps: [connect, m("a"), m("b", 4 * DAY)] }))).toMatchObject({ status: "in_flight", step: 1 });
    const out = transition(
      flying,
      { type: "campaign_updated", previous, map: mapSteps(previous.steps, [visit, connect, m("b", 4 * DAY)]), connected: true },
      scopeOf(campaignDoc({ steps: [visit, connect, m("b", 4 * DAY)] })),
    );
    expect(out.ok).toBe(false);
  });
});
