/**
 * The browser companion's origin. Pages and the service worker of a Chromium extension send
 * `Origin: chrome-extension://ID`. Such a request is served only when the operator named that ID
 * (`linkpace serve --extension-id ID`, or LINKPACE_EXTENSION_IDS), and only with a bearer token: the dashboard's
 * session cookie is never a credential for an extension. The configured origin gets CORS answers (preflights,
 * Access-Control-Allow-Origin with that exact origin, Authorization and Content-Type allowed, no credentials),
 * so the companion works with or without a host permission for the server. Other origins are unchanged: the
 * cookie refuses them on its own (csrf.ts), and a bearer request from a web page never gets a CORS answer.
 */
import type { Context, MiddlewareHandler } from "hono";
import { LinkpaceError } from "../core/errors.js";
import type { ApiEnv } from "./api-env.js";
import { problem, sendProblem } from "./problem.js";

export const EXTENSION_SCHEME = "chrome-extension://";
export const EXTENSION_IDS_ENV = "LINKPACE_EXTENSION_IDS";

/** Chromium's extension ids: 32 letters a to p (the first 128 bits of the key's SHA-256, one letter per hex digit). */
const EXTENSION_ID = /^[a-p]{32}$/;

const ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE";
const ALLOWED_HEADERS = "Authorization, Content-Type";
/** Headers the companion may read from an answer (a 429's wait). */
const EXPOSED_HEADERS = "Retry-After";
/** How long a browser may keep a preflight's answer (Chromium caps it at 2 hours). */
const PREFLIGHT_MAX_AGE = "7200";

/** The ids, checked and without duplicates; `where` names the flag or variable in the error. */
export function extensionIds(ids: readonly string[], where: string): string[] {
  const out = new Set<string>();
  for (const raw of ids) {
    const id = raw.trim();
    if (id === "") continue;
    if (!EXTENSION_ID.test(id))
      throw new LinkpaceError(
        "invalid_input",
        `${where}: "${id}" is not a Chromium extension id (32 letters a to p, as chrome://extensions shows it)`,
      );
    out.add(id);
  }
  return [...out];
}

/** LINKPACE_EXTENSION_IDS: comma-separated extension ids (empty or unset: none). */
export function extensionIdsFromEnv(env: Record<string, string | undefined>): string[] {
  return extensionIds((env[EXTENSION_IDS_ENV] ?? "").split(","), EXTENSION_IDS_ENV);
}

/** The extension id a request's Origin names, or null when it does not come from an extension. */
export function extensionOf(c: Context): string | null {
  const origin = c.req.header("origin");
  return origin !== undefined && origin.toLowerCase().startsWith(EXTENSION_SCHEME) ? origin.slice(EXTENSION_SCHEME.length) : null;
}

function corsHeaders(origin: string): Record<string, string> {
  return { "Access-Control-Allow-Origin": origin, Vary: "Origin", "Access-Control-Expose-Headers": EXPOSED_HEADERS };
}

/**
 * Before authentication: refuses an extension that is not configured (403), answers a configured one's
 * preflights (204), and puts its CORS headers on every answer, refusals included, so that it can read them.
 */
export function extensionCors(ids: readonly string[]): MiddlewareHandler<ApiEnv> {
  const allowed = new Set(ids);
  return async (c, next) => {
    const id = extensionOf(c);
    if (id === null) return next();
    if (!allowed.has(id))
      return sendProblem(
        c,
        problem(
          403,
          `requests from the browser extension ${EXTENSION_SCHEME}${id} are refused: start linkpace serve with --extension-id ${id} (or set ${EXTENSION_IDS_ENV}) to accept it`,
        ),
      );
    const origin = `${EXTENSION_SCHEME}${id}`;
    if (c.req.method === "OPTIONS" && c.req.header("access-control-request-method") !== undefined)
      return c.body(null, 204, {
        ...corsHeaders(origin),
        "Access-Control-Allow-Methods": ALLOWED_METHODS,
        "Access-Control-Allow-Headers": ALLOWED_HEADERS,
        "Access-Control-Max-Age": PREFLIGHT_MAX_AGE,
      });
    await next();
    for (const [name, value] of Object.entries(corsHeaders(origin))) c.res.headers.set(name, value);
  };
}

/** After authentication: an extension's request must have come with a bearer token, never the session cookie. */
export function extensionTokenOnly(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (extensionOf(c) !== null && c.var.principal.via !== "token")
      return sendProblem(
        c,
        problem(
          403,
          "a browser extension must send its API token (Authorization: Bearer <token>); the dashboard's session cookie is not accepted from an extension",
        ),
      );
    return next();
  };
}
