import { describe, expect, test } from "vitest";
import { LinkpaceError } from "../../../src/core/errors.js";
import { chooseArm, DEFAULT_RULE, probabilityBest, winnerOf, type ArmStats, type BanditRule } from "../../../src/core/learning/bandit.js";
import { createRng } from "../../../src/core/random.js";

function arm(name: string, decided: number, successes: number, extra: Partial<ArmStats> = {}): ArmStats {
  return { name, sent: decided, decided, successes, active: true, ...extra };
}

interface Simulation {
  arms: ArmStats[];
  choices: Array<{ name: string; why: string }>;
  /** After each send: the weak arm's sends, all sends, and the weak arm's decided sends before it. */
  trace: Array<{ weakSent: number; total: number; weakDecidedBefore: number }>;
}

/** `sends` sends whose outcomes are decided at once, with true rates `rates`; choices from `choiceRng`. */
function simulate(rates: Record<string, number>, sends: number, seed: string, rule: BanditRule = DEFAULT_RULE, weak?: string): Simulation {
  const arms = Object.keys(rates).map((name) => arm(name, 0, 0));
  const choiceRng = createRng(seed, "choice");
  const outcomeRng = createRng(seed, "outcome");
  const choices: Simulation["choices"] = [];
  const trace: Simulation["trace"] = [];
  for (let i = 0; i < sends; i++) {
    const weakDecidedBefore = weak ? arms.find((a) => a.name === weak)!.decided : 0;
    const choice = chooseArm(arms, choiceRng, rule);
    choices.push(choice);
    const chosen = arms.find((a) => a.name === choice.name)!;
    chosen.sent++;
    chosen.decided++;
    if (outcomeRng.chance(rates[chosen.name]!)) chosen.successes++;
    if (weak) trace.push({ weakSent: arms.find((a) => a.name === weak)!.sent, total: i + 1, weakDecidedBefore });
  }
  return { arms, choices, trace };
}

function sentOf(sim: Simulation, name: string): number {
  return sim.arms.find((a) => a.name === name)!.sent;
}

