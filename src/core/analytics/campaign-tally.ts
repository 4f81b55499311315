/**
 * A campaign's outcomes, tallied one enrollment at a time (a campaign may hold 200,000 of them, read a page at
 * a time). Acceptance counts only decided invitations (core/acceptance.ts: accepted, declined, withdrawn, or
 * pending 21 days by `now`), and no rate passes 100%; `base` is what a rate is over.
 *
 * - funnel: enrolled → visited → invited → accepted → messaged → replied, each stage counting the enrollments
 *   that got there (a date on record). `accepted`'s rate is the acceptance of the decided invitations; any other
 *   stage's is over the previous stage the campaign has, together with those who got to this stage without it
 *   (a connection skips the invitation; a note can be answered before any message). A campaign without a visit
 *   step measures invitations against enrollments, and a stage the campaign has no step for (visited,
 *   messaged) has no rate;
 * - bySteps: per step, how many enrollments reached it (step-progress.ts) and how many of those got its
 *   outcome: a visit visited, an invitation accepted, a reply after that message, a withdrawal. The rate is over
 *   what the step sent: a connect's decided invitations, a message step's messages; a visit's is over reached;
 * - byHour: invitations by the hour of the recipient's day they were sent at (the enrollment's zone), and the
 *   acceptance of the decided ones.
 */
import { invitationOutcome, type InvitationOutcome } from "../acceptance.js";
import type { CampaignDoc, StepKind } from "../model.js";
import { localMinuteOfDay } from "../schedule/index.js";
import type { Instant } from "../time.js";
import { ratio } from "./account-days.js";
import { hasPerformed, hasReached, messageRank, messagesBeforeReply, type EnrollmentFacts } from "./step-progress.js";

export const FUNNEL_STAGES = ["enrolled", "visited", "invited", "accepted", "messaged", "replied"] as const;
export type FunnelStageName = (typeof FUNNEL_STAGES)[number];

export type StepOutcome = "visited" | "accepted" | "replied" | "withdrawn";

export interface FunnelStage {
  stage: FunnelStageName;
  count: number;
  /** What the rate is over; null with the rate. */
  base: number | null;
  rate: number | null;
}

export interface StepCount {
  step: number;
  kind: StepKind;
  reached: number;
  outcome: StepOutcome;
  outcomeCount: number;
  /** What the rate is over: decided invitations (connect), messages sent (message), else reached. */
  base: number;
  rate: number | null;
}

export interface HourCount {
  /** 0-23, in the recipient's zone. */
  hour: number;
  invited: number;
  accepted: number;
  decided: number;
  rate: number | null;
}

export interface CampaignOutcomes {
  funnel: FunnelStage[];
  bySteps: StepCount[];
  byHour: HourCount[];
}

type StageCounts = Record<FunnelStageName, number>;

const OUTCOME: Record<StepKind, StepOutcome> = { visit: "visited", connect: "accepted", message: "replied", withdraw: "withdrawn" };

/** The step kinds a stage needs; enrolled and replied belong to every campaign (a note can be answered too). */
const STAGE_NEEDS: Record<FunnelStageName, StepKind | null> = {
  enrolled: null,
  visited: "visit",
  invited: "connect",
  accepted: "connect",
  messaged: "message",
  replied: null,
};

const zeroStages = (): StageCounts => ({ enrolled: 0, visited: 0, invited: 0, accepted: 0, messaged: 0, replied: 0 });

/** The stages an enrollment got to. */
function stagesOf(e: EnrollmentFacts): Record<FunnelStageName, boolean> {
  return {
    enrolled: true,
    visited: e.visitedAt !== null,
    invited: e.invitedAt !== null,
    accepted: e.acceptedAt !== null,
    messaged: e.messagesSent > 0,
    replied: e.repliedAt !== null,
  };
}

/** Each stage's previous stage among those the campaign has (null: the first, or a stage it has no step for). */
function previousStages(doc: CampaignDoc): Record<FunnelStageName, FunnelStageName | null> {
  const kinds = new Set(doc.steps.map((s) => s.kind));
  const out = {} as Record<FunnelStageName, FunnelStageName | null>;
  let last: FunnelStageName | null = null;
  for (const stage of FUNNEL_STAGES) {
    const needs = STAGE_NEEDS[stage];
    const has = needs === null || kinds.has(needs);
    out[stage] = has ? last : null;
    if (has) last = stage;
  }
  return out;
}

