/** Credentials, rate limiting, security headers and the open routes. */
import { describe, expect, it } from "vitest";
import { hashToken } from "../../src/api/auth.js";
import { createApi } from "../../src/api/create-api.js";
import { silentLogger } from "../../src/api/logger.js";
import { CONTENT_SECURITY_POLICY } from "../../src/api/security-headers.js";
import { startServer } from "../../src/api/server.js";
import { apiHarness, seeded } from "./api-harness.js";

const PROTECTED: Array<[string, string, unknown?]> = [
  ["GET", "/v1/accounts"],
  ["POST", "/v1/accounts", { name: "x", timezone: "Europe/Paris" }],
  ["GET", "/v1/campaigns"],
  ["GET", "/v1/status"],
  ["GET", "/v1/tasks"],
  ["POST", "/v1/agent/claim", { account: "alice" }],
  ["POST", "/v1/agent/report", { actionId: 1, result: "ok" }],
  ["GET", "/v1/invitations"],
  ["GET", "/v1/webhooks"],
  ["GET", "/v1/nothing-here"],
  ["GET", "/metrics"],
];

describe("authentication", () => {
  it.each(PROTECTED)(
    "%s %s needs a credential: none, a malformed one, an unknown one and a revoked one get 401",
    async (method, path, body) => {
      const h = await apiHarness();
      const revoked = (await h.store.listApiTokens())[0]!;
      const cases: Array<Record<string, string>> = [
        {},
        { authorization: "Basic dXNlcjpwYXNz" },
        { authorization: "Bearer lp_not-a-real-token" },
        { authorization: `Bearer ${h.tokenA}x` },
      ];
      for (const headers of cases) {
        const r = await h.call(null, method, path, body, headers);
        expect(r.status, JSON.stringify(headers)).toBe(401);
        expect(r.headers.get("content-type")).toBe("application/problem+json");
        expect(r.headers.get("www-authenticate")).toMatch(/^Bearer/);
        expect(r.body).toMatchObject({ status: 401, title: "Unauthorized" });
      }
      expect((await h.call(h.tokenA, "GET", "/v1/accounts")).status).toBe(200);
      await h.store.revokeApiToken(revoked.id, h.clock.now());
      const after = await h.call(h.tokenA, method, path, body);
      expect(after.status).toBe(401);
      expect(after.body.detail).toMatch(/revoked/);
    },
  );

  it("stores only the SHA-256 of a token, which looks like lp_<random>", async () => {
    const h = await apiHarness();
    expect(h.tokenA).toMatch(/^lp_[A-Za-z0-9_-]{40,}$/);
    expect(h.tokenA).not.toBe(h.tokenB);
    const rows = h.store as unknown as { findApiToken(hash: string): Promise<unknown> };
    expect(await rows.findApiToken(hashToken(h.tokenA))).not.toBeNull();
    expect(await rows.findApiToken(h.tokenA)).toBeNull();
  });

  it("serves /healthz, /openapi.json and /docs without a credential, and nothing else", async () => {
    const h = await apiHarness();
    const health = await h.call(null, "GET", "/healthz");
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: "ok" });
    expect((await h.call(null, "GET", "/openapi.json")).status).toBe(200);
    expect((await h.call(null, "GET", "/docs")).status).toBe(200);
    await h.store.close();
    expect((await h.call(null, "GET", "/healthz")).status).toBe(503);
  });

  it("sets security headers on every answer, errors included", async () => {
    const h = await apiHarness();
    for (const r of [
      await h.call(h.tokenA, "GET", "/v1/accounts"),
      await h.call(null, "GET", "/v1/accounts"),
      await h.call(null, "GET", "/docs"),
    ]) {
      expect(r.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(r.headers.get("content-security-policy")).toContain("default-src 'none'");
      expect(r.headers.get("x-content-type-options")).toBe("nosniff");
      expect(r.headers.get("referrer-policy")).toBe("no-referrer");
    }
  });

  it("sends exactly the security headers it means: the API's policy, no HSTS or legacy headers", async () => {
    const h = await apiHarness();
    const r = await h.call(h.tokenA, "GET", "/v1/accounts");
    const security = [...r.headers.keys()].filter((k) => !["content-type", "content-length"].includes(k)).sort();
    expect(security).toEqual([
      "cache-control",
      "content-security-policy",
      "cross-origin-opener-policy",
      "referrer-policy",
      "x-content-type-options",
      "x-frame-options",
    ]);
    expect(r.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    expect(r.headers.get("x-frame-options")).toBe("DENY");
    expect(r.headers.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(r.headers.get("cache-control")).toBe("no-store");
  });
});

describe("logs", () => {
  it("logs each request with its credential, and an internal error with its details, which the answer keeps out", async () => {
    const lines: Array<{ level: string; obj: Record<string, unknown>; msg: string }> = [];
    const logger = {
      info: (obj: object, msg: string) => lines.push({ level: "info", obj: obj as never, msg }),
      warn() {},
      error: (obj: object, msg: string) => lines.push({ level: "error", obj: obj as never, msg }),
    };
    const h = await apiHarness({ logger });
    await h.call(h.tokenA, "GET", "/v1/accounts");
    expect(lines).toEqual([
      {
        level: "info",
        msg: "request",
        obj: { method: "GET", path: "/v1/accounts", status: 200, ms: expect.any(Number), credential: "token:1", workspace: 1 },
      },
    ]);
    await h.store.close();
    const r = await h.call(h.tokenA, "GET", "/v1/accounts");
    expect(r.status).toBe(500);
    expect(r.headers.get("content-type")).toBe("application/problem+json");
    expect(r.body.detail).toBe("an internal error occurred; the server log has the details");
    expect(lines.find((l) => l.level === "error")).toMatchObject({
      msg: "request failed",
      obj: { path: "/v1/accounts", err: expect.stringMatching(/\w/) },
    });
    expect(JSON.stringify(lines)).not.toContain(h.tokenA);
  });
});

describe("rate limiting", () => {
  it("answers 429 with Retry-After once a token's bucket is empty, per token, and refills with time", async () => {
    const h = await apiHarness({ rateLimit: { burst: 3, perSecond: 0.5 } });
    for (let i = 0; i < 3; i++) expect((await h.call(h.tokenA, "GET", "/v1/accounts")).status).toBe(200);
    const limited = await h.call(h.tokenA, "GET", "/v1/accounts");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("content-type")).toBe("application/problem+json");
    expect(limited.headers.get("retry-after")).toBe("2");
    expect((await h.call(h.tokenB, "GET", "/v1/accounts")).status).toBe(200);
    h.clock.advance(1_000);
    expect((await h.call(h.tokenA, "GET", "/v1/accounts")).status).toBe(429);
    h.clock.advance(1_000);
    expect((await h.call(h.tokenA, "GET", "/v1/accounts")).status).toBe(200);
  });
});

