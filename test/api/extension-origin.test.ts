/**
 * The browser companion's origin (api/extension-origin.ts): a configured extension id with a token is served,
 * with CORS headers for exactly its origin; an unconfigured id, or the session cookie from an extension, is
 * refused; preflights are answered before authentication. Other callers are unchanged.
 */
import { describe, expect, it } from "vitest";
import { createToken } from "../../src/api/auth.js";
import { createApi } from "../../src/api/create-api.js";
import { extensionIds, extensionIdsFromEnv } from "../../src/api/extension-origin.js";
import { VirtualClock, parseInstant } from "../../src/core/time.js";
import { isLinkpaceError } from "../../src/core/errors.js";
import { openSqliteStore } from "../../src/store/sqlite/open-sqlite.js";
import { T0 } from "./api-harness.js";

const ID = "lblagggiheedoccidilhaaapjgdelelj";
const OTHER = "abcdefghijklmnopabcdefghijklmnop";
const ORIGIN = `chrome-extension://${ID}`;

async function setup(ids: string[] = [ID]) {
  const clock = new VirtualClock(parseInstant(T0) as number);
  const store = await openSqliteStore(":memory:");
  const unlimited = { burst: 100_000, perSecond: 100_000 };
  const api = createApi({ store, clock, rateLimit: unlimited, authFailureLimit: unlimited, webRoot: null, extensionIds: ids });
  const token = (await createToken(store, { workspaceId: 1, name: "companion", now: clock.now() })).token;
  const request = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) => api.http.request(path, init);
  const signIn = async () => {
    const r = await request("/v1/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token }),
    });
    expect(r.status).toBe(201);
    const csrf = ((await r.json()) as { csrfToken: string }).csrfToken;
    return { cookie: /^(lp_session=[^;]+)/.exec(r.headers.get("set-cookie") ?? "")![1]!, csrf };
  };
  return { token, request, signIn };
}

describe("requests from the browser companion", () => {
  it("serves a configured extension with its token, with CORS headers for exactly its origin and no credentials", async () => {
    const s = await setup();
    const r = await s.request("/v1/tasks", { headers: { origin: ORIGIN, authorization: `Bearer ${s.token}` } });
    expect(r.status).toBe(200);
    expect(r.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(r.headers.get("access-control-allow-credentials")).toBeNull();
    expect(r.headers.get("vary")).toContain("Origin");
    const write = await s.request("/v1/tasks/next", {
      method: "POST",
      headers: { origin: ORIGIN, authorization: `Bearer ${s.token}`, "content-type": "application/json" },
      body: JSON.stringify({ account: "nobody" }),
    });
    expect(write.status).toBe(404); // past the origin and the credential: the account does not exist
    expect(write.headers.get("access-control-allow-origin")).toBe(ORIGIN); // refusals are readable by the companion too
  });

  it("puts the CORS headers on a 401 too, so that the companion can say the token is wrong", async () => {
    const s = await setup();
    const r = await s.request("/v1/tasks", { headers: { origin: ORIGIN, authorization: "Bearer lp_wrong" } });
    expect(r.status).toBe(401);
    expect(r.headers.get("access-control-allow-origin")).toBe(ORIGIN);
  });

  it("refuses an extension that is not configured (403), even with a valid token, and gives it no CORS header", async () => {
    for (const ids of [[ID], []]) {
      const s = await setup(ids);
      const origin = ids.length === 0 ? ORIGIN : `chrome-extension://${OTHER}`;
      const r = await s.request("/v1/tasks", { headers: { origin, authorization: `Bearer ${s.token}` } });
      expect(r.status).toBe(403);
      expect(((await r.json()) as { detail: string }).detail).toContain("--extension-id");
      expect(r.headers.get("access-control-allow-origin")).toBeNull();
      const preflight = await s.request("/v1/tasks", {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "GET", "access-control-request-headers": "authorization" },
      });
      expect(preflight.status).toBe(403);
      expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    }
  });

  it("refuses the session cookie from an extension, for reads and writes (403), configured or not", async () => {
    const s = await setup();
    const { cookie, csrf } = await s.signIn();
    const read = await s.request("/v1/tasks", { headers: { origin: ORIGIN, cookie } });
    expect(read.status).toBe(403);
    expect(((await read.json()) as { detail: string }).detail).toContain("Bearer");
    const write = await s.request("/v1/tasks/next", {
      method: "POST",
      headers: { origin: ORIGIN, cookie, "x-csrf-token": csrf, "content-type": "application/json" },
      body: JSON.stringify({ account: "nobody" }),
    });
    expect(write.status).toBe(403);
    // A wrong token does not fall back to the cookie either.
    const both = await s.request("/v1/tasks", { headers: { origin: ORIGIN, cookie, authorization: "Bearer lp_wrong" } });
    expect(both.status).toBe(403);
    // The same cookie from the dashboard's own pages still works.
    expect((await s.request("/v1/tasks", { headers: { cookie } })).status).toBe(200);
    // And an extension cannot sign in for a cookie.
    const signIn = await s.request("/v1/session", {
      method: "POST",
      headers: { origin: ORIGIN, "content-type": "application/json" },
      body: JSON.stringify({ token: s.token }),
    });
    expect(signIn.status).toBe(403);
    expect(signIn.headers.get("set-cookie")).toBeNull();
  });

  it("answers a configured extension's preflight before authentication: its origin, the methods, Authorization and Content-Type", async () => {
    const s = await setup();
    for (const path of ["/v1/tasks/next", "/v1/accounts/alice/sitting", "/metrics"]) {
      const r = await s.request(path, {
        method: "OPTIONS",
        headers: {
          origin: ORIGIN,
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization,content-type",
        },
      });
      expect(r.status).toBe(204);
      expect(r.headers.get("access-control-allow-origin")).toBe(ORIGIN);
      expect(r.headers.get("access-control-allow-methods")).toBe("GET, POST, PUT, PATCH, DELETE");
      expect(r.headers.get("access-control-allow-headers")).toBe("Authorization, Content-Type");
      expect(r.headers.get("access-control-allow-credentials")).toBeNull();
      expect(r.headers.get("access-control-max-age")).toBe("7200");
    }
  });

  it("leaves other callers as they were: no CORS for web origins, bearer clients without Origin served", async () => {
    const s = await setup();
    const web = await s.request("/v1/tasks", { headers: { origin: "https://evil.example", authorization: `Bearer ${s.token}` } });
    expect(web.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await s.request("/v1/tasks", {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "GET" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    expect(preflight.status).toBe(401);
    const plain = await s.request("/v1/tasks", { headers: { authorization: `Bearer ${s.token}` } });
    expect(plain.status).toBe(200);
    expect(plain.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("the extension ids setting", () => {
  it("takes ids from flags and LINKPACE_EXTENSION_IDS (comma-separated), without duplicates, and refuses what is not an id", () => {
    expect(extensionIds([ID, ` ${ID} `, OTHER], "--extension-id")).toEqual([ID, OTHER]);
    expect(extensionIdsFromEnv({ LINKPACE_EXTENSION_IDS: `${ID}, ${OTHER},` })).toEqual([ID, OTHER]);
    expect(extensionIdsFromEnv({})).toEqual([]);
    for (const bad of ["chrome-extension://" + ID, ID.toUpperCase(), ID.slice(1), "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq"]) {
      let error: unknown;
      try {
        extensionIds([bad], "--extension-id");
      } catch (e) {
        error = e;
      }
      expect(isLinkpaceError(error) && error.code === "invalid_input" && error.message.includes("--extension-id")).toBe(true);
    }
  });
});
