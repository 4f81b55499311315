/**
 * The Beta distribution, for learning rates (invitations accepted, replies) from counts: draws for Thompson
 * sampling (core/learning/bandit.ts) and quantiles for credible intervals such as "31% (26–37%)".
 *
 * Draws take an Rng (core/random.ts) so that a seed reproduces them: a Gamma draw is Marsaglia and Tsang's
 * squeeze method on normals made by Box–Muller, with the usual boost for shapes below 1, and a Beta draw is
 * the ratio of two Gamma draws (worked in logarithms so that tiny shapes do not underflow to 0/0). Quantiles
 * invert the regularized incomplete beta function (Lentz's continued fraction, log-gamma by Lanczos) by
 * Newton's method kept inside a bisection bracket, to well within 1e-9. Pure: no I/O, no Math.random.
 */
import { LinkpaceError } from "../errors.js";
import type { Rng } from "../random.js";

function requirePositive(where: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new LinkpaceError("invalid_input", `${where} must be a positive finite number, got ${String(value)}`);
  }
}

function requireProbability(where: string, value: number): void {
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new LinkpaceError("invalid_input", `${where} must be a number from 0 to 1, got ${String(value)}`);
  }
}

/** A float in (0, 1]: never 0, so its logarithm is finite. */
function openUnit(rng: Rng): number {
  return 1 - rng.next();
}

/** A standard normal draw (Box–Muller; one of the pair is used, so the function keeps no state). */
export function sampleNormal(rng: Rng): number {
  const u1 = openUnit(rng);
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** log of a Gamma(shape, 1) draw: Marsaglia–Tsang for shape ≥ 1, boosted by U^(1/shape) below 1. */
function sampleLogGamma(rng: Rng, shape: number): number {
  if (shape < 1) return sampleLogGamma(rng, shape + 1) + Math.log(openUnit(rng)) / shape;
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = sampleNormal(rng);
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = openUnit(rng);
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return Math.log(d) + Math.log(v);
  }
}

/** A draw from Gamma(shape, 1) (mean = variance = shape). May be 0 for very small shapes (underflow). */
export function sampleGamma(rng: Rng, shape: number): number {
  requirePositive("Gamma shape", shape);
  return Math.exp(sampleLogGamma(rng, shape));
}

/** A draw from Beta(a, b), in [0, 1]. */
export function sampleBeta(rng: Rng, a: number, b: number): number {
  requirePositive("Beta a", a);
  requirePositive("Beta b", b);
  const la = sampleLogGamma(rng, a);
  const lb = sampleLogGamma(rng, b);
  // x = Ga / (Ga + Gb) = 1 / (1 + exp(lb - la)), exact even when both Gamma draws underflow.
  return 1 / (1 + Math.exp(lb - la));
}

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error about 1e-15). */
export function logGamma(x: number): number {
  requirePositive("logGamma argument", x);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

const TINY = 1e-300;
const EPS = 1e-15;

/** The continued fraction of the incomplete beta function, by the modified Lentz method. */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b) = P(X ≤ x) for X ~ Beta(a, b). */
export function betaCdf(a: number, b: number, x: number): number {
  requirePositive("Beta a", a);
  requirePositive("Beta b", b);
  if (Number.isNaN(x)) throw new LinkpaceError("invalid_input", "Beta cdf: x must be a number, got NaN");
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b));
  // The continued fraction converges fast for x below the mean-ish point; use the symmetry above it.
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** The density of Beta(a, b) at x in (0, 1). */
export function betaPdf(a: number, b: number, x: number): number {
  requirePositive("Beta a", a);
  requirePositive("Beta b", b);
  if (!(x > 0 && x < 1)) return 0;
  return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logBeta(a, b));
}

/** The p-quantile of Beta(a, b): the x with I_x(a, b) = p, to within 1e-12 or better. 0 for p = 0, 1 for p = 1. */
export function betaQuantile(a: number, b: number, p: number): number {
  requirePositive("Beta a", a);
  requirePositive("Beta b", b);
  requireProbability("Beta quantile p", p);
  if (p === 0) return 0;
  if (p === 1) return 1;
  let lo = 0;
  let hi = 1;
  let x = a / (a + b);
  for (let i = 0; i < 400 && hi - lo > 1e-15; i++) {
    const f = betaCdf(a, b, x) - p;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const density = betaPdf(a, b, x);
    let next = density > 0 && Number.isFinite(density) ? x - f / density : Number.NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) < 1e-15) return next;
    x = next;
  }
  return x;
}

export interface RateInterval {
  /** successes / trials; 0 when trials is 0. */
  rate: number;
  low: number;
  high: number;
}

/**
 * The observed rate and the equal-tailed credible interval at `level` of the rate behind it: the posterior
 * Beta(1 + successes, 1 + trials − successes) after a uniform prior. With no trials the interval is the prior's
 * (for 0.95: 0.025 to 0.975).
 */
export function rateInterval(successes: number, trials: number, level = 0.95): RateInterval {
  if (!Number.isFinite(trials) || trials < 0) {
    throw new LinkpaceError("invalid_input", `trials must be a finite number ≥ 0, got ${String(trials)}`);
  }
  if (!Number.isFinite(successes) || successes < 0 || successes > trials) {
    throw new LinkpaceError("invalid_input", `successes must be from 0 to trials (${trials}), got ${String(successes)}`);
  }
  if (!Number.isFinite(level) || level <= 0 || level >= 1) {
    throw new LinkpaceError("invalid_input", `level must be between 0 and 1 (exclusive), got ${String(level)}`);
  }
  const a = 1 + successes;
  const b = 1 + trials - successes;
  const tail = (1 - level) / 2;
  return { rate: trials === 0 ? 0 : successes / trials, low: betaQuantile(a, b, tail), high: betaQuantile(a, b, 1 - tail) };
}
