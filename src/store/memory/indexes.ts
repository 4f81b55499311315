/**
 * The secondary indexes of the in-memory database's tables (tables.ts): each kept up to date by Table on every
 * write, with the row before and after it.
 */
import { UniqueViolation, type Key } from "./violations.js";

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
export class ReferenceCount<R> implements RowIndex<R> {
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
