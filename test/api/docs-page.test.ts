/**
 * /docs: Scalar's reference page with its bundle served by this server (no CDN, works offline, under a CSP
 * that allows same-origin scripts and its one inline script by hash), or a plain page when the bundle is
 * not built.
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createApi } from "../../src/api/create-api.js";
import { SCALAR_BUNDLE } from "../../src/api/docs-page.js";
import { VirtualClock, parseInstant } from "../../src/core/time.js";
import { openSqliteStore } from "../../src/store/sqlite/open-sqlite.js";
import type { Store } from "../../src/store/store.js";

const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

async function api(webRoot: string | null) {
  const store = await openSqliteStore(":memory:");
  stores.push(store);
  return createApi({ store, clock: new VirtualClock(parseInstant("2027-03-01T08:00:00Z") as number), webRoot }).http;
}

/** A web root holding a stand-in for the bundle the dashboard's build copies there. */
function webRootWithBundle(): string {
  const root = mkdtempSync(join(tmpdir(), "linkpace-docs-"));
  mkdirSync(join(root, "docs"));
  writeFileSync(join(root, SCALAR_BUNDLE), "window.Scalar = { createApiReference() {} };\n");
  return root;
}

const inlineScripts = (html: string): string[] => [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);

describe("/docs", () => {
  it("is Scalar's page over /openapi.json, loading only this server's bundle, its inline script allowed by hash", async () => {
    const http = await api(webRootWithBundle());
    const r = await http.request("/docs");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await r.text();
    expect(html).toContain(`<script src="/${SCALAR_BUNDLE}"></script>`);
    expect(html).toContain('"url": "/openapi.json"');
    expect(html).not.toMatch(/(src|href)="https?:/);
    const scripts = inlineScripts(html);
    expect(scripts).toHaveLength(1);
    const hash = createHash("sha256").update(scripts[0]!).digest("base64");
    expect(r.headers.get("content-security-policy")).toBe(
      `default-src 'none'; script-src 'self' 'sha256-${hash}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
    );
    const bundle = await http.request(`/${SCALAR_BUNDLE}`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get("content-type")).toMatch(/javascript/);
    expect(await bundle.text()).toContain("createApiReference");
  });

  it("is a plain page listing the routes, without scripts, when the bundle is not built", async () => {
    for (const webRoot of [null, mkdtempSync(join(tmpdir(), "linkpace-docs-"))]) {
      const http = await api(webRoot);
      const r = await http.request("/docs");
      expect(r.headers.get("content-type")).toMatch(/^text\/html/);
      const html = await r.text();
      expect(html).toContain("POST /v1/agent/claim");
      expect(html).not.toContain("<script");
      expect(r.headers.get("content-security-policy")).toContain("default-src 'none'");
      expect(r.headers.get("content-security-policy")).not.toContain("script-src");
      expect((await http.request(`/${SCALAR_BUNDLE}`)).status).toBe(404);
    }
  });
});
