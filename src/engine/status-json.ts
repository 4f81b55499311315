/**
 * An account's status as machine output reads it (`linkpace status --json`, `account show --json`, GET
 * /v1/status, GET /v1/accounts/{name}): instants as ISO 8601 in UTC, unlimited budgets as null. People read the
 * same status with times in the account's zone (the CLI's renderStatus).
 */
import { formatInstant } from "../core/time.js";
import type { AccountStatus } from "./account-status.js";

export function statusJson(s: AccountStatus) {
  const usage = (u: { used: number; budget: number }) => ({ used: u.used, budget: Number.isFinite(u.budget) ? u.budget : null });
  return {
    ...s,
    today: { invites: usage(s.today.invites), messages: usage(s.today.messages), visits: usage(s.today.visits) },
    week: { invites: usage(s.week.invites), learned: s.week.learned },
    paused: s.paused ? { until: formatInstant(s.paused.until), reason: s.paused.reason } : null,
    next: s.next ? { ...s.next, at: formatInstant(s.next.at) } : null,
  };
}
