/**
 * Variants: a connect's note or a message's text given as a list of named texts, of which the engine sends one
 * per action and learns which does best (core/learning/bandit.ts):
 *
 * ```yaml
 * - connect:
 *     note:
 *       - { name: short, text: "Hi {{ firstName }}, fellow {{ title }} here." }
 *       - { name: event, text: "Hi {{ firstName }}, we met at {{ custom.event | default: 'the meetup' }}?" }
 *       - { name: none, text: null }          # a connect may test sending no note
 * ```
 *
 * A plain string stays one text, with no variant. Names are short identifiers, unique in their step; each
 * text is checked as any template; `paused: true` keeps a variant from being sent, and at least one must not be
 * paused. A variant is known by its name and its text together (variantKey): a variant whose text is edited is
 * a new variant, whose results start from nothing.
 */
import type { TextVariant } from "../model.js";
import { hash32 } from "../random.js";
import { describeValue } from "./doc-issues.js";
import type { Parsed } from "./doc-fields.js";

export const MAX_VARIANTS = 10;
const NAME = /^[a-z0-9][a-z0-9_-]{0,39}$/i;

/** The name a step's single text goes by in statistics. */
export const SINGLE_VARIANT = "default";

/**
 * A list of variants as written, or undefined when `value` is not a list (the caller reads it as one text).
 * `readText` checks one text (a template; null allowed only where `allowNull`).
 */
export function readVariants(
  value: unknown,
  what: string,
  allowNull: boolean,
  readText: (text: string) => Parsed<string>,
): Parsed<TextVariant[]> | undefined {
  if (!Array.isArray(value)) return undefined;
  if (value.length === 0) return { error: `expected ${what}: a text, or a list of variants like { name: short, text: "…" }; got []` };
  if (value.length > MAX_VARIANTS) return { error: `at most ${MAX_VARIANTS} variants in a step, got ${value.length}` };
  const out: TextVariant[] = [];
  for (const [i, item] of value.entries()) {
    const at = `variant ${i + 1}`;
    if (typeof item !== "object" || item === null || Array.isArray(item))
      return { error: `${at}: expected a mapping with name and text (and paused), got ${describeValue(item)}` };
    const { name, text, paused, ...rest } = item as Record<string, unknown>;
    const unknown = Object.keys(rest);
    if (unknown.length > 0)
      return { error: `${at}: unknown field ${unknown.map((k) => JSON.stringify(k)).join(", ")} (known: name, text, paused)` };
    if (typeof name !== "string" || !NAME.test(name))
      return { error: `${at}: name must be 1 to 40 letters, digits, - or _ (starting with a letter or digit), got ${describeValue(name)}` };
    if (out.some((v) => v.name.toLowerCase() === name.toLowerCase()))
      return { error: `${at}: the name ${name} is used twice in this step` };
    if (paused !== undefined && typeof paused !== "boolean")
      return { error: `${at} (${name}): paused must be true or false, got ${describeValue(paused)}` };
    let read: string | null;
    if (text === null || text === undefined || (typeof text === "string" && text.trim() === "")) {
      if (!allowNull) return { error: `${at} (${name}): expected the message's text (a Liquid template), got ${describeValue(text)}` };
      read = null;
    } else if (typeof text !== "string") {
      return { error: `${at} (${name}): expected a Liquid template${allowNull ? " or null" : ""}, got ${describeValue(text)}` };
    } else {
      const parsed = readText(text);
      if ("error" in parsed) return { error: `${at} (${name}): ${parsed.error}` };
      read = parsed.value;
    }
    out.push({ name, text: read, ...(paused === true ? { paused: true } : {}) });
  }
  if (out.every((v) => v.paused === true)) return { error: "every variant is paused: keep at least one to send" };
  return { value: out };
}

/** The variants a step may send now: those not paused. */
export function activeVariants(variants: readonly TextVariant[]): TextVariant[] {
  return variants.filter((v) => v.paused !== true);
}

/**
 * A variant's identity in the log and in statistics: its name and a hash of its text (hash32, hex), so that an
 * edited text is a new variant.
 */
export function variantKey(v: Pick<TextVariant, "name" | "text">): string {
  return `${v.name}#${hash32(v.text ?? "")
    .toString(16)
    .padStart(8, "0")}`;
}

/** The name part of a variantKey. */
export function variantName(key: string): string {
  const at = key.lastIndexOf("#");
  return at < 0 ? key : key.slice(0, at);
}
