/**
 * The server's clock as last seen in an API answer (`at` of GET /v1/status). The engine may run on a virtual
 * clock (end-to-end tests, demos) or on a machine whose clock differs from the browser's, so "in 3 h" and "due
 * now" are computed against the server's time, not the browser's.
 */
let offset = 0;

/** Records the server's `at` as received now. */
export function noteServerTime(at: string | null | undefined, receivedAt = Date.now()): void {
  const t = at ? Date.parse(at) : Number.NaN;
  if (Number.isFinite(t)) offset = t - receivedAt;
}

/** The server's time now (ms), by the last offset seen; the browser's until then. */
export function serverNow(): number {
  return Date.now() + offset;
}
