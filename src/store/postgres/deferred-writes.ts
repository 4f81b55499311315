/**
 * Deferred writes: on PostgreSQL every statement is a round trip, and in the engine's transactions several
 * writes need no answer (an enrollment's new step, a notification). Such a write is held on its connection and
 * sent with the transaction's next statement, as data-modifying WITH clauses in front of it, so that it costs
 * no round trip of its own:
 *
 *   with lp_w1 as (update "enrollments" set … where "id" = $1), lp_w2 as (insert into "notifications" …)
 *   update "accounts" set … returning …
 *
 * All of one statement runs on one snapshot, so a held write travels with the next statement only when that
 * statement cannot depend on it: a write (insert, update, delete) that names none of the held writes' tables.
 * Any other statement (a read, COMMIT, a write on the same table) is preceded by a statement of the held
 * writes alone (`with … select 1`: PostgreSQL runs every data-modifying WITH clause exactly once). The clauses
 * of one statement run in no set order: two held writes of one row would modify it twice, which PostgreSQL
 * does not order, and two held inserts into one table would take their ids in no set order, so the second
 * sends the first before it is held. ROLLBACK drops what is held.
 *
 * What a caller gives up: the write's answer (rows affected, RETURNING) and where its error shows. A refused
 * held write fails the statement that carries it, which aborts the transaction all the same. Only writes whose
 * callers ask nothing of them are held (see prepared.ts, runDeferrable); outside a transaction nothing is.
 *
 * A held write is marked by a comment at the start of its SQL, which names the row it writes ("enrollments:12";
 * an insert, its table and "new"). The connection wrapper (named-statements.ts) holds it and answers at once
 * with no rows.
 */

export interface HeldWrite {
  /** The row written, "table:key", or "table:new" for an insert. */
  readonly row: string;
  readonly table: string;
  readonly sql: string;
  readonly parameters: readonly unknown[];
}

const MARK = /^\/\* lp:deferred ([a-z_]+):([^ ]+) \*\/ /;

/** The SQL of a write to hold: `sql` marked with the row it writes. */
export function markDeferred(sql: string, table: string, key: string | number): string {
  return `/* lp:deferred ${table}:${key} */ ${sql}`;
}

/** The write a marked statement holds, or null for a statement to send now. */
export function heldWrite(sql: string, parameters: readonly unknown[]): HeldWrite | null {
  const m = MARK.exec(sql);
  if (!m) return null;
  const table = m[1] as string;
  // Its parameters are renumbered when it is sent with others: no literal may hold a `$n` (see canCarry).
  if (sql.includes("'") || sql.includes("$$")) throw new Error(`a deferred write must pass every value as a parameter: ${sql}`);
  return { row: `${table}:${m[2] as string}`, table, sql: sql.slice(m[0].length), parameters };
}

/** What to send for `next` while `held` is waiting: the held writes with it, or first on their own. */
export type Plan =
  { type: "carry"; sql: string; parameters: unknown[] } | { type: "flush-first"; flush: { sql: string; parameters: unknown[] } };

/** The writes held on one connection, in the order they were made. */
export class HeldWrites {
  #writes: HeldWrite[] = [];

  get size(): number {
    return this.#writes.length;
  }

  /**
   * Whether `write` can join those held (else send them first): not if it writes a row one of them writes, nor
   * if it inserts into a table one of them inserts into (the ids would come in no set order).
   */
  canHold(write: HeldWrite): boolean {
    return !this.#writes.some((w) => w.row === write.row);
  }

  hold(write: HeldWrite): void {
    this.#writes.push(write);
  }

  /** Takes every held write out (they are being sent, or dropped by ROLLBACK). */
  take(): HeldWrite[] {
    const writes = this.#writes;
    this.#writes = [];
    return writes;
  }

  /** How to send `sql` with the held writes, which it takes out. Call only when some are held. */
  planFor(sql: string, parameters: readonly unknown[]): Plan {
    if (!canCarry(sql, this.#writes)) return { type: "flush-first", flush: this.flush() };
    return { type: "carry", ...withClauses(this.take(), sql, parameters) };
  }

  /** The statement of the held writes alone, which it takes out. Call only when some are held. */
  flush(): { sql: string; parameters: unknown[] } {
    return withClauses(this.take(), "select 1", []);
  }
}

const WRITE = /^(?:insert into|update|delete from) "([a-z_]+)"/;

/**
 * Whether `sql` may carry the held writes: a write of Kysely's shape ("insert into", "update", "delete from"
 * a quoted table) naming none of their tables, with no string literal or dollar quote in which a `$n` could be
 * mistaken for a parameter when the parameters are renumbered.
 */
export function canCarry(sql: string, held: readonly HeldWrite[]): boolean {
  if (!WRITE.test(sql) || sql.includes("'") || sql.includes("$$")) return false;
  return held.every((w) => !sql.includes(`"${w.table}"`));
}

/** `writes` as WITH clauses in front of `main`, their parameters first and every `$n` renumbered to match. */
export function withClauses(
  writes: readonly HeldWrite[],
  main: string,
  mainParameters: readonly unknown[],
): { sql: string; parameters: unknown[] } {
  const parameters: unknown[] = [];
  const clauses = writes.map((w, i) => {
    const clause = `lp_w${i + 1} as (${renumber(w.sql, parameters.length)})`;
    parameters.push(...w.parameters);
    return clause;
  });
  const body = renumber(main, parameters.length);
  parameters.push(...mainParameters);
  return { sql: `with ${clauses.join(", ")} ${body}`, parameters };
}

function renumber(sql: string, offset: number): string {
  return offset === 0 ? sql : sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
}
