/**
 * `linkpace plan [--account NAME] [--days 7] [--max-sitting 30] [--json]`: per account, what the engine expects
 * to release today and on the coming days, by hour of the sender's day, and the suggested sittings (a forecast
 * from the governor and the queue: engine/plan/).
 */
import type { Command } from "commander";
import { LinkpaceError } from "../../core/errors.js";
import { MINUTE } from "../../core/time.js";
import { DEFAULT_PLAN_DAYS, MAX_PLAN_DAYS } from "../../engine/plan/plan.js";
import { planFor, type AccountPlanJson, type PlanJson } from "../../engine/plan/plan-json.js";
import { emit, withApp, type GlobalOptions } from "../shell.js";

export function registerPlanCommand(program: Command): void {
  program
    .command("plan")
    .description(
      "what linkpace expects to hand out today and on the coming days, by hour, and when to sit down for it (suggested sittings)",
    )
    .option("--account <name>", "only this account")
    .option("--days <n>", `today and the days after it (1-${MAX_PLAN_DAYS})`, String(DEFAULT_PLAN_DAYS))
    .option("--max-sitting <minutes>", "the longest suggested sitting", "30")
    .option("--json", "print the plan as JSON")
    .addHelpText(
      "after",
      "\nThe plan is the engine's own forecast, as if every action succeeds: acceptances and replies that come in add\n" +
        "messages it cannot know of yet. Times are the sender's. Accounts whose pacing is `sittings` get suggested\n" +
        "sittings (start one with `linkpace work`, the dashboard or the browser companion); `drip` accounts get their\n" +
        "expected releases only. More in docs/sittings.md.",
    )
    .action(async (opts: { account?: string; days: string; maxSitting: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const days = wholeNumber("--days", opts.days, 1, MAX_PLAN_DAYS);
      const maxSitting = wholeNumber("--max-sitting", opts.maxSitting, 5, 240);
      await withApp(g, async (app) => {
        const plan = await planFor(app, {
          ...(opts.account !== undefined ? { account: opts.account } : {}),
          days,
          maxSitting: maxSitting * MINUTE,
        });
        emit(g, plan, renderPlan);
      });
    });
}

function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new LinkpaceError("invalid_input", `${flag}: expected a whole number from ${min} to ${max} (got "${text}")`);
  return n;
}

export function renderPlan(plan: PlanJson): string {
  if (plan.accounts.length === 0) return "no accounts yet: add one with linkpace account add";
  return plan.accounts.map(renderAccount).join("\n\n");
}

function renderAccount(a: AccountPlanJson): string {
  const lines = [`${a.account} (${a.timezone}, pacing ${a.pacing})`];
  if (a.sitting) lines.push(`  a sitting is open until ${a.sitting.until.slice(11, 16)} UTC; ${a.dueNow} tasks left for it`);
  else if (a.pacing === "sittings") lines.push(`  ${a.dueNow} tasks would come now if you started a sitting`);
  for (const [i, d] of a.days.entries()) {
    const kinds = Object.entries(d.byKind)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${n} ${k}${n === 1 ? "" : "s"}`)
      .join(", ");
    lines.push(`  ${d.date}${i === 0 ? " (today)" : ""}: ${d.total === 0 ? "nothing" : `${d.total} tasks (${kinds})`}`);
    for (const s of d.sittings) lines.push(`    sitting ${s.local}  ${s.tasks} tasks${s.label ? ` for ${s.label}` : ""}`);
    if (a.pacing === "drip" && d.byHour.length > 0)
      lines.push(`    by hour: ${d.byHour.map((h) => `${String(h.hour).padStart(2, "0")}h ${h.count}`).join(", ")}`);
  }
  return lines.join("\n");
}
