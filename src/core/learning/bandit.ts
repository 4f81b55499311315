/**
 * Choosing among the text variants (arms) of a campaign step by Thompson sampling, so that sends drift toward
 * the variant that converts best while every variant keeps being tried until there is enough data to judge it.
 *
 * An arm's rate is learned from its decided sends (core/acceptance.ts says when an invitation is decided): its
 * posterior is Beta(1 + successes, 1 + decided − successes). Each choice draws once from every active arm's
 * posterior and the highest draw wins, so an arm is chosen about as often as it is likely to be the best.
 *
 * Thompson alone can starve an arm that starts unlucky, and outcomes arrive weeks after the send, so there is
 * an exploration floor: an active arm with fewer than `floorUntilDecided` decided sends gets at least
 * min(floor, 1/k) of the active arms' sends (k = number of active arms), counted in realised `sent`. The arm
 * furthest behind its floor goes first. A winner is declared only when one arm is at least `winnerProbability`
 * likely to be the best and every active arm has `minDecidedForWinner` decided sends.
 *
 * Pure: randomness comes from the Rng passed in (core/random.ts); probabilities are Monte-Carlo estimates from
 * a seed derived from the numbers, so the same stats always give the same answer.
 */
import { LinkpaceError } from "../errors.js";
import { createRng, type Rng } from "../random.js";
import { sampleBeta } from "./beta.js";

export interface ArmStats {
  name: string;
  /** Sends made with this arm (decided or not). */
  sent: number;
  /** Sends whose outcome is known. */
  decided: number;
  /** Decided sends that succeeded (accepted, replied). */
  successes: number;
  /** Only active arms are chosen or compared for a winner. */
  active: boolean;
}

export interface BanditRule {
  /** The least share of sends an arm still short of `floorUntilDecided` decided sends gets (capped at 1/k). */
  floor: number;
  floorUntilDecided: number;
  /** How likely the best arm must be to be declared the winner. */
  winnerProbability: number;
  /** The decided sends every active arm needs before a winner is declared. */
  minDecidedForWinner: number;
}

export const DEFAULT_RULE: BanditRule = { floor: 0.1, floorUntilDecided: 100, winnerProbability: 0.95, minDecidedForWinner: 100 };

/** The chosen arm, and why: the only active arm, owed its exploration floor, or the highest posterior draw. */
export type Choice = { name: string; why: "only" | "floor" | "sampled" };

/** The Monte-Carlo draws `probabilityBest` makes by default. */
export const PROBABILITY_DRAWS = 4_000;

function isCount(n: number): boolean {
  return Number.isFinite(n) && n >= 0;
}

function checkArms(arms: readonly ArmStats[]): void {
  const names = new Set<string>();
  for (const [i, arm] of arms.entries()) {
    const where = `arms[${i}]`;
    if (names.has(arm.name)) throw new LinkpaceError("invalid_input", `${where}: two arms are named '${arm.name}'`);
    names.add(arm.name);
    if (!isCount(arm.sent) || !isCount(arm.decided) || !isCount(arm.successes) || arm.successes > arm.decided) {
      throw new LinkpaceError(
        "invalid_input",
        `${where} ('${arm.name}'): sent, decided and successes must be finite and ≥ 0, with successes ≤ decided ` +
          `(got sent ${arm.sent}, decided ${arm.decided}, successes ${arm.successes})`,
      );
    }
  }
}

function checkRule(rule: BanditRule): void {
  const bad = (field: string, value: number, want: string) =>
    new LinkpaceError("invalid_input", `bandit rule: ${field} must be ${want}, got ${String(value)}`);
  if (!(rule.floor >= 0 && rule.floor <= 1)) throw bad("floor", rule.floor, "from 0 to 1");
  if (!isCount(rule.floorUntilDecided)) throw bad("floorUntilDecided", rule.floorUntilDecided, "a finite number ≥ 0");
  if (!(rule.winnerProbability > 0 && rule.winnerProbability <= 1)) throw bad("winnerProbability", rule.winnerProbability, "in (0, 1]");
  if (!isCount(rule.minDecidedForWinner)) throw bad("minDecidedForWinner", rule.minDecidedForWinner, "a finite number ≥ 0");
}

