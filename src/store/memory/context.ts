/**
 * What every concept module of the memory store shares (the counterpart of store-context.ts): the database and
 * `run`, through which every method reads and writes.
 *
 * Transactions, like SQLite's one connection: the database has one writer at a time, a FIFO mutex.
 * - A method of a store that is not in a transaction waits for the mutex, runs, and releases it: outside a
 *   transaction each call is its own small transaction, all or nothing.
 * - `transaction(fn)` holds the mutex until `fn` settles; its store's methods run without waiting (it holds it),
 *   and its own `transaction` reuses it. Inside `fn`, use the store it is given: the outer store (or another
 *   opened over the same database) waits for the mutex, forever if `fn` waits for it in turn; as on SQLite.
 * - Rolling back: every write pushes its inverse onto the journal (tables.ts). A transaction that throws undoes
 *   the journal to where it began. One method that throws inside a transaction undoes only its own writes (a
 *   statement's atomicity: a refused insert leaves the transaction usable and spends no id), and the error is
 *   the caller's to handle or rethrow.
 *
 * `run`'s body is synchronous: nothing else can run in the middle of it, so a method is atomic by construction
 * and never sees another's half-done writes.
 */
import { LinkpaceError } from "../../core/errors.js";
import type { MemoryDatabase } from "./database.js";
import { UniqueViolation } from "./violations.js";

/** A FIFO lock: the one connection of the memory database. */
export class Mutex {
  private held = false;
  private readonly waiting: Array<() => void> = [];

  /** Resolves when the caller holds the lock. */
  acquire(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Hands the lock to the next waiter, or frees it. */
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }
}

/** A database and its lock: what openMemoryStore() creates and every store over it shares. */
export interface MemoryShared {
  readonly db: MemoryDatabase;
  readonly mutex: Mutex;
}

export interface MemoryContext {
  readonly db: MemoryDatabase;
  /** Whether this store is bound to a transaction (it holds the mutex). */
  readonly inTransaction: boolean;
  /**
   * Runs one method's body atomically: outside a transaction after waiting for the mutex; on a throw, every
   * write of `body` is undone and the error rethrown (a UniqueViolation as is: see `conflict`).
   */
  run<T>(body: (db: MemoryDatabase) => T): Promise<T>;
}

/** The context of a store not in a transaction: each call takes the mutex. */
export function outerContext(shared: MemoryShared, isClosed: () => boolean): MemoryContext {
  const { db, mutex } = shared;
  return {
    db,
    inTransaction: false,
    async run(body) {
      if (isClosed()) throw new Error("memory store: the store is closed");
      await mutex.acquire();
      try {
        return atomic(db, body);
      } finally {
        mutex.release();
      }
    },
  };
}

/** The context of a store bound to a transaction (the caller holds the mutex and the journal is open). */
export function transactionContext(db: MemoryDatabase): MemoryContext {
  return {
    db,
    inTransaction: true,
    run(body) {
      try {
        const mark = db.journal.mark();
        try {
          return Promise.resolve(body(db));
        } catch (e) {
          db.journal.rollback(mark);
          throw e;
        }
      } catch (e) {
        return Promise.reject(e);
      }
    },
  };
}

/** Runs `body` with an open journal of its own (the caller holds the mutex): all or nothing. */
function atomic<T>(db: MemoryDatabase, body: (db: MemoryDatabase) => T): T {
  db.journal.open = true;
  try {
    const result = body(db);
    db.journal.clear();
    return result;
  } catch (e) {
    db.journal.rollback(0);
    throw e;
  } finally {
    db.journal.open = false;
  }
}

/**
 * Runs `fn` as a transaction on `shared`: waits for the mutex, opens the journal, and commits (forgets the journal)
 * when `fn` resolves or rolls everything back when it rejects.
 */
export async function runTransaction<T>(shared: MemoryShared, fn: () => Promise<T>): Promise<T> {
  const { db, mutex } = shared;
  await mutex.acquire();
  db.journal.open = true;
  try {
    const result = await fn();
    db.journal.clear();
    return result;
  } catch (e) {
    db.journal.rollback(0);
    throw e;
  } finally {
    db.journal.open = false;
    mutex.release();
  }
}

/** Runs a write; a unique violation becomes a conflict with `message` and the constraint, as mapConflict does for SQL. */
export function conflict<T>(message: string, write: () => T): T {
  try {
    return write();
  } catch (e) {
    if (e instanceof UniqueViolation) throw new LinkpaceError("conflict", `${message} (${e.constraint})`);
    throw e;
  }
}

/** A method not written yet: throws, so that the gap is loud. */
export function notImplemented(name: string): () => Promise<never> {
  return () => Promise.reject(new Error(`memory store: ${name} not implemented`));
}

/** Compares strings as SQLite's BINARY collation does for the text linkpace stores (UTF-16 code units; see docs). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
