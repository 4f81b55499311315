/**
 * `linkpace campaign stats NAME [--json]`: a campaign's funnel, its variants (each with its rate, 95% interval
 * and probability of being best), its versions and its invitations by the recipient's hour, as the dashboard's
 * campaign page shows them (GET /v1/analytics/campaigns/{name} answers the same JSON).
 */
import type { Command } from "commander";
import type { App } from "../../app.js";
import { emit, withApp, type GlobalOptions } from "../shell.js";

type Stats = Awaited<ReturnType<App["campaignStats"]>>;

export function registerCampaignStats(campaign: Command): void {
  campaign
    .command("stats <name>")
    .description("a campaign's funnel, variants (rate, 95% interval, probability of being best), versions and hours (docs/variants.md)")
    .option("--json")
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withApp(g, async (app) => {
        emit(g, { stats: await app.campaignStats(name) }, (d) => renderStats(d.stats));
      });
    });
}

const pct = (r: number | null): string => (r === null ? "   –  " : `${(100 * r).toFixed(1).padStart(5)}%`);

export function renderStats(s: Stats): string {
  const lines = [`campaign ${s.campaign}`, "", "funnel"];
  for (const f of s.funnel) lines.push(`  ${f.stage.padEnd(10)} ${String(f.count).padStart(7)}  ${f.rate === null ? "" : pct(f.rate)}`);
  for (const step of s.variants) {
    lines.push("", `step ${step.step + 1} (${step.kind}): variants, ${step.outcome} over decided`);
    lines.push(
      `  ${"variant".padEnd(16)} ${"state".padEnd(8)} ${"sent".padStart(6)} ${"decided".padStart(7)} ${step.outcome.padStart(8)}   rate   95% interval    P(best)`,
    );
    for (const v of step.variants) {
      const interval = v.low === null || v.high === null ? "      –       " : `${pct(v.low)}–${pct(v.high).trim()}`;
      const best = v.probabilityBest === null ? "" : `${(100 * v.probabilityBest).toFixed(0).padStart(5)}%`;
      const state = v.winner ? "winner" : v.state;
      lines.push(
        `  ${v.name.padEnd(16)} ${state.padEnd(8)} ${String(v.sent).padStart(6)} ${String(v.decided).padStart(7)} ${String(v.successes).padStart(8)} ${pct(v.rate)}  ${interval.padEnd(14)} ${best}`,
      );
    }
  }
  if (s.versions.length > 1) {
    lines.push("", "versions");
    for (const v of s.versions)
      lines.push(
        `  v${v.version} from ${v.from}: ${v.sent.connect} invitations, ${v.accepted} accepted, ${v.sent.message} messages, ${v.replied} replies`,
      );
  }
  lines.push("", "invitations by the recipient's hour (accepted over decided; learnt across the workspace)");
  for (const h of s.byHour.filter((x) => x.invited > 0))
    lines.push(
      `  ${String(h.hour).padStart(2, "0")}:00  ${String(h.invited).padStart(6)} sent  ${pct(h.rate)} of ${String(h.decided).padEnd(6)} learnt ${pct(h.learned)}`,
    );
  return lines.join("\n");
}
