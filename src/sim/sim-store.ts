import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LinkpaceError } from "../core/errors.js";
import { openStore } from "../store/open-store.js";
import { openSqliteStore } from "../store/sqlite/open-sqlite.js";
import { DEFAULT_WORKSPACE, type Store } from "../store/store.js";

/**
 * The database a simulation runs in: the one named by --db, which must be empty, or a temporary SQLite file
 * that is removed afterwards.
 */
export async function openSimStore(target: string | undefined): Promise<{ store: Store; cleanup: () => Promise<void> }> {
  if (target === undefined) {
    const dir = mkdtempSync(join(tmpdir(), "linkpace-sim-"));
    const store = await openSqliteStore(join(dir, "sim.db"), { scratch: true });
    return {
      store,
      cleanup: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const store = await openStore(target);
  if ((await store.listAccounts(DEFAULT_WORKSPACE)).length > 0) {
    await store.close();
    throw new LinkpaceError("invalid_input", `--db ${redact(target)}: a simulation needs an empty database, this one already has accounts`);
  }
  return { store, cleanup: () => store.close() };
}

export function redact(target: string): string {
  return target.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}
