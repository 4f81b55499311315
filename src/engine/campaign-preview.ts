/**
 * A campaign definition's templates rendered for real prospects, before the campaign is created or changed:
 * each note and message as the engine would render it (prepare-action.ts renderNote / renderMessage, so the
 * note limit of the account's type and every unsendable case are the engine's), its length as LinkedIn
 * counts it, and whether it may be sent. The prospects are the first of the campaign's own when a campaign of
 * that name has any, else the workspace's most recent people.
 */
import type { AccountDoc, CampaignDoc, CampaignStep, StepKind } from "../core/model.js";
import { personName } from "../core/prospect/person-name.js";
import { countCharacters, type RenderResult } from "../core/template/index.js";
import type { PersonRow, Store, WorkspaceId } from "../store/store.js";
import { renderMessage, renderNote } from "./prepare-action.js";
import { sentTexts } from "./variants.js";

export interface StepRender {
  step: number;
  kind: StepKind;
  /** The text as it would be sent; null for steps without text, or when the template cannot render at all. */
  text: string | null;
  chars: number;
  sendable: boolean;
  problem: string | null;
}

export interface ProspectPreview {
  url: string;
  firstName: string;
  lastName: string;
  /** As shown: the full name as written, else first and last name. */
  fullName: string;
  company: string;
  title: string;
  renders: StepRender[];
}

export interface CampaignPreview {
  noteLimit: number;
  steps: Array<{ step: number; kind: StepKind; template: string | null }>;
  prospects: ProspectPreview[];
  /** Prospects with at least one text that cannot be sent. */
  unsendable: number;
  source: "campaign" | "workspace";
}

export async function previewCampaign(
  store: Store,
  input: { workspaceId: WorkspaceId; doc: CampaignDoc; account: AccountDoc; limit: number },
): Promise<CampaignPreview> {
  const { doc, account } = input;
  const { people, source } = await previewPeople(store, input.workspaceId, doc.name, input.limit);
  const prospects = people.map((person) => ({
    url: person.displayUrl,
    firstName: person.firstName,
    lastName: person.lastName,
    fullName: personName(person),
    company: person.company,
    title: person.title,
    renders: doc.steps.map((step, i) => renderStep(i, step, person, account)),
  }));
  return {
    noteLimit: account.noteMaxLength,
    steps: doc.steps.map((step, i) => ({ step: i, kind: step.kind, template: templateOf(step) })),
    prospects,
    unsendable: prospects.filter((p) => p.renders.some((r) => !r.sendable)).length,
    source,
  };
}

function templateOf(step: CampaignStep): string | null {
  return step.kind === "connect" ? step.note : step.kind === "message" ? step.text : null;
}

/**
 * A step for one person: its text as rendered (with variants, the first that is not paused), and whether it can
 * be sent; with variants, the first that cannot names itself in the problem.
 */
export function renderStep(i: number, step: CampaignStep, person: PersonRow, account: AccountDoc): StepRender {
  const texts = sentTexts(step);
  const shown = renderOne(i, step, texts[0]?.text ?? null, person, account);
  for (const v of texts.slice(1)) {
    const r = renderOne(i, step, v.text, person, account);
    if (!r.sendable && shown.sendable) return { ...shown, sendable: false, problem: `variant ${v.name}: ${r.problem}` };
  }
  const first = texts[0];
  return !shown.sendable && first?.name != null ? { ...shown, problem: `variant ${first.name}: ${shown.problem}` } : shown;
}

function renderOne(i: number, step: CampaignStep, template: string | null, person: PersonRow, account: AccountDoc): StepRender {
  const base = { step: i, kind: step.kind };
  let rendered: RenderResult;
  if (step.kind === "connect" && template !== null) rendered = renderNote(template, person, account);
  else if (step.kind === "message") rendered = renderMessage(template ?? "", person);
  else return { ...base, text: null, chars: 0, sendable: true, problem: null };
  const text = rendered.text ?? null;
  const chars = text === null ? 0 : countCharacters(text);
  if (rendered.sendable) return { ...base, text, chars, sendable: true, problem: null };
  // With noteFallback blank the engine still invites, without the note.
  const fallback =
    step.kind === "connect" && step.noteFallback === "blank" ? " (the invitation goes without a note: noteFallback blank)" : "";
  return { ...base, text, chars, sendable: false, problem: `${rendered.reason}${fallback}` };
}

async function previewPeople(
  store: Store,
  workspaceId: WorkspaceId,
  name: string,
  limit: number,
): Promise<{ people: PersonRow[]; source: CampaignPreview["source"] }> {
  const campaign = await store.getCampaign(workspaceId, name);
  if (campaign) {
    const rows = await store.exportEnrollments(workspaceId, { campaignId: campaign.id }, 0, limit);
    const people: PersonRow[] = [];
    for (const row of rows) {
      const person = await store.getPerson(row.person.id);
      if (person) people.push(person);
    }
    if (people.length > 0) return { people, source: "campaign" };
  }
  return { people: await store.recentPeople(workspaceId, limit), source: "workspace" };
}
