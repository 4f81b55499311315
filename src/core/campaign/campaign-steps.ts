/**
 * The steps of a campaign document. Each step is a mapping with exactly one key, its kind (`visit`,
 * `connect`, `message`, `withdraw`), whose value holds its options (`{}` or nothing when there are none).
 *
 * Rules on the sequence, checked here so a campaign that cannot run as written is refused:
 * - at most one `connect`;
 * - a `message` may come before `connect` only in a campaign without `connect` (a campaign for existing
 *   connections); in a campaign with `connect`, messages come after it, since a message never goes to a
 *   non-connection;
 * - a connect withdraws its invitation when it is still pending `withdrawAfter` after it was sent: 21 days
 *   unless the document says otherwise, `never` to keep it pending (pending invitations pile up to the account's
 *   cap, and LinkedIn holds them against the sender);
 * - a `withdraw` step must come directly after `connect` and needs an `after` above zero. It is folded into
 *   that connect (`withdrawAfter` = its `after`) and removed from the steps, so parsed campaigns carry the
 *   withdrawal on the connect only. Writing both `withdrawAfter` and a withdraw step is an error.
 * Templates (`connect.note`, `message.text`) are checked now: syntax and known variables. Either may be a list
 * of named variants (variants.ts), each checked alike.
 */
import * as z from "zod";
import { STEP_KINDS, type CampaignStep, type StepKind, type TextVariant } from "../model.js";
import { readVariants } from "./variants.js";
import { DAY } from "../time.js";
import { checkTemplate } from "../template/index.js";
import type { ErrorIssue } from "../errors.js";
import { describeValue, formatPath, issuesFromZod, joinWhere } from "./doc-issues.js";
import { MAX_TEMPLATE_LENGTH, tooLongMessage } from "../limits.js";
import {
  durationField,
  field,
  oneOfField,
  positiveDurationOrNeverField,
  strictMapping,
  unknownFieldsMessage,
  type Parsed,
} from "./doc-fields.js";

/** When a connect says nothing, its invitation is withdrawn if still pending this long after it was sent. */
export const DEFAULT_WITHDRAW_AFTER = 21 * DAY;

/** A template no longer than MAX_TEMPLATE_LENGTH whose syntax and variables are valid. */
function readTemplate(text: string): Parsed<string> {
  if (text.length > MAX_TEMPLATE_LENGTH) return { error: tooLongMessage("a template", text, MAX_TEMPLATE_LENGTH) };
  const check = checkTemplate(text);
  return check.ok ? { value: text } : { error: check.message };
}

const noteField = field<string | null | TextVariant[]>("a Liquid template, null for no note, or a list of variants", (v) => {
  const variants = readVariants(v, "the note", true, readTemplate);
  if (variants !== undefined) return variants;
  if (v === null || (typeof v === "string" && v.trim() === "")) return { value: null };
  return typeof v === "string" ? readTemplate(v) : undefined;
});

const textField = field<string | TextVariant[]>("the message's text (a Liquid template, or a list of variants)", (v) => {
  const variants = readVariants(v, "the message's text", false, readTemplate);
  if (variants !== undefined) return variants;
  if (typeof v !== "string") return undefined;
  if (v.trim() === "") return { error: `expected the message's text (a Liquid template), got ${describeValue(v)}` };
  return readTemplate(v);
});

/** A step's note or text as read: one text, or variants (the step then carries the first's text too). */
function withVariants(step: Record<string, unknown>, field: "note" | "text"): Record<string, unknown> {
  const value = step[field];
  if (!Array.isArray(value)) return step;
  const variants = value as TextVariant[];
  return { ...step, [field]: variants[0]?.text ?? null, variants };
}

const after = durationField({ positive: false }).default(0);

const STEP_SCHEMAS = {
  visit: strictMapping({ after }, "the visit's options: a mapping with after, or {}"),
  connect: strictMapping(
    {
      after,
      note: noteField.default(null),
      noteFallback: oneOfField(["blank", "skip"] as const).default("blank"),
      withdrawAfter: positiveDurationOrNeverField.default(DEFAULT_WITHDRAW_AFTER),
    },
    "the connect's options: a mapping with after, note, noteFallback, withdrawAfter, or {}",
  ),
  message: strictMapping({ after, text: textField }, "the message's options: a mapping with after and text"),
  withdraw: strictMapping({ after: durationField({ positive: true }) }, "the withdraw's options: a mapping with after"),
} satisfies Record<StepKind, z.ZodType>;

