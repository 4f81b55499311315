/**
 * Security headers on every response. The API needs no scripts, frames or outside resources, so the policy
 * allows nothing but same-origin styles and images; the dashboard's pages get their own policy (dashboard.ts):
 * same-origin scripts and API calls, still nothing inline and nothing from elsewhere; the reference page at
 * /docs sets its own (docs-page.ts).
 */
import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { DASHBOARD_CSP, isDashboardPath } from "./dashboard.js";

export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

type Directives = NonNullable<NonNullable<Parameters<typeof secureHeaders>[0]>["contentSecurityPolicy"]>;

/** `"default-src 'none'; img-src 'self'"` as Hono's directives (`{ defaultSrc: ["'none'"], imgSrc: ["'self'"] }`), which it writes back the same. */
function directives(policy: string): Directives {
  const out: Record<string, string[]> = {};
  for (const directive of policy.split(";")) {
    const [name = "", ...values] = directive.trim().split(/\s+/);
    out[name.replace(/-([a-z])/g, (_, ch: string) => ch.toUpperCase())] = values;
  }
  return out as Directives;
}

/**
 * Hono's secureHeaders with only the headers we mean (its other defaults, such as HSTS, are off: whether the
 * server is reached over https is the operator's business, not ours). A route that sets its own policy keeps
 * it (/docs: docs-page.ts).
 */
function headersWith(policy: string): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: directives(policy),
    xContentTypeOptions: true,
    referrerPolicy: "no-referrer",
    xFrameOptions: "DENY",
    crossOriginOpenerPolicy: "same-origin",
    crossOriginResourcePolicy: false,
    originAgentCluster: false,
    strictTransportSecurity: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
    removePoweredBy: false,
    overwrite: false,
  });
}

export function securityHeaders(): MiddlewareHandler {
  const api = headersWith(CONTENT_SECURITY_POLICY);
  const dashboard = headersWith(DASHBOARD_CSP);
  return async (c, next) => {
    await (isDashboardPath(c.req.path) ? dashboard : api)(c, next);
    if (c.req.path.startsWith("/v1/")) c.res.headers.set("Cache-Control", "no-store");
  };
}
