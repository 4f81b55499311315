/**
 * A first start's token (`linkpace serve` with no live token anywhere): one token in the default workspace,
 * shown once. Several servers started together on one empty PostgreSQL database must not each create one, so
 * the check and the insert run under `lock` (an advisory lock, store/postgres/coordination.ts): the first
 * creates it, the others then find it and create none. On SQLite one process serves and no lock is needed.
 */
import type { Instant } from "../core/time.js";
import { DEFAULT_WORKSPACE, type Store } from "../store/store.js";
import { createToken } from "./auth.js";

export const FIRST_TOKEN_NAME = "first-start";

export type NamedLock = <T>(name: string, fn: () => Promise<T>) => Promise<T>;

const unlocked: NamedLock = (_name, fn) => fn();

/** The new token when no live token existed, else null. */
export function createFirstToken(store: Store, now: Instant, lock: NamedLock = unlocked): Promise<string | null> {
  return lock("first-token", async () => {
    const live = (await store.listApiTokens()).filter((t) => t.revokedAt === null);
    if (live.length > 0) return null;
    return (await createToken(store, { workspaceId: DEFAULT_WORKSPACE, name: FIRST_TOKEN_NAME, now })).token;
  });
}
