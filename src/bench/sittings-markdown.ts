/** The sittings section of BENCHMARKS.md, rendered from the run alone: drip pacing against sittings, with the targets. */
import type { MachineInfo } from "./machine-info.js";
import { duration, table } from "./markdown.js";
import type { PacingResult, SittingsRun } from "./sittings.js";

const dec = (n: number, d = 2): string => n.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
const pct = (x: number): string => `${dec(100 * x, 1)}%`;

export function renderSittings(run: SittingsRun, m: MachineInfo, command: string): string {
  const w = run.workspace;
  const drip = run.results.find((r) => r.pacing === "drip") as PacingResult;
  const sit = run.results.find((r) => r.pacing === "sittings") as PacingResult;
  const perWeek = (r: PacingResult, n: number): string => dec(n / r.accountWeeks);
  const ratio = drip.accepted === 0 ? 0 : sit.accepted / drip.accepted;
  const checks: Array<[string, boolean, string]> = [
    ["at most 3 sittings per account-day", (sit.sittingsPerDay?.max ?? 0) <= 3, `most ${sit.sittingsPerDay?.max ?? 0}`],
    [
      "at least 95% of the weekly budget used where prospects allow",
      sit.budgetShareWithProspects >= 0.95,
      pct(sit.budgetShareWithProspects),
    ],
    ["acceptances at least 0.95× drip pacing's", ratio >= 0.95, `${dec(ratio)}×`],
    ["no more limit signals than drip pacing", sit.limitSignals <= drip.limitSignals, `${sit.limitSignals} against ${drip.limitSignals}`],
    ["no restriction", sit.restrictions === 0, String(sit.restrictions)],
  ];
  return [
    `Measured ${m.date} with \`${command}\`; load average at start ${m.loadAverage.join(" / ")} on ${m.cores} cores. The policy benchmark's workspace (${w.accounts} accounts, ${w.prospects.toLocaleString("en-US")} prospects, ${w.days} simulated days, seed ${w.seed}), played twice against the simulated LinkedIn with the same prospects and seed: every account on drip pacing (actions spread over the working hours, at least \`minGap\` apart), then every account on \`pacing: sittings\`, worked by a simulated person who reads the day's plan at the start of each of the sender's days and sits down at each suggested sitting (at most 30 minutes; tasks back to back, \`sittingGap\` 20 s × U(1, 1.5) apart). An interruption is a run of tasks with no gap over 10 minutes: the times a person is called to the queue. The budget share counts invitations from day 8 on (the first week visits before it invites, and young accounts warm up) against each account's weekly budget, learnt lower from LinkedIn's signal where it was.`,
    "",
    table(
      ["", "drip pacing", "sittings", "sittings / drip"],
      [
        ["account-days with tasks", String(drip.activeDays), String(sit.activeDays), ""],
        [
          "sittings per account-day (mean / most)",
          "-",
          sit.sittingsPerDay ? `${dec(sit.sittingsPerDay.mean)} / ${sit.sittingsPerDay.max}` : "-",
          "",
        ],
        [
          "interruptions per account-day (mean / most)",
          `${dec(drip.burstsPerDay.mean)} / ${drip.burstsPerDay.max}`,
          `${dec(sit.burstsPerDay.mean)} / ${sit.burstsPerDay.max}`,
          dec(sit.burstsPerDay.mean / drip.burstsPerDay.mean),
        ],
        ["tasks", String(drip.tasks), String(sit.tasks), dec(sit.tasks / drip.tasks)],
        ["invitations sent", String(drip.invites), String(sit.invites), dec(sit.invites / drip.invites)],
        ["weekly budget used after the first week, all accounts", pct(drip.budgetShare), pct(sit.budgetShare), ""],
        [
          "… accounts not warming up, with prospects left to invite",
          pct(drip.budgetShareWithProspects),
          pct(sit.budgetShareWithProspects),
          "",
        ],
        ["acceptances per account-week", perWeek(drip, drip.accepted), perWeek(sit, sit.accepted), dec(ratio)],
        ["weekly-limit signals per account-week", perWeek(drip, drip.limitSignals), perWeek(sit, sit.limitSignals), ""],
        ["restrictions per account-week", perWeek(drip, drip.restrictions), perWeek(sit, sit.restrictions), ""],
        ["simulation wall time", duration(drip.wallMs), duration(sit.wallMs), ""],
      ],
    ),
    "",
    sit.planError
      ? `The plan against what was released (sittings run): over ${sit.planError.days} account-days with tasks planned, |released − planned| / planned was ${pct(sit.planError.mean)} on average and ${pct(sit.planError.max)} at most. Messages after acceptances that come in during the day are not in the morning's plan.`
      : "",
    "",
    "Targets:",
    "",
    ...checks.map(([what, ok, got]) => `- ${ok ? "met" : "**missed**"}: ${what} (${got})`),
  ].join("\n");
}
