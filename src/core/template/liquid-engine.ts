/**
 * The one Liquid engine for prospect texts. Configured so that rendering is pure and self-contained:
 * unknown filters are parse errors; filters that read the clock or randomness (`date`, `sample`) and tags
 * that load files (`include`, `render`, `layout`, `block`) are removed; nothing is HTML-escaped (notes and
 * messages are plain text). Missing variables render as nothing; the caller detects them (render-for-prospect).
 */
import { Liquid } from "liquidjs";

const IMPURE_FILTERS = ["date", "date_to_xmlschema", "date_to_rfc822", "date_to_string", "date_to_long_string", "sample"];
const FILE_TAGS = ["include", "render", "layout", "block"];

/**
 * Guards against runaway templates, liquidjs's own: characters parsed per template; characters and array
 * items created per render (ranges, `split`, `append`…); milliseconds per render (nested loops over a small
 * array allocate little but run long). liquidjs reads its own clock for the last one; a render that passes a
 * limit fails with "… limit exceeded", and checkTemplate refuses a template that comes near one.
 */
export const PARSE_LIMIT = 100_000;
export const MEMORY_LIMIT = 1_000_000;
export const RENDER_LIMIT_MS = 100;

function createEngine(): Liquid {
  const liquid = new Liquid({
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    cache: false,
    parseLimit: PARSE_LIMIT,
    memoryLimit: MEMORY_LIMIT,
    renderLimit: RENDER_LIMIT_MS,
  });
  for (const name of IMPURE_FILTERS) liquid.unregisterFilter(name);
  for (const name of FILE_TAGS) delete liquid.tags[name];
  return liquid;
}

export const engine: Liquid = createEngine();
