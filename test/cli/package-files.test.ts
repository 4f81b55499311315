/**
 * What `npm publish` would ship (package.json "files"): the built CLI, server and dashboard, the README and
 * docs/ (which --help points to); not the sources, tests, benchmarks or source maps.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("the published package", () => {
  it("holds what the CLI and the server need, and nothing for development", () => {
    const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    const files = (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
    for (const needed of ["package.json", "README.md", "docs/cli.md", "dist/cli/main.js", "dist/api/server.js", "dist/web/index.html"])
      expect(files).toContain(needed);
    expect(files.filter((f) => /^(src|test|web|scripts|node_modules|dist\/bench)\/|\.map$|^BENCHMARKS\.md$/.test(f))).toEqual([]);
  });
});
