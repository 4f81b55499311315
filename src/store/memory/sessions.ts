/** SessionStore of the memory store (../sessions.ts is the SQL one): not written yet, each method throws. */
import type { SessionStore } from "../sessions.js";
import type { MemoryContext } from "./context.js";
import { placeholders } from "./placeholders.js";

export function sessionMethods(_ctx: MemoryContext): SessionStore {
  return placeholders<SessionStore>({ insertSession: true, findSession: true, revokeSession: true, deleteEndedSessions: true });
}
