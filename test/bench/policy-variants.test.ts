import { describe, expect, it } from "vitest";
import { replaceSection } from "../../src/bench/benchmarks-file.js";
import { runPolicyVariantsWith } from "../../src/bench/policy-variants.js";
import { HOUR_CURVE, variantQuality, VARIANT_SCENARIOS, windowMean } from "../../src/bench/policy-variants-setup.js";

describe("policy benchmark, part with variants (tiny)", () => {
  it("plays four policies on both workspaces and counts regret only where the variants differ", async () => {
    const run = await runPolicyVariantsWith({ accounts: 2, prospects: 300, days: 28, seed: 7 });
    expect(run.workspaces.map((w) => w.scenario.id)).toEqual(["differ", "equal"]);
    for (const w of run.workspaces) {
      expect(w.policies.map((p) => p.result.id)).toEqual(["static-12", "static-20-utc", "linkpace-even", "linkpace-learn"]);
      expect(w.targets).toHaveLength(2);
      for (const p of w.policies) {
        expect(p.sent).toBeGreaterThan(0);
        expect(Object.keys(p.sentByVariant).sort()).toEqual(["short", "warm"]);
        // Every policy sends both variants in the first weeks (statics by hash, linkpace evenly until it learns).
        expect(p.sentByVariant.short).toBeGreaterThan(0);
        expect(p.sentByVariant.warm).toBeGreaterThan(0);
        expect(p.acceptedPerAccountWeek).toBeCloseTo(p.accepted / ((2 * 28) / 7), 9);
      }
    }
    const [differ, equal] = run.workspaces;
    for (const p of equal?.policies ?? []) expect(p.regret.total).toBe(0);
    for (const p of differ?.policies ?? []) {
      // Only the weaker variant costs anything: 0.10 per invitation sent with it.
      expect(p.regret.byVariant.warm).toBe(0);
      expect(p.regret.total).toBeCloseTo((p.sentByVariant.short ?? 0) * 0.1, 9);
      expect(p.regret.total).toBeGreaterThan(0);
    }
  }, 30_000);

  it("sets the hidden factors so that each variant's true rate is the scenario's, whatever the base", () => {
    expect(windowMean(HOUR_CURVE)).toBeCloseTo(1, 12);
    const differ = VARIANT_SCENARIOS[0];
    if (!differ) throw new Error("no scenario");
    for (const base of [0.3, 0.37]) {
      const q = variantQuality(differ, base);
      expect(base * 1.25 * 1.3 * (q.short ?? 0)).toBeCloseTo(0.25, 12);
      expect(base * 1.25 * 1.3 * (q.warm ?? 0)).toBeCloseTo(0.35, 12);
    }
  });
});

describe("BENCHMARKS.md without the variants section", () => {
  it("puts it right after the policy section, under its own heading, and keeps the rest", () => {
    const doc = "# B\n\n## Policy\n\n<!-- bench:policy:start -->\nP\n<!-- bench:policy:end -->\n\n## Sittings\n\nS\n";
    const out = replaceSection(doc, "policy-variants", "V");
    expect(out).toBe(
      "# B\n\n## Policy\n\n<!-- bench:policy:start -->\nP\n<!-- bench:policy:end -->\n\n## Policy with variants: learning which note works\n\n<!-- bench:policy-variants:start -->\nV\n<!-- bench:policy-variants:end -->\n\n## Sittings\n\nS\n",
    );
    expect(replaceSection(out, "policy-variants", "W")).toBe(out.replace("\nV\n", "\nW\n"));
  });
});
