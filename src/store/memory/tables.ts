/**
 * The building blocks of the in-memory database (database.ts): a table of rows keyed by their primary key, the
 * secondary indexes it keeps up to date on every write, and the undo journal that makes writes roll back.
 *
 * Rows are plain objects shaped like the SQL rows of schema.ts (snake_case, JSON as text, 0/1 booleans) and are
 * never mutated once stored: an update stores a new object. So a row handed to a mapper of rows.ts (which builds
 * fresh objects and parses JSON anew) can never be changed by a caller through what it was given.
 *
 * Every write goes through Table.insert/update/delete, which (1) checks the unique indexes first, so that a
 * refused write changes nothing, (2) updates the row and every index, (3) pushes its inverse onto the journal.
 * Undoing the journal from the end back to a mark restores rows, indexes and id counters exactly.
 */

/** A primary key: the id of tables with one, else a composite key built by the table (see database.ts). */
export type Key = number | string;

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

/** A unique constraint refused a write: the memory store's counterpart of SQLSTATE 23505 (see conflict() in context.ts). */
export class UniqueViolation extends Error {
  constructor(readonly constraint: string) {
    super(`UNIQUE constraint failed: ${constraint}`);
  }
}

/** A CHECK constraint refused a write (the SQL backends' CHECK constraints and triggers, migration 011). */
export class CheckViolation extends Error {
  constructor(
    table: string,
    readonly constraint: string,
  ) {
    super(`${table}: CHECK ${constraint} failed`);
  }
}

/** A foreign key refused a write: a child naming a parent that does not exist, or a parent still named by a child. */
export class ForeignKeyViolation extends Error {
  constructor(readonly constraint: string) {
    super(`FOREIGN KEY constraint failed: ${constraint}`);
  }
}

/** A secondary index over a table's rows. `update` is called with the row before and after a write. */
export interface RowIndex<R> {
  add(row: R): void;
  remove(row: R): void;
  update(before: R, after: R): void;
  /** Throws UniqueViolation when `row` (replacing the row of key `self`, if any) would collide. */
  check?(row: R, self: Key | undefined): void;
}

/**
 * Entries (sort, id) in ascending order, NULL-free: the (ready_at, id) or (at, id) ranges of a B-tree index. A
 * sorted pair of arrays with binary search: inserting is a memmove, which at the sizes of one account's queue
 * (hundreds to tens of thousands) costs less than any tree; most inserts land at the end anyway (time moves on).
 */
export class SortedList {
  private readonly sorts: number[] = [];
  private readonly ids: number[] = [];

  get size(): number {
    return this.ids.length;
  }

