import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const CLI = resolve("dist/cli/main.js");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  json: () => unknown;
}

/** Runs the built CLI as a subprocess (the global setup builds it). */
export function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined>; input?: string } = {}): CliResult {
  const env: Record<string, string | undefined> = { ...process.env, LINKPACE_DB: undefined, ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd,
    env: env as NodeJS.ProcessEnv,
    encoding: "utf8",
    input: opts.input ?? "",
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}

export function tempDir(prefix = "linkpace-cli-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * A temporary directory with a database made by `linkpace init` (./linkpace.db, or LINKPACE_DB from `env`):
 * every command but init and serve refuses a SQLite file that does not exist.
 */
export function initDir(prefix?: string, env: Record<string, string | undefined> = {}): string {
  const dir = tempDir(prefix);
  const r = runCli(["init", "--json"], { cwd: dir, env });
  if (r.code !== 0) throw new Error(`linkpace init failed (exit ${r.code}): ${r.stderr}`);
  return dir;
}

/**
 * A workspace made by initDir with an account and a campaign added from their YAML (account.yaml, campaign.yaml)
 * and leads.csv written, imported into the campaign when `importInto` names it; every command with `env`, each
 * required to succeed.
 */
export function campaignWorkspace(opts: {
  prefix?: string;
  env?: Record<string, string | undefined>;
  account: string;
  campaign: string;
  leads: string;
  importInto?: string;
}): string {
  const env = opts.env ?? {};
  const dir = initDir(opts.prefix, env);
  writeFileSync(join(dir, "account.yaml"), opts.account);
  writeFileSync(join(dir, "campaign.yaml"), opts.campaign);
  writeFileSync(join(dir, "leads.csv"), opts.leads);
  const commands = [
    ["account", "add", "account.yaml"],
    ["campaign", "create", "campaign.yaml"],
    ...(opts.importInto ? [["prospects", "import", "leads.csv", "--campaign", opts.importInto]] : []),
  ];
  for (const args of commands) {
    const r = runCli(args, { cwd: dir, env });
    if (r.code !== 0) throw new Error(`linkpace ${args.join(" ")} failed (exit ${r.code}): ${r.stderr}`);
  }
  return dir;
}
