/**
 * The reference page at /docs: every route of the OpenAPI document with its summary, parameters and answers,
 * as plain HTML (no scripts: the CSP allows none). Every string is escaped.
 */
const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

interface OpenApiLike {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, { summary?: string; tags?: string[]; parameters?: Array<{ name: string; in: string; required?: boolean }>; responses?: Record<string, { description?: string }> }>>;
}

export function renderDocsPage(doc: OpenApiLike): string {
  const rows: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(methods)) {
      const params = (op.parameters ?? []).map((p) => `<code>${escapeHtml(p.name)}</code> (${escapeHtml(p.in)}${p.required ? ", required" : ""})`).join(", ");
      const answers = Object.entries(op.responses ?? {}).map(([status, r]) => `<b>${escapeHtml(status)}</b> ${escapeHtml(r.description ?? "")}`).join("<br>");
      rows.push(`<tr><td><code>${escapeHtml(method.toUpperCase())} ${escapeHtml(path)}</code></td><td>${escapeHtml(op.summary ?? "")}${params ? `<br><small>${params}</small>` : ""}</td><td><small>${answers}</small></td></tr>`);
    }
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(doc.info.title)} API</title>
<style>body{font:14px/1.45 system-ui,sans-serif;margin:2rem;max-width:1100px}table{border-collapse:collapse;width:100%}td{border-top:1px solid #ddd;padding:.4rem;vertical-align:top}code{font-size:13px}</style></head>
<body><h1>${escapeHtml(doc.info.title)} API ${escapeHtml(doc.info.version)}</h1><p>${escapeHtml(doc.info.description ?? "")}</p>
<p>The machine-readable document: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1). Every route under <code>/v1</code> needs <code>Authorization: Bearer lp_…</code> (<code>linkpace token create --name NAME</code>), or the dashboard's session cookie from <code>POST /v1/session</code>, whose writes also need the <code>X-CSRF-Token</code> header. Errors are <code>application/problem+json</code>. The dashboard is at <a href="/">/</a>.</p>
<table><thead><tr><th>route</th><th>what</th><th>answers</th></tr></thead><tbody>${rows.join("")}</tbody></table></body></html>`;
}