  /** The position of the first entry >= (sort, id). */
  private lowerBound(sort: number, id: number): number {
    let lo = 0;
    let hi = this.ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const s = this.sorts[mid] as number;
      if (s < sort || (s === sort && (this.ids[mid] as number) < id)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(sort: number, id: number): void {
    const n = this.ids.length;
    // Appending is the common case: time only moves on.
    if (n === 0 || (this.sorts[n - 1] as number) < sort || ((this.sorts[n - 1] as number) === sort && (this.ids[n - 1] as number) < id)) {
      this.sorts.push(sort);
      this.ids.push(id);
      return;
    }
    const at = this.lowerBound(sort, id);
    this.sorts.splice(at, 0, sort);
    this.ids.splice(at, 0, id);
  }

  remove(sort: number, id: number): void {
    const at = this.lowerBound(sort, id);
    if (this.ids[at] !== id || this.sorts[at] !== sort) throw new Error(`memory store: index entry (${sort}, ${id}) is missing`);
    this.sorts.splice(at, 1);
    this.ids.splice(at, 1);
  }

  /** The first entry, or undefined. */
  first(): { sort: number; id: number } | undefined {
    return this.ids.length === 0 ? undefined : { sort: this.sorts[0] as number, id: this.ids[0] as number };
  }

  /** Ids of the entries with sort <= max, in order, at most `limit`. */
  upTo(max: number, limit: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.ids.length && out.length < limit && (this.sorts[i] as number) <= max; i++) out.push(this.ids[i] as number);
    return out;
  }

  /** The entries with sort <= max, in order, at most `limit`. */
  entriesUpTo(max: number, limit: number): Array<{ sort: number; id: number }> {
    const out: Array<{ sort: number; id: number }> = [];
    for (let i = 0; i < this.ids.length && out.length < limit && (this.sorts[i] as number) <= max; i++) {
      out.push({ sort: this.sorts[i] as number, id: this.ids[i] as number });
    }
    return out;
  }

  /** Ids of the entries strictly after (sort, id), in order, at most `limit`; every entry when `after` is null. */
  after(after: { sort: number; id: number } | null, limit: number): number[] {
    let i = after === null ? 0 : this.lowerBound(after.sort, after.id);
    if (after !== null && this.sorts[i] === after.sort && this.ids[i] === after.id) i++;
    const end = Math.min(this.ids.length, i + limit);
    return this.ids.slice(i, end);
  }

  /** The ids of the entries strictly after (sort, id), in order; every entry when `after` is null. */
  *idsAfter(after: { sort: number; id: number } | null): IterableIterator<number> {
    let i = after === null ? 0 : this.lowerBound(after.sort, after.id);
    if (after !== null && this.sorts[i] === after.sort && this.ids[i] === after.id) i++;
    for (; i < this.ids.length; i++) yield this.ids[i] as number;
  }

  /** Ids of the last `limit` entries, the last first (ORDER BY … DESC LIMIT n). */
  lastIds(limit: number): number[] {
    const out: number[] = [];
    for (let i = this.ids.length - 1; i >= 0 && out.length < limit; i--) out.push(this.ids[i] as number);
    return out;
  }

  /** Ids of the entries with from <= sort < to, in order. */
  range(from: number, to: number): number[] {
    const out: number[] = [];
    for (let i = this.lowerBound(from, -Infinity); i < this.ids.length && (this.sorts[i] as number) < to; i++)
      out.push(this.ids[i] as number);
    return out;
  }

  /** Every (sort, id) in order. */
  *entries(): IterableIterator<{ sort: number; id: number }> {
    for (let i = 0; i < this.ids.length; i++) yield { sort: this.sorts[i] as number, id: this.ids[i] as number };
  }
}

/**
 * Rows grouped by a key and ordered by (sort, id) within each group; a row whose `groupOf` is undefined or whose
 * `sortOf` is null is not in the index (a partial index; NULLs never match `<=` or `IS NOT NULL` anyway).
 */
export class OrderedIndex<R extends { id: number }> implements RowIndex<R> {
  private readonly groups = new Map<string | number, SortedList>();

  constructor(
    private readonly groupOf: (row: R) => string | number | undefined,
    private readonly sortOf: (row: R) => number | null,
  ) {}

  group(key: string | number): SortedList | undefined {
    return this.groups.get(key);
  }

  add(row: R): void {
    const g = this.groupOf(row);
    const s = this.sortOf(row);
    if (g === undefined || s === null) return;
    let list = this.groups.get(g);
    if (list === undefined) this.groups.set(g, (list = new SortedList()));
    list.insert(s, row.id);
  }

  remove(row: R): void {
    const g = this.groupOf(row);
    const s = this.sortOf(row);
    if (g === undefined || s === null) return;
    const list = this.groups.get(g) as SortedList;
    list.remove(s, row.id);
    if (list.size === 0) this.groups.delete(g);
  }

