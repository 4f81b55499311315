/**
 * CSRF protection for the dashboard's cookie. A browser attaches the session cookie to any request for this
 * server, so a cookie-authenticated write (POST, PUT, PATCH, DELETE) must also carry `X-CSRF-Token` equal to
 * its session's token, which only a page of this origin can read (from POST or GET /v1/session). Writes whose
 * Origin header names another origin are refused before that. Bearer requests are not sent by browsers on their
 * own, so they need neither. SameSite=Strict on the cookie is a further layer, not the only one.
 *
 * Hono's csrf middleware is not used: it checks only Origin or Sec-Fetch-Site, only for form content types
 * (a JSON write passes unchecked), and has no per-session token; this needs all three for every cookie write.
 */
import { timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import type { ApiEnv } from "./api-env.js";
import { problem, sendProblem } from "./problem.js";

export const CSRF_HEADER = "X-CSRF-Token";

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Whether the client reached us over https, directly or through a proxy that says so (X-Forwarded-Proto). */
export function isHttps(c: Context): boolean {
  const forwarded = c.req.header("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return forwarded === "https" || new URL(c.req.url).protocol === "https:";
}

/** This server's origin as the browser sees it: the Host the request was sent to, with its scheme. */
export function requestOrigin(c: Context): string {
  return `${isHttps(c) ? "https:" : "http:"}//${new URL(c.req.url).host}`;
}

/** A 403 problem when the request carries an Origin header naming another origin; null otherwise. */
export function crossOriginRefusal(c: Context): Response | null {
  const origin = c.req.header("origin");
  if (origin === undefined || origin.toLowerCase() === requestOrigin(c)) return null;
  return sendProblem(
    c,
    problem(
      403,
      `cross-origin request refused: Origin ${origin} is not this server's origin ${requestOrigin(c)} (the session cookie works only from this server's own pages)`,
    ),
  );
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given, "utf8");
  const b = Buffer.from(expected, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** After authentication: lets every request through except cookie-authenticated writes without the right token. */
export function csrfProtection(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const p = c.var.principal;
    if (p.via !== "session" || !WRITES.has(c.req.method)) return next();
    const refused = crossOriginRefusal(c);
    if (refused) return refused;
    const given = c.req.header(CSRF_HEADER);
    if (given === undefined) {
      return sendProblem(
        c,
        problem(
          403,
          `a write with the session cookie needs the header ${CSRF_HEADER}: the csrfToken that POST /v1/session and GET /v1/session return`,
        ),
      );
    }
    if (!sameSecret(given, p.csrfToken)) {
      return sendProblem(
        c,
        problem(403, `the ${CSRF_HEADER} header does not match this session's CSRF token (GET /v1/session returns the current one)`),
      );
    }
    return next();
  };
}
