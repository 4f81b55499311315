/**
 * The campaign editor's form state and its mapping to and from the campaign document
 * (src/core/campaign/campaign-doc.ts): the form keeps every field as the text the user typed, the document
 * leaves out what is empty so the server's defaults apply (after 0s, no note, noteFallback blank, withdrawAfter
 * 21d; `never` keeps invitations pending). A connect's note or a message's text may be a list of named variants
 * (docs/variants.md): the step's form then holds them in `variants` and its single `note` / `text` is unused.
 */
import type { ApiSchema } from "../api-json.js";

/** A field a 422 names (api.ts ProblemField; declared here so this file imports only types and the tests can load it). */
export interface ProblemField {
  field: string;
  message: string;
}

/** The step kinds, as the API's task schema names them (generated from the server's own list). */
export type StepKind = ApiSchema<"Task">["kind"];
export const STEP_KINDS: StepKind[] = ["visit", "connect", "message", "withdraw"];
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** One variant of a step's note or text, as typed; an empty note variant is sent without a note (text null). */
export interface VariantForm {
  name: string;
  text: string;
  paused: boolean;
}

export interface StepForm {
  /** Stable key for rendering and label ids; not part of the document. */
  id: number;
  kind: StepKind;
  after: string;
  note: string;
  noteFallback: "blank" | "skip";
  withdrawAfter: string;
  text: string;
  /** The note's (connect) or text's (message) variants; empty: the single `note` / `text`. */
  variants: VariantForm[];
}

export interface CampaignForm {
  name: string;
  account: string;
  timezone: string;
  days: string[];
  hours: string;
  stopOnReply: boolean;
  /** The campaign's weight in its account's shared budgets, as typed ("" leaves the default, 1). */
  priority: string;
  /** With variants: send only the one found best, once it is clearly best. */
  autoWinner: boolean;
  steps: StepForm[];
}

let nextStepId = 1;

export function newStep(kind: StepKind, fields: Partial<Omit<StepForm, "id" | "kind">> = {}): StepForm {
  return { id: nextStepId++, kind, after: "", note: "", noteFallback: "blank", withdrawAfter: "", text: "", variants: [], ...fields };
}

export function defaultForm(account: string): CampaignForm {
  return {
    name: "",
    account,
    timezone: "recipient",
    days: ["mon", "tue", "wed", "thu", "fri"],
    hours: "09:00-17:00",
    stopOnReply: true,
    priority: "1",
    autoWinner: false,
    steps: [
      newStep("visit"),
      newStep("connect", {
        after: "1d",
        note: "Hi {{ firstName }}, I came across your work at {{ company | default: 'your company' }} and would like to connect.",
        withdrawAfter: "21d",
      }),
      newStep("message", { after: "2d", text: "Thanks for connecting, {{ firstName }}!" }),
    ],
  };
}

const trimmed = (s: string) => s.trim();

/** The campaign document the form describes, as POST /v1/campaigns takes it. */
export function toDocument(form: CampaignForm): Record<string, unknown> {
  const windows = form.hours.split(",").map(trimmed).filter(Boolean);
  return {
    name: form.name.trim(),
    account: form.account,
    schedule: { timezone: form.timezone, days: form.days, hours: windows.length === 1 ? windows[0] : windows },
    stopOnReply: form.stopOnReply,
    ...priorityToDocument(form.priority),
    ...(form.autoWinner ? { autoWinner: true } : {}),
    steps: form.steps.map(stepToDocument),
  };
}

/** A number as a number; anything else as typed, for the server to say what is expected. */
function priorityToDocument(typed: string): { priority?: number | string } {
  const p = typed.trim();
  if (p === "") return {};
  const n = Number(p);
  return { priority: Number.isFinite(n) ? n : p };
}

function stepToDocument(s: StepForm): Record<string, unknown> {
  const opts: Record<string, unknown> = {};
  if (s.after.trim() !== "") opts.after = s.after.trim();
  if (s.kind === "connect") {
    if (s.variants.length > 0) opts.note = s.variants.map((v) => variantToDocument(v, true));
    else if (s.note.trim() !== "") opts.note = s.note;
    opts.noteFallback = s.noteFallback;
    if (s.withdrawAfter.trim() !== "") opts.withdrawAfter = s.withdrawAfter.trim();
  }
  if (s.kind === "message") opts.text = s.variants.length > 0 ? s.variants.map((v) => variantToDocument(v, false)) : s.text;
  return { [s.kind]: opts };
}

