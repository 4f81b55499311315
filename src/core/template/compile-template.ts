/**
 * Parses a template once and keeps what rendering needs: the parsed nodes, the variables used, and for every
 * node that prints (`{{ … }}`, `{% echo … %}`) the variables it prints and whether it has a `default` filter.
 * Results are cached by source: the same few templates are rendered for every prospect of a campaign.
 *
 * Which printing nodes actually ran is recorded during a render (an `{{ company }}` inside
 * `{% if company %}` does not run when company is empty): each printing node's `render` is wrapped to set
 * its flag in `rendered`. Rendering is synchronous, so `rendered` belongs to the render in progress.
 */
import { Output, Tag, type Template, type Value } from "liquidjs";
import { planFastPath, type FastPart } from "./fast-path.js";
import { engine } from "./liquid-engine.js";
import { classifyVariable, KNOWN_VARIABLES_TEXT, type VariableName } from "./template-vars.js";

export interface PrintNode {
  variables: VariableName[];
  hasDefault: boolean;
}

export interface CompiledTemplate {
  templates: Template[];
  /** Every known variable used, in order of first appearance. */
  variables: VariableName[];
  prints: PrintNode[];
  /** rendered[i]: prints[i] ran during the current render. */
  rendered: boolean[];
  /** A plan that renders by concatenation (fast-path.ts), or null: render through Liquid. */
  fast: FastPart[] | null;
}

export type CompileResult = { ok: true; template: CompiledTemplate } | { ok: false; message: string };

const CACHE_LIMIT = 1000;
const cache = new Map<string, CompileResult>();

export function compileTemplate(source: string): CompileResult {
  let result = cache.get(source);
  if (result === undefined) {
    result = compile(source);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(source, result);
  }
  return result;
}

function compile(source: string): CompileResult {
  let templates: Template[];
  try {
    templates = engine.parse(source);
  } catch (e) {
    return { ok: false, message: `invalid Liquid: ${e instanceof Error ? e.message : String(e)}` };
  }
  const variables = knownVariables(templates);
  if (typeof variables === "string") return { ok: false, message: variables };
  const template: CompiledTemplate = { templates, variables, prints: [], rendered: [], fast: null };
  for (const node of printingNodes(templates)) watchPrint(template, node);
  template.fast = planFastPath(
    templates,
    template.prints.map((p) => p.variables),
    variables,
  );
  return { ok: true, template };
}

/** The template's known variables, or a message naming the unknown ones and the known ones. */
function knownVariables(templates: Template[]): VariableName[] | string {
  const { globals } = engine.analyzeSync(templates, { partials: false });
  const names = new Set<VariableName>();
  const unknown = new Set<string>();
  const problems: string[] = [];
  for (const variable of Object.values(globals).flat()) {
    const c = classifyVariable(variable);
    if (c.ok) names.add(c.name);
    else if ("unknown" in c) unknown.add(c.unknown);
    else problems.push(c.message);
  }
  if (unknown.size > 0) {
    const list = [...unknown].join(", ");
    problems.unshift(`unknown variable${unknown.size > 1 ? "s" : ""} ${list} (known: ${KNOWN_VARIABLES_TEXT})`);
  }
  return problems.length > 0 ? [...new Set(problems)].join("; ") : [...names];
}

type PrintingNode = Template & { value: Value };

/** Every `{{ … }}` and `{% echo … %}` node, in blocks too. */
function printingNodes(templates: Template[]): PrintingNode[] {
  const found: PrintingNode[] = [];
  const visit = (nodes: Template[]) => {
    for (const node of nodes) {
      if (isPrinting(node)) found.push(node);
      const children = node.children?.(false, true);
      if (children) visit(runSync(children));
    }
  };
  visit(templates);
  return found;
}

function isPrinting(node: Template): node is PrintingNode {
  if (node instanceof Output) return true;
  return node instanceof Tag && node.name === "echo" && (node as { value?: Value }).value !== undefined;
}

function runSync<T>(generator: Generator<unknown, T>): T {
  let step = generator.next();
  while (!step.done) step = generator.next(step.value);
  return step.value;
}

function watchPrint(template: CompiledTemplate, node: PrintingNode): void {
  const index = template.prints.length;
  const variables = new Set<VariableName>();
  for (const variable of Object.values(engine.analyzeSync([node], { partials: false }).globals).flat()) {
    const c = classifyVariable(variable);
    if (c.ok) variables.add(c.name);
  }
  template.prints.push({ variables: [...variables], hasDefault: node.value.filters.some((f) => f.name === "default") });
  template.rendered.push(false);
  const render = node.render.bind(node);
  node.render = (ctx, emitter) => {
    template.rendered[index] = true;
    return render(ctx, emitter) as unknown;
  };
}
