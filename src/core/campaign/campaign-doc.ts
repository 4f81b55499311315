/**
 * The campaign document: reading it from a file or an object, and turning it back into the shape a user
 * writes. Defaults: schedule timezone "recipient", days mon-fri, hours 09:00-17:00; stopOnReply true; priority 1; each
 * step's `after` 0; connect without note, noteFallback blank, withdrawAfter 21d (`never` to keep invitations
 * pending). Step rules are in campaign-steps.ts.
 */
import * as z from "zod";
import type { CampaignDoc, CampaignStep, TextVariant, Weekday } from "../model.js";
import { formatDuration } from "../time.js";
import type { ErrorIssue } from "../errors.js";
import { booleanField, list, nameField, priorityField, strictMapping, timeZoneField } from "./doc-fields.js";
import { invalidDocument, issuesFromZod, joinWhere } from "./doc-issues.js";
import { foldSteps, readStep } from "./campaign-steps.js";
import { readDocument } from "./read-document.js";
import { formatHours, toWeeklyHours, weeklyHoursMapping } from "./weekly-hours.js";

const campaignSchema = strictMapping(
  {
    name: nameField,
    account: nameField,
    schedule: weeklyHoursMapping(
      { days: ["mon", "tue", "wed", "thu", "fri"], hours: "09:00-17:00" },
      {
        timezone: timeZoneField({ allowRecipient: true }).default("recipient"),
        // Send-time learning (engine/send-times.ts): false keeps the queue's order whatever the hours learnt.
        learn: booleanField.default(true),
      },
      "a mapping with timezone, days, hours and learn",
    ).prefault({}),
    stopOnReply: booleanField.default(true),
    // The campaign's weight when its account's daily budgets are shared among its campaigns (fair-share.ts).
    priority: priorityField.default(1),
    // With variants: stop sending the others once one is clearly best (core/learning/bandit.ts).
    autoWinner: booleanField.default(false),
    // Each step is read on its own (campaign-steps.ts) so that every step's problems are reported.
    steps: list(z.unknown(), "a list of steps").min(1, { error: "a campaign needs at least one step" }),
  },
  "a campaign: a mapping with name, account, schedule, stopOnReply, priority, autoWinner and steps",
);

/** What a campaign is checked against besides itself. */
export interface CampaignContext {
  /** The workspace's account names: an `account` not among them is one more problem of the document. */
  accounts?: readonly string[];
}

/**
 * A campaign document given as an object, e.g. embedded in a simulation scenario; `where` locates it
 * (`scenario.json: campaigns[0]`). Throws a LinkpaceError listing every problem.
 */
export function campaignDocFromObject(obj: unknown, where: string, context: CampaignContext = {}): CampaignDoc {
  const issues: ErrorIssue[] = [];
  const parsed = campaignSchema.safeParse(obj);
  if (!parsed.success) issues.push(...issuesFromZod(parsed.error, where));
  const account = typeof obj === "object" && obj !== null ? (obj as { account?: unknown }).account : undefined;
  if (context.accounts && typeof account === "string" && !context.accounts.includes(account)) {
    const known = context.accounts.length > 0 ? `known: ${context.accounts.join(", ")}` : "none yet: add the account first";
    issues.push({ where: joinWhere(where, "account"), message: `no account named ${account} in this workspace (${known})` });
  }
  const rawSteps = typeof obj === "object" && obj !== null ? (obj as { steps?: unknown }).steps : undefined;
  const read = Array.isArray(rawSteps) ? rawSteps.map((s, i) => readStep(s, i, where, issues)) : [];
  const steps = foldSteps(read, where, issues);
  if (issues.length > 0 || !parsed.success) throw invalidDocument(where, "campaign", issues);
  const { schedule } = parsed.data;
  return {
    name: parsed.data.name,
    account: parsed.data.account,
    schedule: { timezone: schedule.timezone, hours: toWeeklyHours(schedule), ...(schedule.learn ? {} : { learn: false }) },
    stopOnReply: parsed.data.stopOnReply,
    priority: parsed.data.priority,
    ...(parsed.data.autoWinner ? { autoWinner: true } : {}),
    steps,
  };
}

/** A campaign file's text (YAML or JSON); `fileName` names it in errors and picks the JSON reader. */
export function parseCampaignDoc(text: string, fileName: string, context: CampaignContext = {}): CampaignDoc {
  const read = readDocument(text, fileName);
  if (!read.ok) throw invalidDocument(fileName, "campaign", read.issues);
  return campaignDocFromObject(read.value, fileName, context);
}

export type StepObject =
  | { visit: { after: string } }
  | { connect: { after: string; note: string | null | TextVariant[]; noteFallback: "blank" | "skip"; withdrawAfter: string } }
  | { message: { after: string; text: string | TextVariant[] } }
  | { withdraw: { after: string } };

/** A campaign as a user writes it, every setting shown (for `show` commands); parsing it gives the doc back. */
export interface CampaignObject {
  name: string;
  account: string;
  schedule: { timezone: string; days: Weekday[]; hours: string | string[]; learn?: boolean };
  stopOnReply: boolean;
  priority: number;
  autoWinner?: boolean;
  steps: StepObject[];
}

function stepToObject(step: CampaignStep): StepObject {
  const after = formatDuration(step.after);
  switch (step.kind) {
    case "visit":
      return { visit: { after } };
    case "connect": {
      const withdrawAfter = step.withdrawAfter === null ? "never" : formatDuration(step.withdrawAfter);
      return { connect: { after, note: step.variants ?? step.note, noteFallback: step.noteFallback, withdrawAfter } };
    }
    case "message":
      return { message: { after, text: step.variants ?? step.text } };
    case "withdraw":
      return { withdraw: { after } };
    default: {
      const never: never = step;
      return never;
    }
  }
}

export function campaignDocToObject(doc: CampaignDoc): CampaignObject {
  const { hours } = doc.schedule;
  return {
    name: doc.name,
    account: doc.account,
    schedule: {
      timezone: doc.schedule.timezone,
      days: [...hours.days],
      hours: formatHours(hours.windows),
      ...(doc.schedule.learn === false ? { learn: false } : {}),
    },
    stopOnReply: doc.stopOnReply,
    priority: doc.priority ?? 1,
    ...(doc.autoWinner === true ? { autoWinner: true } : {}),
    steps: doc.steps.map(stepToObject),
  };
}
