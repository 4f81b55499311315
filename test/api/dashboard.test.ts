/**
 * The dashboard's files at `/`: served without a credential, index.html never cached, hashed assets cached,
 * and the dashboard's own CSP (same-origin scripts, no inline code). A missing build says how to build.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createApi } from "../../src/api/create-api.js";
import { DASHBOARD_CSP } from "../../src/api/dashboard.js";
import { VirtualClock } from "../../src/core/time.js";
import { openSqliteStore } from "../../src/store/sqlite/open-sqlite.js";

async function apiWith(webRoot: string | null) {
  const store = await openSqliteStore(":memory:");
  return createApi({ store, clock: new VirtualClock(0), webRoot }).http;
}

function fakeBuild(): string {
  const root = mkdtempSync(join(tmpdir(), "linkpace-web-"));
  mkdirSync(join(root, "assets"));
  writeFileSync(join(root, "index.html"), '<!doctype html><script type="module" src="/assets/index-abc.js"></script>');
  writeFileSync(join(root, "assets", "index-abc.js"), "console.log('dashboard')");
  return root;
}

describe("dashboard files", () => {
  it("serves index.html at / without a credential, uncached, under the dashboard CSP", async () => {
    const http = await apiWith(fakeBuild());
    const res = await http.request("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(res.headers.get("content-security-policy")).toBe(DASHBOARD_CSP);
    expect(DASHBOARD_CSP).toContain("script-src 'self'");
    expect(DASHBOARD_CSP).not.toContain("unsafe-inline");
    expect(await res.text()).toContain("/assets/index-abc.js");
  });

  it("serves hashed assets with a long cache and 404s unknown ones as problem+json", async () => {
    const http = await apiWith(fakeBuild());
    const asset = await http.request("/assets/index-abc.js");
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect(await asset.text()).toContain("dashboard");
    const missing = await http.request("/assets/nope.js");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toBe("application/problem+json");
  });

  it("does not serve files outside the build", async () => {
    const http = await apiWith(fakeBuild());
    for (const path of ["/assets/../../etc/passwd", "/assets/%2e%2e/%2e%2e/etc/passwd"]) {
      const res = await http.request(path);
      expect(res.status).toBe(404);
    }
  });

  it("says how to build when the bundle is missing", async () => {
    const http = await apiWith(mkdtempSync(join(tmpdir(), "linkpace-noweb-")));
    const res = await http.request("/");
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("npm run build");
  });

  it("keeps the API's strict CSP off the dashboard paths", async () => {
    const http = await apiWith(fakeBuild());
    const res = await http.request("/healthz");
    expect(res.headers.get("content-security-policy")).not.toContain("script-src");
  });
});
