/**
 * One delivery attempt: resolve and check the target (resolve-target.ts), then POST to the checked addresses
 * only: the `lookup` that http.request connects with answers with them and nothing else. The timeout covers
 * both. Only the status matters: the response is closed as soon as its headers arrive, so nothing a receiver
 * answers is read, let alone stored (the delivery log keeps the status, or a short error). Redirects are not
 * followed (a signed POST should not be replayed elsewhere): a 3xx counts as a failure like any other non-2xx.
 */
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { resolveTarget, type ResolvedAddress, type Resolver } from "./resolve-target.js";
import type { WebhookAllow } from "./webhook-allow.js";

export interface DeliveryRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  allow: WebhookAllow;
  resolve: Resolver;
}

export type AttemptOutcome =
  | { ok: true; statusCode: number }
  | { ok: false; statusCode: number; error: null }
  /** No HTTP answer at all: refused address, refused connection, reset, DNS, timeout. */
  | { ok: false; statusCode: null; error: string };

/** The delivery log keeps errors this short. */
export const MAX_ERROR_LENGTH = 300;

export async function postDelivery(req: DeliveryRequest): Promise<AttemptOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error("timeout")), req.timeoutMs);
  try {
    const url = new URL(req.url);
    const target = await untilAborted(resolveTarget(url, req.allow, req.resolve), controller.signal);
    if (!target.ok) return { ok: false, statusCode: null, error: target.error.slice(0, MAX_ERROR_LENGTH) };
    const status = await post(url, target.addresses, req, controller.signal);
    return status >= 200 && status < 300 ? { ok: true, statusCode: status } : { ok: false, statusCode: status, error: null };
  } catch (e) {
    return {
      ok: false,
      statusCode: null,
      error: controller.signal.aborted ? `timeout: no answer within ${req.timeoutMs / 1000} s` : describeNetworkError(e),
    };
  } finally {
    clearTimeout(timer);
  }
}

/** The status of the answer; the body is never read. */
function post(url: URL, addresses: ResolvedAddress[], req: DeliveryRequest, signal: AbortSignal): Promise<number> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    const headers = { ...req.headers, "Content-Length": String(Buffer.byteLength(req.body)) };
    const request = send(url, { method: "POST", headers, agent: false, lookup: pinnedLookup(addresses), signal }, (res) => {
      res.on("error", () => {});
      res.destroy();
      resolve(res.statusCode ?? 0);
    });
    request.on("error", reject);
    request.end(req.body);
  });
}

/** A `lookup` that answers with the addresses already checked, whatever the DNS says now. */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const usable = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
    const [first] = usable;
    if (options.all) callback(null, usable);
    else if (first) callback(null, first.address, first.family);
    else callback(Object.assign(new Error(`no IPv${String(options.family)} address among the checked ones`), { code: "ENOTFOUND" }), "", 0);
  };
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** "connect ECONNREFUSED 127.0.0.1:9"; an AggregateError (several addresses tried) has its message in `errors`. */
function describeNetworkError(e: unknown): string {
  const err = e as { code?: unknown; errors?: unknown } | null;
  const code = typeof err?.code === "string" ? err.code : null;
  const first: unknown = Array.isArray(err?.errors) ? err.errors[0] : undefined;
  const message = (e instanceof Error && e.message) || (first instanceof Error ? first.message : "") || String(e);
  return (code && !message.includes(code) ? `${code}: ${message}` : message).slice(0, MAX_ERROR_LENGTH);
}
