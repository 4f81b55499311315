/** Every route's validation errors: 422 problem+json naming the field at fault (400 for a body that is not JSON). */
import { describe, expect, it } from "vitest";
import { ACCOUNT, CAMPAIGN, seeded } from "./api-harness.js";

const CASES: Array<[method: string, path: string, body: unknown, field: string]> = [
  ["GET", "/v1/accounts?page=0", undefined, "page"],
  ["GET", "/v1/accounts?perPage=10000", undefined, "perPage"],
  ["POST", "/v1/accounts", { timezone: "Europe/Paris" }, "name"],
  ["POST", "/v1/accounts", { name: "bob", timezone: "Mars/Base" }, "timezone"],
  ["POST", "/v1/accounts", { name: "bob", timezone: "Europe/Paris", limits: { minGap: "soon" } }, "limits.minGap"],
  ["POST", "/v1/accounts", { name: "bob", timezone: "Europe/Paris", pacing: "bursts" }, "pacing"],
  ["POST", "/v1/accounts", { name: "bob", timezone: "Europe/Paris", limits: { sittingGap: "0s" } }, "limits.sittingGap"],
  ["POST", "/v1/accounts", { name: "bob", timezone: "Europe/Paris", colour: "red" }, "body"], // the message names "colour"
  ["POST", "/v1/accounts", ["not", "an", "object"], "body"],
  ["PUT", "/v1/accounts/alice", { name: "alicia", timezone: "Europe/Paris" }, "name"],
  ["PUT", "/v1/accounts/alice", { name: "alice", timezone: "Europe/Paris", type: "gold" }, "type"],
  ["PUT", "/v1/accounts/alice", { name: "alice", timezone: "Europe/Paris", limits: { invitesPerDay: 0 } }, "limits.invitesPerDay"],
  ["GET", "/v1/campaigns?page=x", undefined, "page"],
  ["POST", "/v1/campaigns", { name: "c2", account: "alice", steps: [{ connect: { note: "Hi {{ compny }}" } }] }, "steps[0].connect.note"],
  ["POST", "/v1/campaigns", { name: "c2", account: "alice", steps: [{ teleport: {} }] }, "steps[0]"],
  ["POST", "/v1/campaigns", { account: "alice", steps: [] }, "name"],
  ["PUT", "/v1/campaigns/q1", { ...CAMPAIGN, steps: [{ message: { text: "Hi {{ compny }}" } }] }, "steps[0].message.text"],
  ["PUT", "/v1/campaigns/q1", { ...CAMPAIGN, name: "q2" }, "name"],
  ["PUT", "/v1/campaigns/q1?dryRun=maybe", CAMPAIGN, "dryRun"],
  ["POST", "/v1/prospects/import", "profileUrl\nhttps://www.linkedin.com/in/x\n", "campaign"],
  ["POST", "/v1/prospects/import?campaign=q1&dryRun=maybe", "profileUrl\nhttps://www.linkedin.com/in/x\n", "dryRun"],
  ["POST", "/v1/prospects/import?campaign=q1", "", "body"],
  ["GET", "/v1/invitations?status=lost", undefined, "status"],
  ["POST", "/v1/invitations/abc/withdraw", undefined, "id"],
  ["POST", "/v1/invitations/0/withdraw", undefined, "id"],
  ["GET", "/v1/status?account=", undefined, "account"],
  ["GET", "/v1/tasks?account=", undefined, "account"],
  ["POST", "/v1/tasks/next", {}, "account"],
  ["POST", "/v1/accounts/alice/sitting", { minutes: 0 }, "minutes"],
  ["POST", "/v1/accounts/alice/sitting", { minutes: "soon" }, "minutes"],
  ["GET", "/v1/plan?days=15", undefined, "days"],
  ["GET", "/v1/plan?maxSitting=2", undefined, "maxSitting"],
  ["POST", "/v1/tasks/1/report", {}, "result"],
  ["POST", "/v1/tasks/1/report", { key: "d", result: "ok" }, "result"],
  ["POST", "/v1/tasks/1/report", { result: "maybe" }, "result"],
  ["POST", "/v1/tasks/x/skip", undefined, "id"],
  ["POST", "/v1/tasks/-1/release", undefined, "id"],
  ["POST", "/v1/tasks/1/reply", { text: 42 }, "text"],
  ["GET", "/v1/replies?handled=maybe", undefined, "handled"],
  ["POST", "/v1/replies/1/handled", {}, "handled"],
  ["POST", "/v1/agent/claim", { account: 7 }, "account"],
  ["POST", "/v1/agent/claim", { account: "alice", agent: "" }, "agent"],
  ["POST", "/v1/agent/report", { actionId: "1", result: "ok" }, "actionId"],
  ["POST", "/v1/agent/report", { actionId: 1, result: "done" }, "result"],
  ["POST", "/v1/agent/report", { actionId: 1 }, "result"],
  ["POST", "/v1/webhooks", { url: "https://example.com/h", events: [] }, "events"],
  ["POST", "/v1/webhooks", { url: "https://example.com/h", events: ["sneezed"] }, "events[0]"],
  ["POST", "/v1/webhooks", { url: "ftp://example.com/h", events: ["all"] }, "url"],
  ["POST", "/v1/webhooks", { url: "https://example.com/h", events: ["all"], secret: "  " }, "secret"],
  ["DELETE", "/v1/webhooks/nope", undefined, "id"],
  ["GET", "/v1/webhooks/1/deliveries?status=lost", undefined, "status"],
  ["GET", "/v1/webhooks/1/deliveries?limit=0", undefined, "limit"],
  ["GET", "/v1/analytics/accounts/alice?days=0", undefined, "days"],
  ["GET", "/v1/enrollments?status=lost", undefined, "status"],
  ["GET", "/v1/suppressions?page=0", undefined, "page"],
  ["POST", "/v1/suppressions", { entries: [] }, "entries"],
  ["POST", "/v1/suppressions", { entries: [{ kind: "person", value: "x" }] }, "entries[0].kind"],
  [
    "POST",
    "/v1/suppressions",
    {
      entries: [
        { kind: "company", value: "Acme" },
        { kind: "domain", value: "not a domain" },
      ],
    },
    "entries[1].value",
  ],
  ["POST", "/v1/suppressions", { entries: [{ kind: "profile", value: "https://example.com/jane" }] }, "entries[0].value"],
  ["DELETE", "/v1/suppressions/nope", undefined, "id"],
  ["GET", "/v1/persons", undefined, "url"],
  ["DELETE", "/v1/persons/nope", undefined, "id"],
  ["DELETE", "/v1/persons/1?dryRun=maybe", undefined, "dryRun"],
  ["POST", "/v1/enrollments/abc/remove", undefined, "id"],
  ["DELETE", "/v1/accounts/alice?stopCampaigns=maybe", undefined, "stopCampaigns"],
  ["POST", "/v1/mark", { person: "https://www.linkedin.com/in/jane-doe", outcome: "hired" }, "outcome"],
  ["POST", "/v1/mark", { person: "https://www.linkedin.com/in/jane-doe", outcome: "accepted", at: "yesterday" }, "at"],
  ["POST", "/v1/imports/linkedin-archive?dryRun=true", "PK", "account"],
  [
    "POST",
    "/v1/campaigns/preview",
    { definition: { ...{ name: "c3", account: "alice" }, steps: [{ connect: { note: "Hi {{ compny }}" } }] } },
    "definition.steps[0].connect.note",
  ],
  ["POST", "/v1/campaigns/preview", { definition: { name: "c3", account: "alice", steps: [] }, limit: 500 }, "limit"],
  ["GET", "/v1/exports/people", undefined, "what"],
  ["GET", "/v1/alerts?since=soon", undefined, "since"],
  ["POST", "/v1/session", { token: 42 }, "token"],
  ["POST", "/v1/accounts", { name: "bob", timezone: "Europe/Paris", created: "2027-03-02" }, "created"], // T0 is March 1st in Paris
  ["PUT", "/v1/accounts/alice", { ...ACCOUNT, created: "2030-01-01" }, "created"],
  // Unknown fields, named in the message (see every-route.test.ts for every route).
  ["POST", "/v1/mark", { person: "https://www.linkedin.com/in/jane-doe", outcome: "accepted", att: "2027-01-01T00:00:00Z" }, "body"],
  ["POST", "/v1/webhooks", { url: "https://example.com/h", events: ["all"], secrett: "mine" }, "body"],
];

