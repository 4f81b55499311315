export { accountDays, ratio, type DayCount, type InvitationFacts } from "./account-days.js";
export {
  CampaignTally,
  campaignOutcomes,
  FUNNEL_STAGES,
  type CampaignOutcomes,
  type FunnelStage,
  type HourCount,
  type StepCount,
  type StepOutcome,
} from "./campaign-tally.js";
export {
  furthestStep,
  hasPerformed,
  hasReached,
  messageRank,
  messagesBeforeReply,
  needsMessageTimes,
  type EnrollmentFacts,
} from "./step-progress.js";
