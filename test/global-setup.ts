import { execFileSync } from "node:child_process";

/** The CLI tests run the built program as a subprocess: build it once before any test file runs. */
export default function setup(): void {
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
}