describe("guessed credentials", () => {
  /** The default limits (the harness lifts them), and requests from a given client address. */
  async function guarded() {
    const h = await apiHarness();
    const { http } = createApi({ store: h.store, clock: h.clock });
    const from = (address: string, headers: Record<string, string>, init: { method?: string; body?: string } = {}) =>
      http.request(
        init.method === "POST" ? "/v1/session" : "/v1/status",
        { headers: { "content-type": "application/json", ...headers }, ...init },
        { incoming: { socket: { remoteAddress: address } } },
      );
    const bearer = (address: string, token: string) => from(address, { authorization: `Bearer ${token}` });
    return { h, from, bearer };
  }

  it("answers 429 with Retry-After to an address after 20 refused credentials, without checking the next ones; valid credentials count nothing", async () => {
    const { h, from, bearer } = await guarded();
    for (let i = 0; i < 50; i++) expect((await bearer("10.0.0.1", h.tokenA)).status).toBe(200);
    for (let i = 0; i < 20; i++) expect((await bearer("10.0.0.1", `lp_guess-${i}`)).status).toBe(401);
    const limited = await bearer("10.0.0.1", "lp_guess-20");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("3");
    expect(limited.headers.get("content-type")).toBe("application/problem+json");
    expect((await limited.json()).detail).toMatch(/too many failed authentications from this address: retry in 3 s/);
    // A right guess is not told from a wrong one while the address is over the limit.
    expect((await bearer("10.0.0.1", h.tokenA)).status).toBe(429);
    expect((await from("10.0.0.1", { cookie: "lp_session=forged" })).status).toBe(429);
    expect((await from("10.0.0.1", {}, { method: "POST", body: JSON.stringify({ token: h.tokenA }) })).status).toBe(429);
    // Other addresses are not affected.
    expect((await bearer("10.0.0.2", h.tokenA)).status).toBe(200);
    expect((await bearer("10.0.0.2", "lp_guess")).status).toBe(401);
    // One more guess every 3 seconds.
    h.clock.advance(3_000);
    expect((await bearer("10.0.0.1", h.tokenA)).status).toBe(200);
    expect((await bearer("10.0.0.1", "lp_guess-21")).status).toBe(401);
    expect((await bearer("10.0.0.1", "lp_guess-22")).status).toBe(429);
  });

  it("counts failed sign-ins and forged session cookies with wrong bearer tokens", async () => {
    const { from, bearer } = await guarded();
    for (let i = 0; i < 8; i++)
      expect((await from("10.0.0.3", {}, { method: "POST", body: JSON.stringify({ token: `lp_guess-${i}` }) })).status).toBe(401);
    for (let i = 0; i < 6; i++) expect((await from("10.0.0.3", { cookie: `lp_session=forged-${i}` })).status).toBe(401);
    for (let i = 0; i < 6; i++) expect((await bearer("10.0.0.3", `lp_guess-${i}`)).status).toBe(401);
    expect((await bearer("10.0.0.3", "lp_guess-6")).status).toBe(429);
    // A request without any credential guesses nothing: it is not counted.
    for (let i = 0; i < 25; i++) expect((await from("10.0.0.4", {})).status).toBe(401);
    expect((await bearer("10.0.0.4", "lp_guess")).status).toBe(401);
  });

  it("limits an address over a real port (the address comes from the socket)", async () => {
    const h = await apiHarness();
    const server = await startServer({ store: h.store, clock: h.clock, host: "127.0.0.1", port: 0, engine: false, logger: silentLogger });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 22; i++)
        statuses.push((await fetch(`${server.url}/v1/status`, { headers: { authorization: `Bearer lp_guess-${i}` } })).status);
      expect(statuses).toEqual([...Array<number>(20).fill(401), 429, 429]);
    } finally {
      await server.close();
    }
  });
});

