/**
 * One HTTP attempt. `fetch` is injected (the global one in the CLI, anything shaped like it in tests): only the
 * status matters, and the response body is discarded. Redirects are not followed (a signed POST should not be
 * replayed elsewhere): a 3xx counts as a failure like any other non-2xx.
 */
export interface FetchInit {
  method: "POST";
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
  redirect: "manual";
}

export interface FetchResponse {
  status: number;
  body?: { cancel(): Promise<void> } | null;
}

export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponse>;

export type AttemptOutcome =
  | { ok: true; statusCode: number }
  | { ok: false; statusCode: number; error: null }
  /** No HTTP answer at all: refused, reset, DNS, timeout. */
  | { ok: false; statusCode: null; error: string };

export async function postDelivery(fetchFn: FetchLike, req: { url: string; headers: Record<string, string>; body: string; timeoutMs: number }): Promise<AttemptOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`no answer within ${req.timeoutMs / 1000} s`)), req.timeoutMs);
  try {
    const res = await fetchFn(req.url, { method: "POST", headers: req.headers, body: req.body, signal: controller.signal, redirect: "manual" });
    await res.body?.cancel().catch(() => {});
    return res.status >= 200 && res.status < 300 ? { ok: true, statusCode: res.status } : { ok: false, statusCode: res.status, error: null };
  } catch (e) {
    return { ok: false, statusCode: null, error: controller.signal.aborted ? `timeout: no answer within ${req.timeoutMs / 1000} s` : describeNetworkError(e) };
  } finally {
    clearTimeout(timer);
  }
}

/** fetch's "fetch failed" hides the reason in `cause` (ECONNREFUSED, ENOTFOUND, …). */
function describeNetworkError(e: unknown): string {
  const cause = e instanceof Error ? (e.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === "string" ? cause.code : null;
  const message = typeof cause?.message === "string" ? cause.message : e instanceof Error ? e.message : String(e);
  const what = code && !message.includes(code) ? `${code}: ${message}` : message;
  return (e instanceof Error && cause !== undefined && e.message !== message ? `${e.message}: ${what}` : what).slice(0, 300);
}
