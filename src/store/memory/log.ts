/** LogQueries of the memory store (../log.ts is the SQL one). */
import type { Store } from "../store.js";
import type { MemoryContext } from "./context.js";
import { placeholders } from "./placeholders.js";

type LogQueries = Pick<Store, "appendLog" | "setLogResult" | "getLogRow" | "readLog" | "accountActions">;

export function logMethods(_ctx: MemoryContext): LogQueries {
  return placeholders<LogQueries>({ appendLog: true, setLogResult: true, getLogRow: true, readLog: true, accountActions: true });
}
