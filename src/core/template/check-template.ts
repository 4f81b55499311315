/**
 * Checks a template when a campaign is created: Liquid syntax, known filters, and known variables only
 * (template-vars.ts). Prospect data is not needed; whether a text is sendable is decided per prospect.
 */
import { compileTemplate } from "./compile-template.js";
import type { VariableName } from "./template-vars.js";

export type TemplateCheck = { ok: true; variables: VariableName[] } | { ok: false; message: string };

export function checkTemplate(source: string): TemplateCheck {
  const compiled = compileTemplate(source);
  return compiled.ok ? { ok: true, variables: [...compiled.template.variables] } : { ok: false, message: compiled.message };
}
