// Lint for linkpace: type-aware rules that catch real bugs (unhandled promises, switches that miss a case), and
// the rule that keeps src/core deterministic (no clock, randomness, timers, process or Node I/O there).
// Formatting is prettier's job (npm run format), not the linter's.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const CORE_PURITY_MESSAGE = "src/core is pure: take the instant, the random source or the data as an input (see docs/architecture.md)";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "test-artifacts/**", ".tmp/**", "src/core/prospect/data/**", "web/src/api-types.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["*.js", "*.ts", "web/*.ts", "scripts/*.mjs"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/switch-exhaustiveness-check": [
        "error",
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/no-explicit-any": "error",
      "no-constant-condition": ["error", { checkLoops: false }],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["node:*"], message: CORE_PURITY_MESSAGE }] }],
      "no-restricted-globals": [
        "error",
        ...["process", "setTimeout", "setInterval", "setImmediate", "require", "fetch", "performance"].map((name) => ({
          name,
          message: CORE_PURITY_MESSAGE,
        })),
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: `Date.now(): ${CORE_PURITY_MESSAGE}`,
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: `new Date() without an instant: ${CORE_PURITY_MESSAGE}`,
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: `Math.random(): ${CORE_PURITY_MESSAGE}`,
        },
      ],
    },
  },
  {
    // Tests read JSON answers of any shape.
    files: ["test/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: {
      globals: Object.fromEntries(
        ["process", "console", "URL", "performance", "setTimeout", "clearTimeout", "setInterval", "clearInterval", "Buffer"].map((g) => [
          g,
          "readonly",
        ]),
      ),
    },
  },
);