describe("chooseArm", () => {
  test("one active arm is chosen as 'only' without drawing from the rng", () => {
    const rng = createRng("only");
    const before = createRng("only").next();
    expect(chooseArm([arm("a", 5, 1), arm("b", 500, 400, { active: false })], rng)).toEqual({ name: "a", why: "only" });
    expect(rng.next()).toBe(before);
  });

  test("no active arm is invalid input", () => {
    const call = () => chooseArm([arm("a", 5, 1, { active: false })], createRng("none"));
    expect(call).toThrow(LinkpaceError);
    try {
      call();
    } catch (e) {
      expect((e as LinkpaceError).code).toBe("invalid_input");
    }
    expect(() => chooseArm([], createRng("none"))).toThrow(LinkpaceError);
  });

  test("invalid stats and rules are refused", () => {
    const rng = createRng("bad");
    expect(() => chooseArm([arm("a", 5, 6), arm("b", 1, 0)], rng)).toThrow(LinkpaceError);
    expect(() => chooseArm([arm("a", 5, 1), arm("a", 1, 0)], rng)).toThrow(/two arms are named 'a'/);
    expect(() => chooseArm([arm("a", -1, 0), arm("b", 1, 0)], rng)).toThrow(LinkpaceError);
    expect(() => chooseArm([arm("a", 1, 0), arm("b", 1, 0)], rng, { ...DEFAULT_RULE, floor: 1.5 })).toThrow(LinkpaceError);
  });

  test("an arm behind its floor is chosen for the floor; the most behind first, ties by name", () => {
    // 100 sends in all, floor 0.1: each arm still exploring is owed 0.1 × 101 = 10.1 sends.
    const arms = [arm("c", 90, 40), arm("b", 5, 0, { sent: 6 }), arm("a", 5, 0, { sent: 4 })];
    expect(chooseArm(arms, createRng("floor"))).toEqual({ name: "a", why: "floor" });
    const tied = [arm("z", 92, 40), arm("y", 4, 0), arm("x", 4, 0)];
    expect(chooseArm(tied, createRng("floor"))).toEqual({ name: "x", why: "floor" });
  });

  test("the floor ends once an arm has floorUntilDecided decided sends, and is capped at 1/k", () => {
    const done = [arm("big", 2_000, 900), arm("small", 100, 0)];
    expect(chooseArm(done, createRng("floor-done")).why).toBe("sampled");
    // floor 0.9 with two arms is capped at 0.5: an arm with 60 of 100 sends is owed 50.5, not 90.9.
    const rule = { ...DEFAULT_RULE, floor: 0.9 };
    const most = [arm("a", 150, 100, { sent: 40 }), arm("b", 10, 0, { sent: 60 })];
    expect(chooseArm(most, createRng("cap"), rule).why).toBe("sampled");
    const fewer = [arm("a", 150, 100, { sent: 51 }), arm("b", 10, 0, { sent: 49 })];
    expect(chooseArm(fewer, createRng("cap"), rule)).toEqual({ name: "b", why: "floor" });
  });

  test("inactive arms are never chosen, however good", () => {
    const rng = createRng("inactive");
    const arms = [arm("off", 1_000, 990, { active: false }), arm("a", 0, 0), arm("b", 3, 0), arm("c", 50, 5)];
    for (let i = 0; i < 2_000; i++) {
      const { name } = chooseArm(arms, rng);
      expect(name).not.toBe("off");
      arms.find((a) => a.name === name)!.sent++;
    }
  });

  test("property: inactive arms are never chosen, for random stats and seeds", () => {
    const gen = createRng("inactive-property");
    for (let i = 0; i < 300; i++) {
      const arms = Array.from({ length: 2 + gen.int(5) }, (_, j) => {
        const decided = gen.int(300);
        return arm(`v${j}`, decided, gen.int(decided + 1), { sent: decided + gen.int(50), active: gen.chance(0.6) });
      });
      if (!arms.some((a) => a.active)) arms[0]!.active = true;
      const choice = chooseArm(arms, createRng("inactive-property", i));
      expect(arms.find((a) => a.name === choice.name)!.active).toBe(true);
      if (arms.filter((a) => a.active).length === 1) expect(choice.why).toBe("only");
    }
  });

  test("the same seed gives the same sequence of choices; the order the arms are given in does not matter", () => {
    const a = simulate({ a: 0.2, b: 0.25, c: 0.3 }, 500, "det");
    const b = simulate({ a: 0.2, b: 0.25, c: 0.3 }, 500, "det");
    const reordered = simulate({ c: 0.3, a: 0.2, b: 0.25 }, 500, "det");
    expect(a.choices).toEqual(b.choices);
    expect(reordered.choices).toEqual(a.choices);
    expect(simulate({ a: 0.2, b: 0.25, c: 0.3 }, 500, "other").choices).not.toEqual(a.choices);
  });

  test("the floor: a weak arm (5% vs 50%) keeps ≥ 10% of sends until it has 100 decided", () => {
    for (const seed of ["floor-1", "floor-2", "floor-3"]) {
      const sim = simulate({ weak: 0.05, strong: 0.5 }, 2_000, seed, DEFAULT_RULE, "weak");
      const exploring = sim.trace.filter((t) => t.weakDecidedBefore < 100);
      // It reaches 100 decided within the run (at 10% of sends, by about the 1,000th).
      expect(sim.arms.find((a) => a.name === "weak")!.decided).toBeGreaterThanOrEqual(100);
      expect(100 / exploring.length).toBeGreaterThanOrEqual(0.1);
      for (const t of exploring) expect(t.weakSent).toBeGreaterThanOrEqual(Math.floor(0.1 * t.total));
      // Once it has 100 decided, Thompson sends it very little more.
      expect(sentOf(sim, "weak")).toBeLessThan(0.1 * 2_000);
      expect(sim.choices.some((c) => c.why === "floor")).toBe(true);
    }
  });

  test("without the floor the weak arm gets far fewer sends (the floor is what keeps it)", () => {
    const sim = simulate({ weak: 0.05, strong: 0.5 }, 1_000, "floor-1", { ...DEFAULT_RULE, floor: 0 }, "weak");
    expect(sentOf(sim, "weak")).toBeLessThan(50);
    expect(sim.choices.every((c) => c.why === "sampled")).toBe(true);
  });

  test("the better arm (35% vs 25%) gets most of 3,000 sends", () => {
    for (const seed of ["better-1", "better-2", "better-3", "better-4"]) {
      const sim = simulate({ worse: 0.25, better: 0.35 }, 3_000, seed);
      expect(sentOf(sim, "better") / 3_000).toBeGreaterThan(0.6);
    }
  });

  test("with three arms each still exploring gets its floor; the best gets the most", () => {
    const sim = simulate({ a: 0.1, b: 0.2, c: 0.4 }, 3_000, "three");
    expect(sentOf(sim, "a")).toBeGreaterThanOrEqual(100);
    expect(sentOf(sim, "b")).toBeGreaterThanOrEqual(100);
    expect(sentOf(sim, "c")).toBeGreaterThan(0.7 * 3_000);
  });

  test("undecided sends count toward the floor (realised sends, not outcomes)", () => {
    // b has 0 decided but 30 of 100 sends: it is not behind a 10% floor, so the choice is sampled.
    const arms = [arm("a", 70, 35), arm("b", 0, 0, { sent: 30 })];
    expect(chooseArm(arms, createRng("undecided")).why).toBe("sampled");
  });
});

