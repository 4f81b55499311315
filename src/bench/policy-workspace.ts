/**
 * The one workspace every policy of the policy benchmark works on: a generated scenario with a few accounts'
 * hidden weekly limits lowered further, and its prospects as the simulator knows them: the same identifiers,
 * zones, connections and unavailable profiles that run-simulation.ts registers for linkpace's own run.
 * With `variants` (the benchmark's second part), every campaign's connect gets named note variants and every
 * account's hidden truth a `variantQuality` and an `hourCurve` (policy-variants-setup.ts computes them).
 */
import type { AccountType, TextVariant } from "../core/model.js";
import { resolveZone } from "../core/prospect/location-zone.js";
import { profileIdentifiers } from "../core/prospect/profile-url.js";
import { renderForProspect } from "../core/template/index.js";
import type { LinkedInSimulator } from "../channels/simulator/index.js";
import { generateScenario } from "../sim/generate.js";
import type { Scenario } from "../sim/scenario.js";

export interface PolicyAccount {
  name: string;
  zone: string;
  type: AccountType;
  hiddenWeeklyLimit: number;
}

export interface PolicyProspect {
  account: string;
  url: string;
  identifiers: string[];
  /** The prospect's real zone in the simulated network. */
  zone: string;
  connected: boolean;
  unavailable: boolean;
  firstName: string;
  lastName: string;
  /** The campaign's note rendered for this prospect, "" when it cannot be sent (noteFallback: blank). */
  note: string;
  /** With note variants: each variant's note rendered for this prospect (every one sendable), in the campaign's order. */
  variants?: Array<{ name: string; note: string }>;
}

export interface PolicyWorkspace {
  scenario: Scenario;
  accounts: PolicyAccount[];
  /** Each account's prospects in the order they were generated (and enrolled). */
  prospectsOf: Map<string, PolicyProspect[]>;
  zoneOf: Map<string, string>;
}

export interface PolicyWorkspaceOptions {
  accounts: number;
  prospects: number;
  days: number;
  seed: number;
}

/** What the second part adds to the workspace: note variants for every connect, and the truth about them. */
export interface WorkspaceVariants {
  /** The connect's note variants (the campaign's `note` becomes the first one's text). */
  notes: TextVariant[];
  /** An account's hidden `variantQuality`, from its base acceptance. */
  quality(acceptance: number): Record<string, number>;
  /** The hidden `hourCurve` of every account. */
  hourCurve: Record<string, number[]>;
}

/**
 * generateScenario gives accounts 1, 5, 9, … a hidden limit of 80 and makes accounts 3, 10, 17, … young (they
 * warm up under linkpace); accounts 2, 8, 14, … get 60, so that no account is both young and lowered.
 */
function loweredLimit(index: number): number | null {
  return index % 6 === 2 ? 60 : null;
}

export function buildPolicyWorkspace(opts: PolicyWorkspaceOptions, variants?: WorkspaceVariants): PolicyWorkspace {
  const scenario = generateScenario(opts);
  scenario.accounts.forEach((a, i) => {
    const lowered = loweredLimit(i);
    if (lowered !== null) a.linkedin = { ...a.linkedin, weeklyInviteLimit: lowered };
    if (variants !== undefined) {
      const acceptance = a.linkedin.acceptance;
      if (acceptance === undefined) throw new Error(`policy workspace: ${a.doc.name} has no base acceptance`);
      a.linkedin = { ...a.linkedin, variantQuality: variants.quality(acceptance), hourCurve: variants.hourCurve };
    }
  });
  if (variants !== undefined) {
    const first = variants.notes[0];
    if (first === undefined) throw new Error("policy workspace: no note variants");
    for (const c of scenario.campaigns) {
      c.steps = c.steps.map((s) =>
        s.kind === "connect" ? { ...s, note: first.text, variants: variants.notes.map((v) => ({ ...v })) } : s,
      );
    }
  }
  const accounts: PolicyAccount[] = scenario.accounts.map((a) => ({
    name: a.doc.name,
    zone: a.doc.timezone,
    type: a.doc.type,
    hiddenWeeklyLimit: a.linkedin.weeklyInviteLimit ?? 100,
  }));
  const campaigns = new Map(scenario.campaigns.map((c) => [c.name, c]));
  const docs = new Map(scenario.accounts.map((a) => [a.doc.name, a.doc]));
  const prospectsOf = new Map<string, PolicyProspect[]>(accounts.map((a) => [a.name, []]));
  const zoneOf = new Map<string, string>();
  for (const p of scenario.prospects) {
    const campaign = campaigns.get(p.campaign);
    const doc = campaign ? docs.get(campaign.account) : undefined;
    if (!campaign || !doc) throw new Error(`policy workspace: prospect ${p.profileUrl} names unknown campaign ${p.campaign}`);
    const identifiers = profileIdentifiers([p.profileUrl]).map((id) => id.url);
    const url = identifiers[0];
    if (url === undefined) throw new Error(`policy workspace: ${p.profileUrl} is not a profile URL`);
    // As run-simulation.ts: explicit zone, else the resolver's guess from the location, else the sender's zone.
    const zone = p.timezone ?? resolveZone({ location: p.location })?.zone ?? doc.timezone;
    const connect = campaign.steps.find((s) => s.kind === "connect");
    const source = connect?.kind === "connect" ? connect.note : null;
    const vars = {
      firstName: p.firstName,
      lastName: p.lastName,
      fullName: `${p.firstName} ${p.lastName}`.trim(),
      company: p.company,
      title: p.title,
      location: p.location,
      custom: p.custom,
    };
    const rendered = source === null ? null : renderForProspect(source, vars, doc.noteMaxLength);
    const withVariants = connect?.kind === "connect" && connect.variants !== undefined ? connect.variants : null;
    const variantNotes = withVariants?.map((v) => {
      const r = v.text === null ? null : renderForProspect(v.text, vars, doc.noteMaxLength);
      if (r?.sendable !== true)
        throw new Error(`policy workspace: note variant ${v.name} cannot be sent to ${p.profileUrl}: ${r?.reason ?? "it has no text"}`);
      return { name: v.name, note: r.text };
    });
    zoneOf.set(url, zone);
    (prospectsOf.get(doc.name) as PolicyProspect[]).push({
      account: doc.name,
      url,
      identifiers,
      zone,
      connected: p.connected,
      unavailable: p.unavailable,
      firstName: p.firstName,
      lastName: p.lastName,
      note: rendered?.sendable ? rendered.text : "",
      ...(variantNotes !== undefined ? { variants: variantNotes } : {}),
    });
  }
  return { scenario, accounts, prospectsOf, zoneOf };
}

/** Makes every prospect known to a fresh simulator, as run-simulation.ts does after enrolling them. */
export function registerProspects(sim: LinkedInSimulator, ws: PolicyWorkspace): void {
  for (const list of ws.prospectsOf.values()) {
    for (const p of list) {
      sim.addProspect({
        account: p.account,
        url: p.url,
        identifiers: p.identifiers,
        timezone: p.zone,
        connected: p.connected,
        unavailable: p.unavailable,
      });
    }
  }
}