/** One step as read: its kind when recognisable, its value when valid. */
export interface ReadStep {
  index: number;
  kind: StepKind | null;
  step: CampaignStep | null;
  /** The options the document wrote (a default is not written). */
  written: readonly string[];
}

const KINDS_TEXT = STEP_KINDS.join(", ");

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The kind of a step mapping, or the problem with its keys. */
function stepKind(value: Record<string, unknown>): StepKind | string {
  const keys = Object.keys(value);
  const unknown = keys.filter((k) => !(STEP_KINDS as readonly string[]).includes(k));
  if (unknown.length > 0) return unknownFieldsMessage(unknown, STEP_KINDS, "step kind");
  if (keys.length === 0) return `expected one of ${KINDS_TEXT}, got an empty mapping`;
  if (keys.length > 1) return `a step has exactly one kind, got ${keys.join(" and ")} (write one step each)`;
  return keys[0] as StepKind;
}

export function readStep(value: unknown, index: number, where: string, issues: ErrorIssue[]): ReadStep {
  const at = (...path: PropertyKey[]) => joinWhere(where, formatPath(["steps", index, ...path]));
  if (!isMapping(value)) {
    issues.push({
      where: at(),
      message: `expected a step: a mapping with one of ${KINDS_TEXT} (like "visit: {}"), got ${describeValue(value)}`,
    });
    return { index, kind: null, step: null, written: [] };
  }
  const kind = stepKind(value);
  if (!(STEP_KINDS as readonly string[]).includes(kind)) {
    issues.push({ where: at(), message: kind });
    return { index, kind: null, step: null, written: [] };
  }
  const k = kind as StepKind;
  const options = value[k];
  const written = isMapping(options) ? Object.keys(options) : [];
  const parsed = STEP_SCHEMAS[k].safeParse(options ?? {});
  if (!parsed.success) {
    issues.push(...issuesFromZod(parsed.error, where, ["steps", index, k]));
    return { index, kind: k, step: null, written };
  }
  const data = k === "connect" ? withVariants(parsed.data, "note") : k === "message" ? withVariants(parsed.data, "text") : parsed.data;
  return { index, kind: k, step: { kind: k, ...data } as CampaignStep, written };
}

/** Checks the sequence rules above and folds withdraw steps into their connect. */
export function foldSteps(steps: ReadStep[], where: string, issues: ErrorIssue[]): CampaignStep[] {
  const at = (s: ReadStep) => joinWhere(where, formatPath(["steps", s.index, s.kind ?? ""]));
  const connects = steps.filter((s) => s.kind === "connect");
  const first = connects[0];
  for (const extra of connects.slice(1)) {
    issues.push({ where: at(extra), message: `only one connect step is allowed (the first is steps[${first!.index}])` });
  }
  const out: CampaignStep[] = [];
  steps.forEach((s, i) => {
    if (first && s.kind === "message" && s.index < first.index) {
      issues.push({
        where: at(s),
        message:
          "a message before connect would go to a non-connection: move it after connect (only a campaign without connect, for existing connections, starts with a message)",
      });
    }
    if (s.kind !== "withdraw") {
      if (s.step) out.push({ ...s.step });
      return;
    }
    foldWithdraw(s, steps[i - 1], out, issues, at(s));
  });
  return out;
}

function foldWithdraw(withdraw: ReadStep, previous: ReadStep | undefined, out: CampaignStep[], issues: ErrorIssue[], where: string): void {
  if (previous?.kind !== "connect") {
    issues.push({ where, message: "a withdraw step must come directly after connect (or set connect.withdrawAfter)" });
    return;
  }
  const connect = out[out.length - 1];
  if (!withdraw.step || !previous.step || connect?.kind !== "connect") return;
  if (previous.written.includes("withdrawAfter")) {
    issues.push({ where, message: "connect.withdrawAfter and this withdraw step both say when to withdraw: keep one" });
    return;
  }
  connect.withdrawAfter = withdraw.step.after;
}
