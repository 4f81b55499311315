/**
 * Renders a note or message for one prospect and decides whether it may be sent.
 *
 * Unsendable when: the template is invalid; a variable printed by a `{{ … }}` that actually ran is empty
 * (or whitespace, or a missing column) and that expression has no `default` filter; the text is empty; it
 * still contains `{{`, `{%`, `undefined` or `[object` (values are never evaluated as Liquid, so a name
 * holding `{{ x }}` lands here); it is longer than `maxLength`. Variables used only in tags
 * (`{% if company %}`) are conditions, not printed, and so may be empty.
 *
 * The text is trimmed and NFC-normalised; no other whitespace is touched. Length is counted as LinkedIn
 * does, in Unicode code points of the NFC text. `maxLength` is the note limit (null: no limit).
 */
import { compileTemplate, type CompiledTemplate } from "./compile-template.js";
import { renderFast } from "./fast-path.js";
import { engine } from "./liquid-engine.js";
import { scopeFor, valueOf, type TemplateVars, type VariableName } from "./template-vars.js";

export type RenderResult = { sendable: true; text: string } | { sendable: false; reason: string; text?: string };

const FORBIDDEN = ["{{", "{%", "undefined", "[object"];

/** Characters as LinkedIn counts them: code points of the NFC text. */
export function countCharacters(text: string): number {
  const nfc = text.normalize("NFC");
  let count = 0;
  for (let i = 0; i < nfc.length; i++) {
    const code = nfc.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < nfc.length) {
      const next = nfc.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

export function renderForProspect(source: string, vars: TemplateVars, maxLength: number | null): RenderResult {
  const compiled = compileTemplate(source);
  if (!compiled.ok) return { sendable: false, reason: compiled.message };
  const template = compiled.template;
  const raw = renderText(template, vars);
  if (typeof raw !== "string") return { sendable: false, reason: raw.error };
  const text = raw.trim().normalize("NFC");
  const empty = emptyPrintedVariable(template, vars);
  if (empty !== null) return { sendable: false, reason: `empty variable ${empty} without a default`, text };
  if (text === "") return { sendable: false, reason: "the text is empty", text };
  const marker = FORBIDDEN.find((m) => text.includes(m));
  if (marker !== undefined) return { sendable: false, reason: `the text contains ${JSON.stringify(marker)}`, text };
  if (maxLength !== null) {
    const length = countCharacters(text);
    if (length > maxLength) return { sendable: false, reason: `note is ${length} characters, the limit is ${maxLength}`, text };
  }
  return { sendable: true, text };
}

/** The raw text, setting `template.rendered`; fast-path templates print every node. */
function renderText(template: CompiledTemplate, vars: TemplateVars): string | { error: string } {
  if (template.fast !== null) {
    template.rendered.fill(true);
    return renderFast(template.fast, vars);
  }
  template.rendered.fill(false);
  try {
    return String(engine.renderSync(template.templates, scopeFor(vars, template.variables)));
  } catch (e) {
    return { error: `the template failed to render: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function emptyPrintedVariable(template: CompiledTemplate, vars: TemplateVars): VariableName | null {
  for (let i = 0; i < template.prints.length; i++) {
    const print = template.prints[i]!;
    if (!template.rendered[i] || print.hasDefault) continue;
    const empty = print.variables.find((name) => valueOf(vars, name) === "");
    if (empty !== undefined) return empty;
  }
  return null;
}
