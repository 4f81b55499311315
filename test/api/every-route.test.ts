/**
 * Every route of /openapi.json, checked from the document itself so that a new route cannot slip through:
 * - without a credential, with an unknown token and with an ended session cookie, each answers 401 (only the
 *   open routes answer without one);
 * - each route that reads or changes workspace data is in the cross-workspace table below, where workspace B's
 *   token gets 404 (or only its own, empty, data) for a request that workspace A's token makes successfully.
 */
import { describe, expect, it } from "vitest";
import { OPENAPI_CONFIG } from "../../src/api/create-api.js";
import { ACCOUNT, CAMPAIGN, LEADS, seeded, type ApiHarness } from "./api-harness.js";

interface Operation {
  method: string;
  template: string;
  secured: boolean;
}

function operations(h: ApiHarness): Operation[] {
  const doc = h.api.http.getOpenAPI31Document(OPENAPI_CONFIG) as unknown as {
    paths: Record<string, Record<string, { security?: unknown[] }>>;
  };
  return Object.entries(doc.paths).flatMap(([template, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      template,
      secured: !(Array.isArray(op.security) && op.security.length === 0),
    })),
  );
}

/** A concrete path for a template: the names and ids need not exist for a 401. */
function concrete(template: string): string {
  return template.replace("{name}", "alice").replace("{id}", "1").replace("{what}", "prospects");
}

