/** The dashboard's sign-in: the session cookie as a credential, its CSRF token on writes, expiry and sign-out. */
import { describe, expect, it } from "vitest";
import { hashToken } from "../../src/api/auth.js";
import { createApi } from "../../src/api/create-api.js";
import { startServer } from "../../src/api/server.js";
import { silentLogger } from "../../src/api/logger.js";
import { DAY } from "../../src/core/time.js";
import { ACCOUNT, apiHarness, type ApiHarness } from "./api-harness.js";

const SECRET = "[A-Za-z0-9_-]{43}";

async function signIn(h: ApiHarness, token: string, headers: Record<string, string> = {}) {
  const r = await h.call(null, "POST", "/v1/session", { token }, headers);
  const secret = new RegExp(`^lp_session=(${SECRET});`).exec(r.headers.get("set-cookie") ?? "")?.[1];
  return { r, secret, cookie: { cookie: `lp_session=${secret}` }, csrf: r.body?.csrfToken as string };
}

describe("sign-in", () => {
  it("trades a token for an HttpOnly, SameSite=Strict session cookie and a CSRF token; only the cookie's hash is stored", async () => {
    const h = await apiHarness();
    const { r, secret, csrf } = await signIn(h, h.tokenA);
    expect(r.status).toBe(201);
    expect(r.body).toEqual({
      workspace: { id: 1, name: "default" },
      csrfToken: expect.stringMatching(new RegExp(`^${SECRET}$`)),
      expiresAt: "2027-03-08T08:00:00Z",
    });
    expect(r.headers.get("set-cookie")).toBe(`lp_session=${secret}; Max-Age=604800; Path=/; HttpOnly; SameSite=Strict`);
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect(secret).not.toBe(csrf);
    expect(await h.store.findSession(hashToken(secret!), h.clock.now())).toMatchObject({
      id: 1,
      workspaceId: 1,
      tokenId: 1,
      csrfToken: csrf,
    });
    expect(await h.store.findSession(secret!, h.clock.now())).toBeNull();
    const b = await signIn(h, h.tokenB);
    expect(b.r.body.workspace).toEqual({ id: 2, name: "client-b" });
    expect(b.secret).not.toBe(secret);
  });

  it("marks the cookie Secure when the request came over https, directly or as a proxy says", async () => {
    const h = await apiHarness();
    const proxied = await signIn(h, h.tokenA, { "x-forwarded-proto": "https" });
    expect(proxied.r.headers.get("set-cookie")).toBe(
      `lp_session=${proxied.secret}; Max-Age=604800; Path=/; HttpOnly; Secure; SameSite=Strict`,
    );
    const direct = await h.api.http.request("https://linkpace.example/v1/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: h.tokenA }),
    });
    expect(direct.headers.get("set-cookie")).toMatch(/; Secure;/);
  });

  it("refuses an unknown or revoked token (401), a malformed (422) or huge (413) body and a sign-in from another origin (403)", async () => {
    const h = await apiHarness();
    for (const token of ["lp_not-a-real-token", `${h.tokenA}x`, "hunter2"]) {
      const r = await h.call(null, "POST", "/v1/session", { token });
      expect(r.status).toBe(401);
      expect(r.headers.get("content-type")).toBe("application/problem+json");
      expect(r.headers.get("set-cookie")).toBeNull();
      expect(r.body).toMatchObject({ status: 401, title: "Unauthorized", detail: expect.stringMatching(/not valid/) });
    }
    const bad = await h.call(null, "POST", "/v1/session", { tokn: h.tokenA });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([
      expect.objectContaining({ field: "token" }),
      { field: "body", message: 'unknown field "tokn" (known: token)' },
    ]);
    const huge = await h.call(null, "POST", "/v1/session", { token: "lp_".padEnd(5000, "x") });
    expect(huge.status).toBe(413);
    expect(huge.headers.get("content-type")).toBe("application/problem+json");
    const cross = await h.call(null, "POST", "/v1/session", { token: h.tokenA }, { origin: "https://evil.example" });
    expect(cross.status).toBe(403);
    expect(cross.headers.get("set-cookie")).toBeNull();
    expect((await h.call(null, "POST", "/v1/session", { token: h.tokenA }, { origin: "http://localhost" })).status).toBe(201);
    await h.store.revokeApiToken(1, h.clock.now());
    expect((await signIn(h, h.tokenA)).r.status).toBe(401);
  });

  it("rate limits sign-in per client address, refilling with time", async () => {
    const h = await apiHarness();
    const { http } = createApi({ store: h.store, clock: h.clock, signInRateLimit: { burst: 2, perSecond: 0.5 } });
    const from = (address?: string) =>
      http.request(
        "/v1/session",
        { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token: "lp_wrong" }) },
        address ? { incoming: { socket: { remoteAddress: address } } } : undefined,
      );
    expect((await from("10.0.0.1")).status).toBe(401);
    expect((await from("10.0.0.1")).status).toBe(401);
    const limited = await from("10.0.0.1");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("2");
    expect(limited.headers.get("content-type")).toBe("application/problem+json");
    expect((await from("10.0.0.2")).status).toBe(401);
    // In-process requests (no socket) share one bucket of their own.
    expect((await from()).status).toBe(401);
    expect((await from()).status).toBe(401);
    expect((await from()).status).toBe(429);
    h.clock.advance(2_000);
    expect((await from("10.0.0.1")).status).toBe(401);
  });

  it("signs in over a real port (the client address comes from the socket) without Secure on plain http", async () => {
    const h = await apiHarness();
    const server = await startServer({ store: h.store, clock: h.clock, host: "127.0.0.1", port: 0, engine: false, logger: silentLogger });
    try {
      const res = await fetch(`${server.url}/v1/session`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.url },
        body: JSON.stringify({ token: h.tokenA }),
      });
      expect(res.status).toBe(201);
      const cookie = res.headers.get("set-cookie")!;
      expect(cookie).toMatch(new RegExp(`^lp_session=${SECRET}; Max-Age=604800; Path=/; HttpOnly; SameSite=Strict$`));
      const status = await fetch(`${server.url}/v1/status`, { headers: { cookie: cookie.split(";")[0]! } });
      expect(status.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe("the session cookie as a credential", () => {
  it("authenticates reads on its own and says who it is; a bearer token says so too", async () => {
    const h = await apiHarness();
    const { cookie, csrf } = await signIn(h, h.tokenA);
    expect((await h.call(null, "GET", "/v1/status", undefined, cookie)).status).toBe(200);
    expect((await h.call(null, "GET", "/metrics", undefined, cookie)).status).toBe(200);
    const me = await h.call(null, "GET", "/v1/session", undefined, cookie);
    expect(me.body).toEqual({ workspace: { id: 1, name: "default" }, via: "session", csrfToken: csrf, expiresAt: "2027-03-08T08:00:00Z" });
    expect((await h.call(h.tokenB, "GET", "/v1/session")).body).toEqual({
      workspace: { id: 2, name: "client-b" },
      via: "token",
      csrfToken: null,
      expiresAt: null,
    });
  });

  it("needs the session's X-CSRF-Token on writes (403 without or wrong), and no cross-origin Origin", async () => {
    const h = await apiHarness();
    const { cookie, csrf } = await signIn(h, h.tokenA);
    const missing = await h.call(null, "POST", "/v1/accounts", ACCOUNT, cookie);
    expect(missing.status).toBe(403);
    expect(missing.headers.get("content-type")).toBe("application/problem+json");
    expect(missing.body).toMatchObject({ status: 403, title: "Forbidden", detail: expect.stringContaining("X-CSRF-Token") });
    for (const wrong of [`${csrf.slice(0, -1)}x`, csrf.slice(1), "", (await signIn(h, h.tokenA)).csrf]) {
      const r = await h.call(null, "POST", "/v1/accounts", ACCOUNT, { ...cookie, "x-csrf-token": wrong });
      expect(r.status, wrong).toBe(403);
      expect(r.body.detail).toContain("X-CSRF-Token");
    }
    expect((await h.call(null, "GET", "/v1/accounts", undefined, cookie)).body.accounts).toEqual([]);
    const cross = await h.call(null, "POST", "/v1/accounts", ACCOUNT, { ...cookie, "x-csrf-token": csrf, origin: "https://evil.example" });
    expect(cross.status).toBe(403);
    expect(cross.body.detail).toMatch(/Origin https:\/\/evil\.example/);
    const ok = await h.call(null, "POST", "/v1/accounts", ACCOUNT, { ...cookie, "x-csrf-token": csrf, origin: "http://localhost" });
    expect(ok.status).toBe(201);
    expect((await h.call(null, "GET", "/v1/accounts", undefined, cookie)).body.accounts.map((a: { name: string }) => a.name)).toEqual([
      "alice",
    ]);
    // Behind a TLS proxy the page's origin is https.
    const proxied = await h.call(
      null,
      "POST",
      "/v1/accounts",
      { ...ACCOUNT, name: "bob" },
      { ...cookie, "x-csrf-token": csrf, origin: "https://localhost", "x-forwarded-proto": "https" },
    );
    expect(proxied.status).toBe(201);
  });

  it("asks no CSRF token of bearer requests", async () => {
    const h = await apiHarness();
    expect((await h.call(h.tokenA, "POST", "/v1/accounts", ACCOUNT, { origin: "https://elsewhere.example" })).status).toBe(201);
  });

  it("dies with its token (linkpace token revoke) and after 7 days however much it is used", async () => {
    const h = await apiHarness();
    const a = await signIn(h, h.tokenA);
    const b = await signIn(h, h.tokenB);
    await h.store.revokeApiToken(1, h.clock.now());
    const dead = await h.call(null, "GET", "/v1/status", undefined, a.cookie);
    expect(dead.status).toBe(401);
    expect(dead.body.detail).toMatch(/session has ended/);
    expect((await h.call(null, "GET", "/v1/status", undefined, b.cookie)).status).toBe(200);
    h.clock.advance(7 * DAY - 1);
    expect((await h.call(null, "GET", "/v1/status", undefined, b.cookie)).status).toBe(200);
    h.clock.advance(1);
    expect((await h.call(null, "GET", "/v1/status", undefined, b.cookie)).status).toBe(401);
    expect((await h.call(null, "GET", "/v1/session", undefined, { cookie: "lp_session=forged" })).status).toBe(401);
  });

  it("signs out with DELETE /v1/session: CSRF required, session revoked, cookie cleared", async () => {
    const h = await apiHarness();
    const { cookie, csrf } = await signIn(h, h.tokenA);
    expect((await h.call(null, "DELETE", "/v1/session", undefined, cookie)).status).toBe(403);
    const out = await h.call(null, "DELETE", "/v1/session", undefined, { ...cookie, "x-csrf-token": csrf });
    expect(out.status).toBe(204);
    expect(out.text).toBe("");
    expect(out.headers.get("set-cookie")).toBe("lp_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict");
    expect((await h.call(null, "GET", "/v1/status", undefined, cookie)).status).toBe(401);
    expect((await h.call(null, "DELETE", "/v1/session", undefined, { ...cookie, "x-csrf-token": csrf })).status).toBe(401);
    const bearer = await h.call(h.tokenA, "DELETE", "/v1/session");
    expect(bearer.status).toBe(409);
    expect(bearer.body.detail).toMatch(/not a session/);
  });

  it("sees only its own workspace: B's session gets nothing of A's accounts", async () => {
    const h = await apiHarness();
    expect((await h.call(h.tokenA, "POST", "/v1/accounts", ACCOUNT)).status).toBe(201);
    const b = await signIn(h, h.tokenB);
    expect((await h.call(null, "GET", "/v1/accounts", undefined, b.cookie)).body.accounts).toEqual([]);
    expect((await h.call(null, "GET", "/v1/accounts/alice", undefined, b.cookie)).status).toBe(404);
    expect((await h.call(null, "GET", "/v1/status", undefined, b.cookie)).body.accounts).toEqual([]);
    const a = await signIn(h, h.tokenA);
    expect((await h.call(null, "GET", "/v1/accounts/alice", undefined, a.cookie)).status).toBe(200);
  });

  it("is its own principal: logged and rate limited as session:<id>", async () => {
    const lines: Array<Record<string, unknown>> = [];
    const h = await apiHarness({
      logger: { info: (obj: object) => lines.push(obj as never), warn() {}, error() {} },
      rateLimit: { burst: 2, perSecond: 0.001 },
    });
    const { cookie } = await signIn(h, h.tokenA);
    expect((await h.call(null, "GET", "/v1/status", undefined, cookie)).status).toBe(200);
    expect(lines.at(-1)).toMatchObject({ path: "/v1/status", credential: "session:1", workspace: 1 });
    expect((await h.call(null, "GET", "/v1/status", undefined, cookie)).status).toBe(200);
    expect((await h.call(null, "GET", "/v1/status", undefined, cookie)).status).toBe(429);
    expect((await h.call(h.tokenA, "GET", "/v1/status")).status).toBe(200);
  });
});

describe("/openapi.json", () => {
  it("documents the session routes and the cookie security scheme", async () => {
    const h = await apiHarness();
    const doc = JSON.parse((await h.call(null, "GET", "/openapi.json")).text);
    expect(doc.components.securitySchemes.cookie).toEqual(expect.objectContaining({ type: "apiKey", in: "cookie", name: "lp_session" }));
    expect(doc.security).toEqual([{ bearer: [] }, { cookie: [] }]);
    const session = doc.paths["/v1/session"];
    expect(Object.keys(session).sort()).toEqual(["delete", "get", "post"]);
    expect(session.post.security).toEqual([]);
    expect(session.post.requestBody.content["application/json"].schema.$ref).toBe("#/components/schemas/SignIn");
    expect(Object.keys(session.post.responses)).toEqual(expect.arrayContaining(["201", "401", "403", "422", "429"]));
    expect(session.delete.security).toEqual([{ cookie: [] }]);
    expect(session.delete.parameters.map((p: { name: string }) => p.name.toLowerCase())).toContain("x-csrf-token");
    expect(session.delete.responses["403"].description).toMatch(/X-CSRF-Token/);
  });
});
