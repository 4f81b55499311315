/**
 * The variables a template may use and how a variable reference in Liquid maps to one.
 *
 * Imported columns are under `custom`: `{{ custom.industry }}` for a column whose name is a Liquid identifier
 * (letters, digits, `_` and `-`: `{{ custom.job-title }}` works), and `{{ custom["job title"] }}` or
 * `{{ custom['job title'] }}` for any column name, spaces and punctuation included. The column is matched
 * exactly as written in the CSV header. A referenced column a prospect does not have counts as empty.
 *
 * Variables are text: only `.size`, `.first` and `.last` may follow one (Liquid's string properties).
 */
import type { Variable } from "liquidjs";

export interface TemplateVars {
  firstName: string;
  lastName: string;
  fullName: string;
  company: string;
  title: string;
  location: string;
  custom: Record<string, string>;
}

export const BUILT_IN_VARIABLES = ["firstName", "lastName", "fullName", "company", "title", "location"] as const;
export type BuiltInVariable = (typeof BUILT_IN_VARIABLES)[number];

export const KNOWN_VARIABLES_TEXT = `${BUILT_IN_VARIABLES.join(", ")}, custom.<column>`;

const TEXT_PROPERTIES = new Set(["size", "first", "last"]);
const CUSTOM_PREFIX = "custom.";

/**
 * A variable as linkpace names it: `company`, or `custom.<column>` with the column exactly as in the header
 * (`custom.job title`). These names are what checkTemplate lists and what reasons mention.
 */
export type VariableName = string;

export type Classified = { ok: true; name: VariableName } | { ok: false; unknown: string } | { ok: false; message: string };

function isBuiltIn(name: unknown): name is BuiltInVariable {
  return typeof name === "string" && (BUILT_IN_VARIABLES as readonly string[]).includes(name);
}

function onlyTextProperty(rest: ReadonlyArray<unknown>): boolean {
  return rest.length === 0 || (rest.length === 1 && typeof rest[0] === "string" && TEXT_PROPERTIES.has(rest[0]));
}

/** Maps one variable reference found by liquidjs's static analysis to a known variable, or says why not. */
export function classifyVariable(variable: Variable): Classified {
  const [root, column, ...rest] = variable.segments;
  const shown = `{{ ${variable.toString()} }}`;
  if (isBuiltIn(root)) {
    return onlyTextProperty(variable.segments.slice(1)) ? { ok: true, name: root } : { ok: false, unknown: shown };
  }
  if (root !== "custom") return { ok: false, unknown: shown };
  if (column === undefined) {
    return { ok: false, message: `${shown} needs a column: custom.<column>, or custom["<column>"] when the name has spaces` };
  }
  if (typeof column !== "string") {
    return { ok: false, message: `${shown}: write the column's name out, as custom.<column> or custom["<column>"]` };
  }
  return onlyTextProperty(rest) ? { ok: true, name: `${CUSTOM_PREFIX}${column}` } : { ok: false, unknown: shown };
}

/** The value of a variable for a prospect, trimmed; "" when missing. */
export function valueOf(vars: TemplateVars, name: VariableName): string {
  const raw = name.startsWith(CUSTOM_PREFIX) ? vars.custom[name.slice(CUSTOM_PREFIX.length)] : vars[name as BuiltInVariable];
  return typeof raw === "string" ? raw.trim() : "";
}

/**
 * The Liquid scope for a prospect, holding only the variables the template uses. Empty values are null
 * (nil in Liquid), so `{% if company %}` and `default` both treat them as missing. Every referenced column
 * is an own property of `custom`, even when empty, so `custom.size` reads a column named "size" rather
 * than Liquid's size of the mapping.
 */
export function scopeFor(vars: TemplateVars, names: readonly VariableName[]): Record<string, unknown> {
  const custom: Record<string, string | null> = Object.create(null) as Record<string, string | null>;
  const scope: Record<string, unknown> = { custom };
  for (const name of names) {
    const value = valueOf(vars, name) || null;
    if (name.startsWith(CUSTOM_PREFIX)) custom[name.slice(CUSTOM_PREFIX.length)] = value;
    else scope[name] = value;
  }
  return scope;
}
