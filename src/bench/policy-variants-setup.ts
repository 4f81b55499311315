/**
 * The known truth of the policy benchmark's second part ("Policy with variants"): two note variants, how much
 * better one is than the other in each workspace, and when in the day people accept. The bench knows it (it sets
 * it), so it can say how much each policy lost by sending the weaker variant (regret); linkpace never reads it.
 *
 * A variant's true acceptance is the probability that an invitation with that note, reaching its recipient on a
 * weekday inside the campaigns' window (09:00-17:00 of the recipient's zone), is accepted, averaged over the
 * window's hours. The simulator multiplies an account's base `acceptance` by its business-hours factor (1.25),
 * its note factor (1.3), the variant's `variantQuality` and the hour curve's factor; so an account with base b
 * gets quality(v) = rate(v) / (b × 1.25 × 1.3 × mean of the hour curve over 09:00-17:00). With the curve below
 * that mean is 1, and every account, whatever its base, has the same true rate per variant.
 */
import { BUSINESS_HOURS_FACTOR, NOTE_FACTOR } from "../channels/simulator/rules.js";
import type { TextVariant } from "../core/model.js";
import type { WorkspaceVariants } from "./policy-workspace.js";

/** Both render for every generated prospect (company has a default); the longer one fits 200 characters. */
export const NOTE_VARIANTS: TextVariant[] = [
  { name: "short", text: "Hi {{ firstName }}, happy to connect!" },
  {
    name: "warm",
    text: "Hi {{ firstName }}, I work with teams like {{ company | default: 'yours' }} on outreach and would value your view on it. Happy to connect!",
  },
];

/**
 * Acceptance by the recipient's local hour (index = hour): low at night, 0.6 at 07:00 and 18:00, best at 10:00
 * and 14:00 (1.2), 0.8 at 12:00 and 16:00; over the campaigns' 09:00-17:00 it averages 1 and moves ±20%.
 */
export const HOUR_CURVE: number[] = [
  0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.5, 0.6, 0.8, 0.9, 1.2, 1.1, 0.8, 0.9, 1.2, 1.1, 0.8, 0.7, 0.6, 0.5, 0.4, 0.4, 0.4, 0.4,
];

/** The campaigns' window, in the recipient's hours: [09:00, 17:00). */
const WINDOW_HOURS = [9, 10, 11, 12, 13, 14, 15, 16];

export interface VariantsScenario {
  id: string;
  label: string;
  /** Each variant's true acceptance (see the header), by name. */
  trueRates: Record<string, number>;
}

export const VARIANT_SCENARIOS: VariantsScenario[] = [
  { id: "differ", label: "variants differ", trueRates: { short: 0.25, warm: 0.35 } },
  { id: "equal", label: "variants equal", trueRates: { short: 0.3, warm: 0.3 } },
];

export function windowMean(curve: readonly number[]): number {
  return WINDOW_HOURS.reduce((s, h) => s + (curve[h] ?? 1), 0) / WINDOW_HOURS.length;
}

/** The `variantQuality` that gives an account of base acceptance `base` the scenario's true rates. */
export function variantQuality(s: VariantsScenario, base: number): Record<string, number> {
  const reference = base * BUSINESS_HOURS_FACTOR * NOTE_FACTOR * windowMean(HOUR_CURVE);
  return Object.fromEntries(Object.entries(s.trueRates).map(([name, rate]) => [name, rate / reference]));
}

export function workspaceVariants(s: VariantsScenario): WorkspaceVariants {
  return {
    notes: NOTE_VARIANTS.map((v) => ({ ...v })),
    quality: (base) => variantQuality(s, base),
    hourCurve: { "*": [...HOUR_CURVE] },
  };
}

/** Regret of invitations sent per variant: each costs (best true rate − its own); total and per variant. */
export function regretOf(
  sentByVariant: Record<string, number>,
  trueRates: Record<string, number>,
): { total: number; byVariant: Record<string, number> } {
  const best = Math.max(...Object.values(trueRates));
  const byVariant: Record<string, number> = {};
  let total = 0;
  for (const [name, sent] of Object.entries(sentByVariant)) {
    const rate = trueRates[name];
    if (rate === undefined) throw new Error(`policy variants: no true rate for variant ${name}`);
    byVariant[name] = sent * (best - rate);
    total += byVariant[name];
  }
  return { total, byVariant };
}
