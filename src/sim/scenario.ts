/**
 * The simulation scenario: accounts with their hidden LinkedIn truth, campaigns, prospects
 * inline and from CSV files. Parsing validates everything up front and names the place of every problem.
 */
import { z } from "zod";
import { accountDocFromObject, campaignDocFromObject, checkCreatedDate } from "../core/campaign/index.js";
import { LinkpaceError, type ErrorIssue } from "../core/errors.js";
import { isValidZone } from "../core/prospect/zone-offset.js";
import type { AccountDoc, CampaignDoc } from "../core/model.js";
import { parseInstant, type Instant } from "../core/time.js";

export interface ScenarioAccount {
  doc: AccountDoc;
  linkedin: {
    weeklyInviteLimit?: number;
    noteQuotaPerMonth?: number | null;
    acceptance?: number;
    replyRate?: number;
    /** Variant name → factor > 0 on acceptance (connect notes) or reply rate (first messages). */
    variantQuality?: Record<string, number>;
    /** IANA zone or "*" → 24 acceptance factors by the person's local hour of arrival. */
    hourCurve?: Record<string, number[]>;
  };
}

export interface InlineProspect {
  campaign: string;
  profileUrl: string;
  firstName: string;
  lastName: string;
  company: string;
  title: string;
  location: string;
  timezone: string | null;
  connected: boolean;
  /** Simulator truth: the profile cannot be reached (deleted, private). */
  unavailable: boolean;
  custom: Record<string, string>;
}

export interface Scenario {
  start: Instant;
  days: number;
  seed: number | string;
  accounts: ScenarioAccount[];
  campaigns: CampaignDoc[];
  prospects: InlineProspect[];
  imports: Array<{ campaign: string; file: string }>;
}

const truthSchema = z.strictObject({
  weeklyInviteLimit: z.number().int().min(0).optional(),
  noteQuotaPerMonth: z.number().int().min(0).nullable().optional(),
  acceptance: z.number().min(0).max(1).optional(),
  replyRate: z.number().min(0).max(1).optional(),
  variantQuality: z
    .record(z.string(), z.number().positive())
    .check(keyIssues((name) => (name.trim() === "" ? "a variant name may not be empty" : null)))
    .optional(),
  hourCurve: z
    .record(z.string(), z.array(z.number().min(0)).length(24, "must be a list of 24 factors (local hours 0 to 23)"))
    .check(
      keyIssues((zone) =>
        zone === "*" || isValidZone(zone) ? null : `"${zone}" is not an IANA time zone (e.g. Europe/Berlin) nor "*" (every other zone)`,
      ),
    )
    .optional(),
});

/** A record check reporting each bad key at the key's own path (zod's own key errors only say "Invalid key in record"). */
function keyIssues(problem: (key: string) => string | null): z.core.CheckFn<Record<string, unknown>> {
  return (ctx) => {
    for (const key of Object.keys(ctx.value)) {
      const message = problem(key);
      if (message !== null) ctx.issues.push({ code: "custom", message, input: key, path: key.trim() === "" ? [] : [key] });
    }
  };
}

const prospectSchema = z.strictObject({
  campaign: z.string().min(1),
  profileUrl: z.string().min(1),
  firstName: z.string().default(""),
  lastName: z.string().default(""),
  company: z.string().default(""),
  title: z.string().default(""),
  location: z.string().default(""),
  timezone: z.string().nullable().default(null),
  connected: z.boolean().default(false),
  unavailable: z.boolean().default(false),
  custom: z.record(z.string(), z.string()).default({}),
});

const scenarioSchema = z.strictObject({
  start: z.string(),
  days: z.number().int().min(1).max(366),
  seed: z.union([z.number().int(), z.string().min(1)]).default(1),
  accounts: z.array(z.record(z.string(), z.unknown())).min(1),
  campaigns: z.array(z.unknown()).default([]),
  prospects: z.array(z.unknown()).default([]),
  imports: z.array(z.strictObject({ campaign: z.string().min(1), file: z.string().min(1) })).default([]),
});

