/**
 * Resolves an account's hidden truth: the scenario's `linkedin` fields over plausible defaults, checked so
 * that a typo in a scenario fails loudly instead of simulating nonsense.
 */
import { LinkpaceError, type ErrorIssue } from "../../core/errors.js";
import { canonicalZone } from "../../core/prospect/zone-offset.js";
import { defaultTruth } from "./rules.js";
import type { SimAccountSpec, SimAccountTruth } from "./types.js";

/** Entries of an hour curve: one factor per local hour. */
export const HOURS_PER_CURVE = 24;
/** The hour curve's key for every zone without a curve of its own. */
export const ANY_ZONE = "*";

type Where = (field: string) => string;

export function resolveTruth(spec: SimAccountSpec, index: number): SimAccountTruth {
  const given: Partial<SimAccountTruth> = withoutUndefined(spec.truth ?? {});
  const truth: SimAccountTruth = { ...defaultTruth(spec.type), ...given };
  const where: Where = (field) => `accounts[${index}].linkedin.${field}`;
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
  truth.variantQuality = resolveVariantQuality(truth.variantQuality, where, issues);
  truth.hourCurve = resolveHourCurve(truth.hourCurve, where, issues);
  if (issues.length > 0) {
    throw new LinkpaceError("invalid_input", `simulated account "${spec.name}" has an invalid hidden truth`, issues);
  }
  return truth;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A frozen copy: variant name → factor > 0. */
function resolveVariantQuality(given: unknown, where: Where, issues: ErrorIssue[]): Record<string, number> {
  const field = "variantQuality";
  if (!isPlainRecord(given)) {
    issues.push({ where: where(field), message: `must be an object of variant name → factor, got ${describe(given)}` });
    return {};
  }
  const out: Record<string, number> = {};
  for (const [name, factor] of Object.entries(given)) {
    if (name.trim() === "") {
      issues.push({ where: where(field), message: "a variant name may not be empty" });
      continue;
    }
    if (typeof factor !== "number" || !Number.isFinite(factor) || factor <= 0) {
      issues.push({ where: where(`${field}.${name}`), message: `must be a finite number > 0, got ${describe(factor)}` });
      continue;
    }
    out[name] = factor;
  }
  return Object.freeze(out);
}

/** A frozen copy: zone (as Intl spells it) or "*" → 24 factors ≥ 0. */
function resolveHourCurve(given: unknown, where: Where, issues: ErrorIssue[]): Record<string, number[]> {
  const field = "hourCurve";
  if (!isPlainRecord(given)) {
    issues.push({ where: where(field), message: `must be an object of time zone (or "*") → 24 factors, got ${describe(given)}` });
    return {};
  }
  const out: Record<string, number[]> = {};
  for (const [zone, factors] of Object.entries(given)) {
    const key = zone === ANY_ZONE ? ANY_ZONE : canonicalZone(zone);
    if (key === null) {
      issues.push({
        where: where(`${field}.${zone}`),
        message: `"${zone}" is not an IANA time zone (e.g. Europe/Berlin) nor "${ANY_ZONE}" (every other zone)`,
      });
      continue;
    }
    if (Object.hasOwn(out, key)) {
      issues.push({ where: where(`${field}.${zone}`), message: `a second curve for the time zone ${key}` });
      continue;
    }
    if (!Array.isArray(factors) || factors.length !== HOURS_PER_CURVE) {
      const got = Array.isArray(factors) ? `${factors.length} entries` : describe(factors);
      issues.push({
        where: where(`${field}.${zone}`),
        message: `must be a list of ${HOURS_PER_CURVE} factors (local hours 0 to 23), got ${got}`,
      });
      continue;
    }
    const bad = factors.findIndex((f) => typeof f !== "number" || !Number.isFinite(f) || f < 0);
    if (bad >= 0) {
      issues.push({ where: where(`${field}.${zone}[${bad}]`), message: `must be a finite number ≥ 0, got ${describe(factors[bad])}` });
      continue;
    }
    out[key] = Object.freeze([...factors]) as number[];
  }
  return Object.freeze(out);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "object" && value !== null) return "an object";
  return String(value);
}

function withoutUndefined(partial: Partial<SimAccountTruth>): Partial<SimAccountTruth> {
  return Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined)) as Partial<SimAccountTruth>;
}
