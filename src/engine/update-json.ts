/**
 * What campaign update answers, as the CLI's --json and the API give it, with `summary`: the sentence the CLI
 * prints and the dashboard shows.
 */
import type { UpdateOutcome } from "./update-campaign.js";

export function updateJson(u: UpdateOutcome) {
  const { enrollments: n, unsendable } = u;
  const name = u.campaign.name;
  const s = (k: number) => (k === 1 ? "" : "s");
  const steps = u.steps.filter((x) => x.change !== "same");
  const stepText =
    steps.length === 0
      ? "no step changed"
      : steps
          .map((x) =>
            x.change === "added"
              ? `step ${(x.to as number) + 1} (${x.kind}) added`
              : x.change === "removed"
                ? `step ${(x.from as number) + 1} (${x.kind}) removed`
                : `step ${(x.from as number) + 1} (${x.kind}) changed${x.to !== x.from ? `, now step ${(x.to as number) + 1}` : ""}`,
          )
          .join(", ");
  const people = `${n.total} enrollment${s(n.total)} in progress: ${n.moved} moved to another step, ${n.replanned} re-planned, ${n.ended} ended, ${n.released} task${s(n.released)} put back`;
  const texts =
    unsendable.count === 0
      ? "every changed text renders for everyone still to get it"
      : `${unsendable.count} text${s(unsendable.count)} would not be sendable (listed)`;
  const head = !u.changed
    ? `campaign ${name} is unchanged (version ${u.previousVersion})`
    : u.dryRun
      ? `dry run: campaign ${name} would become version ${u.campaign.version}`
      : `campaign ${name} is now version ${u.campaign.version}`;
  return {
    campaign: { name, version: u.campaign.version, previousVersion: u.previousVersion },
    changed: u.changed,
    dryRun: u.dryRun,
    steps: u.steps,
    enrollments: n,
    unsendable: {
      count: unsendable.count,
      listed: unsendable.listed.map((x) => ({ enrollmentId: x.enrollmentId, profile: x.profile, step: x.step + 1, reason: x.reason })),
    },
    summary: u.changed ? `${head}: ${stepText}; ${people}; ${texts}.` : `${head}.`,
  };
}
