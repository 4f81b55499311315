/**
 * The dashboard's files (web/, built by Vite into dist/web/) at `/`: index.html and hashed assets under
 * `/assets/`. They hold no data, so they are served without a credential; the page signs in through
 * POST /v1/session. Hashed assets are cached for a year, index.html never (a new build must be picked up).
 * When the bundle is missing (a source checkout that was not built), `/` says how to build it.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import type { MiddlewareHandler } from "hono";
import type { Router } from "./router.js";

/** dist/web relative to this file: the same from src/api (tests) and dist/api (the build). */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL("../../dist/web", import.meta.url));

/** The CSP of the dashboard's pages: same-origin scripts, styles, images, fonts and API calls only. */
export const DASHBOARD_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export function isDashboardPath(path: string): boolean {
  return path === "/" || path === "/index.html" || path.startsWith("/assets/");
}

export function registerDashboard(http: Router, webRoot: string): void {
  if (!existsSync(join(webRoot, "index.html"))) {
    http.get("/", (c) =>
      c.text(
        "The dashboard is not built: run npm run build (npm ci does it), then restart linkpace serve. The API is at /v1 and its reference at /docs.\n",
        503,
      ),
    );
    return;
  }
  const cached =
    (value: string): MiddlewareHandler =>
    async (c, next) => {
      await next();
      if (c.res.status === 200) c.res.headers.set("Cache-Control", value);
    };
  http.get("/assets/*", cached("public, max-age=31536000, immutable"), serveStatic({ root: webRoot }));
  const index = serveStatic({ root: webRoot, path: "index.html" });
  http.get("/", cached("no-cache"), index);
  http.get("/index.html", cached("no-cache"), index);
}
