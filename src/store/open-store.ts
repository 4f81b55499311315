/**
 * Opens the Store a command names (CONTRACTS.md §8): a `postgres://` or `postgresql://` URL is PostgreSQL,
 * anything else a SQLite file. Without a target, LINKPACE_DB, else ./linkpace.db. Each backend's driver is
 * loaded only when it is used.
 */
import type { Store } from "./store.js";

export const DEFAULT_DB = "./linkpace.db";

export function isPostgresUrl(target: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(target);
}

export async function openStore(target: string | undefined): Promise<Store> {
  const resolved = target ?? process.env.LINKPACE_DB ?? DEFAULT_DB;
  if (isPostgresUrl(resolved)) {
    const { openPostgresStore } = await import("./postgres/open-postgres.js");
    const { url, schema } = splitSchema(resolved);
    return openPostgresStore(url, schema ? { schema } : {});
  }
  const { openSqliteStore } = await import("./sqlite/open-sqlite.js");
  return openSqliteStore(resolved);
}

/** `postgres://…/db?schema=name` selects a schema (created if missing); the parameter is linkpace's, not pg's. */
export function splitSchema(target: string): { url: string; schema: string | null } {
  const m = /([?&])schema=([^&]*)(&?)/.exec(target);
  if (!m) return { url: target, schema: null };
  const url = (target.slice(0, m.index) + (m[3] ? m[1] : "") + target.slice(m.index + m[0].length)).replace(/[?&]$/, "");
  return { url, schema: decodeURIComponent(m[2] as string) };
}
