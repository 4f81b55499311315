/**
 * Latency summaries of the load benchmark, computed from every recorded latency (no histogram buckets, no
 * sampling): percentiles by the nearest-rank method, so each one is a latency that was actually measured.
 */

export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/**
 * The nearest-rank percentile of an ascending list: the smallest value with at least p% of the values at or
 * below it. NaN for an empty list.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile: p must be in (0, 100], got ${p}`);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function summarize(latencies: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(latencies).sort();
  const list = Array.from(sorted);
  let sum = 0;
  for (const v of list) sum += v;
  return {
    count: list.length,
    mean: list.length > 0 ? sum / list.length : Number.NaN,
    p50: percentile(list, 50),
    p90: percentile(list, 90),
    p99: percentile(list, 99),
    max: list.length > 0 ? (list[list.length - 1] as number) : Number.NaN,
  };
}
