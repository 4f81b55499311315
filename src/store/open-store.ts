/**
 * Opens the Store a command names: a `postgres://` or `postgresql://` URL is PostgreSQL, anything else a SQLite
 * file. Without a target, LINKPACE_DB (when not empty), else ./linkpace.db. Each backend's driver is loaded only
 * when it is used. A target that cannot be a database (another kind of URL, a malformed URL, a directory) and
 * one that cannot be opened (PostgreSQL unreachable, a SQLite file that is not a database) are the user's to fix:
 * `invalid_input`, naming --db and LINKPACE_DB and what would be valid.
 */
import { statSync } from "node:fs";
import { LinkpaceError } from "../core/errors.js";
import { redactUrl } from "./postgres/connection-errors.js";
import type { Store } from "./store.js";

export const DEFAULT_DB = "./linkpace.db";

/** What --db and LINKPACE_DB may be; the end of every message about a target that does not work. */
export const VALID_DB_TARGETS =
  "check --db or LINKPACE_DB: a SQLite file path such as ./linkpace.db, or a postgres://user@host:5432/database URL";

export function isPostgresUrl(target: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(target);
}

/** The target a command uses: the given one (--db), else LINKPACE_DB when set and not empty, else ./linkpace.db. */
export function resolveDbTarget(target: string | undefined): string {
  const env = process.env.LINKPACE_DB;
  return target ?? (env === undefined || env === "" ? DEFAULT_DB : env);
}

export interface OpenStoreOptions {
  /**
   * A rehearsal's database (`linkpace sim --db`): on PostgreSQL a commit does not wait for its WAL to reach the
   * disk (synchronous_commit off), the promise SQLite's default (WAL, synchronous NORMAL) makes too: a crash of
   * linkpace loses nothing, a crash of the machine may lose the last commits, and nothing is ever corrupted.
   * Real workspaces keep PostgreSQL's default, where a performed action's record survives a power cut.
   */
  rehearsal?: boolean;
}

export async function openStore(target: string | undefined, opts: OpenStoreOptions = {}): Promise<Store> {
  const resolved = resolveDbTarget(target);
  checkDbTarget(resolved);
  if (isPostgresUrl(resolved)) {
    const { openPostgresStore } = await import("./postgres/open-postgres.js");
    const { url, schema } = splitSchema(resolved);
    return openPostgresStore(url, { ...(schema ? { schema } : {}), ...(opts.rehearsal ? { synchronousCommit: false } : {}) });
  }
  const { openSqliteStore } = await import("./sqlite/open-sqlite.js");
  return openSqliteStore(resolved);
}

/**
 * Refuses, before any driver sees it, a target that cannot be a database: a malformed postgres:// URL, a URL
 * of another kind (mysql://…, which SQLite would take for a file name), a directory.
 */
export function checkDbTarget(target: string): void {
  if (isPostgresUrl(target)) {
    const { url } = splitSchema(target);
    if (!URL.canParse(url)) throw new LinkpaceError("invalid_input", `"${redactUrl(url)}" is not a valid URL (${VALID_DB_TARGETS})`);
    return;
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(target);
  if (scheme) throw new LinkpaceError("invalid_input", `${scheme[1]}:// is not a database linkpace can use (${VALID_DB_TARGETS})`);
  if (statSync(target, { throwIfNoEntry: false })?.isDirectory()) {
    throw new LinkpaceError(
      "invalid_input",
      `${target} is a directory, not a SQLite database file (${VALID_DB_TARGETS}; e.g. ${target.replace(/\/+$/, "")}/linkpace.db)`,
    );
  }
}

/** `postgres://…/db?schema=name` selects a schema (created if missing); the parameter is linkpace's, not pg's. */
export function splitSchema(target: string): { url: string; schema: string | null } {
  const m = /([?&])schema=([^&]*)(&?)/.exec(target);
  if (!m) return { url: target, schema: null };
  const url = (target.slice(0, m.index) + (m[3] ? m[1] : "") + target.slice(m.index + m[0].length)).replace(/[?&]$/, "");
  return { url, schema: decodeURIComponent(m[2] as string) };
}
