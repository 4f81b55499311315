#!/usr/bin/env node
/**
 * linkpace's command line (the commands: program.ts). Exit codes (core/errors.ts exitCodeFor): 0 success, 1 a
 * problem the user must act on, 2 bad usage or input, 3 an internal failure.
 */
import { CommanderError } from "commander";
import { exitCodeFor, isLinkpaceError } from "../core/errors.js";
import { buildProgram } from "./program.js";

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (e) {
    return reportError(e, argv.includes("--json"));
  }
}

function reportError(e: unknown, json: boolean): number {
  if (e instanceof CommanderError) {
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return 0;
    return 2; // commander already printed the message
  }
  if (isLinkpaceError(e)) {
    process.stderr.write(`linkpace: ${e.message}\n`);
    if (json) process.stdout.write(`${JSON.stringify({ error: { code: e.code, message: e.message, issues: e.issues } }, null, 2)}\n`);
    return exitCodeFor(e.code);
  }
  process.stderr.write(`linkpace: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return 3;
}

// A reader of stdout that goes away (`linkpace --help | head -3`) is not a failure: stop quietly with the exit
// code so far. Exports notice it themselves, page by page (io/text-sink.ts); this covers all other output.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code !== "EPIPE") throw e;
  process.exit(process.exitCode === undefined ? 0 : Number(process.exitCode));
});

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`linkpace: ${String(e)}\n`);
    process.exitCode = 3;
  },
);
