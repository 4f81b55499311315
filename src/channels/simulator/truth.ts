/**
 * Resolves an account's hidden truth: the scenario's `linkedin` fields over plausible defaults, checked so
 * that a typo in a scenario fails loudly instead of simulating nonsense.
 */
import { LinkpaceError, type ErrorIssue } from "../../core/errors.js";
import { defaultTruth } from "./rules.js";
import type { SimAccountSpec, SimAccountTruth } from "./types.js";

export function resolveTruth(spec: SimAccountSpec, index: number): SimAccountTruth {
  const truth: SimAccountTruth = { ...defaultTruth(spec.type), ...withoutUndefined(spec.truth ?? {}) };
  const where = (field: string): string => `accounts[${index}].linkedin.${field}`;
  const issues: ErrorIssue[] = [];
  if (!Number.isInteger(truth.weeklyInviteLimit) || truth.weeklyInviteLimit < 0) {
    issues.push({ where: where("weeklyInviteLimit"), message: `must be a whole number ≥ 0, got ${truth.weeklyInviteLimit}` });
  }
  const quota = truth.noteQuotaPerMonth;
  if (quota !== null && (!Number.isInteger(quota) || quota < 0)) {
    issues.push({ where: where("noteQuotaPerMonth"), message: `must be a whole number ≥ 0 or null (unlimited), got ${quota}` });
  }
  for (const field of ["acceptance", "replyRate"] as const) {
    const p = truth[field];
    if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
      issues.push({ where: where(field), message: `must be a probability between 0 and 1, got ${p}` });
    }
  }
  if (issues.length > 0) {
    throw new LinkpaceError("invalid_input", `simulated account "${spec.name}" has an invalid hidden truth`, issues);
  }
  return truth;
}

function withoutUndefined(partial: Partial<SimAccountTruth>): Partial<SimAccountTruth> {
  return Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined)) as Partial<SimAccountTruth>;
}
