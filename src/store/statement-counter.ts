/**
 * Counts the statements this process sends to its databases: on PostgreSQL every query on the wire (BEGIN and
 * COMMIT included: each is a round trip), on SQLite every statement executed. Read it before and after a
 * stretch of work (a simulation's loop, a benchmark's case) and divide by what was done: the cost per action in
 * round trips, which a machine's speed does not change. One counter for the whole process, since both backends'
 * drivers bump it; it only grows.
 */
let sent = 0;

/** Called by the backends' drivers (postgres/named-statements.ts, sqlite/statement-cache.ts) for each statement. */
export function countStatement(): void {
  sent++;
}

/** Statements sent since the process started. */
export function statementsSent(): number {
  return sent;
}
