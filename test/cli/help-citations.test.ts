/**
 * What users read cites no document outside the repository: every command's --help, the OpenAPI document and
 * the /docs page say the thing itself.
 */
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { allCommands, buildProgram } from "../../src/cli/program.js";
import { apiHarness } from "../api/api-harness.js";

const OUTSIDE = /CONTRACTS|DOMAIN\.md|HOUSE_STYLE|§/;

function helpOf(cmd: Command): string {
  let out = "";
  cmd.configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (out += s) });
  cmd.outputHelp();
  return out;
}

function pathOf(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(" ");
}

describe("--help", () => {
  const program = buildProgram();
  const commands = [program, ...allCommands(program)];
  it("covers every command", () => expect(commands.length).toBeGreaterThan(30));
  it.each(commands.map((c) => [pathOf(c), c] as const))("%s --help cites no outside document", (_path, cmd) => {
    const help = helpOf(cmd);
    expect(help).toMatch(/Usage: linkpace/);
    expect(help).not.toMatch(OUTSIDE);
  });
});

describe("the API's documents", () => {
  it.each(["/openapi.json", "/docs"])("%s cites no outside document", async (path) => {
    const h = await apiHarness();
    try {
      const r = await h.call(null, "GET", path);
      expect(r.status).toBe(200);
      expect(r.text.length).toBeGreaterThan(500);
      expect(r.text).not.toMatch(OUTSIDE);
    } finally {
      await h.store.close();
    }
  });
});
