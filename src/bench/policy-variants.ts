/**
 * The policy benchmark's second part, "Policy with variants": two workspaces built like the first part's (same
 * generator, seed and prospects) but longer, every connect with two note variants and a hidden hour curve; in
 * one the variants differ, in the other they are equal (policy-variants-setup.ts). Each is played four times:
 * by the two static policies (splitting the variants evenly by a hash of the prospect), by linkpace choosing
 * variants evenly with send-time learning off, and by linkpace as it runs by default (learning both).
 */
import { loadavg } from "node:os";
import type { BenchOptions } from "./bench-options.js";
import { runLinkpace, type LinkpaceSetup } from "./policy.js";
import { totalsOf, type PolicyResult } from "./policy-tally.js";
import { regretOf, VARIANT_SCENARIOS, workspaceVariants, type VariantsScenario } from "./policy-variants-setup.js";
import { buildPolicyWorkspace, type PolicyWorkspaceOptions } from "./policy-workspace.js";
import { StaticDriver } from "./static-driver.js";
import { twelveADayPolicy, twentyFromUtcMidnightPolicy } from "./static-policies.js";

const CAMPAIGN_RULES =
  "the generated campaigns with two note variants (short, warm): recipient's zone 09:00-17:00 on weekdays, sender's working hours, rolling weekly budget learnt from LinkedIn's signals, warm-up, withdraw after 21 days";

export const WITHOUT_LEARNING: LinkpaceSetup = {
  id: "linkpace-even",
  label: "linkpace without learning",
  rules: `${CAMPAIGN_RULES}; variants chosen evenly (variantPolicy "even"), send-time learning off (hourLearning false)`,
  name: "linkpace without learning",
  variantPolicy: "even",
  hourLearning: false,
  trackLastWeek: true,
};

export const WITH_LEARNING: LinkpaceSetup = {
  id: "linkpace-learn",
  label: "linkpace with learning",
  rules: `${CAMPAIGN_RULES}; variants by Thompson sampling on invitations sent 21 days ago or more, send-time learning on (the defaults)`,
  name: "linkpace with learning",
  trackLastWeek: true,
};

/** One policy's figures on one workspace. */
export interface VariantsPolicyResult {
  result: PolicyResult;
  acceptedPerAccountWeek: number;
  sent: number;
  accepted: number;
  limitSignals: number;
  restrictions: number;
  restrictedAccounts: number;
  /** Invitations sent with each variant (those sent without a note name none). */
  sentByVariant: Record<string, number>;
  regret: { total: number; byVariant: Record<string, number> };
}

export interface VariantsTarget {
  what: string;
  ratio: number | null;
  threshold: number;
  /** A further condition of the target (no restriction), null when none. */
  condition: string | null;
  met: boolean;
}

export interface VariantsWorkspaceRun {
  scenario: VariantsScenario;
  /** Each account's hidden variantQuality, by account name. */
  quality: Record<string, Record<string, number>>;
  enrolled: { withoutLearning: number; withLearning: number };
  policies: VariantsPolicyResult[];
  targets: VariantsTarget[];
  remarks: string[];
}

export interface PolicyVariantsRun {
  /** When this part started (UTC) and the machine's load average then. */
  startedAt: string;
  loadAverage: number[];
  workspace: PolicyWorkspaceOptions;
  workspaces: VariantsWorkspaceRun[];
}

export function variantsOptions(opts: Pick<BenchOptions, "quick">): PolicyWorkspaceOptions {
  // linkpace enrolls about 89% of the generated prospects (the others' zones are never reached by their sender's
  // hours; fewer for a sender in Los Angeles) and about 4% are connected or gone. The full run's 36,000 leave each
  // account about 1,500 to invite (fewer from Los Angeles), above 12 weeks of its hidden limit (1,200 at most);
  // the quick run's 6,000, about 640 for 6 weeks (600). The run remarks on any account that ran short anyway.
  return opts.quick ? { accounts: 8, prospects: 6000, days: 42, seed: 7 } : { accounts: 20, prospects: 36_000, days: 84, seed: 7 };
}

function figures(result: PolicyResult, trueRates: Record<string, number>): VariantsPolicyResult {
  const t = totalsOf(result.accounts, result.days);
  const sentByVariant = Object.fromEntries(Object.keys(trueRates).map((v) => [v, result.sentByVariant?.[v] ?? 0]));
  for (const [v, n] of Object.entries(result.sentByVariant ?? {})) sentByVariant[v] = n;
  return {
    result,
    acceptedPerAccountWeek: t.accepted / t.accountWeeks,
    sent: t.sent,
    accepted: t.accepted,
    limitSignals: t.limitSignals,
    restrictions: t.restrictions,
    restrictedAccounts: t.restrictedAccounts,
    sentByVariant,
    regret: regretOf(sentByVariant, trueRates),
  };
}

