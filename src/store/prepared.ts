/**
 * Queries compiled once per shape. Kysely builds and compiles a query on every call (3 µs for a lookup by id,
 * 35 µs for dueEnrollments' join), which for the hot queries costs as much as SQLite running them. Here a
 * query is built once with placeholder values, and later calls only bind their own values to the same SQL:
 * the same SQL text also lets SQLite reuse its prepared statement and PostgreSQL its named one.
 *
 * `key` names the shape: queries whose SQL depends on their input (a patch's fields, a list's length) put
 * that in the key. The builder must pass every argument as a value (a parameter), never as SQL text.
 */
import type { CompiledQuery, Compilable } from "kysely";
import { markDeferred } from "./postgres/deferred-writes.js";
import type { StoreContext } from "./store-context.js";

/** A placeholder for argument `index`, found again among the compiled query's parameters. */
class Slot {
  constructor(readonly index: number) {}
}

export class PreparedQueries {
  readonly #templates = new Map<string, Template>();

  template(key: string, arity: number, build: (...args: never[]) => Compilable<unknown>): Template {
    let template = this.#templates.get(key);
    if (template === undefined) {
      template = new Template(key, arity, build);
      this.#templates.set(key, template);
    }
    return template;
  }
}

class Template {
  readonly #compiled: CompiledQuery;
  /** Per parameter: the index of the argument that fills it, or a constant the builder wrote itself. */
  readonly #binders: Array<number | { value: unknown }>;

  constructor(key: string, arity: number, build: (...args: never[]) => Compilable<unknown>) {
    const slots = Array.from({ length: arity }, (_, i) => new Slot(i));
    this.#compiled = build(...(slots as never[])).compile();
    this.#binders = this.#compiled.parameters.map((p) => (p instanceof Slot ? p.index : { value: p }));
    const used = new Set(this.#binders.filter((b): b is number => typeof b === "number"));
    if (used.size !== arity || this.#compiled.sql.includes("[object")) {
      throw new Error(`prepared query ${key}: every argument must become a parameter (${used.size} of ${arity} did)`);
    }
  }

  bind(args: readonly unknown[]): CompiledQuery {
    const parameters = this.#binders.map((b) => (typeof b === "number" ? args[b] : b.value));
    return { ...this.#compiled, parameters };
  }
}

/** Runs the query of shape `key` with `args`, compiling it with `build` the first time; its rows. */
export async function runPrepared<A extends unknown[], R>(
  ctx: StoreContext,
  key: string,
  build: (...args: A) => Compilable<R>,
  ...args: A
): Promise<R[]> {
  const template = ctx.prepared.template(key, args.length, build as unknown as (...args: never[]) => Compilable<unknown>);
  const result = await ctx.db.executeQuery<R>(template.bind(args) as CompiledQuery<R>);
  return result.rows;
}

/**
 * Runs a write whose caller needs no answer (no rows affected, nothing returned, no error of its own): in a
 * PostgreSQL transaction it is held and sent with the transaction's next statement (postgres/deferred-writes.ts),
 * which a refused write then fails; elsewhere it runs now. `row` names what it writes: the table and the key
 * of the row an update or delete touches, or "new" for an insert.
 */
export async function runDeferrable<A extends unknown[]>(
  ctx: StoreContext,
  row: { table: string; key: number | "new" },
  key: string,
  build: (...args: A) => Compilable<unknown>,
  ...args: A
): Promise<void> {
  if (ctx.dialect !== "postgres" || !ctx.inTransaction) {
    await runPrepared(ctx, key, build, ...args);
    return;
  }
  const compiled = ctx.prepared.template(key, args.length, build as unknown as (...args: never[]) => Compilable<unknown>).bind(args);
  await ctx.db.executeQuery({ ...compiled, sql: markDeferred(compiled.sql, row.table, row.key) });
}

/** The first row, or undefined. */
export async function runPreparedFirst<A extends unknown[], R>(
  ctx: StoreContext,
  key: string,
  build: (...args: A) => Compilable<R>,
  ...args: A
): Promise<R | undefined> {
  return (await runPrepared(ctx, key, build, ...args))[0];
}

/** A row's values in `columns` order: the arguments of a prepared insert or update. */
export function valuesOf<C extends string>(columns: readonly C[], row: Partial<Record<C, unknown>>): unknown[] {
  return columns.map((c) => row[c]);
}

/** Inside a builder: the row whose `columns` take the arguments `args[offset]`, `args[offset + 1]`, … */
export function rowOf<C extends string>(columns: readonly C[], args: readonly unknown[], offset = 0): Record<C, never> {
  return Object.fromEntries(columns.map((c, i) => [c, args[offset + i]])) as Record<C, never>;
}
