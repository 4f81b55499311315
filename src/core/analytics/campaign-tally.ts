/**
 * A campaign's outcomes, tallied one enrollment at a time (a campaign may hold 200,000 of them, read a page at
 * a time):
 *
 * - funnel: enrolled → visited → invited → accepted → messaged → replied, each stage counting the enrollments
 *   that got there (a date on record), with its rate over the previous stage the campaign has: a campaign
 *   without a visit step measures invitations against enrollments, and a stage the campaign has no step for
 *   (visited, messaged) has no rate;
 * - bySteps: per step, how many enrollments reached it (step-progress.ts) and how many of those got its
 *   outcome: a visit visited, an invitation accepted, a reply after that message, a withdrawal;
 * - byHour: invitations by the hour of the recipient's day they were sent at (the enrollment's zone), and how
 *   many of them were accepted.
 */
import type { CampaignDoc, StepKind } from "../model.js";
import { localMinuteOfDay } from "../schedule/index.js";
import type { Instant } from "../time.js";
import { ratio } from "./account-days.js";
import { hasPerformed, hasReached, messagesBeforeReply, type EnrollmentFacts } from "./step-progress.js";

export const FUNNEL_STAGES = ["enrolled", "visited", "invited", "accepted", "messaged", "replied"] as const;
export type FunnelStageName = (typeof FUNNEL_STAGES)[number];

export type StepOutcome = "visited" | "accepted" | "replied" | "withdrawn";

export interface FunnelStage {
  stage: FunnelStageName;
  count: number;
  rate: number | null;
}

export interface StepCount {
  step: number;
  kind: StepKind;
  reached: number;
  outcome: StepOutcome;
  outcomeCount: number;
  rate: number | null;
}

export interface HourCount {
  /** 0-23, in the recipient's zone. */
  hour: number;
  invited: number;
  accepted: number;
  rate: number | null;
}

export interface CampaignOutcomes {
  funnel: FunnelStage[];
  bySteps: StepCount[];
  byHour: HourCount[];
}

const OUTCOME: Record<StepKind, StepOutcome> = { visit: "visited", connect: "accepted", message: "replied", withdraw: "withdrawn" };

/** The step kinds a stage needs; enrolled and replied belong to every campaign (a note can be answered too). */
const STAGE_NEEDS: Record<FunnelStageName, StepKind | null> = { enrolled: null, visited: "visit", invited: "connect", accepted: "connect", messaged: "message", replied: null };

export class CampaignTally {
  private readonly stages: Record<FunnelStageName, number> = { enrolled: 0, visited: 0, invited: 0, accepted: 0, messaged: 0, replied: 0 };
  private readonly steps: StepCount[];
  private readonly hours: HourCount[] = Array.from({ length: 24 }, (_, hour) => ({ hour, invited: 0, accepted: 0, rate: null }));
  /** For each step, its 1-based rank among the campaign's message steps (0 for other kinds). */
  private readonly messageRank: number[];

  constructor(private readonly doc: CampaignDoc) {
    this.steps = doc.steps.map((s, step) => ({ step, kind: s.kind, reached: 0, outcome: OUTCOME[s.kind], outcomeCount: 0, rate: null }));
    let rank = 0;
    this.messageRank = doc.steps.map((s) => (s.kind === "message" ? ++rank : 0));
  }

  /** Counts one enrollment; `messageTimes`: when its messages were sent, from the log, if it needs them. */
  add(e: EnrollmentFacts, messageTimes?: readonly Instant[]): void {
    const s = this.stages;
    s.enrolled++;
    if (e.visitedAt !== null) s.visited++;
    if (e.invitedAt !== null) s.invited++;
    if (e.acceptedAt !== null) s.accepted++;
    if (e.messagesSent > 0) s.messaged++;
    if (e.repliedAt !== null) s.replied++;
    if (e.invitedAt !== null) {
      const hour = this.hours[Math.floor(localMinuteOfDay(e.prospectTz, e.invitedAt) / 60)] as HourCount;
      hour.invited++;
      if (e.acceptedAt !== null) hour.accepted++;
    }
    const repliedAfter = messagesBeforeReply(e, messageTimes);
    for (const count of this.steps) {
      if (!hasReached(this.doc, e, count.step)) continue;
      count.reached++;
      if (this.hasOutcome(e, count, repliedAfter)) count.outcomeCount++;
    }
  }

  result(): CampaignOutcomes {
    return {
      funnel: this.funnel(),
      bySteps: this.steps.map((c) => ({ ...c, rate: ratio(c.outcomeCount, c.reached) })),
      byHour: this.hours.map((h) => ({ ...h, rate: ratio(h.accepted, h.invited) })),
    };
  }

  private hasOutcome(e: EnrollmentFacts, count: StepCount, repliedAfter: number | null): boolean {
    switch (count.kind) {
      case "visit":
        return hasPerformed(this.doc, e, count.step);
      case "connect":
        return e.acceptedAt !== null;
      case "message":
        return repliedAfter !== null && repliedAfter === this.messageRank[count.step];
      case "withdraw":
        return e.withdrawnAt !== null;
      default: {
        const never: never = count.kind;
        return never;
      }
    }
  }

  private funnel(): FunnelStage[] {
    const kinds = new Set(this.doc.steps.map((s) => s.kind));
    const has = (stage: FunnelStageName): boolean => {
      const needs = STAGE_NEEDS[stage];
      return needs === null || kinds.has(needs);
    };
    let previous: number | null = null;
    return FUNNEL_STAGES.map((stage) => {
      const count = this.stages[stage];
      if (!has(stage)) return { stage, count, rate: null };
      const rate = previous === null ? null : ratio(count, previous);
      previous = count;
      return { stage, count, rate };
    });
  }
}

/** The tally of a whole list at once. */
export function campaignOutcomes(doc: CampaignDoc, enrollments: Iterable<EnrollmentFacts>, messageTimes: ReadonlyMap<number, readonly Instant[]> = new Map()): CampaignOutcomes {
  const tally = new CampaignTally(doc);
  for (const e of enrollments) tally.add(e, messageTimes.get(e.id));
  return tally.result();
}