describe("/metrics", () => {
  it("exposes actions by kind and result, queue depth, engine lag and budget usage in Prometheus text", async () => {
    const h = await seeded();
    const claim = await h.call(h.tokenA, "POST", "/v1/agent/claim", { account: "alice" });
    await h.call(h.tokenA, "POST", "/v1/agent/report", { actionId: claim.body.actionId, result: "ok" });
    const r = await h.call(h.tokenA, "GET", "/metrics");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(r.text).toContain('linkpace_actions_total{kind="connect",result="ok"} 1');
    expect(r.text).toMatch(/linkpace_queue_depth\{state="due"\} 1\n/);
    expect(r.text).toMatch(/# TYPE linkpace_engine_lag_seconds gauge\nlinkpace_engine_lag_seconds \d/);
    expect(r.text).toContain('linkpace_budget_used{account="alice",budget="invites_today"} 1');
    expect(r.text).toContain('linkpace_budget_limit{account="alice",budget="invites_week"} 100');
    const other = await h.call(h.tokenB, "GET", "/metrics");
    expect(other.text).not.toContain("alice");
    expect(other.text).not.toContain("linkpace_actions_total{");
  });

  it("adds the process's metrics and this server's HTTP requests by route pattern, counted per server", async () => {
    const h = await apiHarness();
    await h.call(h.tokenA, "GET", "/v1/accounts/alice");
    await h.call(h.tokenA, "GET", "/v1/accounts/bob");
    const r = await h.call(h.tokenA, "GET", "/metrics");
    expect(r.text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(r.text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(r.text).toContain('http_requests_total{method="GET",route="/v1/accounts/:name",status="404",ok="false"} 2');
    expect(r.text).toMatch(
      /^http_request_duration_seconds_count\{method="GET",route="\/v1\/accounts\/:name",status="404",ok="false"\} 2$/m,
    );
    const fresh = await apiHarness();
    const theirs = await fresh.call(fresh.tokenA, "GET", "/metrics");
    expect(theirs.text).not.toContain('route="/v1/accounts/:name"');
  });
});
