/**
 * BENCHMARKS.md is part generated, part hand-written: each generated section sits between
 * `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->` and is replaced by a run; everything else is kept.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export type SectionName = "machine" | "scale" | "policy" | "load" | "sittings";

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

## Sittings: assisted work in sittings against drip pacing

<!-- bench:sittings:start -->
Not run yet.
<!-- bench:sittings:end -->

## Load test (HTTP API)

<!-- bench:load:start -->
Not run yet.
<!-- bench:load:end -->
`;

function markers(name: SectionName): { start: string; end: string } {
  return { start: `<!-- bench:${name}:start -->`, end: `<!-- bench:${name}:end -->` };
}

export function replaceSection(doc: string, name: SectionName, body: string): string {
  const { start, end } = markers(name);
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i < 0 || j < i) return `${doc.trimEnd()}\n\n${start}\n${body.trim()}\n${end}\n`;
  return `${doc.slice(0, i + start.length)}\n${body.trim()}\n${doc.slice(j)}`;
}

export function updateBenchmarksFile(path: string, sections: Partial<Record<SectionName, string>>): void {
  let doc = existsSync(path) ? readFileSync(path, "utf8") : SKELETON;
  for (const [name, body] of Object.entries(sections) as Array<[SectionName, string]>) doc = replaceSection(doc, name, body);
  writeFileSync(path, doc);
}
