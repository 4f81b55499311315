/**
 * A campaign's analytics by variant (core/campaign/variants.ts): for each step of the current version that has
 * variants, each variant with what its actions got (store/variants.ts: invitations accepted, messages replied
 * to, over those decided), the rate with its 95% interval, the probability that it is the best of the step's
 * active variants, and the same split by the campaign's version. Variants no longer in the document (edited or
 * removed) are listed too, as `retired`, since their actions were sent.
 */
import { variantKey, variantName } from "../core/campaign/variants.js";
import { probabilityBest, type ArmStats } from "../core/learning/bandit.js";
import { rateInterval } from "../core/learning/beta.js";
import type { ActionKind, TextVariant } from "../core/model.js";
import type { Instant } from "../core/time.js";
import type { CampaignRow, Store, VariantTally } from "../store/store.js";
import { DECIDE_INVITATION_AFTER, DECIDE_MESSAGE_AFTER, variantsOf } from "./variants.js";

export interface VariantCounts {
  sent: number;
  decided: number;
  /** Invitations accepted, or messages replied to. */
  successes: number;
}

export interface VariantReport extends VariantCounts {
  name: string;
  /** Name and text hash: a variant whose text was edited is another one. */
  key: string;
  /** `active`: sent now; `paused` by hand; `retired`: no longer in the document. */
  state: "active" | "paused" | "retired";
  /** Found best with autoWinner: the only one sent while it is active. */
  winner: boolean;
  rate: number | null;
  low: number | null;
  high: number | null;
  /** Among the step's active variants; null for the others. */
  probabilityBest: number | null;
  byVersion: Array<VariantCounts & { version: number | null }>;
}

export interface StepVariants {
  step: number;
  kind: Extract<ActionKind, "connect" | "message">;
  /** What a success is for this step. */
  outcome: "accepted" | "replied";
  variants: VariantReport[];
}

export async function variantAnalytics(store: Store, campaign: CampaignRow, now: Instant): Promise<StepVariants[]> {
  const winners = await store.variantWinners(campaign.id);
  const tallies: Record<"connect" | "message", VariantTally[] | null> = { connect: null, message: null };
  const out: StepVariants[] = [];
  const shown = new Set<string>();
  for (const [step, s] of campaign.doc.steps.entries()) {
    const variants = variantsOf(s);
    if (variants === null || (s.kind !== "connect" && s.kind !== "message")) continue;
    const kind = s.kind;
    const decideAfter = kind === "connect" ? DECIDE_INVITATION_AFTER : DECIDE_MESSAGE_AFTER;
    const mine = (tallies[kind] ??= await store.variantTallies(campaign.id, kind, { now, decideAfter }));
    const reports = variants.map((v) => report(v, mine, winners));
    for (const r of reports) shown.add(`${kind}:${r.key}`);
    out.push({ step, kind, outcome: kind === "connect" ? "accepted" : "replied", variants: withProbabilities(reports) });
  }
  // Variants sent earlier and no longer in the document, under the first step of their kind that has variants.
  for (const kind of ["connect", "message"] as const) {
    const target = out.find((o) => o.kind === kind);
    if (!target) continue;
    const keys = [...new Set((tallies[kind] ?? []).map((t) => t.variant))].filter((k) => !shown.has(`${kind}:${k}`));
    for (const key of keys)
      target.variants.push({ ...report({ name: variantName(key), text: null }, tallies[kind] ?? [], winners, key), state: "retired" });
  }
  return out;
}

function report(v: TextVariant, tallies: readonly VariantTally[], winners: readonly string[], known?: string): VariantReport {
  const key = known ?? variantKey(v);
  const mine = tallies.filter((t) => t.variant === key);
  const sum = (f: keyof VariantCounts) => mine.reduce((n, t) => n + t[f], 0);
  const counts = { sent: sum("sent"), decided: sum("decided"), successes: sum("successes") };
  const interval = counts.decided > 0 ? rateInterval(counts.successes, counts.decided) : null;
  return {
    name: v.name,
    key,
    state: v.paused === true ? "paused" : "active",
    winner: winners.includes(key),
    ...counts,
    rate: interval?.rate ?? null,
    low: interval?.low ?? null,
    high: interval?.high ?? null,
    probabilityBest: null,
    byVersion: mine.map((t) => ({ version: t.version, sent: t.sent, decided: t.decided, successes: t.successes })),
  };
}

function withProbabilities(reports: VariantReport[]): VariantReport[] {
  const active = reports.filter((r) => r.state === "active");
  if (active.length < 2) return reports.map((r) => (r.state === "active" ? { ...r, probabilityBest: 1 } : r));
  const arms: ArmStats[] = active.map((r) => ({ name: r.key, sent: r.sent, decided: r.decided, successes: r.successes, active: true }));
  const p = probabilityBest(arms);
  return reports.map((r) => (r.state === "active" ? { ...r, probabilityBest: p.get(r.key) ?? 0 } : r));
}
