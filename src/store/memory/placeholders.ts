/**
 * Methods of the memory store not written yet: each throws `memory store: NAME not implemented`, so that a gap
 * is loud. The record names every method of `T` (the compiler checks that none is missing), so that replacing a
 * placeholder by the real method is a local change in that concept's file.
 */
import { notImplemented } from "./context.js";

export function placeholders<T>(names: Record<keyof T & string, true>): T {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(names)) out[name] = notImplemented(name);
  return out as T;
}
