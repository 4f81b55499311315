/**
 * What every command shares: opening the app on the database named by --db / LINKPACE_DB, in the workspace
 * named by --workspace / LINKPACE_WORKSPACE (else the default one), the system clock (or LINKPACE_NOW, an ISO
 * instant, for reproducible scripts and tests), output as text or one JSON document.
 */
import type { Command } from "commander";
import { App } from "../app.js";
import type { Channel } from "../channels/channel.js";
import { LinkpaceError } from "../core/errors.js";
import { formatLocalTime } from "../core/schedule/index.js";
import { parseInstant, type Clock } from "../core/time.js";
import { existsSync } from "node:fs";
import { checkDbTarget, isPostgresUrl, openStore, resolveDbTarget } from "../store/open-store.js";
import type { WorkspaceRow } from "../store/api-tokens.js";
import { DEFAULT_WORKSPACE, type Store } from "../store/store.js";

export interface GlobalOptions {
  db?: string;
  json?: boolean;
  /** --workspace as given on the command line (LINKPACE_WORKSPACE is read by workspaceName). */
  workspace?: string;
}

export const WORKSPACE_ENV = "LINKPACE_WORKSPACE";

/** The workspace a command works in: --workspace, else LINKPACE_WORKSPACE (when not empty), else none (the default one). */
export function workspaceName(opts: GlobalOptions): { name: string; from: string } | undefined {
  if (opts.workspace !== undefined) return { name: opts.workspace, from: "--workspace" };
  const env = process.env[WORKSPACE_ENV];
  return env === undefined || env === "" ? undefined : { name: env, from: WORKSPACE_ENV };
}

/** The named workspace (the default one when unnamed); an unknown name is "not found" (exit 2) with the known names. */
export async function resolveWorkspace(store: Store, named: { name: string; from: string } | undefined): Promise<WorkspaceRow> {
  if (named === undefined) {
    const row = (await store.listWorkspaces()).find((w) => w.id === DEFAULT_WORKSPACE);
    return row ?? { id: DEFAULT_WORKSPACE, name: "default" };
  }
  const { name, from } = named;
  const row = await store.getWorkspace(name);
  if (row) return row;
  const known = (await store.listWorkspaces()).map((w) => w.name);
  throw new LinkpaceError(
    "not_found",
    `${from}: no workspace named "${name}" (known: ${known.join(", ")}; create one with linkpace workspace create NAME)`,
  );
}

/**
 * Opens the database named by --db / LINKPACE_DB. A SQLite file that does not exist is created only with
 * `create` (init, and serve's first start); any other command refuses it (exit 2) rather than working on a new,
 * empty database somewhere the user did not mean.
 */
export async function openDatabase(db: string | undefined, opts: { create: boolean }): Promise<Store> {
  const target = resolveDbTarget(db);
  checkDbTarget(target);
  if (!opts.create && !isPostgresUrl(target) && target !== ":memory:" && !existsSync(target)) {
    const fix =
      db !== undefined
        ? `run \`linkpace init --db ${db}\` first, or check --db`
        : process.env.LINKPACE_DB
          ? "run `linkpace init` first, or check LINKPACE_DB"
          : "run `linkpace init` first (or pass --db)";
    throw new LinkpaceError("invalid_input", `no database at ${target}: ${fix}`);
  }
  return openStore(db);
}

/** Opens the database (openDatabase) and finds the workspace (workspaceName's); the store is closed again when the workspace is unknown. */
export async function openWorkspaceStore(
  db: string | undefined,
  named: { name: string; from: string } | undefined,
  opts = { create: false },
): Promise<{ store: Store; workspace: WorkspaceRow }> {
  const store = await openDatabase(db, opts);
  try {
    return { store, workspace: await resolveWorkspace(store, named) };
  } catch (e) {
    await store.close();
    throw e;
  }
}

/**
 * Marks a command that does not work in one workspace (init, sim, demo, serve, workspace …): --workspace on
 * its command line is refused (exit 2), LINKPACE_WORKSPACE is ignored, and its --help says so.
 */
export function withoutWorkspace(cmd: Command, why: string): Command {
  WORKSPACE_FREE.set(cmd, why);
  return cmd.addHelpText("after", `\n--workspace does not apply here (${why}); LINKPACE_WORKSPACE is ignored.`);
}

const WORKSPACE_FREE = new WeakMap<Command, string>();

/** For the program's preAction hook: refuses --workspace for a command marked withoutWorkspace. */
export function checkWorkspaceOption(actionCommand: Command): void {
  const given = actionCommand.optsWithGlobals<GlobalOptions>().workspace;
  if (given === undefined) return;
  for (let c: Command | null = actionCommand; c; c = c.parent) {
    const why = WORKSPACE_FREE.get(c);
    if (why !== undefined) {
      throw new LinkpaceError(
        "invalid_input",
        `--workspace: linkpace ${commandPath(actionCommand)} does not take it (${why}); drop --workspace`,
      );
    }
  }
}

function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(" ");
}

export function systemClock(): Clock {
  const fixed = process.env.LINKPACE_NOW;
  if (fixed) {
    const at = parseInstant(fixed);
    if (at === null)
      throw new LinkpaceError("invalid_input", `LINKPACE_NOW: expected an ISO 8601 instant like 2027-03-01T08:00:00Z, got "${fixed}"`);
    return { now: () => at };
  }
  return { now: () => Date.now() };
}

/** A channel for commands that never perform actions (they only read or plan). */
const noChannel: Channel = {
  name: "none",
  perform: () => Promise.reject(new LinkpaceError("internal", "this command does not perform actions")),
};

/**
 * Runs `fn` with an App in the command's workspace. Commands that do not work in one workspace (withoutWorkspace)
 * pass `{ workspace: "none" }`: their App is in the default workspace whatever LINKPACE_WORKSPACE says. Only
 * `init` passes `create` (openDatabase).
 */
export async function withApp<T>(
  opts: GlobalOptions,
  fn: (app: App, workspace: WorkspaceRow) => Promise<T>,
  scope: { workspace: "named" | "none"; create?: boolean } = { workspace: "named" },
): Promise<T> {
  const named = scope.workspace === "none" ? undefined : workspaceName(opts);
  const { store, workspace } = await openWorkspaceStore(opts.db, named, { create: scope.create ?? false });
  const app = new App({ store, channel: noChannel, clock: systemClock(), workspaceId: workspace.id });
  try {
    return await fn(app, workspace);
  } finally {
    await app.close();
  }
}

/** Prints `data` as one JSON document with --json, else the text `render` makes of it. */
export function emit<T>(opts: GlobalOptions, data: T, render: (data: T) => string): void {
  if (opts.json) process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
  else {
    const text = render(data);
    if (text !== "") process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  }
}

/**
 * An ISO instant of a command's data (kept in UTC for --json) as people read it: in the sender account's zone,
 * `2026-12-04 14:28 EST (America/New_York)`. Without a zone, the ISO text as is.
 */
export function localTime(iso: string, zone: string | undefined): string {
  const at = parseInstant(iso);
  return at === null || zone === undefined ? iso : formatLocalTime(at, zone);
}

/** Left-aligned columns for terminal tables. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}
