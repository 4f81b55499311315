/**
 * Retries: after a failed attempt number n (1-based), the next one waits RETRY_DELAYS[n - 1]; after
 * MAX_ATTEMPTS failures the delivery is `failed` (about 35 hours after the first attempt).
 */
import { HOUR, MINUTE, SECOND, type Instant } from "../core/time.js";

export const RETRY_DELAYS: readonly number[] = [30 * SECOND, 2 * MINUTE, 8 * MINUTE, 30 * MINUTE, 2 * HOUR, 8 * HOUR, 24 * HOUR];
export const MAX_ATTEMPTS = RETRY_DELAYS.length + 1;

export type RetryPlan = { status: "pending"; nextAttemptAt: Instant } | { status: "failed"; nextAttemptAt: null };

/** What follows the failure of attempt number `attempt` (1-based) at `at`. */
export function planRetry(attempt: number, at: Instant): RetryPlan {
  const delay = RETRY_DELAYS[attempt - 1];
  return delay === undefined ? { status: "failed", nextAttemptAt: null } : { status: "pending", nextAttemptAt: at + delay };
}
