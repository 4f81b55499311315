import { describe, expect, test } from "vitest";
import { LinkpaceError } from "../../../src/core/errors.js";
import {
  betaCdf,
  betaPdf,
  betaQuantile,
  logGamma,
  rateInterval,
  sampleBeta,
  sampleGamma,
  sampleNormal,
} from "../../../src/core/learning/beta.js";
import { createRng } from "../../../src/core/random.js";

/** ∫_0^x of the Beta(a, b) density by composite Simpson's rule (for a, b ≥ 1, where the density is smooth). */
function integrateDensity(a: number, b: number, x: number, intervals = 20_000): number {
  // The unnormalised density, normalised by its own integral over [0, 1], so the check owes nothing to logGamma.
  const f = (t: number) => Math.pow(t, a - 1) * Math.pow(1 - t, b - 1);
  const simpson = (to: number) => {
    const h = to / intervals;
    let sum = f(0) + f(to);
    for (let i = 1; i < intervals; i++) sum += (i % 2 === 1 ? 4 : 2) * f(i * h);
    return (sum * h) / 3;
  };
  return simpson(x) / simpson(1);
}

function moments(values: number[]): { mean: number; variance: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, variance };
}

describe("logGamma", () => {
  test("matches factorials and Γ(1/2) = √π", () => {
    for (let n = 1; n <= 20; n++) {
      let factorial = 1;
      for (let k = 2; k < n; k++) factorial *= k;
      expect(logGamma(n)).toBeCloseTo(Math.log(factorial), 10);
    }
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 10);
  });
});

describe("betaCdf and betaQuantile", () => {
  test("Beta(1, 1) is uniform: the quantile of p is p", () => {
    for (const p of [0, 1e-6, 0.01, 0.25, 0.5, 0.73, 0.99, 1]) expect(Math.abs(betaQuantile(1, 1, p) - p)).toBeLessThan(1e-9);
  });

  test("Beta(2, 2) has median 0.5, and Beta(a, a) medians are 0.5", () => {
    expect(Math.abs(betaQuantile(2, 2, 0.5) - 0.5)).toBeLessThan(1e-9);
    for (const a of [0.3, 1.7, 12, 250]) expect(Math.abs(betaQuantile(a, a, 0.5) - 0.5)).toBeLessThan(1e-9);
  });

  test("closed forms: I_x(a, 1) = x^a and I_x(1, b) = 1 − (1 − x)^b", () => {
    for (const x of [0.05, 0.3, 0.8]) {
      expect(betaCdf(3.5, 1, x)).toBeCloseTo(Math.pow(x, 3.5), 12);
      expect(betaCdf(1, 0.4, x)).toBeCloseTo(1 - Math.pow(1 - x, 0.4), 12);
    }
    expect(Math.abs(betaQuantile(4, 1, 0.3) - Math.pow(0.3, 1 / 4))).toBeLessThan(1e-9);
  });

  test("Beta(10, 30) 2.5% and 97.5% quantiles agree with a numeric integration of the density", () => {
    const low = betaQuantile(10, 30, 0.025);
    const high = betaQuantile(10, 30, 0.975);
    expect(integrateDensity(10, 30, low)).toBeCloseTo(0.025, 8);
    expect(integrateDensity(10, 30, high)).toBeCloseTo(0.975, 8);
    // The same quantiles from an independent implementation (SciPy's beta.ppf): 0.1303768 and 0.3932615.
    expect(low).toBeCloseTo(0.1303768, 6);
    expect(high).toBeCloseTo(0.3932615, 6);
  });

  test("the cdf agrees with numeric integration across shapes and points", () => {
    for (const [a, b] of [
      [1, 1],
      [2, 5],
      [7.5, 3.2],
      [40, 160],
    ] as const) {
      for (const x of [0.1, 0.2, 0.5, 0.9]) expect(betaCdf(a, b, x)).toBeCloseTo(integrateDensity(a, b, x, 4_000), 8);
    }
  });

  test("property: the quantile inverts the cdf to 1e-9 and is increasing in p", () => {
    const rng = createRng("beta-quantile-property");
    for (let i = 0; i < 300; i++) {
      const a = Math.exp(rng.between(Math.log(0.2), Math.log(2000)));
      const b = Math.exp(rng.between(Math.log(0.2), Math.log(2000)));
      const p = rng.between(0.001, 0.999);
      const x = betaQuantile(a, b, p);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
      // The true quantile lies within 1e-9 of x: the cdf crosses p between x − 1e-9 and x + 1e-9.
      expect(betaCdf(a, b, x - 1e-9)).toBeLessThanOrEqual(p + 1e-14);
      expect(betaCdf(a, b, x + 1e-9)).toBeGreaterThanOrEqual(p - 1e-14);
      const q = Math.min(0.9999, p + 0.0005);
      expect(betaQuantile(a, b, q)).toBeGreaterThanOrEqual(x);
    }
  });

  test("the density integrates to 1", () => {
    const n = 10_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += betaPdf(3, 9, (i + 0.5) / n) / n;
    expect(sum).toBeCloseTo(1, 6);
  });

  test("invalid shapes and probabilities are refused", () => {
    expect(() => betaQuantile(0, 1, 0.5)).toThrow(LinkpaceError);
    expect(() => betaQuantile(1, -2, 0.5)).toThrow(LinkpaceError);
    expect(() => betaQuantile(1, 1, 1.5)).toThrow(LinkpaceError);
    expect(() => betaQuantile(1, 1, Number.NaN)).toThrow(LinkpaceError);
    expect(() => betaCdf(Number.POSITIVE_INFINITY, 1, 0.5)).toThrow(LinkpaceError);
  });
});

