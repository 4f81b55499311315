/** The token buckets behind every rate limit: refilled with time, and bounded in memory whatever the flood of keys. */
import { describe, expect, it } from "vitest";
import { TokenBuckets } from "../../src/api/rate-limit.js";
import { VirtualClock } from "../../src/core/time.js";

const sizeOf = (b: TokenBuckets) => (b as unknown as { buckets: Map<string, unknown> }).buckets.size;

describe("TokenBuckets", () => {
  it("waits without taking, and takes until empty", () => {
    const clock = new VirtualClock(0);
    const b = new TokenBuckets({ burst: 2, perSecond: 0.5 }, clock);
    expect([b.wait("a"), b.take("a"), b.take("a"), b.wait("a"), b.take("a")]).toEqual([0, 0, 0, 2000, 2000]);
    clock.advance(2000);
    expect([b.wait("a"), b.take("a"), b.wait("a")]).toEqual([0, 0, 2000]);
  });

  it("remembers at most 10,000 keys under a flood of new ones, keeping the recently used (still limited)", () => {
    const clock = new VirtualClock(0);
    const b = new TokenBuckets({ burst: 1, perSecond: 0.001 }, clock);
    b.take("hot");
    let largest = 0;
    for (let i = 0; i < 30_000; i++) {
      b.take(`flood-${i}`);
      if (i % 1000 === 0) expect(b.take("hot")).toBeGreaterThan(0);
      largest = Math.max(largest, sizeOf(b));
    }
    expect(largest).toBeLessThanOrEqual(10_001);
    expect(b.wait("hot")).toBeGreaterThan(0);
  });
});
