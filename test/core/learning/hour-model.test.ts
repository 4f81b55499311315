import { describe, expect, test } from "vitest";
import { LinkpaceError } from "../../../src/core/errors.js";
import { addObservation, emptyHourCounts, fitHourModel, hourWeight, type HourCounts } from "../../../src/core/learning/hour-model.js";
import { createRng } from "../../../src/core/random.js";

/** Adds `n` observations at a cell, `accepted` of them accepted. */
function observe(c: HourCounts, weekday: number, hour: number, n: number, accepted: number): void {
  for (let i = 0; i < n; i++) addObservation(c, weekday, hour, i < accepted);
}

function allWeights(c: HourCounts): number[] {
  const model = fitHourModel(c);
  const weights: number[] = [];
  for (let w = 0; w < 7; w++) for (let h = 0; h < 24; h++) weights.push(hourWeight(model, w, h));
  return weights;
}

describe("counts", () => {
  test("empty counts are 7 × 24 zeros", () => {
    const c = emptyHourCounts();
    expect(c.decided).toHaveLength(7);
    expect(c.accepted).toHaveLength(7);
    for (const row of [...c.decided, ...c.accepted]) expect(row).toEqual(new Array(24).fill(0));
    // Rows are distinct arrays, not one shared row.
    c.decided[0]![0] = 5;
    expect(c.decided[1]![0]).toBe(0);
  });

  test("addObservation counts decided, and accepted only when accepted", () => {
    const c = emptyHourCounts();
    addObservation(c, 2, 9, true);
    addObservation(c, 2, 9, false);
    addObservation(c, 6, 23, false);
    expect(c.decided[2]![9]).toBe(2);
    expect(c.accepted[2]![9]).toBe(1);
    expect(c.decided[6]![23]).toBe(1);
    expect(c.accepted[6]![23]).toBe(0);
  });

  test("out-of-range weekdays and hours are refused", () => {
    const c = emptyHourCounts();
    for (const [w, h] of [
      [7, 0],
      [-1, 0],
      [0, 24],
      [1.5, 3],
      [0, Number.NaN],
    ] as const) {
      expect(() => addObservation(c, w, h, true)).toThrow(LinkpaceError);
    }
    expect(() => hourWeight(fitHourModel(c), 0, 24)).toThrow(LinkpaceError);
  });

  test("malformed counts and strengths are refused", () => {
    expect(() => fitHourModel({ decided: [[1]], accepted: [[0]] })).toThrow(LinkpaceError);
    const c = emptyHourCounts();
    c.accepted[0]![0] = 2;
    c.decided[0]![0] = 1;
    expect(() => fitHourModel(c)).toThrow(/accepted ≤ decided/);
    expect(() => fitHourModel(emptyHourCounts(), { hour: -1, cell: 40 })).toThrow(LinkpaceError);
  });
});

