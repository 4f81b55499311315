/**
 * Request rate limiting per credential: a token bucket in memory (one per principal), refilled continuously.
 * A request that finds the bucket empty gets 429 with Retry-After (whole seconds until one token is back).
 * In memory is enough for one server process; the clock is injected so tests never sleep.
 */
import type { MiddlewareHandler } from "hono";
import type { Clock, Instant } from "../core/time.js";
import type { ApiEnv } from "./api-env.js";
import { problem, sendProblem } from "./problem.js";

export interface RateLimit {
  /** Requests a client may make at once (the bucket's size). */
  burst: number;
  /** Tokens added per second. */
  perSecond: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { burst: 120, perSecond: 20 };

/** Buckets are dropped once full again, so idle clients cost nothing. */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: Instant }>();
  constructor(private readonly limit: RateLimit, private readonly clock: Clock) {}

  /** Takes one token for `key`: 0 when allowed, else the milliseconds until one is available. */
  take(key: string): number {
    const now = this.clock.now();
    const b = this.buckets.get(key) ?? { tokens: this.limit.burst, at: now };
    const tokens = Math.min(this.limit.burst, b.tokens + ((now - b.at) / 1000) * this.limit.perSecond);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return Math.ceil(((1 - tokens) / this.limit.perSecond) * 1000);
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    if (this.buckets.size > 10_000) this.sweep(now);
    return 0;
  }

  private sweep(now: Instant): void {
    for (const [key, b] of this.buckets) if (b.tokens + ((now - b.at) / 1000) * this.limit.perSecond >= this.limit.burst) this.buckets.delete(key);
  }
}

export function rateLimit(buckets: TokenBuckets): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const wait = buckets.take(c.var.principal.key);
    if (wait > 0) {
      const seconds = Math.max(1, Math.ceil(wait / 1000));
      return sendProblem(c, problem(429, `too many requests with this credential: retry in ${seconds} s`), { "Retry-After": String(seconds) });
    }
    await next();
  };
}
