/**
 * Most notes and messages are text with `{{ variable }}` and `{{ variable | default: "text" }}` in it. For
 * those, Liquid's generator machinery costs ten times more than the work, and this runs for every
 * connect and message of a campaign, so such templates are rendered by concatenation instead.
 *
 * The plan is taken only when every node is plain text or one of those two outputs (no tags, no other
 * filters, no escapes in the literal), and only after a probe render through Liquid and through the plan
 * gives the same text, with values set and with values empty. Anything else renders through Liquid.
 */
import { Output, TokenKind, type Template } from "liquidjs";
import { engine } from "./liquid-engine.js";
import { scopeFor, valueOf, type TemplateVars, type VariableName } from "./template-vars.js";

/** Text, or a variable printed as its trimmed value, or `fallback` (null: nothing) when that is empty. */
export type FastPart = string | { variable: VariableName; fallback: string | null };

const PATH = String.raw`[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\s*(?:"[^"\\]*"|'[^'\\]*')\s*\])?`;
const SIMPLE_OUTPUT = new RegExp(String.raw`^(${PATH})\s*(?:\|\s*default\s*:\s*("[^"\\]*"|'[^'\\]*'))?$`);
const CUSTOM_PATH = /^custom(?:\.([\w-]+)|\[\s*(?:"([^"]*)"|'([^']*)')\s*\])$/;

/** The variable a path names as written (`company`, `custom.x`, `custom["x y"]`), or null. */
function variableOfPath(path: string): VariableName | null {
  if (/^[A-Za-z_][\w-]*$/.test(path)) return path;
  const m = CUSTOM_PATH.exec(path);
  return m ? `custom.${m[1] ?? m[2] ?? m[3]}` : null;
}

function partOf(node: Template, variables: readonly VariableName[]): FastPart | null {
  const str = (node as { str?: unknown }).str;
  if (!(node instanceof Output)) return typeof str === "string" && node.token.kind === TokenKind.HTML ? str : null;
  const m = SIMPLE_OUTPUT.exec((node.token as { content?: string }).content ?? "");
  if (!m || variables.length !== 1 || variableOfPath(m[1]!) !== variables[0]) return null;
  return { variable: variables[0]!, fallback: m[2] === undefined ? null : m[2].slice(1, -1) };
}

export function renderFast(parts: readonly FastPart[], vars: TemplateVars): string {
  let out = "";
  for (const part of parts) {
    if (typeof part === "string") out += part;
    else out += valueOf(vars, part.variable) || (part.fallback ?? "");
  }
  return out;
}

/** A fast plan for top-level `templates` whose printing nodes are `printVariables` in order, or null. */
export function planFastPath(templates: Template[], printVariables: VariableName[][], variables: VariableName[]): FastPart[] | null {
  const parts: FastPart[] = [];
  let print = 0;
  for (const node of templates) {
    const part = partOf(node, node instanceof Output ? (printVariables[print++] ?? []) : []);
    if (part === null) return null;
    parts.push(part);
  }
  return agreesWithLiquid(templates, parts, variables) ? parts : null;
}

function probe(variables: readonly VariableName[], filled: boolean): TemplateVars {
  const vars: TemplateVars = { firstName: "", lastName: "", fullName: "", company: "", title: "", location: "", custom: {} };
  variables.forEach((name, i) => {
    const value = filled ? `v${i} ${name} é` : "";
    if (name.startsWith("custom.")) vars.custom[name.slice("custom.".length)] = value;
    else vars[name as Exclude<keyof TemplateVars, "custom">] = value;
  });
  return vars;
}

function agreesWithLiquid(templates: Template[], parts: FastPart[], variables: VariableName[]): boolean {
  return [true, false].every((filled) => {
    const vars = probe(variables, filled);
    return String(engine.renderSync(templates, scopeFor(vars, variables))) === renderFast(parts, vars);
  });
}