export function parseScenario(text: string, fileName: string): Scenario {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new LinkpaceError("invalid_input", `${fileName}: not valid JSON: ${(e as Error).message}`);
  }
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) throw new LinkpaceError("invalid_input", `${fileName}: invalid scenario`, zodIssues(parsed.error, fileName));
  const s = parsed.data;
  const issues: ErrorIssue[] = [];
  const start = parseInstant(s.start);
  if (start === null)
    issues.push({ where: `${fileName}: start`, message: `expected an ISO 8601 instant like 2027-03-01T00:00:00Z, got "${s.start}"` });
  const accounts = collect(issues, s.accounts, (a, i) => parseAccount(a, `${fileName}: accounts[${i}]`, start));
  const campaigns = collect(issues, s.campaigns, (c, i) => campaignDocFromObject(c, `${fileName}: campaigns[${i}]`));
  const prospects = collect(issues, s.prospects, (p, i) => parseProspect(p, `${fileName}: prospects[${i}]`));
  checkReferences(issues, fileName, { accounts, campaigns, prospects, imports: s.imports });
  if (issues.length > 0) throw new LinkpaceError("invalid_input", `${fileName}: invalid scenario`, issues);
  return { start: start as Instant, days: s.days, seed: s.seed, accounts, campaigns, prospects, imports: s.imports };
}

/** An account and its LinkedIn truth; its `created` date may not be after the scenario's start. */
function parseAccount(obj: Record<string, unknown>, where: string, start: Instant | null): ScenarioAccount {
  const { linkedin, ...fields } = obj;
  const truth = truthSchema.safeParse(linkedin ?? {});
  if (!truth.success)
    throw new LinkpaceError("invalid_input", `${where}: invalid linkedin truth`, zodIssues(truth.error, `${where}.linkedin`));
  const doc = accountDocFromObject(fields, where);
  if (start !== null) checkCreatedDate(doc, start, where);
  return { doc, linkedin: truth.data };
}

function parseProspect(obj: unknown, where: string): InlineProspect {
  const parsed = prospectSchema.safeParse(obj);
  if (!parsed.success) throw new LinkpaceError("invalid_input", `${where}: invalid prospect`, zodIssues(parsed.error, where));
  return parsed.data;
}

/** Runs `parse` on every item, gathering LinkpaceError issues instead of stopping at the first. */
function collect<I, O>(issues: ErrorIssue[], items: I[], parse: (item: I, index: number) => O): O[] {
  const out: O[] = [];
  items.forEach((item, i) => {
    try {
      out.push(parse(item, i));
    } catch (e) {
      if (!(e instanceof LinkpaceError)) throw e;
      issues.push(...(e.issues.length > 0 ? e.issues : [{ where: `item ${i}`, message: e.message }]));
    }
  });
  return out;
}

function checkReferences(
  issues: ErrorIssue[],
  file: string,
  s: { accounts: ScenarioAccount[]; campaigns: CampaignDoc[]; prospects: InlineProspect[]; imports: Array<{ campaign: string }> },
): void {
  const accountNames = new Set<string>();
  s.accounts.forEach((a, i) => {
    if (accountNames.has(a.doc.name))
      issues.push({ where: `${file}: accounts[${i}].name`, message: `duplicate account name ${a.doc.name}` });
    accountNames.add(a.doc.name);
  });
  const campaignNames = new Set<string>();
  s.campaigns.forEach((c, i) => {
    if (campaignNames.has(c.name)) issues.push({ where: `${file}: campaigns[${i}].name`, message: `duplicate campaign name ${c.name}` });
    if (!accountNames.has(c.account))
      issues.push({
        where: `${file}: campaigns[${i}].account`,
        message: `unknown account ${c.account} (known: ${[...accountNames].join(", ")})`,
      });
    campaignNames.add(c.name);
  });
  const known = [...campaignNames].join(", ") || "none";
  s.prospects.forEach((p, i) => {
    if (!campaignNames.has(p.campaign))
      issues.push({ where: `${file}: prospects[${i}].campaign`, message: `unknown campaign ${p.campaign} (known: ${known})` });
  });
  s.imports.forEach((imp, i) => {
    if (!campaignNames.has(imp.campaign))
      issues.push({ where: `${file}: imports[${i}].campaign`, message: `unknown campaign ${imp.campaign} (known: ${known})` });
  });
}

/** Zod issues as ErrorIssues: `prefix` is a file (`scenario.json` → `scenario.json: days`) or a path in one (`f.json: prospects[2]` → `f.json: prospects[2].campaign`). */
export function zodIssues(error: z.ZodError, prefix: string): ErrorIssue[] {
  const sep = prefix.includes(": ") ? "." : ": ";
  return error.issues.map((issue) => ({
    where: issue.path.length ? `${prefix}${sep}${formatPath(issue.path)}` : prefix,
    message: issue.message,
  }));
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`)).join("");
}
