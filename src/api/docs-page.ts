/**
 * The reference page at /docs: Scalar's API reference (the @scalar/hono-api-reference page) over
 * /openapi.json, its script bundle served by this server at /docs/scalar.js (copied into the web root by the
 * dashboard's build: web/vite.config.ts), so it needs no CDN and no fonts from elsewhere. Its CSP is the
 * dashboard's same-origin one, plus inline styles (Scalar injects them) and its one inline script (the
 * configuration), allowed by its hash.
 *
 * Without the bundle (the dashboard not built), /docs is a plain HTML page listing every route with its summary,
 * parameters and answers, without scripts. Every string is escaped.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { Scalar } from "@scalar/hono-api-reference";
import { Hono } from "hono";
import type { Router } from "./router.js";

/** Where the dashboard's build puts Scalar's bundle, under the web root. */
export const SCALAR_BUNDLE = "docs/scalar.js";

/** Nothing that would reach Scalar's services (AI agent, telemetry, developer tools): the CSP would block it anyway. */
const SCALAR = Scalar({
  url: "/openapi.json",
  cdn: `/${SCALAR_BUNDLE}`,
  pageTitle: "linkpace API",
  withDefaultFonts: false,
  hideClientButton: true,
  agent: { disabled: true },
  showDeveloperTools: "never",
  telemetry: false,
});

/** Scalar's page and the CSP it runs under: its inline scripts are allowed by their SHA-256, nothing else inline. */
export async function scalarPage(): Promise<{ html: string; csp: string }> {
  const html = await (await new Hono().get("/", SCALAR).request("/")).text();
  const hashes = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash("sha256").update(m[1]!).digest("base64")}'`,
  );
  const csp = `default-src 'none'; script-src 'self' ${hashes.join(" ")}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`;
  return { html, csp };
}

/** GET /docs (and /docs/scalar.js when the bundle is built); `openApi` gives the document for the plain page. */
export function registerDocs(http: Router, webRoot: string | null, openApi: () => OpenApiLike): void {
  if (webRoot === null || !existsSync(join(webRoot, SCALAR_BUNDLE))) {
    let plain: string | null = null;
    http.get("/docs", (c) => c.html((plain ??= renderDocsPage(openApi()))));
    return;
  }
  http.get(
    `/${SCALAR_BUNDLE}`,
    async (c, next) => {
      await next();
      if (c.res.status === 200) c.res.headers.set("Cache-Control", "no-cache");
    },
    serveStatic({ root: webRoot, path: SCALAR_BUNDLE }),
  );
  let page: ReturnType<typeof scalarPage> | null = null;
  http.get("/docs", async (c) => {
    const { html, csp } = await (page ??= scalarPage());
    c.header("Content-Security-Policy", csp);
    return c.html(html);
  });
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

interface OpenApiLike {
  info: { title: string; version: string; description?: string };
  paths?: Record<
    string,
    Record<
      string,
      {
        summary?: string;
        tags?: string[];
        parameters?: Array<{ name: string; in: string; required?: boolean }>;
        responses?: Record<string, { description?: string }>;
      }
    >
  >;
}

/** The plain page. */
export function renderDocsPage(doc: OpenApiLike): string {
  const rows: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(methods)) {
      const params = (op.parameters ?? [])
        .map((p) => `<code>${escapeHtml(p.name)}</code> (${escapeHtml(p.in)}${p.required ? ", required" : ""})`)
        .join(", ");
      const answers = Object.entries(op.responses ?? {})
        .map(([status, r]) => `<b>${escapeHtml(status)}</b> ${escapeHtml(r.description ?? "")}`)
        .join("<br>");
      rows.push(
        `<tr><td><code>${escapeHtml(method.toUpperCase())} ${escapeHtml(path)}</code></td><td>${escapeHtml(op.summary ?? "")}${params ? `<br><small>${params}</small>` : ""}</td><td><small>${answers}</small></td></tr>`,
      );
    }
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(doc.info.title)} API</title>
<style>body{font:14px/1.45 system-ui,sans-serif;margin:2rem;max-width:1100px}table{border-collapse:collapse;width:100%}td{border-top:1px solid #ddd;padding:.4rem;vertical-align:top}code{font-size:13px}</style></head>
<body><h1>${escapeHtml(doc.info.title)} API ${escapeHtml(doc.info.version)}</h1><p>${escapeHtml(doc.info.description ?? "")}</p>
<p>The machine-readable document: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1). Every route under <code>/v1</code> needs <code>Authorization: Bearer lp_…</code> (<code>linkpace token create --name NAME</code>), or the dashboard's session cookie from <code>POST /v1/session</code>, whose writes also need the <code>X-CSRF-Token</code> header. Errors are <code>application/problem+json</code>. The dashboard is at <a href="/">/</a>.</p>
<table><thead><tr><th>route</th><th>what</th><th>answers</th></tr></thead><tbody>${rows.join("")}</tbody></table></body></html>`;
}
