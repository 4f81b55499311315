/**
 * Gives the pool's queries names, so that PostgreSQL parses and plans each SQL text once per connection
 * instead of on every call (about 75 µs of a 175 µs lookup on a local server). The store's SQL comes from a
 * bounded set of shapes (see prepared.ts); past MAX_NAMED distinct texts, new ones run unnamed, so a caller
 * with ever-changing SQL cannot make the server hold ever more statements. Statements without parameters
 * (BEGIN, COMMIT, DDL) always run unnamed. Every query is counted (statement-counter.ts): each is a round trip.
 *
 * The wrapper is structural (Kysely's PostgresPool), so the store does not depend on pg's classes.
 */
import type { PostgresCursor, PostgresPool, PostgresPoolClient } from "kysely";
import type pg from "pg";
import { countStatement } from "../statement-counter.js";

const MAX_NAMED = 1000;

export function withNamedStatements(pool: pg.Pool): PostgresPool {
  const names = new Map<string, string>();
  const nameOf = (sql: string): string | undefined => {
    let name = names.get(sql);
    if (name === undefined && names.size < MAX_NAMED) {
      name = `lp_${names.size + 1}`;
      names.set(sql, name);
    }
    return name;
  };
  // Kysely keeps per-client state keyed by the client object: hand out one wrapper per pg client.
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    let wrapper = wrappers.get(client);
    if (wrapper === undefined) {
      wrapper = {
        query: ((sqlOrCursor: string | PostgresCursor<unknown>, parameters?: ReadonlyArray<unknown>) => {
          countStatement();
          if (typeof sqlOrCursor !== "string") return client.query(sqlOrCursor as never);
          const values = [...(parameters ?? [])];
          const name = values.length > 0 ? nameOf(sqlOrCursor) : undefined;
          return client.query(name === undefined ? { text: sqlOrCursor, values } : { name, text: sqlOrCursor, values });
        }) as unknown as PostgresPoolClient["query"],
        release: (destroy?: boolean) => client.release(destroy),
      };
      wrappers.set(client, wrapper);
    }
    return wrapper;
  };
  return {
    connect: async () => wrap(await pool.connect()),
    end: () => pool.end(),
  };
}