/** Values over their limit (the JSON body limit is 1 MB; the fields' own limits are far smaller). */
const SIZES: Array<[what: string, method: string, path: string, body: unknown, field: string]> = [
  ["a 101-character account name", "POST", "/v1/accounts", { name: "b".repeat(101), timezone: "Europe/Paris" }, "name"],
  ["a 500 kB time zone", "POST", "/v1/accounts", { name: "bob", timezone: `Europe/${"x".repeat(500_000)}` }, "timezone"],
  [
    "a message template over 8,000 characters",
    "POST",
    "/v1/campaigns",
    { ...CAMPAIGN, name: "c2", steps: [{ message: { text: "m".repeat(8001) } }] },
    "steps[0].message.text",
  ],
  ["a 101-character account to claim for", "POST", "/v1/agent/claim", { account: "a".repeat(101) }, "account"],
  ["a 101-character account for the next task", "POST", "/v1/tasks/next", { account: "a".repeat(101) }, "account"],
  [
    "a 3,000-character profile URL",
    "POST",
    "/v1/mark",
    { person: `https://www.linkedin.com/in/${"x".repeat(3000)}`, outcome: "accepted" },
    "person",
  ],
  [
    "a 101-character account to mark for",
    "POST",
    "/v1/mark",
    { person: "https://www.linkedin.com/in/jane-doe", outcome: "accepted", account: "a".repeat(101) },
    "account",
  ],
  ["a 3,000-character webhook URL", "POST", "/v1/webhooks", { url: `https://example.com/${"x".repeat(3000)}`, events: ["all"] }, "url"],
  [
    "a 257-character webhook secret",
    "POST",
    "/v1/webhooks",
    { url: "https://example.com/h", events: ["all"], secret: "s".repeat(257) },
    "secret",
  ],
  ["a 303-character token to sign in with", "POST", "/v1/session", { token: `lp_${"x".repeat(300)}` }, "token"],
  [
    "a 3,000-character company to suppress",
    "POST",
    "/v1/suppressions",
    { entries: [{ kind: "company", value: "c".repeat(3000) }] },
    "entries[0].value",
  ],
];

