import { execFileSync } from "node:child_process";
import { checkPostgresForTests } from "./support/require-postgres.js";

/**
 * The CLI tests run the built program as a subprocess, and the end-to-end tests load the built dashboard: build
 * both once before any test file runs.
 * LINKPACE_SKIP_BUILD=1 skips it when only pure tests are run during development.
 * Where PostgreSQL is required (CI), a missing or silent server fails the run here rather than skipping its tests.
 */
export default async function setup(): Promise<void> {
  await checkPostgresForTests(process.env);
  if (process.env.LINKPACE_SKIP_BUILD === "1") return;
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
  execFileSync(process.execPath, ["node_modules/vite/bin/vite.js", "build", "--config", "web/vite.config.ts", "--logLevel", "warn"], {
    stdio: "inherit",
  });
}