function byName(a: ArmStats, b: ArmStats): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** One draw from an arm's posterior, Beta(1 + successes, 1 + decided − successes). */
function drawPosterior(rng: Rng, arm: ArmStats): number {
  return sampleBeta(rng, 1 + arm.successes, 1 + arm.decided - arm.successes);
}

/**
 * The name of the arm with the highest posterior draw, one draw per arm in name order (so the result does
 * not depend on the order the arms are given in); ties go to the first name. `arms` must be sorted by name.
 */
function sampledBest(sorted: readonly ArmStats[], rng: Rng): string {
  let best = sorted[0]!.name;
  let bestDraw = Number.NEGATIVE_INFINITY;
  for (const arm of sorted) {
    const draw = drawPosterior(rng, arm);
    if (draw > bestDraw) {
      bestDraw = draw;
      best = arm.name;
    }
  }
  return best;
}

/**
 * The arm for the next send. Only active arms are chosen; with none active this is invalid input. One active
 * arm is chosen without drawing. Otherwise an arm owed its floor goes first (the largest deficit, then the
 * first name), else the highest of one posterior draw per active arm.
 */
export function chooseArm(arms: readonly ArmStats[], rng: Rng, rule: BanditRule = DEFAULT_RULE): Choice {
  checkArms(arms);
  checkRule(rule);
  const active = arms.filter((a) => a.active).sort(byName);
  const first = active[0];
  if (!first) throw new LinkpaceError("invalid_input", "no active arm to choose from: activate at least one variant");
  if (active.length === 1) return { name: first.name, why: "only" };

  const floorShare = Math.min(rule.floor, 1 / active.length);
  const owed = floorShare * (active.reduce((s, a) => s + a.sent, 0) + 1);
  let behind: ArmStats | null = null;
  let behindBy = 0;
  for (const arm of active) {
    if (arm.decided >= rule.floorUntilDecided || arm.sent >= owed) continue;
    const deficit = owed - arm.sent;
    if (behind === null || deficit > behindBy) {
      behind = arm;
      behindBy = deficit;
    }
  }
  if (behind) return { name: behind.name, why: "floor" };
  return { name: sampledBest(active, rng), why: "sampled" };
}

/**
 * For each arm given (active or not), the probability that its rate is the highest among them, estimated from
 * `draws` joint posterior draws. The draws come from a rng seeded by `seed` and the arms' names and counts, so
 * the same stats always give the same answer. The values sum to 1; an empty list gives an empty map.
 */
export function probabilityBest(arms: readonly ArmStats[], draws = PROBABILITY_DRAWS, seed = "probability-best"): Map<string, number> {
  checkArms(arms);
  if (!Number.isInteger(draws) || draws < 1) {
    throw new LinkpaceError("invalid_input", `draws must be a whole number ≥ 1, got ${String(draws)}`);
  }
  const sorted = [...arms].sort(byName);
  const wins = new Map<string, number>(sorted.map((a) => [a.name, 0]));
  if (sorted.length === 0) return wins;
  const rng = createRng(seed, ...sorted.flatMap((a) => [a.name, a.decided, a.successes]));
  for (let i = 0; i < draws; i++) {
    const best = sampledBest(sorted, rng);
    wins.set(best, wins.get(best)! + 1);
  }
  for (const [name, n] of wins) wins.set(name, n / draws);
  return wins;
}

/**
 * The active arm that is at least `winnerProbability` likely to be the best of the active arms, once every
 * active arm has at least `minDecidedForWinner` decided sends; null otherwise, and null with fewer than two
 * active arms (there is nothing to win against).
 */
export function winnerOf(arms: readonly ArmStats[], rule: BanditRule = DEFAULT_RULE): string | null {
  checkArms(arms);
  checkRule(rule);
  const active = arms.filter((a) => a.active);
  if (active.length < 2) return null;
  if (active.some((a) => a.decided < rule.minDecidedForWinner)) return null;
  for (const [name, p] of probabilityBest(active)) if (p >= rule.winnerProbability) return name;
  return null;
}
