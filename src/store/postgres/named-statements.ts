/**
 * Gives the pool's queries names, so that PostgreSQL parses and plans each SQL text once per connection
 * instead of on every call (about 75 µs of a 175 µs lookup on a local server). The store's SQL comes from a
 * bounded set of shapes (see prepared.ts); past MAX_NAMED distinct texts, new ones run unnamed, so a caller
 * with ever-changing SQL cannot make the server hold ever more statements. Statements without parameters
 * (BEGIN, COMMIT, DDL) always run unnamed, and so do batches (more than MAX_NAMED_PARAMETERS parameters: an
 * import's lookups and inserts, 500 rows at a time), whose planning is a small part of their cost: a named
 * statement is soon run on a plan cached for any parameters, and one cached while a table was still empty
 * scans it as an import fills it in the same transaction (200,000 prospects into an empty database: the
 * 500-identifier lookup took 0.6 s a batch by the end, 271 s for the whole enrolment). Every query sent is
 * counted (statement-counter.ts): each is a round trip.
 * It also holds the writes marked as deferred and sends them with the next statement (deferred-writes.ts).
 *
 * The wrapper is structural (Kysely's PostgresPool), so the store does not depend on pg's classes.
 */
import type { PostgresCursor, PostgresPool, PostgresPoolClient } from "kysely";
import type pg from "pg";
import { countStatement } from "../statement-counter.js";
import { heldWrite, HeldWrites } from "./deferred-writes.js";

const MAX_NAMED = 1000;
/** The most parameters of a named statement; an engine turn's have at most 45 on a simulation, deferred writes included. */
const MAX_NAMED_PARAMETERS = 100;

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
      const send = (sql: string, parameters: readonly unknown[]): Promise<pg.QueryResult> => {
        countStatement();
        const values = [...parameters];
        const name = values.length > 0 && values.length <= MAX_NAMED_PARAMETERS ? nameOf(sql) : undefined;
        return client.query(name === undefined ? { text: sql, values } : { name, text: sql, values });
      };
      const held = new HeldWrites();
      wrapper = {
        query: ((sqlOrCursor: string | PostgresCursor<unknown>, parameters?: ReadonlyArray<unknown>) => {
          if (typeof sqlOrCursor !== "string") {
            if (held.size > 0) throw new Error("a streamed query after deferred writes in one transaction (send them first)");
            countStatement();
            return client.query(sqlOrCursor as never);
          }
          return sendWithHeld(held, send, sqlOrCursor, parameters ?? []);
        }) as unknown as PostgresPoolClient["query"],
        release: (destroy?: boolean) => {
          // Kysely ends every transaction (COMMIT or ROLLBACK) before it releases: nothing can be held here.
          held.take();
          client.release(destroy);
        },
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

/** What the deferred writes of deferred-writes.ts change about sending `sql`: held, carried with it, or sent first. */
async function sendWithHeld(
  held: HeldWrites,
  send: (sql: string, parameters: readonly unknown[]) => Promise<pg.QueryResult>,
  sql: string,
  parameters: readonly unknown[],
): Promise<pg.QueryResult> {
  const write = heldWrite(sql, parameters);
  if (write !== null) {
    if (!held.canHold(write)) {
      const flush = held.flush();
      await send(flush.sql, flush.parameters);
    }
    held.hold(write);
    return { command: "DEFERRED", rowCount: null, rows: [], fields: [], oid: 0 };
  }
  if (held.size === 0) return send(sql, parameters);
  // The transaction's end drops them; ROLLBACK TO SAVEPOINT sends them first and lets the server undo them.
  if (/^rollback;?$/i.test(sql.trim())) {
    held.take();
    return send(sql, parameters);
  }
  const plan = held.planFor(sql, parameters);
  if (plan.type === "carry") return send(plan.sql, plan.parameters);
  await send(plan.flush.sql, plan.flush.parameters);
  return send(sql, parameters);
}