/**
 * Routes without input that can be malformed: no parameters and no body, or only a name in the path (any name
 * is well-formed; an unknown one is a 404, covered by every-route.test.ts).
 */
const NO_INPUT = ["GET /healthz", "GET /metrics", "GET /v1/session", "DELETE /v1/session", "GET /v1/webhooks"];
const NAME_ONLY = [
  "GET /v1/accounts/{name}",
  "GET /v1/campaigns/{name}",
  "POST /v1/campaigns/{name}/pause",
  "POST /v1/campaigns/{name}/resume",
  "POST /v1/campaigns/{name}/stop",
  "DELETE /v1/campaigns/{name}",
  "GET /v1/analytics/campaigns/{name}",
  "DELETE /v1/accounts/{name}/sitting",
];

/** The request is refused with a 422 problem naming `field`, short whatever the size of the value at fault. */
async function expectInvalid(method: string, path: string, body: unknown, field: string): Promise<void> {
  const h = await seeded();
  await h.call(h.tokenA, "POST", "/v1/webhooks", { url: "https://example.com/h", events: ["all"] });
  const headers: Record<string, string> = path.startsWith("/v1/prospects/import")
    ? { "content-type": "text/csv" }
    : path.startsWith("/v1/imports/")
      ? { "content-type": "application/zip" }
      : {};
  const r = await h.call(h.tokenA, method, path, body, headers);
  expect(r.status, r.text).toBe(422);
  expect(r.headers.get("content-type")).toBe("application/problem+json");
  expect(r.body).toMatchObject({
    type: expect.stringContaining("invalid_input"),
    title: "Invalid input",
    status: 422,
    detail: expect.any(String),
  });
  expect(
    r.body.errors.map((e: { field: string }) => e.field),
    r.text,
  ).toContain(field);
  for (const e of r.body.errors) expect(e.message).not.toBe("");
  expect(r.text.length, "a problem quotes at most the start of a value").toBeLessThan(2000);
}

