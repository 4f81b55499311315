/**
 * Long imports read and enroll in chunks; between two chunks the event loop runs whatever else is waiting
 * (other requests, /healthz, the engine's timers), so one upload of a million rows never stalls the server.
 * When the client has gone (its connection closed), the next pause throws and the import stops; nothing is
 * written, since the enrollment transaction rolls back.
 */
import { LinkpaceError } from "../core/errors.js";

export function pauseForOthers(signal: AbortSignal): () => Promise<void> {
  return async () => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (signal.aborted)
      throw new LinkpaceError("invalid_input", "the client closed the connection before the import finished: nothing was imported");
  };
}
