/**
 * Checks a template when a campaign is created: Liquid syntax, known filters, and known variables only
 * (template-vars.ts). Prospect data is not needed; whether a text is sendable is decided per prospect.
 *
 * It also renders the template once for a sample prospect (every variable a 100-character text) under a
 * fifth of the engine's time limit and all of its memory limit (liquid-engine.ts): a template that does that
 * much work (nested loops, huge ranges) would stall every preview and send, so it is refused here, by name,
 * rather than failing later for each prospect. The fifth leaves room for a slower machine at send time.
 */
import { compileTemplate, type CompiledTemplate } from "./compile-template.js";
import { engine, RENDER_LIMIT_MS } from "./liquid-engine.js";
import { scopeFor, type TemplateVars, type VariableName } from "./template-vars.js";

export type TemplateCheck = { ok: true; variables: VariableName[] } | { ok: false; message: string };

const CHECK_RENDER_LIMIT_MS = RENDER_LIMIT_MS / 5;
const SAMPLE = "x".repeat(100);

export function checkTemplate(source: string): TemplateCheck {
  const compiled = compileTemplate(source);
  if (!compiled.ok) return { ok: false, message: compiled.message };
  const tooCostly = renderCost(compiled.template);
  if (tooCostly !== null) return { ok: false, message: tooCostly };
  return { ok: true, variables: [...compiled.template.variables] };
}

/** Why one sample render passes a limit, or null. Other render errors depend on the data: they are not the check's. */
function renderCost(template: CompiledTemplate): string | null {
  if (template.fast !== null) return null; // rendered by concatenation: no loops
  const custom = Object.fromEntries(
    template.variables.filter((v) => v.startsWith("custom.")).map((v) => [v.slice("custom.".length), SAMPLE]),
  );
  const vars: TemplateVars = {
    firstName: SAMPLE,
    lastName: SAMPLE,
    fullName: SAMPLE,
    company: SAMPLE,
    title: SAMPLE,
    location: SAMPLE,
    custom,
  };
  try {
    engine.renderSync(template.templates, scopeFor(vars, template.variables), { renderLimit: CHECK_RENDER_LIMIT_MS });
    return null;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (!/limit exceeded/.test(message)) return null;
    return `the template does too much work to render (${message}): loops over large ranges or nested loops would stall every send; keep loops to a few items`;
  }
}