function matches(template: string, path: string): boolean {
  const re = new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`);
  return re.test(path.split("?")[0]!);
}

describe("every route", () => {
  it("answers 401 without a credential, with an unknown token and with an ended session; only /healthz and sign-in are open", async () => {
    const h = await seeded();
    const ops = operations(h);
    expect(
      ops
        .filter((o) => !o.secured)
        .map((o) => `${o.method} ${o.template}`)
        .sort(),
    ).toEqual(["GET /healthz", "POST /v1/session"]);
    for (const op of ops.filter((o) => o.secured)) {
      const path = concrete(op.template);
      for (const headers of [{}, { authorization: "Bearer lp_not-a-real-token" }, { cookie: "lp_session=ended-or-forged" }] as Array<
        Record<string, string>
      >) {
        const r = await h.call(null, op.method, path, op.method === "GET" || op.method === "DELETE" ? undefined : {}, headers);
        expect(r.status, `${op.method} ${path} ${JSON.stringify(headers)}: ${r.text}`).toBe(401);
        expect(r.headers.get("content-type")).toBe("application/problem+json");
      }
    }
  });

  it("refuses an unknown field in the JSON body of every route that takes one, naming it (422), where the same body without it is accepted", async () => {
    const h = await seeded();
    const doc = h.api.http.getOpenAPI31Document(OPENAPI_CONFIG) as unknown as {
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>>;
    };
    const withJson = Object.entries(doc.paths).flatMap(([template, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.requestBody?.content?.["application/json"] !== undefined)
        .map(([method]) => `${method.toUpperCase()} ${template}`),
    );
    /** A valid body per route (the request may still fail after validation: an unknown task is a 404). */
    const valid: Record<string, unknown> = {
      "POST /v1/accounts": { ...ACCOUNT, name: "zed" },
      "PUT /v1/accounts/{name}": ACCOUNT,
      "POST /v1/campaigns": { ...CAMPAIGN, name: "q9" },
      "PUT /v1/campaigns/{name}": { ...CAMPAIGN, name: "alice" }, // no campaign alice: a 404 once valid
      "POST /v1/campaigns/preview": { definition: CAMPAIGN },
      "POST /v1/mark": { person: "https://www.linkedin.com/in/jane-doe", outcome: "replied" },
      "POST /v1/tasks/next": { account: "alice" },
      "POST /v1/accounts/{name}/sitting": { minutes: 20 },
      "POST /v1/tasks/{id}/report": { key: "d" },
      "POST /v1/tasks/{id}/reply": { text: "Thanks, let's talk" },
      "POST /v1/replies/{id}/handled": { handled: true },
      "POST /v1/agent/claim": { account: "alice" },
      "POST /v1/agent/report": { actionId: 999, result: "ok" },
      "POST /v1/webhooks": { url: "https://example.com/h", events: ["all"] },
      "POST /v1/suppressions": { entries: [{ kind: "company", value: "Initrode" }] },
      "POST /v1/session": { token: h.tokenA },
    };
    expect(
      withJson.filter((r) => !(r in valid)),
      "routes with a JSON body missing from the table",
    ).toEqual([]);
    for (const route of withJson) {
      const [method, template] = route.split(" ") as [string, string];
      const body = valid[route] as Record<string, unknown>;
      const r = await h.call(h.tokenA, method, concrete(template).replace("/1/", "/999/"), { ...body, zzUnknown: 1 });
      expect(r.status, `${route}: ${r.text}`).toBe(422);
      expect(r.body.errors, `${route}: ${r.text}`).toEqual([
        { field: "body", message: expect.stringMatching(/^unknown field "zzUnknown" \(known: /) },
      ]);
      const accepted = await h.call(h.tokenA, method, concrete(template).replace("/1/", "/999/"), body);
      expect(accepted.status, `${route} without the unknown field: ${accepted.text}`).not.toBe(422);
    }
  });

  it("keeps each workspace's data to itself on every route: B gets 404 or its own empty data where A succeeds", async () => {
    const h = await seeded();
    const claim = await h.call(h.tokenA, "POST", "/v1/agent/claim", { account: "alice" });
    await h.call(h.tokenA, "POST", "/v1/agent/report", { actionId: claim.body.actionId, result: "ok" });
    const invitation = (await h.call(h.tokenA, "GET", "/v1/invitations")).body.invitations[0].id as number;
    const hook = (await h.call(h.tokenA, "POST", "/v1/webhooks", { url: "https://example.com/h", events: ["all"] })).body.webhook
      .id as number;
    h.clock.advance(60 * 60 * 1000);
    const open = await h.call(h.tokenA, "POST", "/v1/tasks/next", { account: "alice" });
    expect(open.body.type, open.text).toBe("task");
    const task = open.body.task.actionId as number;
    const replied = await h.call(h.tokenA, "POST", "/v1/mark", {
      person: "https://www.linkedin.com/in/joe-bloggs",
      outcome: "replied",
      text: "Hi",
    });
    const reply = (await h.call(h.tokenA, "GET", "/v1/replies")).body.replies[0]?.id as number;
    expect(reply, replied.text).toBeGreaterThan(0);
    const csv = { "content-type": "text/csv" };
    const dnc = await h.call(h.tokenA, "POST", "/v1/suppressions", { entries: [{ kind: "domain", value: "initrode.example" }] });
    const entry = dnc.body.entries?.[0]?.id as number;
    expect(entry, dnc.text).toBeGreaterThan(0);
    const enrollments = (await h.call(h.tokenA, "GET", "/v1/enrollments")).body.enrollments as Array<{ id: number; status: string }>;
    const enrollment = enrollments.find((e) => e.status !== "done")?.id as number;
    expect(enrollment).toBeGreaterThan(0);
    const joe = (await h.call(h.tokenA, "GET", "/v1/persons?url=https://www.linkedin.com/in/joe-bloggs")).body.id as number;
    expect(joe).toBeGreaterThan(0);

    /** `b`: what B gets; `a`: A's status when not a success (the resource exists, the request does not apply). */
    type Case = { method: string; path: string; body?: unknown; headers?: Record<string, string>; b: "404" | "empty" | "own"; a?: number };
    const cases: Case[] = [
      { method: "GET", path: "/v1/accounts", b: "empty" },
      { method: "GET", path: "/v1/accounts/alice", b: "404" },
      { method: "PUT", path: "/v1/accounts/alice", body: ACCOUNT, b: "404" },
      { method: "GET", path: "/v1/campaigns", b: "empty" },
      { method: "GET", path: "/v1/campaigns/q1", b: "404" },
      { method: "POST", path: "/v1/campaigns", body: { ...CAMPAIGN, name: "q2" }, b: "404" }, // B has no account alice
      { method: "POST", path: "/v1/campaigns/preview", body: { definition: { ...CAMPAIGN, name: "q3" } }, b: "404" },
      { method: "POST", path: "/v1/campaigns/q1/pause", b: "404" },
      { method: "POST", path: "/v1/campaigns/q1/resume", b: "404" },
      { method: "POST", path: "/v1/prospects/import?campaign=q1&dryRun=true", body: LEADS, headers: csv, b: "404" },
      {
        method: "POST",
        path: "/v1/imports/linkedin-archive?account=alice&dryRun=true",
        body: "not a zip",
        headers: { "content-type": "application/zip" },
        b: "404",
        a: 422,
      }, // A: found, but no zip
      { method: "GET", path: "/v1/enrollments", b: "empty" },
      { method: "GET", path: "/v1/enrollments?campaign=q1", b: "404" },
      { method: "GET", path: "/v1/persons?url=https://www.linkedin.com/in/joe-bloggs", b: "404" },
      { method: "GET", path: "/v1/invitations", b: "empty" },
      { method: "GET", path: "/v1/invitations?campaign=q1", b: "404" },
      { method: "POST", path: `/v1/invitations/${invitation}/withdraw`, b: "404" },
      {
        method: "POST",
        path: "/v1/mark",
        body: { person: "https://www.linkedin.com/in/jane-doe", outcome: "accepted", account: "alice" },
        b: "404",
      },
      { method: "GET", path: "/v1/status", b: "empty" },
      { method: "GET", path: "/v1/status?account=alice", b: "404" },
      { method: "GET", path: "/v1/alerts?account=alice", b: "404" },
      { method: "GET", path: "/v1/analytics/accounts/alice", b: "404" },
      { method: "GET", path: "/v1/analytics/campaigns/q1", b: "404" },
      { method: "GET", path: "/v1/exports/prospects?campaign=q1", b: "404" },
      { method: "GET", path: "/v1/tasks", b: "empty" },
      { method: "GET", path: "/v1/tasks?account=alice", b: "404" },
      { method: "POST", path: "/v1/tasks/next", body: { account: "alice" }, b: "404" },
      { method: "POST", path: "/v1/accounts/alice/sitting", body: { minutes: 20 }, b: "404" },
      { method: "DELETE", path: "/v1/accounts/alice/sitting", b: "404" },
      { method: "GET", path: "/v1/plan", b: "empty" },
      { method: "GET", path: "/v1/plan?account=alice", b: "404" },
      { method: "POST", path: `/v1/tasks/${task}/release`, b: "404" },
      { method: "POST", path: `/v1/tasks/${task}/report`, body: { key: "d" }, b: "404" },
      { method: "POST", path: `/v1/tasks/${task}/skip`, b: "404", a: 409 }, // A: reported just before
      { method: "POST", path: `/v1/tasks/${task}/reply`, body: { text: "Thanks" }, b: "404" },
      { method: "GET", path: "/v1/replies", b: "empty" },
      { method: "GET", path: "/v1/replies?account=alice", b: "404" },
      { method: "POST", path: `/v1/replies/${reply}/handled`, body: { handled: true }, b: "404" },
      { method: "POST", path: "/v1/agent/claim", body: { account: "alice" }, b: "404" },
      { method: "POST", path: "/v1/agent/report", body: { actionId: claim.body.actionId, result: "ok" }, b: "404" },
      { method: "GET", path: "/v1/webhooks", b: "empty" },
      { method: "GET", path: `/v1/webhooks/${hook}/deliveries`, b: "404" },
      { method: "DELETE", path: `/v1/webhooks/${hook}`, b: "404" },
      { method: "GET", path: "/v1/suppressions", b: "empty" },
      { method: "DELETE", path: `/v1/suppressions/${entry}`, b: "404" },
      { method: "GET", path: "/metrics", b: "own" },
      { method: "GET", path: "/v1/session", b: "own" },
      // Stop, delete and remove: for A, the campaign stops with nothing pending, so it and then its account go.
      { method: "POST", path: `/v1/enrollments/${enrollment}/remove`, b: "404", a: 409 }, // A: ended by the reply above
      { method: "DELETE", path: `/v1/persons/${joe}?dryRun=true`, b: "404" },
      { method: "DELETE", path: `/v1/persons/${joe}`, b: "404" },
      { method: "PUT", path: "/v1/campaigns/q1?dryRun=true", body: CAMPAIGN, b: "404" },
      { method: "PUT", path: "/v1/campaigns/q1", body: { ...CAMPAIGN, priority: 2 }, b: "404" },
      { method: "POST", path: "/v1/campaigns/q1/stop", b: "404" },
      { method: "DELETE", path: "/v1/campaigns/q1", b: "404" },
      { method: "DELETE", path: "/v1/accounts/alice?stopCampaigns=true", b: "404" },
      // Last: B creating its own things, after the checks that B's lists are empty.
      { method: "POST", path: "/v1/accounts", body: { ...ACCOUNT, name: "carol" }, b: "own" },
      { method: "POST", path: "/v1/webhooks", body: { url: "https://example.com/b", events: ["all"] }, b: "own" },
      { method: "POST", path: "/v1/suppressions", body: { entries: [{ kind: "company", value: "Globex" }] }, b: "own" },
    ];
    // Routes that hold no workspace data of their own: sign-in and sign-out (session.test.ts covers them).
    const exempt = ["POST /v1/session", "DELETE /v1/session", "GET /healthz"];
    const uncovered = operations(h)
      .filter((o) => !exempt.includes(`${o.method} ${o.template}`))
      .filter((o) => !cases.some((c) => c.method === o.method && matches(o.template, c.path)))
      .map((o) => `${o.method} ${o.template}`);
    expect(uncovered, "routes missing from the cross-workspace table").toEqual([]);

    for (const c of cases) {
      const b = await h.call(h.tokenB, c.method, c.path, c.body, c.headers);
      const what = `B: ${c.method} ${c.path}: ${b.text.slice(0, 300)}`;
      if (c.b === "404") {
        expect(b.status, what).toBe(404);
        expect(b.text, what).not.toMatch(/Bloggs|Acme|"Jane"|known: [^)]*(alice|q1)/); // A's data, not what B sent
      } else if (c.b === "empty") {
        expect(b.status, what).toBe(200);
        expect(Object.values(b.body).find(Array.isArray), what).toEqual([]);
      } else {
        expect(b.status, what).toBeLessThan(300);
        expect(b.text, what).not.toMatch(/jane-doe|joe-bloggs|"q1"/);
      }
    }
    // The same requests succeed for A (in this order: the destructive ones last), so B's 404s were not for
    // things that do not exist.
    for (const c of cases) {
      const a = await h.call(h.tokenA, c.method, c.path, c.body, c.headers);
      if (c.a !== undefined) expect(a.status, `A: ${c.method} ${c.path}: ${a.text.slice(0, 300)}`).toBe(c.a);
      else expect(a.status, `A: ${c.method} ${c.path}: ${a.text.slice(0, 300)}`).toBeLessThan(300);
    }
  });
});