export class CampaignTally {
  private readonly stages = zeroStages();
  /** Per stage, the enrollments that got there without the previous stage the campaign has. */
  private readonly joined = zeroStages();
  private decided = 0;
  private readonly previous: Record<FunnelStageName, FunnelStageName | null>;
  private readonly steps: StepCount[];
  private readonly hours: HourCount[] = Array.from({ length: 24 }, (_, hour) => ({
    hour,
    invited: 0,
    accepted: 0,
    decided: 0,
    rate: null,
  }));

  /** `now`: when the tally is made (an invitation pending 21 days by then counts as not accepted). */
  constructor(
    private readonly doc: CampaignDoc,
    private readonly now: Instant,
  ) {
    this.previous = previousStages(doc);
    this.steps = doc.steps.map((s, step) => ({
      step,
      kind: s.kind,
      reached: 0,
      outcome: OUTCOME[s.kind],
      outcomeCount: 0,
      base: 0,
      rate: null,
    }));
  }

  /** Counts one enrollment; `messageTimes`: when its messages were sent, from the log, if it needs them. */
  add(e: EnrollmentFacts, messageTimes?: readonly Instant[]): void {
    const got = stagesOf(e);
    for (const stage of FUNNEL_STAGES) {
      if (!got[stage]) continue;
      this.stages[stage]++;
      const previous = this.previous[stage];
      if (previous !== null && !got[previous]) this.joined[stage]++;
    }
    let invitation: InvitationOutcome | null = null;
    if (e.invitedAt !== null) {
      invitation = invitationOutcome({ ...e, invitedAt: e.invitedAt }, this.now);
      if (invitation !== "undecided") this.decided++;
      this.addHour(e, e.invitedAt, invitation);
    }
    const repliedAfter = messagesBeforeReply(e, messageTimes);
    for (const count of this.steps) {
      if (!hasReached(this.doc, e, count.step)) continue;
      count.reached++;
      if (this.hasOutcome(e, count, repliedAfter)) count.outcomeCount++;
      if (this.isInBase(e, count, invitation)) count.base++;
    }
  }

  result(): CampaignOutcomes {
    return {
      funnel: this.funnel(),
      bySteps: this.steps.map((c) => ({ ...c, rate: ratio(c.outcomeCount, c.base) })),
      byHour: this.hours.map((h) => ({ ...h, rate: ratio(h.accepted, h.decided) })),
    };
  }

  private addHour(e: EnrollmentFacts, invitedAt: Instant, invitation: InvitationOutcome): void {
    const hour = this.hours[Math.floor(localMinuteOfDay(e.prospectTz, invitedAt) / 60)] as HourCount;
    hour.invited++;
    if (invitation !== "undecided") hour.decided++;
    if (invitation === "accepted") hour.accepted++;
  }

  private hasOutcome(e: EnrollmentFacts, count: StepCount, repliedAfter: number | null): boolean {
    switch (count.kind) {
      case "visit":
        return hasPerformed(this.doc, e, count.step);
      case "connect":
        return e.acceptedAt !== null;
      case "message":
        return repliedAfter !== null && repliedAfter === messageRank(this.doc, count.step);
      case "withdraw":
        return e.withdrawnAt !== null;
      default: {
        const never: never = count.kind;
        return never;
      }
    }
  }

  /** Whether a reached step's rate counts this enrollment: what the step sent, and for an invitation, once decided. */
  private isInBase(e: EnrollmentFacts, count: StepCount, invitation: InvitationOutcome | null): boolean {
    switch (count.kind) {
      case "connect":
        return invitation !== null && invitation !== "undecided";
      case "message":
        return e.messagesSent >= messageRank(this.doc, count.step);
      case "visit":
      case "withdraw":
        return true;
      default: {
        const never: never = count.kind;
        return never;
      }
    }
  }

  private funnel(): FunnelStage[] {
    return FUNNEL_STAGES.map((stage) => {
      const count = this.stages[stage];
      const previous = this.previous[stage];
      if (previous === null) return { stage, count, base: null, rate: null };
      const base = stage === "accepted" ? this.decided : this.stages[previous] + this.joined[stage];
      return { stage, count, base, rate: ratio(count, base) };
    });
  }
}

/** The tally of a whole list at once. */
export function campaignOutcomes(
  doc: CampaignDoc,
  enrollments: Iterable<EnrollmentFacts>,
  now: Instant,
  messageTimes: ReadonlyMap<number, readonly Instant[]> = new Map(),
): CampaignOutcomes {
  const tally = new CampaignTally(doc, now);
  for (const e of enrollments) tally.add(e, messageTimes.get(e.id));
  return tally.result();
}