  update(before: R, after: R): void {
    if (this.groupOf(before) === this.groupOf(after) && this.sortOf(before) === this.sortOf(after)) return;
    this.remove(before);
    this.add(after);
  }
}

/**
 * Primary keys of the rows grouped by a key (undefined: not in the index), in no particular order. A group of
 * one row holds its key alone, without a Set: most groups of the per-person and per-enrollment indexes have one
 * row, and a Set each cost ~150 bytes per prospect (about 100 MB at 200,000 prospects).
 */
export class GroupIndex<R> implements RowIndex<R> {
  private readonly groups = new Map<string | number, Key | Set<Key>>();

  constructor(
    private readonly groupOf: (row: R) => string | number | undefined,
    private readonly keyOf: (row: R) => Key,
  ) {}

  /** The keys of a group; empty when there are none. Do not change the set. */
  get(group: string | number): ReadonlySet<Key> {
    const g = this.groups.get(group);
    return g === undefined ? EMPTY : g instanceof Set ? g : new Set([g]);
  }

  count(group: string | number): number {
    const g = this.groups.get(group);
    return g === undefined ? 0 : g instanceof Set ? g.size : 1;
  }

  add(row: R): void {
    const group = this.groupOf(row);
    if (group === undefined) return;
    const key = this.keyOf(row);
    const g = this.groups.get(group);
    if (g === undefined) this.groups.set(group, key);
    else if (g instanceof Set) g.add(key);
    else if (g !== key) this.groups.set(group, new Set([g, key]));
  }

  remove(row: R): void {
    const group = this.groupOf(row);
    if (group === undefined) return;
    const key = this.keyOf(row);
    const g = this.groups.get(group);
    if (!(g instanceof Set)) {
      if (g === key) this.groups.delete(group);
      return;
    }
    g.delete(key);
    // Back to a key alone, so that a group's memory does not depend on the rows it once had.
    if (g.size === 1) this.groups.set(group, g.values().next().value as Key);
  }

  update(before: R, after: R): void {
    if (this.groupOf(before) === this.groupOf(after)) return;
    this.remove(before);
    this.add(after);
  }
}

const EMPTY: ReadonlySet<Key> = new Set();

/** A unique constraint (partial where `keyOf` gives undefined): key -> the row's primary key. */
export class UniqueIndex<R> implements RowIndex<R> {
  private readonly keys = new Map<string | number, Key>();

  constructor(
    readonly name: string,
    private readonly keyOf: (row: R) => string | number | undefined,
    private readonly primaryKeyOf: (row: R) => Key,
  ) {}

  /** The primary key of the row holding `key`, or undefined. */
  get(key: string | number): Key | undefined {
    return this.keys.get(key);
  }

  check(row: R, self: Key | undefined): void {
    const k = this.keyOf(row);
    if (k === undefined) return;
    const holder = this.keys.get(k);
    if (holder !== undefined && holder !== self) throw new UniqueViolation(this.name);
  }

  add(row: R): void {
    const k = this.keyOf(row);
    if (k !== undefined) this.keys.set(k, this.primaryKeyOf(row));
  }

  remove(row: R): void {
    const k = this.keyOf(row);
    if (k !== undefined) this.keys.delete(k);
  }

  update(before: R, after: R): void {
    if (this.keyOf(before) === this.keyOf(after)) return;
    this.remove(before);
    this.add(after);
  }
}

/** How many rows of a child table name each parent key (a foreign key's reverse side). */
class ReferenceCount<R> implements RowIndex<R> {
  private readonly counts = new Map<Key, number>();

  constructor(private readonly of: (row: R) => Key | null) {}

  has(parent: Key): boolean {
    return this.counts.has(parent);
  }

  add(row: R): void {
    const k = this.of(row);
    if (k !== null) this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
  }

  remove(row: R): void {
    const k = this.of(row);
    if (k === null) return;
    const n = (this.counts.get(k) ?? 0) - 1;
    if (n > 0) this.counts.set(k, n);
    else this.counts.delete(k);
  }

  update(before: R, after: R): void {
    if (this.of(before) === this.of(after)) return;
    this.remove(before);
    this.add(after);
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
