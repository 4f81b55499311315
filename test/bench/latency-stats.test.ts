import { describe, expect, it } from "vitest";
import { percentile, summarize } from "../../src/bench/latency-stats.js";

const ONE_TO_100 = Array.from({ length: 100 }, (_, i) => i + 1);

describe("percentile (nearest rank)", () => {
  it.each([
    ["p50 of 1..100", ONE_TO_100, 50, 50],
    ["p90 of 1..100", ONE_TO_100, 90, 90],
    ["p99 of 1..100", ONE_TO_100, 99, 99],
    ["p100 of 1..100", ONE_TO_100, 100, 100],
    ["p50 of an odd count", [1, 2, 3, 4, 5], 50, 3],
    ["p99 of ten values is the largest", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 99, 10],
    ["p90 of ten values", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
    ["any percentile of one value", [7], 1, 7],
    ["a tiny percentile is the smallest value", [3, 5, 8], 0.001, 3],
  ])("%s", (_what, sorted, p, expected) => {
    expect(percentile(sorted, p)).toBe(expected);
  });

  it("is NaN for no values and refuses p outside (0, 100]", () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe("summarize", () => {
  it("sorts numerically (not as strings) and reports measured values", () => {
    const s = summarize([100, 9, 20, 3, 1000, 50, 7, 8, 2, 1]);
    expect(s).toEqual({ count: 10, mean: 120, p50: 8, p90: 100, p99: 1000, max: 1000 });
  });

  it("leaves its input alone and handles no latencies", () => {
    const input = [3, 1, 2];
    summarize(input);
    expect(input).toEqual([3, 1, 2]);
    expect(summarize([]).count).toBe(0);
    expect(summarize([]).p50).toBeNaN();
  });
});