describe("rateInterval", () => {
  test("is the equal-tailed interval of Beta(1 + s, 1 + n − s)", () => {
    const r = rateInterval(9, 38);
    expect(r.rate).toBeCloseTo(9 / 38, 12);
    expect(r.low).toBeCloseTo(betaQuantile(10, 30, 0.025), 12);
    expect(r.high).toBeCloseTo(betaQuantile(10, 30, 0.975), 12);
  });

  test("no trials: rate 0 and the prior's interval", () => {
    const r = rateInterval(0, 0);
    expect(r.rate).toBe(0);
    expect(r.low).toBeCloseTo(0.025, 9);
    expect(r.high).toBeCloseTo(0.975, 9);
  });

  test("the interval narrows with more trials and contains the observed rate", () => {
    let width = Number.POSITIVE_INFINITY;
    for (const n of [10, 100, 1_000, 10_000]) {
      const r = rateInterval(0.3 * n, n, 0.9);
      expect(r.low).toBeLessThan(0.3);
      expect(r.high).toBeGreaterThan(0.3);
      expect(r.high - r.low).toBeLessThan(width);
      width = r.high - r.low;
    }
    expect(width).toBeLessThan(0.02);
  });

  test("a wider level gives a wider interval", () => {
    const narrow = rateInterval(20, 50, 0.5);
    const wide = rateInterval(20, 50, 0.99);
    expect(wide.low).toBeLessThan(narrow.low);
    expect(wide.high).toBeGreaterThan(narrow.high);
  });

  test("invalid counts and levels are refused", () => {
    expect(() => rateInterval(5, 4)).toThrow(LinkpaceError);
    expect(() => rateInterval(-1, 4)).toThrow(LinkpaceError);
    expect(() => rateInterval(1, Number.NaN)).toThrow(LinkpaceError);
    expect(() => rateInterval(1, 4, 1)).toThrow(LinkpaceError);
    expect(() => rateInterval(1, 4, 0)).toThrow(LinkpaceError);
  });
});

describe("sampling", () => {
  test("normal draws have mean 0 and variance 1", () => {
    const rng = createRng("normal");
    const { mean, variance } = moments(Array.from({ length: 20_000 }, () => sampleNormal(rng)));
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.04);
  });

  test.each([0.3, 1, 2.5, 40])("Gamma(%s) draws have mean and variance equal to the shape", (shape) => {
    const rng = createRng("gamma", shape);
    const draws = Array.from({ length: 20_000 }, () => sampleGamma(rng, shape));
    const { mean, variance } = moments(draws);
    expect(draws.every((d) => d >= 0)).toBe(true);
    // 20,000 draws: the mean's standard error is √(shape / 20,000); allow about 4.5 of them.
    expect(Math.abs(mean - shape)).toBeLessThan(4.5 * Math.sqrt(shape / 20_000));
    expect(Math.abs(variance / shape - 1)).toBeLessThan(0.08);
  });

  test.each([
    [1, 1],
    [0.5, 0.5],
    [0.2, 3],
    [2, 8],
    [30, 70],
  ])("Beta(%s, %s) draws have the right mean and variance", (a, b) => {
    const rng = createRng("beta", a, b);
    const draws = Array.from({ length: 20_000 }, () => sampleBeta(rng, a, b));
    const { mean, variance } = moments(draws);
    const trueMean = a / (a + b);
    const trueVariance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    expect(draws.every((d) => d >= 0 && d <= 1)).toBe(true);
    expect(Math.abs(mean - trueMean)).toBeLessThan(4.5 * Math.sqrt(trueVariance / 20_000));
    expect(Math.abs(variance / trueVariance - 1)).toBeLessThan(0.06);
  });

  test("Beta draws follow the cdf (Kolmogorov–Smirnov distance small)", () => {
    const rng = createRng("beta-ks");
    const n = 5_000;
    const draws = Array.from({ length: n }, () => sampleBeta(rng, 0.7, 2.3)).sort((x, y) => x - y);
    let d = 0;
    draws.forEach((x, i) => {
      const f = betaCdf(0.7, 2.3, x);
      d = Math.max(d, Math.abs(f - i / n), Math.abs(f - (i + 1) / n));
    });
    // The 0.1% critical value is about 1.95 / √n.
    expect(d).toBeLessThan(1.95 / Math.sqrt(n));
  });

  test("tiny shapes give finite draws in [0, 1], never NaN", () => {
    const rng = createRng("tiny");
    for (let i = 0; i < 1_000; i++) {
      const x = sampleBeta(rng, 0.001, 0.001);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
    }
  });

  test("the same seed gives the same draws; another seed gives others", () => {
    const draw = (seed: string) => {
      const rng = createRng(seed);
      return Array.from({ length: 50 }, () => [sampleBeta(rng, 3, 4), sampleGamma(rng, 0.6)]);
    };
    expect(draw("seed-1")).toEqual(draw("seed-1"));
    expect(draw("seed-1")).not.toEqual(draw("seed-2"));
  });

  test("invalid shapes are refused", () => {
    const rng = createRng("x");
    expect(() => sampleGamma(rng, 0)).toThrow(LinkpaceError);
    expect(() => sampleBeta(rng, 1, Number.NaN)).toThrow(LinkpaceError);
  });
});