describe("probabilityBest", () => {
  test("is deterministic for the same stats, and sums to 1", () => {
    const arms = [arm("a", 200, 50), arm("b", 200, 60), arm("c", 40, 8, { active: false })];
    const p = probabilityBest(arms);
    expect(probabilityBest([...arms].reverse())).toEqual(p);
    expect([...p.keys()].sort()).toEqual(["a", "b", "c"]);
    expect([...p.values()].reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    expect(probabilityBest(arms, 4_000, "another-seed")).not.toEqual(p);
  });

  test("equal arms are about equally likely; a clearly better arm is nearly certain", () => {
    const even = probabilityBest([arm("a", 300, 90), arm("b", 300, 90)]);
    expect(Math.abs(even.get("a")! - 0.5)).toBeLessThan(0.05);
    const clear = probabilityBest([arm("a", 500, 100), arm("b", 500, 200)]);
    expect(clear.get("b")!).toBeGreaterThan(0.999);
  });

  test("agrees with the exact probability for two arms (numeric integration)", () => {
    // P(Xb > Xa) = ∫ f_b(x) F_a(x) dx, with Xa ~ Beta(1+30, 1+70) and Xb ~ Beta(1+38, 1+62).
    const p = probabilityBest([arm("a", 100, 30), arm("b", 100, 38)], 20_000);
    const n = 4_000;
    let exact = 0;
    let cdfA = 0;
    const logBetaFn = (a: number, b: number) => lgamma(a) + lgamma(b) - lgamma(a + b);
    const pdf = (a: number, b: number, x: number) => Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log(1 - x) - logBetaFn(a, b));
    for (let i = 0; i < n; i++) {
      const x = (i + 0.5) / n;
      cdfA += pdf(31, 71, x) / n;
      exact += (pdf(39, 63, x) * cdfA) / n;
    }
    expect(Math.abs(p.get("b")! - exact)).toBeLessThan(0.015);
  });

  test("an empty list gives an empty map; bad draws are refused", () => {
    expect(probabilityBest([]).size).toBe(0);
    expect(() => probabilityBest([arm("a", 1, 1)], 0)).toThrow(LinkpaceError);
    expect(() => probabilityBest([arm("a", 1, 1)], 1.5)).toThrow(LinkpaceError);
  });
});

/** ln Γ(n) for whole n ≥ 1 (enough for the test above). */
function lgamma(n: number): number {
  let s = 0;
  for (let k = 2; k < n; k++) s += Math.log(k);
  return s;
}

describe("winnerOf", () => {
  test("a clear winner with enough data is named", () => {
    expect(winnerOf([arm("a", 300, 60), arm("b", 300, 120)])).toBe("b");
  });

  test("enough probability but too few decided on some active arm: no winner", () => {
    const arms = [arm("a", 99, 5), arm("b", 400, 200)];
    expect(probabilityBest(arms).get("b")!).toBeGreaterThan(0.99);
    expect(winnerOf(arms)).toBeNull();
    expect(winnerOf([arm("a", 100, 5), arm("b", 400, 200)])).toBe("b");
  });

  test("close arms: no winner", () => {
    expect(winnerOf([arm("a", 300, 90), arm("b", 300, 95)])).toBeNull();
  });

  test("only active arms compete: an inactive better arm neither wins nor blocks", () => {
    const arms = [arm("a", 300, 60), arm("b", 300, 120), arm("off", 10, 9, { active: false })];
    expect(winnerOf(arms)).toBe("b");
    const offBest = [arm("a", 300, 60), arm("b", 300, 120), arm("off", 5_000, 4_000, { active: false })];
    expect(winnerOf(offBest)).toBe("b");
  });

  test("fewer than two active arms: no winner", () => {
    expect(winnerOf([arm("a", 1_000, 500)])).toBeNull();
    expect(winnerOf([arm("a", 1_000, 500), arm("b", 1_000, 100, { active: false })])).toBeNull();
  });

  test("the rule's thresholds are used", () => {
    const arms = [arm("a", 50, 10), arm("b", 50, 25)];
    expect(winnerOf(arms)).toBeNull();
    expect(winnerOf(arms, { ...DEFAULT_RULE, minDecidedForWinner: 50 })).toBe("b");
    expect(winnerOf(arms, { ...DEFAULT_RULE, minDecidedForWinner: 50, winnerProbability: 0.99999 })).toBeNull();
  });

  test("property: a winner is always active, has the highest probability, and every active arm has enough decided", () => {
    const gen = createRng("winner-property");
    for (let i = 0; i < 60; i++) {
      const arms = Array.from({ length: 2 + gen.int(3) }, (_, j) => {
        const decided = 50 + gen.int(400);
        const rate = gen.between(0.05, 0.6);
        return arm(`v${j}`, decided, Math.round(rate * decided), { active: gen.chance(0.8) });
      });
      const w = winnerOf(arms);
      if (w === null) continue;
      const active = arms.filter((a) => a.active);
      expect(active.map((a) => a.name)).toContain(w);
      expect(active.every((a) => a.decided >= DEFAULT_RULE.minDecidedForWinner)).toBe(true);
      expect(probabilityBest(active).get(w)!).toBeGreaterThanOrEqual(DEFAULT_RULE.winnerProbability);
    }
  });
});