describe("fitHourModel", () => {
  test("no data: every rate is the prior's 0.5 and every weight is 1", () => {
    const model = fitHourModel(emptyHourCounts());
    expect(model.overall).toBe(0.5);
    expect(model.byHour).toEqual(new Array(24).fill(0.5));
    for (const row of model.byWeekdayHour) expect(row).toEqual(new Array(24).fill(0.5));
    expect(allWeights(emptyHourCounts())).toEqual(new Array(168).fill(1));
  });

  test("the formulas: overall, hour and cell by their shrinkage", () => {
    const c = emptyHourCounts();
    observe(c, 0, 9, 10, 8); // Monday 9h: 8 of 10
    observe(c, 3, 9, 30, 6); // Thursday 9h: 6 of 30
    observe(c, 1, 15, 60, 12); // Tuesday 15h: 12 of 60
    const m = fitHourModel(c);
    const overall = (26 + 1) / (100 + 2);
    expect(m.overall).toBeCloseTo(overall, 12);
    const hour9 = (14 + 40 * overall) / (40 + 40);
    expect(m.byHour[9]).toBeCloseTo(hour9, 12);
    expect(m.byHour[3]).toBeCloseTo(overall, 12);
    expect(m.byWeekdayHour[0]![9]).toBeCloseTo((8 + 40 * hour9) / (10 + 40), 12);
    expect(m.byWeekdayHour[3]![9]).toBeCloseTo((6 + 40 * hour9) / (30 + 40), 12);
    expect(hourWeight(m, 0, 9)).toBeCloseTo(m.byWeekdayHour[0]![9]! / overall, 12);
  });

  test("custom strengths are used; strength 0 gives the raw rate where there is data", () => {
    const c = emptyHourCounts();
    observe(c, 4, 10, 10, 7);
    observe(c, 2, 11, 100, 10);
    const raw = fitHourModel(c, { hour: 0, cell: 0 });
    expect(raw.byWeekdayHour[4]![10]).toBeCloseTo(0.7, 12);
    // A cell without data still takes its hour's level, and an hour without data the overall rate.
    expect(raw.byWeekdayHour[0]![10]).toBeCloseTo(0.7, 12);
    expect(raw.byHour[0]).toBeCloseTo(raw.overall, 12);
    const strong = fitHourModel(c, { hour: 1_000, cell: 1_000 });
    expect(Math.abs(strong.byWeekdayHour[4]![10]! - strong.overall)).toBeLessThan(0.02);
    expect(Math.abs(strong.byWeekdayHour[4]![10]! - 0.7)).toBeGreaterThan(0.5);
  });

  test("shrinkage: a few observations barely move a cell; many move it close to the observed rate", () => {
    // A background of 2,000 decided at 20% across the week, then one cell accepting everything.
    const base = emptyHourCounts();
    const gen = createRng("background");
    for (let i = 0; i < 2_000; i++) addObservation(base, gen.int(7), gen.int(24), gen.chance(0.2));
    const before = fitHourModel(base).byWeekdayHour[2]![14]!;

    const few = structuredClone(base);
    observe(few, 2, 14, 3, 3);
    const afterFew = fitHourModel(few).byWeekdayHour[2]![14]!;
    expect(afterFew - before).toBeGreaterThan(0);
    expect(afterFew - before).toBeLessThan(0.08);

    const many = structuredClone(base);
    observe(many, 2, 14, 2_000, 1_800); // 90% observed
    const afterMany = fitHourModel(many).byWeekdayHour[2]![14]!;
    expect(Math.abs(afterMany - 0.9)).toBeLessThan(0.03);
  });

  test("a cell with data and a cell without in the same hour share the hour's level", () => {
    const c = emptyHourCounts();
    observe(c, 0, 8, 200, 120); // Monday 8h: 60%
    observe(c, 0, 20, 200, 20); // Monday 20h: 10%
    const m = fitHourModel(c);
    // Sunday 8h has no data: it is exactly the 8h level, which is pulled up by Monday 8h.
    expect(m.byWeekdayHour[6]![8]).toBe(m.byHour[8]);
    expect(m.byWeekdayHour[6]![20]).toBe(m.byHour[20]);
    expect(m.byHour[8]!).toBeGreaterThan(m.overall);
    expect(m.byHour[20]!).toBeLessThan(m.overall);
    expect(hourWeight(m, 6, 8)).toBeGreaterThan(1);
    expect(hourWeight(m, 6, 20)).toBeLessThan(1);
    // Hours with no data at all stay at weight 1.
    expect(hourWeight(m, 3, 2)).toBeCloseTo(1, 12);
  });

  test("property: monotonic in evidence, and every rate strictly between 0 and 1", () => {
    const gen = createRng("hour-property");
    for (let trial = 0; trial < 150; trial++) {
      const c = emptyHourCounts();
      const n = gen.int(400);
      const skew = gen.between(0.05, 0.9);
      for (let i = 0; i < n; i++) addObservation(c, gen.int(7), gen.int(24), gen.chance(skew));
      const w = gen.int(7);
      const h = gen.int(24);
      const m = fitHourModel(c);
      const rate = m.byWeekdayHour[w]![h]!;

      const yes = structuredClone(c);
      addObservation(yes, w, h, true);
      const no = structuredClone(c);
      addObservation(no, w, h, false);
      // One more acceptance never lowers the cell, its hour or the overall rate; one more refusal never raises them.
      const my = fitHourModel(yes);
      const mn = fitHourModel(no);
      expect(my.byWeekdayHour[w]![h]!).toBeGreaterThan(rate);
      expect(mn.byWeekdayHour[w]![h]!).toBeLessThan(rate);
      expect(my.byHour[h]!).toBeGreaterThanOrEqual(m.byHour[h]!);
      expect(mn.byHour[h]!).toBeLessThanOrEqual(m.byHour[h]!);
      expect(my.overall).toBeGreaterThan(m.overall);
      expect(mn.overall).toBeLessThan(m.overall);

      // More evidence at an observed rate far from the cell's pulls the cell closer to it at every step.
      const observed = rate < 0.5 ? 0.95 : 0.05;
      let distance = Math.abs(rate - observed);
      const more = structuredClone(c);
      for (let k = 1; k <= 5; k++) {
        observe(more, w, h, 20, observed * 20);
        const r = fitHourModel(more).byWeekdayHour[w]![h]!;
        expect(Math.abs(r - observed)).toBeLessThan(distance);
        distance = Math.abs(r - observed);
      }

      for (const row of m.byWeekdayHour) for (const r of row) expect(r > 0 && r < 1).toBe(true);
    }
  });

  test("does not change the counts it is given", () => {
    const c = emptyHourCounts();
    observe(c, 1, 1, 5, 2);
    const copy = structuredClone(c);
    fitHourModel(c);
    expect(c).toEqual(copy);
  });
});
