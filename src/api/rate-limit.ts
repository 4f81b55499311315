/**
 * Rate limits, as token buckets in memory refilled continuously: requests per credential; sign-ins per client
 * address (session.ts); failed authentications per client address (AuthFailures). A request over a limit gets
 * 429 with Retry-After (whole seconds until one token is back). The clock is injected so tests never sleep.
 *
 * Where the buckets are kept (Limiters): in this process's memory (TokenBuckets), enough for one process (SQLite);
 * or in the database (store/postgres/coordination.ts), so that N API processes on one PostgreSQL database give
 * a client the limits once, not N times.
 *
 * The client address is the TCP peer's: behind a reverse proxy every client shares the proxy's, and
 * X-Forwarded-For is not trusted, since any client could set it to escape a limit.
 */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import type { Clock, Instant } from "../core/time.js";
import type { Coordination } from "../store/postgres/coordination.js";
import type { ApiEnv } from "./api-env.js";
import { problem, sendProblem } from "./problem.js";

export interface RateLimit {
  /** Requests a client may make at once (the bucket's size). */
  burst: number;
  /** Tokens added per second. */
  perSecond: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { burst: 120, perSecond: 20 };

/** Failed authentications per client address: 20 at once, then one every 3 seconds (20 a minute). */
export const AUTH_FAILURE_LIMIT: RateLimit = { burst: 20, perSecond: 1 / 3 };

/** Keys remembered at most; beyond, full buckets are dropped, then the least recently used. */
const MAX_KEYS = 10_000;

/** Buckets are dropped once full again, so idle clients cost nothing; a flood of keys cannot grow the map past MAX_KEYS. */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: Instant }>();
  constructor(
    private readonly limit: RateLimit,
    private readonly clock: Clock,
  ) {}

  /** Takes one token for `key`: 0 when allowed, else the milliseconds until one is available. */
  take(key: string): number {
    const now = this.clock.now();
    const tokens = this.tokens(key, now);
    this.remember(key, { tokens: tokens < 1 ? tokens : tokens - 1, at: now });
    return tokens < 1 ? this.untilOne(tokens) : 0;
  }

  /** The milliseconds until `key` could take a token (0: now), taking none. */
  wait(key: string): number {
    const tokens = this.tokens(key, this.clock.now());
    return tokens < 1 ? this.untilOne(tokens) : 0;
  }

  private tokens(key: string, now: Instant): number {
    const b = this.buckets.get(key);
    return b === undefined ? this.limit.burst : Math.min(this.limit.burst, b.tokens + ((now - b.at) / 1000) * this.limit.perSecond);
  }

  private untilOne(tokens: number): number {
    return Math.ceil(((1 - tokens) / this.limit.perSecond) * 1000);
  }

  private remember(key: string, bucket: { tokens: number; at: Instant }): void {
    this.buckets.delete(key); // re-inserted last: the map's order is least recently used first
    this.buckets.set(key, bucket);
    if (this.buckets.size > MAX_KEYS) this.sweep(bucket.at);
  }

  /** Down to 90% of MAX_KEYS, so that a flood sweeps once per thousand new keys, not on every request. */
  private sweep(now: Instant): void {
    for (const key of this.buckets.keys()) if (this.tokens(key, now) >= this.limit.burst) this.buckets.delete(key);
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= MAX_KEYS * 0.9) break;
      this.buckets.delete(key);
    }
  }
}

/** One limit's buckets by key: take and wait answer 0 (allowed, or could be) or the milliseconds until a token is back. */
export interface Limiter {
  take(key: string): Promise<number>;
  wait(key: string): Promise<number>;
}

/** Makes the limiter of one limit; `name` (request, sign-in, auth-failure) keeps the limits' keys apart. */
export type Limiters = (name: string, limit: RateLimit) => Limiter;

/** Buckets in this process's memory: the limits hold per process. */
export function memoryLimiters(clock: Clock): Limiters {
  return (_name, limit) => {
    const buckets = new TokenBuckets(limit, clock);
    return { take: (key) => Promise.resolve(buckets.take(key)), wait: (key) => Promise.resolve(buckets.wait(key)) };
  };
}

/** Buckets in the database (PostgreSQL): the limits hold across every process that shares it. */
export function sharedLimiters(coordination: Coordination, clock: Clock): Limiters {
  return (name, limit) => ({
    take: (key) => coordination.take(`${name}:${key}`, limit, clock.now()),
    wait: (key) => coordination.wait(`${name}:${key}`, limit, clock.now()),
  });
}

/** 429 with Retry-After in whole seconds (at least 1); `what` says which limit, as "too many … from/with …". */
export function tooManyRequests(c: Context, waitMs: number, what: string): Response {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return sendProblem(c, problem(429, `${what}: retry in ${seconds} s`), { "Retry-After": String(seconds) });
}

export function rateLimit(buckets: Limiter): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const wait = await buckets.take(c.var.principal.key);
    if (wait > 0) return tooManyRequests(c, wait, "too many requests with this credential");
    await next();
  };
}

/** The TCP peer's address under @hono/node-server; in-process requests (app.request()) have none and share one key. */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: unknown; server?: { incoming?: unknown } } | undefined;
  if (!env?.incoming && !env?.server?.incoming) return "in-process";
  return getConnInfo(c).remote.address ?? "unknown";
}

/**
 * Guessing credentials: each request whose credential is refused (an unknown or revoked token, an ended or
 * forged session cookie, a failed sign-in) counts against its client address. Once over the limit, every
 * request from that address gets 429 before any credential is checked, so that a right guess cannot be told
 * from a wrong one; it lasts until the address slows down (Retry-After). Requests with a valid credential
 * count nothing.
 */
export class AuthFailures {
  constructor(private readonly buckets: Limiter) {}

  /** The 429 for an address over the limit, else null. */
  async refusal(c: Context): Promise<Response | null> {
    const wait = await this.buckets.wait(clientAddress(c));
    return wait > 0 ? tooManyRequests(c, wait, "too many failed authentications from this address") : null;
  }

  /** Counts one refused credential against the request's address. */
  async record(c: Context): Promise<void> {
    await this.buckets.take(clientAddress(c));
  }
}
