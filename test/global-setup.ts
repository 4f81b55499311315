import { execFileSync } from "node:child_process";

/**
 * The CLI tests run the built program as a subprocess, and the end-to-end tests load the built dashboard: build
 * both once before any test file runs.
 * LINKPACE_SKIP_BUILD=1 skips it when only pure tests are run during development.
 */
export default function setup(): void {
  if (process.env.LINKPACE_SKIP_BUILD === "1") return;
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
  execFileSync(process.execPath, ["node_modules/vite/bin/vite.js", "build", "--config", "web/vite.config.ts", "--logLevel", "warn"], { stdio: "inherit" });
}
