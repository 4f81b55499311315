/**
 * Acceptance by the recipient's local weekday and hour, so that the engine can lean its sends toward the hours
 * people accept in. There are 168 cells and most see little data, so each level is shrunk toward the coarser
 * one above it (hierarchical empirical Bayes, with fixed prior strengths):
 *
 *   overall                = (A + 1) / (D + 2)                                 over all data (uniform prior)
 *   byHour[h]              = (acc_h + m_hour · overall) / (dec_h + m_hour)     all weekdays of hour h
 *   byWeekdayHour[w][h]    = (acc_wh + m_cell · byHour[h]) / (dec_wh + m_cell)
 *
 * A cell with a few observations stays near its hour's rate, and the hour near the overall rate; with many
 * observations each moves to what was observed. With no data every rate is the prior's 0.5 and every weight 1.
 * Weekdays are 0 = Monday … 6 = Sunday, hours 0–23, both in the recipient's local time (callers convert).
 * Pure: the counts are plain arrays the caller stores.
 */
import { LinkpaceError } from "../errors.js";

export const WEEKDAYS = 7;
export const HOURS = 24;

/** counts[weekday 0..6 (Mon=0)][hour 0..23] */
export interface HourCounts {
  decided: number[][];
  accepted: number[][];
}

/** Posterior mean acceptance rates at each level. */
export interface HourModel {
  overall: number;
  /** byHour[hour] */
  byHour: number[];
  /** byWeekdayHour[weekday][hour] */
  byWeekdayHour: number[][];
}

/** How many pseudo-observations of the coarser level's rate each finer level starts from. */
export interface HourStrength {
  hour: number;
  cell: number;
}

export const DEFAULT_HOUR_STRENGTH: HourStrength = { hour: 40, cell: 40 };

function grid(): number[][] {
  return Array.from({ length: WEEKDAYS }, () => new Array<number>(HOURS).fill(0));
}

function checkCell(weekday: number, hour: number): void {
  if (!Number.isInteger(weekday) || weekday < 0 || weekday >= WEEKDAYS) {
    throw new LinkpaceError("invalid_input", `weekday must be a whole number from 0 (Monday) to 6 (Sunday), got ${String(weekday)}`);
  }
  if (!Number.isInteger(hour) || hour < 0 || hour >= HOURS) {
    throw new LinkpaceError("invalid_input", `hour must be a whole number from 0 to 23, got ${String(hour)}`);
  }
}

function checkCounts(c: HourCounts): void {
  const shaped = (g: unknown): g is number[][] =>
    Array.isArray(g) && g.length === WEEKDAYS && g.every((row) => Array.isArray(row) && row.length === HOURS);
  if (!shaped(c.decided) || !shaped(c.accepted)) {
    throw new LinkpaceError("invalid_input", `hour counts must be ${WEEKDAYS} weekdays × ${HOURS} hours of decided and accepted`);
  }
  for (let w = 0; w < WEEKDAYS; w++) {
    for (let h = 0; h < HOURS; h++) {
      const d = c.decided[w]![h]!;
      const a = c.accepted[w]![h]!;
      if (!(Number.isFinite(d) && Number.isFinite(a) && a >= 0 && a <= d)) {
        throw new LinkpaceError(
          "invalid_input",
          `hour counts [${w}][${h}]: need 0 ≤ accepted ≤ decided, got accepted ${String(a)} of decided ${String(d)}`,
        );
      }
    }
  }
}

/** Counts with nothing observed. */
export function emptyHourCounts(): HourCounts {
  return { decided: grid(), accepted: grid() };
}

/** Adds one decided invitation sent at `weekday`/`hour` (the recipient's local time) to `c`, in place. */
export function addObservation(c: HourCounts, weekday: number, hour: number, accepted: boolean): void {
  checkCell(weekday, hour);
  c.decided[weekday]![hour]! += 1;
  if (accepted) c.accepted[weekday]![hour]! += 1;
}

/** (successes + strength · prior) / (trials + strength); the prior itself when both are 0. */
function shrink(successes: number, trials: number, strength: number, prior: number): number {
  const weight = trials + strength;
  return weight === 0 ? prior : (successes + strength * prior) / weight;
}

/** The posterior mean rates at each level (see the header for the formulas). */
export function fitHourModel(c: HourCounts, strength: HourStrength = DEFAULT_HOUR_STRENGTH): HourModel {
  checkCounts(c);
  for (const [field, value] of Object.entries(strength)) {
    if (!Number.isFinite(value) || value < 0) {
      throw new LinkpaceError("invalid_input", `hour model strength.${field} must be a finite number ≥ 0, got ${String(value)}`);
    }
  }
  const hourDecided = new Array<number>(HOURS).fill(0);
  const hourAccepted = new Array<number>(HOURS).fill(0);
  for (let w = 0; w < WEEKDAYS; w++) {
    for (let h = 0; h < HOURS; h++) {
      hourDecided[h]! += c.decided[w]![h]!;
      hourAccepted[h]! += c.accepted[w]![h]!;
    }
  }
  const D = hourDecided.reduce((s, v) => s + v, 0);
  const A = hourAccepted.reduce((s, v) => s + v, 0);
  const overall = (A + 1) / (D + 2);
  const byHour = hourDecided.map((d, h) => shrink(hourAccepted[h]!, d, strength.hour, overall));
  const byWeekdayHour = c.decided.map((row, w) => row.map((d, h) => shrink(c.accepted[w]![h]!, d, strength.cell, byHour[h]!)));
  return { overall, byHour, byWeekdayHour };
}

/** How much better than average a send at `weekday`/`hour` is expected to do: its rate / overall (1 without data). */
export function hourWeight(model: HourModel, weekday: number, hour: number): number {
  checkCell(weekday, hour);
  const rate = model.byWeekdayHour[weekday]?.[hour];
  if (rate === undefined || !(model.overall > 0)) {
    throw new LinkpaceError("invalid_input", "hour model is malformed: fit it with fitHourModel");
  }
  return rate / model.overall;
}
