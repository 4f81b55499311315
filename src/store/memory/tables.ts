/**
 * The building blocks of the in-memory database (database.ts): a table of rows keyed by their primary key, the
 * secondary indexes it keeps up to date on every write (indexes.ts), and the undo journal that makes writes roll back.
 *
 * Rows are plain objects shaped like the SQL rows of schema.ts (snake_case, JSON as text, 0/1 booleans) and are
 * never mutated once stored: an update stores a new object. So a row handed to a mapper of rows.ts (which builds
 * fresh objects and parses JSON anew) can never be changed by a caller through what it was given.
 *
 * Every write goes through Table.insert/update/delete, which (1) checks the unique indexes first, so that a
 * refused write changes nothing, (2) updates the row and every index, (3) pushes its inverse onto the journal.
 * Undoing the journal from the end back to a mark restores rows, indexes and id counters exactly.
 */
import { ReferenceCount, type RowIndex } from "./indexes.js";
import { CheckViolation, ForeignKeyViolation, UniqueViolation, type Key } from "./violations.js";

/** The inverse operations of the writes since the journal was opened, oldest first. */
export class Journal {
  private readonly undo: Array<() => void> = [];
  /** False outside `MemoryContext.run` (context.ts): a write there is a bug in the memory store. */
  open = false;

  record(inverse: () => void): void {
    if (!this.open) throw new Error("memory store: a write outside MemoryContext.run (a bug in src/store/memory)");
    this.undo.push(inverse);
  }

  /** A position to roll back to (a savepoint). */
  mark(): number {
    return this.undo.length;
  }

  /** Undoes every write since `mark`, newest first. */
  rollback(mark: number): void {
    while (this.undo.length > mark) (this.undo.pop() as () => void)();
  }

  /** Forgets the inverses: the writes stay (a commit). */
  clear(): void {
    this.undo.length = 0;
  }
}

/**
 * One SQL table: rows by primary key, its indexes, and (for tables with an `id`) the autoincrement counter. Ids
 * are handed out like SQLite's AUTOINCREMENT (and a fresh PostgreSQL identity): 1, 2, 3…, never reused after a
 * delete; a rolled-back insert gives its id back, as SQLite's sqlite_sequence does.
 */
export class Table<R extends object> {
  private readonly rows = new Map<Key, R>();
  private readonly indexes: Array<RowIndex<R>> = [];
  private readonly checks: Array<{ name: string; holds: (row: R) => boolean }> = [];
  /** This table's foreign keys, and those of other tables that name its rows. */
  private readonly parents: Array<{ name: string; of: (row: R) => Key | null; parent: { get(key: Key): unknown } }> = [];
  private readonly children: Array<{ name: string; count: { has(parent: Key): boolean } }> = [];
  private nextId = 1;

  constructor(
    readonly name: string,
    private readonly journal: Journal,
    readonly keyOf: (row: R) => Key,
  ) {}

  /** Registers an index (at creation, before any row) and returns it. */
  index<I extends RowIndex<R>>(index: I): I {
    this.indexes.push(index);
    return index;
  }

  /** Registers a CHECK constraint (at creation): a write of a row for which `holds` is false is refused. */
  constraint(name: string, holds: (row: R) => boolean): void {
    this.checks.push({ name, holds });
  }

  /**
   * Registers a foreign key (at creation): `column` names a row of `parent` or is null. As on SQLite with
   * foreign_keys = ON and on PostgreSQL: a row naming no parent is refused, and so is deleting a parent a row
   * still names (no cascades; the deletions of store/removals.ts and forget.ts go children first).
   */
  references<P extends object>(column: keyof R & string, parent: Table<P>): void {
    const of = (row: R) => row[column] as unknown as Key | null;
    const name = `${this.name}.${column} -> ${parent.name}`;
    this.parents.push({ name, of, parent });
    parent.children.push({ name, count: this.index(new ReferenceCount<R>(of)) });
  }

  get size(): number {
    return this.rows.size;
  }

  get(key: Key): R | undefined {
    return this.rows.get(key);
  }

  /** Every row, in insertion order (not id order after a rollback re-inserted one): sort when order matters. */
  values(): IterableIterator<R> {
    return this.rows.values();
  }

  /** Inserts a row of an autoincrement table with the next id, and returns it as stored. */
  insertWithId(row: Omit<R, "id">): R & { id: number } {
    const stored = { ...row, id: this.nextId } as unknown as R & { id: number };
    this.insert(stored);
    const before = this.nextId;
    this.nextId++;
    this.journal.record(() => (this.nextId = before));
    return stored;
  }

  /** Inserts a row with its own key; throws UniqueViolation (nothing written) on a duplicate key or unique index. */
  insert(row: R): R {
    const key = this.keyOf(row);
    if (this.rows.has(key)) throw new UniqueViolation(`${this.name} primary key`);
    this.checkRow(row, undefined);
    for (const index of this.indexes) index.check?.(row, undefined);
    this.rows.set(key, row);
    for (const index of this.indexes) index.add(row);
    this.journal.record(() => this.unlink(key, row));
    return row;
  }

  /** Sets some columns of a row; the row as stored after, or undefined when there is none. Never changes its key. */
  update(key: Key, set: Partial<R>): R | undefined {
    const before = this.rows.get(key);
    if (before === undefined) return undefined;
    const after = { ...before, ...set };
    this.replace(key, before, after);
    this.journal.record(() => this.replace(key, after, before));
    return after;
  }

  /** Deletes a row; the row as it was, or undefined when there is none. */
  delete(key: Key): R | undefined {
    const row = this.rows.get(key);
    if (row === undefined) return undefined;
    for (const c of this.children) if (c.count.has(key)) throw new ForeignKeyViolation(c.name);
    this.unlink(key, row);
    this.journal.record(() => {
      this.rows.set(key, row);
      for (const index of this.indexes) index.add(row);
    });
    return row;
  }

  /** CHECK constraints, then the foreign keys that `row` sets (all of them on insert, the changed ones on update). */
  private checkRow(row: R, before: R | undefined): void {
    for (const c of this.checks) if (!c.holds(row)) throw new CheckViolation(this.name, c.name);
    for (const fk of this.parents) {
      const k = fk.of(row);
      if (k === null || (before !== undefined && fk.of(before) === k)) continue;
      if (fk.parent.get(k) === undefined) throw new ForeignKeyViolation(fk.name);
    }
  }

  private replace(key: Key, before: R, after: R): void {
    this.checkRow(after, before);
    for (const index of this.indexes) index.check?.(after, key);
    this.rows.set(key, after);
    for (const index of this.indexes) index.update(before, after);
  }

  private unlink(key: Key, row: R): void {
    this.rows.delete(key);
    for (const index of this.indexes) index.remove(row);
  }
}
