import { LinkpaceError } from "../core/errors.js";
import { openMemoryStore } from "../store/memory/memory-store.js";
import { openStore } from "../store/open-store.js";
import { DEFAULT_WORKSPACE, type Store } from "../store/store.js";

/**
 * The database a simulation runs in: the one named by --db, which must be empty, or else an in-memory database
 * (store/memory/), gone when the run ends. Both give the same event log bytes for the same scenario and seed;
 * memory is the fast one, with nothing written to disk. A PostgreSQL one is opened as a rehearsal's (OpenStoreOptions):
 * its commits are not flushed one by one.
 */
export async function openSimStore(target: string | undefined): Promise<{ store: Store; cleanup: () => Promise<void> }> {
  if (target === undefined) {
    const store = openMemoryStore();
    return { store, cleanup: () => store.close() };
  }
  const store = await openStore(target, { rehearsal: true });
  if ((await store.listAccounts(DEFAULT_WORKSPACE)).length > 0) {
    await store.close();
    throw new LinkpaceError("invalid_input", `--db ${redact(target)}: a simulation needs an empty database, this one already has accounts`);
  }
  return { store, cleanup: () => store.close() };
}

export function redact(target: string): string {
  return target.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}
