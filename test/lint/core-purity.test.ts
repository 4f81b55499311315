/**
 * src/core stays deterministic: the lint configuration (eslint.config.js, run by `npm run lint` and .ci/run)
 * refuses the clock, ambient randomness, timers, `process` and Node imports there, and only there. This test
 * feeds the linter small sources as if they were files of src/core (and of src/engine) and checks what it says.
 */
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const CORE_FILE = "src/core/time.ts";
const ENGINE_FILE = "src/engine/engine.ts";
let eslint: ESLint;

async function messages(text: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId?.startsWith("no-restricted")).map((m) => m.message);
}

describe("the lint rule that keeps src/core pure", () => {
  beforeAll(() => {
    eslint = new ESLint({ cwd: process.cwd() });
  });

  it.each([
    ["Date.now()", "export const t = Date.now();\n", /Date\.now\(\)/],
    ["new Date() without an instant", "export const d = new Date();\n", /new Date\(\) without an instant/],
    ["Math.random()", "export const r = Math.random();\n", /Math\.random\(\)/],
    ["a timer", "setTimeout(() => undefined, 1);\n", /setTimeout/],
    ["process", "export const e = process.env.X;\n", /process/],
    ["a node: import", 'import { readFileSync } from "node:fs";\nexport const f = readFileSync;\n', /node:fs/],
  ])(
    "refuses %s in src/core, with the reason",
    async (_what, text, pattern) => {
      const found = await messages(text, CORE_FILE);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(pattern);
      expect(found[0]).toContain("src/core is pure");
    },
    60_000,
  );

  it("lets src/core build dates from instants, and the engine use the clock", async () => {
    expect(await messages("export const d = (at: number) => new Date(at);\n", CORE_FILE)).toEqual([]);
    expect(await messages("export const t = Date.now();\n", ENGINE_FILE)).toEqual([]);
  }, 60_000);
});
