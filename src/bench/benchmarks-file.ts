/**
 * BENCHMARKS.md is part generated, part hand-written: each generated section sits between
 * `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->` and is replaced by a run; everything else is kept.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export type SectionName = "machine" | "scale" | "policy" | "policy-variants" | "load" | "sittings" | "workers" | "chaos";

const SKELETON = `# Benchmarks

Everything between \`<!-- bench:… -->\` markers is written by \`npm run bench\` (src/bench/) from its own results;
the text outside the markers is written by hand. \`node dist/bench/run.js --help\` lists the options.

## Machine

<!-- bench:machine:start -->
<!-- bench:machine:end -->

## Scale: 1,000 accounts, 20,000 and 200,000 prospects, 28 simulated days, SQLite and PostgreSQL

<!-- bench:scale:start -->
Not run yet.
<!-- bench:scale:end -->

## Policy: linkpace's governor against two static policies

<!-- bench:policy:start -->
Not run yet.
<!-- bench:policy:end -->

## Policy with variants: learning which note works

<!-- bench:policy-variants:start -->
Not run yet.
<!-- bench:policy-variants:end -->

## Sittings: assisted work in sittings against drip pacing

<!-- bench:sittings:start -->
Not run yet.
<!-- bench:sittings:end -->

## Load test (HTTP API)

<!-- bench:load:start -->
Not run yet.
<!-- bench:load:end -->

## Workers on PostgreSQL: linkpace against graphile-worker

<!-- bench:workers:start -->
Not run yet.
<!-- bench:workers:end -->

## Chaos: workers and API servers killed at random on PostgreSQL

<!-- bench:chaos:start -->
Not run yet.
<!-- bench:chaos:end -->
`;

/** Where a section missing from an existing file goes: after another's end marker, under its own heading. */
const PLACE_AFTER: Partial<Record<SectionName, { after: SectionName; heading: string }>> = {
  "policy-variants": { after: "policy", heading: "## Policy with variants: learning which note works" },
  workers: { after: "scale", heading: "## Workers on PostgreSQL: linkpace against graphile-worker" },
  chaos: { after: "workers", heading: "## Chaos: workers and API servers killed at random on PostgreSQL" },
};

function markers(name: SectionName): { start: string; end: string } {
  return { start: `<!-- bench:${name}:start -->`, end: `<!-- bench:${name}:end -->` };
}

export function replaceSection(doc: string, name: SectionName, body: string): string {
  const { start, end } = markers(name);
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i < 0 || j < i) {
    const place = PLACE_AFTER[name];
    const anchor = place ? doc.indexOf(markers(place.after).end) : -1;
    if (place && anchor >= 0) {
      const at = anchor + markers(place.after).end.length;
      return `${doc.slice(0, at)}\n\n${place.heading}\n\n${start}\n${body.trim()}\n${end}${doc.slice(at)}`;
    }
    return `${doc.trimEnd()}\n\n${start}\n${body.trim()}\n${end}\n`;
  }
  return `${doc.slice(0, i + start.length)}\n${body.trim()}\n${doc.slice(j)}`;
}

export function updateBenchmarksFile(path: string, sections: Partial<Record<SectionName, string>>): void {
  let doc = existsSync(path) ? readFileSync(path, "utf8") : SKELETON;
  for (const [name, body] of Object.entries(sections) as Array<[SectionName, string]>) doc = replaceSection(doc, name, body);
  writeFileSync(path, doc);
}
