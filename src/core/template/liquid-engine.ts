/**
 * The one Liquid engine for prospect texts. Configured so that rendering is pure and self-contained:
 * unknown filters are parse errors; filters that read the clock or randomness (`date`, `sample`) and tags
 * that load files (`include`, `render`, `layout`, `block`) are removed; nothing is HTML-escaped (notes and
 * messages are plain text). Missing variables render as nothing; the caller detects them (render-for-prospect).
 */
import { Liquid } from "liquidjs";

const IMPURE_FILTERS = ["date", "date_to_xmlschema", "date_to_rfc822", "date_to_string", "date_to_long_string", "sample"];
const FILE_TAGS = ["include", "render", "layout", "block"];

function createEngine(): Liquid {
  const liquid = new Liquid({
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    cache: false,
    // Deterministic guards against runaway templates (loops over huge ranges, giant strings).
    parseLimit: 100_000,
    memoryLimit: 10_000_000,
  });
  for (const name of IMPURE_FILTERS) liquid.unregisterFilter(name);
  for (const name of FILE_TAGS) delete liquid.tags[name];
  return liquid;
}

export const engine: Liquid = createEngine();
