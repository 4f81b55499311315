/**
 * Unique violations, recognised on both backends. The store checks for the collisions it can name before it
 * writes (so that a PostgreSQL transaction is not aborted and no id is spent); these catch what slips past,
 * such as two writers racing, and turn it into a LinkpaceError("conflict").
 */
import { LinkpaceError } from "../core/errors.js";

interface DriverError {
  code?: unknown;
  constraint?: unknown;
  message?: unknown;
}

/** PostgreSQL SQLSTATE 23505, or better-sqlite3's SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY. */
export function isUniqueViolation(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  const code = (e as DriverError).code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

/** Which constraint or columns collided, as the driver reports it. */
function collided(e: unknown): string {
  const { constraint, message } = e as DriverError;
  if (typeof constraint === "string") return constraint;
  return typeof message === "string" ? message.replace(/^UNIQUE constraint failed: /, "") : "unknown constraint";
}

/** Runs a write; a unique violation becomes a conflict with `message` and the constraint that collided. */
export async function mapConflict<T>(message: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isUniqueViolation(e)) throw new LinkpaceError("conflict", `${message} (${collided(e)})`);
    throw e;
  }
}
