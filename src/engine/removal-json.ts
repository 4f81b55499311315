/**
 * What campaign stop, campaign delete, prospects remove and account remove answer, as the CLI's --json and the
 * API give it (instants in ISO), with `summary`: the sentence the CLI prints and the dashboard shows.
 */
import { formatInstant } from "../core/time.js";
import type { RemovedRows } from "../store/store.js";
import type { AccountRemoval, EndedEnrollment, RemoveOutcome, StopOutcome } from "./removals.js";

export interface EndedJson {
  enrollmentId: number;
  campaign: string;
  /** ended: now; withdrawal: ends once its pending invitation is withdrawn, at `at`; task: once its task in flight is answered. */
  outcome: EndedEnrollment["outcome"];
  at: string | null;
}

export function endedJson(e: EndedEnrollment): EndedJson {
  return { enrollmentId: e.enrollmentId, campaign: e.campaign, outcome: e.outcome, at: e.at === null ? null : formatInstant(e.at) };
}

export function stopJson(s: StopOutcome) {
  const by = (o: EndedEnrollment["outcome"]) => s.enrollments.filter((e) => e.outcome === o);
  const withdrawals = by("withdrawal");
  const last = withdrawals.reduce<number | null>((m, e) => (e.at !== null && (m === null || e.at > m) ? e.at : m), null);
  const counts = { ended: by("ended").length, withdrawals: withdrawals.length, tasks: by("task").length, released: s.released };
  const parts = [`${counts.ended} enrollment${counts.ended === 1 ? "" : "s"} ended`];
  if (counts.withdrawals > 0)
    parts.push(
      `${counts.withdrawals} keep only the withdrawal of their pending invitation, on schedule${last !== null ? ` (the last due ${formatInstant(last)})` : ""}, then end`,
    );
  if (counts.tasks > 0) parts.push(`${counts.tasks} end when their task in flight is answered or skipped`);
  if (counts.released > 0) parts.push(`${counts.released} task${counts.released === 1 ? "" : "s"} nobody held put back unperformed`);
  const head = s.changed ? `campaign ${s.campaign.name} is stopped` : `campaign ${s.campaign.name} was stopped already`;
  const summary = `${head} (for good: it cannot be resumed; it stays listed with its history): ${parts.join("; ")}. Delete it once nothing is pending: linkpace campaign delete ${s.campaign.name}`;
  return {
    campaign: { name: s.campaign.name, status: s.campaign.status },
    changed: s.changed,
    enrollments: counts,
    lastWithdrawalAt: last === null ? null : formatInstant(last),
    summary,
  };
}

export function deleteJson(name: string, removed: RemovedRows) {
  return {
    campaign: name,
    removed,
    summary: `deleted campaign ${name}: ${removed.enrollments} enrollments, ${removed.replies} replies and ${removed.notifications} notifications removed; ${removed.logRows} log rows kept for the account's budgets, without campaign, person or text`,
  };
}

export function removeProspectJson(r: RemoveOutcome) {
  const lines = r.enrollments.map((e) => {
    switch (e.outcome) {
      case "ended":
        return `${e.campaign}: ended (removed)`;
      case "withdrawal":
        return `${e.campaign}: the pending invitation is still withdrawn on schedule${e.at !== null ? ` (${formatInstant(e.at)})` : ""}, then the enrollment ends (removed)`;
      case "task":
        return `${e.campaign}: ends (removed) when its task in flight is answered or skipped`;
      default: {
        const never: never = e.outcome;
        return never;
      }
    }
  });
  return { person: r.person, enrollments: r.enrollments.map(endedJson), summary: `removed ${r.person.url} from ${lines.join("; ")}` };
}

export function removeAccountJson(name: string, r: AccountRemoval) {
  const stopped = r.stopped.length > 0 ? `stopped ${r.stopped.join(", ")}; ` : "";
  return {
    account: name,
    stopped: r.stopped,
    removed: r.removed,
    summary: `${stopped}removed account ${name} with ${r.removed.campaigns} campaigns, ${r.removed.enrollments} enrollments and ${r.removed.logRows} log rows`,
  };
}