describe("validation errors", () => {
  it("has a case for every route that takes input, read from /openapi.json", async () => {
    const h = await seeded();
    const doc = JSON.parse((await h.call(null, "GET", "/openapi.json")).text) as { paths: Record<string, Record<string, unknown>> };
    const covered = (method: string, template: string) =>
      CASES.some(([m, path]) => m === method && new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(path.split("?")[0]!));
    const missing = Object.entries(doc.paths)
      .flatMap(([template, ops]) => Object.keys(ops).map((m) => [m.toUpperCase(), template] as const))
      .filter(([m, t]) => ![...NO_INPUT, ...NAME_ONLY].includes(`${m} ${t}`) && !covered(m, t))
      .map(([m, t]) => `${m} ${t}`);
    expect(missing).toEqual([]);
  });

  it.each(CASES)("%s %s %j: 422 naming %s", async (method, path, body, field) => {
    await expectInvalid(method, path, body, field);
  });

  it.each(SIZES)("%s: 422 naming it, quoting at most its start", async (_what, method, path, body, field) => {
    await expectInvalid(method, path, body, field);
  });

  it("names an unknown field instead of ignoring it, and does nothing", async () => {
    const h = await seeded();
    const person = "https://www.linkedin.com/in/jane-doe";
    const mark = await h.call(h.tokenA, "POST", "/v1/mark", { person, outcome: "replied", att: "2027-01-01T00:00:00Z" });
    expect(mark.status, mark.text).toBe(422);
    expect(mark.body.errors).toEqual([{ field: "body", message: 'unknown field "att" (known: person, outcome, at, account, text)' }]);
    expect(mark.body.detail).toContain('"att"');
    const hook = await h.call(h.tokenA, "POST", "/v1/webhooks", { url: "https://example.com/h", events: ["all"], secrett: "mine" });
    expect(hook.status, hook.text).toBe(422);
    expect(hook.body.errors[0].message).toMatch(/^unknown field "secrett" \(known: url, events, secret\)/);
    expect((await h.call(h.tokenA, "GET", "/v1/webhooks")).body.webhooks).toEqual([]);
    expect((await h.call(h.tokenA, "POST", "/v1/mark", { person, outcome: "replied" })).body.status).not.toBe("already");
  });

  it("answers 400 for a body that is not JSON, and names the route it does not know", async () => {
    const h = await seeded();
    const malformed = await h.call(h.tokenA, "POST", "/v1/agent/claim", "{nope", { "content-type": "application/json" });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get("content-type")).toBe("application/problem+json");
    const huge = await h.call(h.tokenA, "POST", "/v1/accounts", { name: "x".repeat(1024 * 1024 + 1), timezone: "Europe/Paris" });
    expect(huge.status).toBe(413);
    expect(huge.headers.get("content-type")).toBe("application/problem+json");
    const missing = await h.call(h.tokenA, "GET", "/v1/acounts");
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toMatch(/no route GET \/v1\/acounts/);
  });
});