/** A variant as the document lists it: an empty note is null (no note); a message's text stays as typed for the server to check. */
function variantToDocument(v: VariantForm, note: boolean): Record<string, unknown> {
  return { name: v.name.trim(), text: note && v.text.trim() === "" ? null : v.text, ...(v.paused ? { paused: true } : {}) };
}

/** A note's or a text's variants from the document, [] for a single text, or a message when the list is not variants. */
function variantsFromDocument(value: unknown, where: string): VariantForm[] | string {
  if (!Array.isArray(value)) return [];
  const out: VariantForm[] = [];
  for (const [i, item] of value.entries()) {
    if (typeof item !== "object" || item === null || Array.isArray(item)) return `${where}: variant ${i + 1} is not a mapping`;
    const v = item as Record<string, unknown>;
    out.push({ name: text(v.name), text: text(v.text), paused: v.paused === true });
  }
  return out;
}

const text = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");

/**
 * The form for a document (a campaign's definition from GET /v1/campaigns/NAME, or the JSON tab's text).
 * Returns a message instead when the document has a shape the form cannot show; the JSON tab still can.
 */
export function fromDocument(doc: unknown): CampaignForm | string {
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return "the document is not a JSON object";
  const d = doc as Record<string, unknown>;
  const schedule = (typeof d.schedule === "object" && d.schedule !== null ? d.schedule : {}) as Record<string, unknown>;
  const hours = Array.isArray(schedule.hours) ? schedule.hours.map(text).join(", ") : text(schedule.hours ?? "09:00-17:00");
  const days = Array.isArray(schedule.days) ? schedule.days.map(text) : ["mon", "tue", "wed", "thu", "fri"];
  if (!Array.isArray(d.steps)) return "steps is not a list";
  const steps: StepForm[] = [];
  for (const [i, raw] of d.steps.entries()) {
    const kind = typeof raw === "object" && raw !== null ? Object.keys(raw)[0] : undefined;
    if (!kind || !(STEP_KINDS as string[]).includes(kind) || Object.keys(raw as object).length !== 1)
      return `steps[${i}] is not one of ${STEP_KINDS.join(", ")}`;
    const o = ((raw as Record<string, unknown>)[kind] ?? {}) as Record<string, unknown>;
    const after = text(o.after);
    const listed = kind === "connect" ? o.note : kind === "message" ? o.text : undefined;
    const variants = variantsFromDocument(listed, `steps[${i}].${kind}.${kind === "connect" ? "note" : "text"}`);
    if (typeof variants === "string") return variants;
    steps.push(
      newStep(kind as StepKind, {
        after: after === "0s" ? "" : after,
        note: text(o.note),
        noteFallback: o.noteFallback === "skip" ? "skip" : "blank",
        withdrawAfter: text(o.withdrawAfter),
        text: text(o.text),
        variants,
      }),
    );
  }
  return {
    name: text(d.name),
    account: text(d.account),
    timezone: text(schedule.timezone ?? "recipient") || "recipient",
    days,
    hours,
    stopOnReply: d.stopOnReply !== false,
    priority: d.priority === undefined ? "1" : text(d.priority),
    autoWinner: d.autoWinner === true,
    steps,
  };
}

/** A 422's field as a path in the campaign document (the preview nests it under `definition`). */
export function documentField(field: string): string {
  return field.replace(/^definition(\.|(?=\[)|$)/, "") || "document";
}

/** The problems at `path` or inside it (`steps[1]` matches `steps[1].connect.note`). */
export function problemsAt(problems: ProblemField[], path: string, exact = false): ProblemField[] {
  return problems.filter((p) => p.field === path || (!exact && (p.field.startsWith(`${path}.`) || p.field.startsWith(`${path}[`))));
}

/** A name for a new variant of `variants`: the first of a, b, c, … (then v11, v12, …) not used yet. */
export function nextVariantName(variants: readonly VariantForm[]): string {
  const used = new Set(variants.map((v) => v.name.trim().toLowerCase()));
  for (let i = 0; ; i++) {
    const name = i < 26 ? String.fromCharCode(97 + i) : `v${i + 1}`;
    if (!used.has(name)) return name;
  }
}

/**
 * "Add variant": a single text becomes two variants (the text as `a`, an empty `b`); a list gets one more row.
 * `single` is the step's note or text.
 */
export function addVariant(variants: readonly VariantForm[], single: string): VariantForm[] {
  if (variants.length === 0)
    return [
      { name: "a", text: single, paused: false },
      { name: "b", text: "", paused: false },
    ];
  return [...variants, { name: nextVariantName(variants), text: "", paused: false }];
}