const ratioOf = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/** The issue's targets for one workspace: learning against the better static policy and against no learning. */
export function variantsTargets(s: VariantsScenario, policies: VariantsPolicyResult[]): VariantsTarget[] {
  const learn = policies.find((p) => p.result.id === WITH_LEARNING.id);
  const even = policies.find((p) => p.result.id === WITHOUT_LEARNING.id);
  const statics = policies.filter((p) => p.result.id !== WITH_LEARNING.id && p.result.id !== WITHOUT_LEARNING.id);
  if (!learn || !even || statics.length === 0) throw new Error("policy variants: a policy is missing");
  const better = statics.reduce((a, b) => (b.acceptedPerAccountWeek > a.acceptedPerAccountWeek ? b : a));
  const vsStatic = ratioOf(learn.acceptedPerAccountWeek, better.acceptedPerAccountWeek);
  const vsEven = ratioOf(learn.acceptedPerAccountWeek, even.acceptedPerAccountWeek);
  const evenThreshold = Object.values(s.trueRates).every((r, _, all) => r === all[0]) ? 0.98 : 1.15;
  return [
    {
      what: `linkpace with learning ÷ the better static policy, ${better.result.label.split(" ")[0] ?? better.result.label}, accepted per account-week`,
      ratio: vsStatic,
      threshold: 1.5,
      condition: "no restriction of linkpace with learning",
      met: vsStatic !== null && vsStatic >= 1.5 && learn.restrictions === 0,
    },
    {
      what: "linkpace with learning ÷ linkpace without learning, accepted per account-week",
      ratio: vsEven,
      threshold: evenThreshold,
      condition: null,
      met: vsEven !== null && vsEven >= evenThreshold,
    },
  ];
}

async function runWorkspace(options: PolicyWorkspaceOptions, s: VariantsScenario): Promise<VariantsWorkspaceRun> {
  const ws = buildPolicyWorkspace(options, workspaceVariants(s));
  process.stderr.write(`[policy variants] workspace "${s.label}"\n`);
  const results: PolicyResult[] = [];
  for (const policy of [twelveADayPolicy(options.seed), twentyFromUtcMidnightPolicy(options.seed)]) {
    process.stderr.write(`[policy variants] ${policy.label}\n`);
    results.push(new StaticDriver(ws, policy, true).run());
  }
  const even = await runLinkpace(ws, WITHOUT_LEARNING);
  const learn = await runLinkpace(ws, WITH_LEARNING);
  results.push(even.result, learn.result);
  const remarks = [...even.remarks, ...learn.remarks];
  for (const [name, run] of [
    [WITHOUT_LEARNING.label, even],
    [WITH_LEARNING.label, learn],
  ] as const) {
    if (run.enrolled !== options.prospects)
      remarks.push(`${name} enrolled ${run.enrolled} of ${options.prospects} prospects; the static policies saw all of them`);
  }
  for (const r of results) {
    const unnamed = r.accounts.reduce((n, a) => n + a.sent, 0) - Object.values(r.sentByVariant ?? {}).reduce((n, x) => n + x, 0);
    if (unnamed > 0)
      remarks.push(`${r.label}: ${unnamed} invitation(s) went without a note, so with no variant (free accounts' note quota)`);
  }
  for (const r of results) {
    const short = r.accounts.filter((a) => (r.sentInLastWeek?.[a.account] ?? 0) < a.hiddenWeeklyLimit / 2 && a.restrictions === 0);
    if (short.length > 0)
      remarks.push(
        `${r.label}: ${short.length} account(s) sent less than half their hidden weekly limit in the run's last 7 days without a restriction (out of prospects, or still warming up): ${short.map((a) => `${a.account} ${r.sentInLastWeek?.[a.account] ?? 0} of ${a.hiddenWeeklyLimit}`).join(", ")}`,
      );
  }
  const policies = results.map((r) => figures(r, s.trueRates));
  return {
    scenario: s,
    quality: Object.fromEntries(ws.scenario.accounts.map((a) => [a.doc.name, a.linkedin.variantQuality ?? {}])),
    enrolled: { withoutLearning: even.enrolled, withLearning: learn.enrolled },
    policies,
    targets: variantsTargets(s, policies),
    remarks,
  };
}

/** Runs the second part on `options` (variantsOptions for the bench; smaller in tests). */
export async function runPolicyVariantsWith(options: PolicyWorkspaceOptions): Promise<PolicyVariantsRun> {
  const startedAt = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  const loadAverage = loadavg().map((l) => Math.round(l * 100) / 100);
  process.stderr.write(
    `\n[policy variants] ${options.accounts} accounts, ${options.prospects} prospects, ${options.days} days, seed ${options.seed}\n`,
  );
  const workspaces: VariantsWorkspaceRun[] = [];
  for (const s of VARIANT_SCENARIOS) workspaces.push(await runWorkspace(options, s));
  return { startedAt, loadAverage, workspace: options, workspaces };
}

export async function runPolicyVariants(opts: BenchOptions): Promise<PolicyVariantsRun> {
  return runPolicyVariantsWith(variantsOptions(opts));
}
