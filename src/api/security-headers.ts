/**
 * Security headers on every response. The API and the reference page need no scripts, frames or outside
 * resources, so the policy allows nothing but same-origin styles and images; the dashboard's pages get their
 * own policy (dashboard.ts): same-origin scripts and API calls, still nothing inline and nothing from elsewhere.
 */
import type { MiddlewareHandler } from "hono";
import { DASHBOARD_CSP, isDashboardPath } from "./dashboard.js";

export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set("Content-Security-Policy", isDashboardPath(c.req.path) ? DASHBOARD_CSP : CONTENT_SECURITY_POLICY);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Referrer-Policy", "no-referrer");
    h.set("X-Frame-Options", "DENY");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    if (c.req.path.startsWith("/v1/")) h.set("Cache-Control", "no-store");
  };
}
