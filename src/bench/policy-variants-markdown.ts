/**
 * The "Policy with variants" section of BENCHMARKS.md, rendered from the run alone: per workspace (variants
 * differ, variants equal), each policy's acceptances per account-week, sends, signals, restrictions and regret
 * by variant, then the issue's targets, each marked met or missed.
 */
import type { MachineInfo } from "./machine-info.js";
import { duration, table } from "./markdown.js";
import { HOUR_CURVE, NOTE_VARIANTS } from "./policy-variants-setup.js";
import type { PolicyVariantsRun, VariantsWorkspaceRun } from "./policy-variants.js";

const int = (n: number): string => Math.round(n).toLocaleString("en-US");
const dec = (n: number, d = 1): string => n.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
const pct = (x: number): string => `${dec(100 * x, 0)}%`;

function workspaceSection(w: VariantsWorkspaceRun): string[] {
  const names = NOTE_VARIANTS.map((v) => v.name);
  const rates = names.map((n) => `${n} ${pct(w.scenario.trueRates[n] ?? 0)}`).join(", ");
  const qualities = Object.values(w.quality).flatMap((q) => names.map((n) => q[n] ?? 1));
  const range = qualities.length > 0 ? `${dec(Math.min(...qualities), 2)} to ${dec(Math.max(...qualities), 2)}` : "none";
  return [
    `### Workspace "${w.scenario.label}"`,
    "",
    `True acceptance per variant: ${rates} (hidden \`variantQuality\` factors ${range}, per account from its base acceptance).`,
    "",
    table(
      [
        "policy",
        "accepted / account-week",
        "invitations sent",
        "accepted",
        "weekly-limit signals",
        "restrictions",
        `sent ${names.join(" / ")}`,
        "regret",
        ...names.map((n) => `regret ${n}`),
        "wall time",
      ],
      w.policies.map((p) => [
        p.result.label,
        dec(p.acceptedPerAccountWeek),
        int(p.sent),
        int(p.accepted),
        int(p.limitSignals),
        `${int(p.restrictions)}${p.restrictedAccounts > 0 ? ` (${p.restrictedAccounts} account${p.restrictedAccounts === 1 ? "" : "s"})` : ""}`,
        names.map((n) => int(p.sentByVariant[n] ?? 0)).join(" / "),
        dec(p.regret.total),
        ...names.map((n) => dec(p.regret.byVariant[n] ?? 0)),
        duration(p.result.wallMs),
      ]),
    ),
    "",
    "Targets:",
    "",
    ...w.targets.map(
      (t) =>
        `- ${t.met ? "met" : "**missed**"}: ${t.what} ≥ ${dec(t.threshold, 2)}${t.condition ? `, ${t.condition}` : ""} (${t.ratio === null ? "no ratio: nothing accepted by the other" : `${dec(t.ratio, 2)}×`})`,
    ),
    ...(w.remarks.length > 0 ? ["", "Found during the run:", "", ...w.remarks.map((x) => `- ${x}`)] : []),
  ];
}

export function renderPolicyVariants(run: PolicyVariantsRun, m: MachineInfo, command: string): string {
  const o = run.workspace;
  return [
    `Measured ${run.startedAt} with \`${command}\`; ${m.cores} cores (${m.cpu}), load average at start ${run.loadAverage.join(" / ")}. Two workspaces built like the first part's (generateScenario, seed ${o.seed}, the same lowered hidden limits): ${o.accounts} accounts, ${int(o.prospects)} prospects, ${o.days} simulated days (${dec((o.accounts * o.days) / 7)} account-weeks). Every campaign's connect has two note variants, ${NOTE_VARIANTS.map((v) => `\`${v.name}\``).join(" and ")}; every account's hidden truth has an hour curve ("*": ${HOUR_CURVE.map((x) => dec(x)).join(", ")} by the recipient's local hour, averaging 1 over 09:00-17:00) and a \`variantQuality\` per variant. Each policy plays the same prospects, in the same order, against a fresh simulator with the same seed.`,
    "",
    "- A variant's *true acceptance* is the chance that an invitation with it, reaching the recipient on a weekday inside 09:00-17:00 of their zone, is accepted, averaged over those hours: the simulator's base acceptance × 1.25 (business hours) × 1.3 (note) × the variant's factor × the hour curve. So each account's factor is the true rate ÷ (its base × 1.25 × 1.3), and every account has the same true rates.",
    "- *Regret*: for each invitation sent with variant v, (true acceptance of the best variant − that of v); the total and per variant. Invitations sent without a note (a free account past its monthly note quota) carry no variant and no regret.",
    "- *accepted / account-week*: accepted invitations (network events inside the run) ÷ (accounts × weeks).",
    '- The static policies give each prospect one variant by a hash of the seed and its URL (about half each) and send that note; linkpace without learning chooses evenly (`variantPolicy: "even"`) with send-time learning off (`hourLearning: false`); linkpace with learning runs with the defaults.',
    "",
    ...run.workspaces.flatMap((w) => [...workspaceSection(w), ""]),
  ]
    .join("\n")
    .trimEnd();
}
