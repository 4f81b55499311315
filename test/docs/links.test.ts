/**
 * The documentation a reader follows holds together: every `docs/….md` path that the code, the dashboard, the
 * scripts, the README or docs/ itself mention exists; every relative Markdown link in README.md and docs/ reaches
 * an existing file (and, with `#anchor`, one of its headings); and none of them cites a document that is not in
 * the repository.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const OUTSIDE = /CONTRACTS|DOMAIN\.md|HOUSE_STYLE|\.\.\/shared|§/;
const TEXT = /\.(ts|tsx|mts|mjs|js|json|md|html|css|ya?ml)$/;

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  if (statSync(abs).isFile()) return keep(dir) ? [dir] : [];
  return readdirSync(abs, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === "node_modules" ? [] : filesUnder(path, keep);
    return keep(path) ? [path] : [];
  });
}

const isText = (p: string): boolean => TEXT.test(p) || p === join(".ci", "run");
const markdown = ["README.md", ...filesUnder("docs", (p) => p.endsWith(".md"))];
const sources = [
  ...filesUnder("src", isText),
  ...filesUnder("web", isText),
  ...filesUnder("scripts", isText),
  ...filesUnder(".ci", isText),
  "package.json",
];
const read = (path: string): string => readFileSync(join(ROOT, path), "utf8");

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function anchorsIn(path: string): Set<string> {
  const text = read(path).replace(/```[\s\S]*?```/g, "");
  return new Set([...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => anchorOf(m[1] as string)));
}

/** Every `docs/x.md` mentioned in a text (not the `/docs` route: a path, ending in .md). */
export function docsPathsIn(text: string): string[] {
  return [...text.matchAll(/(?<![\w/.-])docs\/[\w./-]*?\.md\b/g)].map((m) => m[0]);
}

/** Relative Markdown link targets, `[text](target)`; web addresses and mail links are not files. */
export function linksIn(text: string): string[] {
  const prose = text.replace(/```[\s\S]*?```/g, "");
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] as string).filter((t) => !/^[a-z]+:/i.test(t));
}

describe("documentation links", () => {
  it("finds the files it checks", () => {
    expect(markdown).toContain(join("docs", "README.md"));
    expect(markdown.length).toBeGreaterThan(8);
    expect(sources.length).toBeGreaterThan(100);
  });

  it("recognises paths, links and anchors (not vacuous)", () => {
    expect(docsPathsIn('see docs/api.md, GET /docs and "docs/event-log.md".')).toEqual(["docs/api.md", "docs/event-log.md"]);
    expect(linksIn("[a](api.md#routes) [b](https://x.dev/y) [c](#top)\n```\n[d](no.md)\n```")).toEqual(["api.md#routes", "#top"]);
    expect(anchorOf("The assisted runner: `linkpace work`")).toBe("the-assisted-runner-linkpace-work");
    expect(anchorOf("LinkedIn's data export")).toBe("linkedins-data-export");
  });

  it.each([...sources, ...markdown])("every docs/ path in %s exists", (path) => {
    for (const mentioned of docsPathsIn(read(path))) expect(existsSync(join(ROOT, mentioned)), `${path} mentions ${mentioned}`).toBe(true);
  });

  it.each(markdown)("every relative link in %s resolves", (path) => {
    for (const link of linksIn(read(path))) {
      const [file, anchor] = link.split("#") as [string, string | undefined];
      const target = file === "" ? path : relative(ROOT, resolve(ROOT, dirname(path), file));
      expect(existsSync(join(ROOT, target)), `${path} links to ${link}`).toBe(true);
      if (anchor && target.endsWith(".md")) expect([...anchorsIn(target)], `${path} links to ${link}`).toContain(anchor);
    }
  });

  it.each([...sources, ...markdown])("%s cites no document outside the repository", (path) => {
    expect(read(path)).not.toMatch(OUTSIDE);
  });
});
