/** The routes' behaviour: documents as the CLI reads them, import by upload, pause/resume, withdraw, webhooks, the OpenAPI document. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ACCOUNT, apiHarness, CAMPAIGN, LEADS, seeded } from "./api-harness.js";

describe("accounts and campaigns", () => {
  it("creates from the CLI's documents, refuses duplicates, lists with pages and shows status", async () => {
    const h = await apiHarness();
    const created = await h.call(h.tokenA, "POST", "/v1/accounts", ACCOUNT);
    expect(created.status).toBe(201);
    expect(created.body.account).toMatchObject({ name: "alice", type: "free", limits: { invitesPerWeek: 100, minGap: "1m" } });
    const dup = await h.call(h.tokenA, "POST", "/v1/accounts", ACCOUNT);
    expect(dup.status).toBe(409);
    expect(dup.body.type).toMatch(/conflict$/);
    for (const name of ["bob", "carol"]) await h.call(h.tokenA, "POST", "/v1/accounts", { ...ACCOUNT, name });
    const page = await h.call(h.tokenA, "GET", "/v1/accounts?perPage=2&page=2");
    expect(page.body.accounts.map((a: { name: string }) => a.name)).toEqual(["carol"]);
    expect(page.body.page).toEqual({ number: 2, perPage: 2, total: 3, next: null });
    expect((await h.call(h.tokenA, "GET", "/v1/accounts?perPage=2")).body.page.next).toBe(2);
    const shown = await h.call(h.tokenA, "GET", "/v1/accounts/alice");
    expect(shown.body.status).toMatchObject({ name: "alice", today: { invites: { used: 0, budget: 20 } }, next: null });

    expect((await h.call(h.tokenA, "POST", "/v1/campaigns", { ...CAMPAIGN, account: "nobody" })).status).toBe(404);
    const campaign = await h.call(h.tokenA, "POST", "/v1/campaigns", CAMPAIGN);
    expect(campaign.status).toBe(201);
    expect(campaign.body.campaign).toMatchObject({ name: "q1", account: "alice", status: "active", enrollments: { active: 0 } });
    expect((await h.call(h.tokenA, "POST", "/v1/campaigns", CAMPAIGN)).status).toBe(409);
    expect((await h.call(h.tokenA, "POST", "/v1/campaigns/q1/pause")).body.campaign.status).toBe("paused");
    expect((await h.call(h.tokenA, "GET", "/v1/campaigns")).body.campaigns[0].status).toBe("paused");
    expect((await h.call(h.tokenA, "POST", "/v1/campaigns/q1/resume")).body.campaign.status).toBe("active");
    expect((await h.call(h.tokenA, "GET", "/v1/campaigns/nope")).status).toBe(404);
  });
});

describe("POST /v1/prospects/import", () => {
  it("reads the uploaded CSV as the CLI reads a file: dry run first, then all-or-nothing, with the same report", async () => {
    const h = await apiHarness();
    await h.call(h.tokenA, "POST", "/v1/accounts", ACCOUNT);
    await h.call(h.tokenA, "POST", "/v1/campaigns", CAMPAIGN);
    const dry = await h.call(h.tokenA, "POST", "/v1/prospects/import?campaign=q1&dryRun=true&file=leads.csv", LEADS, {
      "content-type": "text/csv",
    });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({
      file: "leads.csv",
      format: "plain",
      campaign: "q1",
      dryRun: true,
      enrolled: 2,
      rejected: 1,
      rejects: [{ line: 4 }],
    });
    expect((await h.call(h.tokenA, "GET", "/v1/campaigns/q1")).body.campaign.enrollments.active).toBe(0);
    const real = await h.call(h.tokenA, "POST", "/v1/prospects/import?campaign=q1", LEADS, { "content-type": "text/csv" });
    expect(real.body).toMatchObject({ dryRun: false, enrolled: 2, rejected: 1, zoneSources: { city: 2 } });
    expect((await h.call(h.tokenA, "GET", "/v1/campaigns/q1")).body.campaign.enrollments.active).toBe(2);
    const again = await h.call(h.tokenA, "POST", "/v1/prospects/import?campaign=q1", LEADS, { "content-type": "text/csv" });
    expect(again.body).toMatchObject({ enrolled: 0, rejected: 3 });
    expect(again.body.rejects[0].reason).toMatch(/already enrolled|q1/);
  });

  it("takes the bytes as they are: a Windows-1252 export with a BOM-less header reads like the CLI reads it", async () => {
    const h = await seeded();
    const bytes = readFileSync("test/fixtures/csv/evaboot.csv");
    const res = await h.api.http.request("/v1/prospects/import?campaign=q1&dryRun=true", {
      method: "POST",
      headers: { authorization: `Bearer ${h.tokenA}`, "content-type": "text/csv" },
      body: bytes,
    });
    const report = (await res.json()) as { format: string; enrolled: number };
    expect(res.status).toBe(200);
    expect(report.format).toBe("evaboot");
    expect(report.enrolled).toBeGreaterThan(0);
  });

  it("keeps CSV values as data: a name like <script> comes back verbatim in JSON, and {{ }} is never evaluated", async () => {
    const h = await apiHarness();
    await h.call(h.tokenA, "POST", "/v1/accounts", ACCOUNT);
    await h.call(h.tokenA, "POST", "/v1/campaigns", { ...CAMPAIGN, steps: [{ connect: { note: "Hi {{ firstName }} {{ lastName }}" } }] });
    const csv = 'profileUrl,firstName,lastName\nhttps://www.linkedin.com/in/x-1,"<script>alert(1)</script>",{{ 7*7 }}\n';
    expect((await h.call(h.tokenA, "POST", "/v1/prospects/import?campaign=q1", csv, { "content-type": "text/csv" })).body.enrolled).toBe(1);
    const claim = await h.call(h.tokenA, "POST", "/v1/agent/claim", { account: "alice" });
    expect(claim.headers.get("content-type")).toBe("application/json");
    expect(claim.body.prospect).toMatchObject({ firstName: "<script>alert(1)</script>", lastName: "{{ 7*7 }}" });
    expect(claim.body.note).not.toContain("49");
  });

  it("reads the file part of a multipart form (curl -F file=@leads.csv) with the file's own lines and name", async () => {
    const h = await apiHarness();
    await h.call(h.tokenA, "POST", "/v1/accounts", ACCOUNT);
    await h.call(h.tokenA, "POST", "/v1/campaigns", CAMPAIGN);
    const bare = await h.call(h.tokenA, "POST", "/v1/prospects/import?campaign=q1&dryRun=true&file=leads.csv", LEADS, {
      "content-type": "text/csv",
    });
    const form = new FormData();
    form.append("campaign-note", "a text field beside the file is ignored");
    form.append("file", new Blob([LEADS], { type: "text/csv" }), "leads.csv");
    const res = await h.api.http.request("/v1/prospects/import?campaign=q1&dryRun=true", {
      method: "POST",
      headers: { authorization: `Bearer ${h.tokenA}` },
      body: form,
    });
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report).toEqual(bare.body);
    expect(report).toMatchObject({ file: "leads.csv", enrolled: 2, rejected: 1, rejects: [{ line: 4, raw: "not a url,No,Body,,," }] });
  });

  it("answers 415 to a body that is neither a CSV nor a form, and 422 to a form without one file", async () => {
    const h = await seeded();
    const post = (body: BodyInit, headers: Record<string, string>) =>
      h.api.http.request("/v1/prospects/import?campaign=q1&dryRun=true", {
        method: "POST",
        headers: { authorization: `Bearer ${h.tokenA}`, ...headers },
        body,
      });
    for (const [type, sent] of [
      ["application/x-www-form-urlencoded", "is application/x-www-form-urlencoded"],
      ["application/json", "is application/json"],
      ["", "has no Content-Type"],
    ] as const) {
      const res = await post(Buffer.from(LEADS), type === "" ? {} : { "content-type": type });
      expect(res.status, type).toBe(415);
      expect(await res.json()).toMatchObject({
        status: 415,
        title: "Unsupported media type",
        detail: `the body ${sent}, not a CSV file: send the file as the body with Content-Type: text/csv (curl --data-binary @leads.csv -H "Content-Type: text/csv"), or as a form (curl -F file=@leads.csv)`,
      });
    }
    expect((await post(Buffer.from(LEADS), { "content-type": "application/vnd.ms-excel" })).status).toBe(200); // a CSV as Windows browsers label it
    const noFile = new FormData();
    noFile.append("file", "not a file, a text field");
    const none = await post(noFile, {});
    expect(none.status).toBe(422);
    expect((await none.json()).detail).toBe("the form holds no file: send one CSV file, as the field file (curl -F file=@leads.csv)");
    const two = new FormData();
    two.append("a", new Blob([LEADS]), "a.csv");
    two.append("b", new Blob([LEADS]), "b.csv");
    expect((await (await post(two, {})).json()).detail).toBe(
      "the form holds 2 files (fields a, b) and none named file: send one CSV file, as the field file (curl -F file=@leads.csv)",
    );
  });

  it("refuses an upload over 50 MB with 413 saying what to do", async () => {
    const h = await seeded();
    const big = Buffer.alloc(50 * 1024 * 1024 + 1, 0x41);
    const res = await h.api.http.request("/v1/prospects/import?campaign=q1", {
      method: "POST",
      headers: { authorization: `Bearer ${h.tokenA}`, "content-type": "text/csv" },
      body: big,
    });
    expect(res.status).toBe(413);
    expect((await res.json()).detail).toBe(
      "the upload is larger than 50 MB: split the file, or import it with the CLI (linkpace prospects import, linkpace import linkedin-archive), which reads files of any size",
    );
  });
});

describe("invitations", () => {
  it("lists with filters and makes a pending invitation's withdrawal due now", async () => {
    const h = await seeded();
    const claim = await h.call(h.tokenA, "POST", "/v1/agent/claim", { account: "alice" });
    await h.call(h.tokenA, "POST", "/v1/agent/report", { actionId: claim.body.actionId, result: "ok" });
    const list = await h.call(h.tokenA, "GET", "/v1/invitations?status=pending&campaign=q1");
    expect(list.body.invitations).toHaveLength(1);
    expect(list.body.invitations[0].withdrawalAt).toBe("2027-03-22T08:00:00Z"); // the campaign's withdrawAfter: 21d
    expect((await h.call(h.tokenA, "GET", "/v1/invitations?status=accepted")).body.invitations).toEqual([]);
    const id = list.body.invitations[0].id;
    const withdraw = await h.call(h.tokenA, "POST", `/v1/invitations/${id}/withdraw`);
    expect(withdraw.status).toBe(200);
    expect(withdraw.body.invitation).toEqual({ id, withdrawalDueAt: "2027-03-01T08:00:00Z" });
    expect((await h.call(h.tokenA, "GET", "/v1/invitations")).body.invitations[0].withdrawalAt).toBe("2027-03-01T08:00:00Z");
    // The next action handed out is that withdrawal (after the account's least gap), not another invitation.
    let next = await h.call(h.tokenA, "POST", "/v1/tasks/next", { account: "alice" });
    for (let i = 0; i < 5 && next.body.type === "wait"; i++) {
      h.clock.set(Date.parse(next.body.until));
      next = await h.call(h.tokenA, "POST", "/v1/tasks/next", { account: "alice" });
    }
    expect(next.body.task).toMatchObject({ kind: "withdraw", prospect: { firstName: "Jane" } });
    expect((await h.call(h.tokenA, "POST", `/v1/invitations/${id}/withdraw`)).status).toBe(409);
    await h.call(h.tokenA, "POST", `/v1/tasks/${next.body.task.actionId}/report`, { key: "d" });
    expect((await h.call(h.tokenA, "GET", "/v1/invitations")).body.invitations[0].status).toBe("withdrawn");
    expect((await h.call(h.tokenA, "POST", `/v1/invitations/${id}/withdraw`)).status).toBe(409);
    expect((await h.call(h.tokenA, "POST", "/v1/invitations/999/withdraw")).status).toBe(404);
  });
});

describe("webhooks", () => {
  it("adds (secret shown once), lists without secrets, shows deliveries and removes", async () => {
    const h = await apiHarness();
    const added = await h.call(h.tokenA, "POST", "/v1/webhooks", { url: "https://example.com/h", events: ["invite_accepted", "replied"] });
    expect(added.status).toBe(201);
    expect(added.body.webhook).toMatchObject({
      url: "https://example.com/h",
      events: ["invite_accepted", "replied"],
      secret: expect.any(String),
    });
    const list = await h.call(h.tokenA, "GET", "/v1/webhooks");
    expect(list.body.webhooks).toHaveLength(1);
    expect(list.text).not.toContain(added.body.webhook.secret);
    const id = added.body.webhook.id;
    expect((await h.call(h.tokenA, "GET", `/v1/webhooks/${id}/deliveries?status=pending`)).body).toEqual({ deliveries: [] });
    expect((await h.call(h.tokenA, "DELETE", `/v1/webhooks/${id}`)).body.removed.id).toBe(id);
    expect((await h.call(h.tokenA, "DELETE", `/v1/webhooks/${id}`)).status).toBe(404);
  });

  it("refuses a URL that points to a non-public address (422 naming the rule), however it is spelled", async () => {
    const h = await apiHarness();
    for (const [url, rule] of [
      ["http://127.0.0.1:5432/", "a loopback address (127.0.0.0/8)"],
      ["http://2130706433/", "a loopback address (127.0.0.0/8)"],
      ["http://[::ffff:127.0.0.1]/", "a loopback address (127.0.0.0/8) in IPv4-mapped IPv6 form"],
      ["http://169.254.169.254/latest/meta-data/", "a link-local address (169.254.0.0/16)"],
      ["http://10.0.0.1/", "a private address (10.0.0.0/8)"],
    ] as const) {
      const r = await h.call(h.tokenA, "POST", "/v1/webhooks", { url, events: ["all"] });
      expect(r.status, url).toBe(422);
      expect(r.body.errors, url).toEqual([
        {
          field: "url",
          message: expect.stringContaining(`points to ${rule}; to deliver to it, allow it where linkpace runs: LINKPACE_WEBHOOK_ALLOW=`),
        },
      ]);
    }
    expect((await h.call(h.tokenA, "GET", "/v1/webhooks")).body).toEqual({ webhooks: [] });
  });
});

describe("/openapi.json and /docs", () => {
  it("is an OpenAPI 3.1 document with every route, its parameters, bodies and bearer security", async () => {
    const h = await apiHarness();
    const r = await h.call(null, "GET", "/openapi.json");
    expect(r.status).toBe(200);
    const doc = JSON.parse(r.text);
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.components.securitySchemes.bearer).toEqual(expect.objectContaining({ type: "http", scheme: "bearer" }));
    const routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(
      [
        "DELETE /v1/webhooks/{id}",
        "GET /healthz",
        "GET /metrics",
        "GET /v1/accounts",
        "GET /v1/accounts/{name}",
        "PUT /v1/accounts/{name}",
        "GET /v1/campaigns",
        "GET /v1/campaigns/{name}",
        "GET /v1/invitations",
        "GET /v1/status",
        "GET /v1/tasks",
        "GET /v1/webhooks",
        "GET /v1/webhooks/{id}/deliveries",
        "POST /v1/accounts",
        "POST /v1/agent/claim",
        "POST /v1/agent/report",
        "POST /v1/campaigns",
        "POST /v1/campaigns/{name}/pause",
        "POST /v1/campaigns/{name}/resume",
        "POST /v1/campaigns/{name}/stop",
        "DELETE /v1/campaigns/{name}",
        "PUT /v1/campaigns/{name}",
        "POST /v1/enrollments/{id}/remove",
        "DELETE /v1/accounts/{name}",
        "POST /v1/invitations/{id}/withdraw",
        "POST /v1/prospects/import",
        "POST /v1/tasks/next",
        "POST /v1/tasks/{id}/report",
        "POST /v1/tasks/{id}/skip",
        "POST /v1/webhooks",
        "DELETE /v1/session",
        "GET /v1/session",
        "POST /v1/session",
        "GET /v1/alerts",
        "GET /v1/exports/{what}",
        "POST /v1/tasks/{id}/release",
        "GET /v1/analytics/accounts/{name}",
        "GET /v1/analytics/campaigns/{name}",
        "GET /v1/enrollments",
        "POST /v1/mark",
        "POST /v1/imports/linkedin-archive",
        "POST /v1/campaigns/preview",
        "POST /v1/accounts/{name}/sitting",
        "DELETE /v1/accounts/{name}/sitting",
        "GET /v1/plan",
        "GET /v1/replies",
        "POST /v1/replies/{id}/handled",
        "POST /v1/tasks/{id}/reply",
        "GET /v1/suppressions",
        "POST /v1/suppressions",
        "DELETE /v1/suppressions/{id}",
        "GET /v1/persons",
        "DELETE /v1/persons/{id}",
      ].sort(),
    );
    expect(doc.paths["/healthz"].get.security).toEqual([]);
    // Cookie writes may be refused for CSRF: every credentialed write documents 403, reads do not.
    expect(doc.paths["/v1/accounts"].post.responses["403"].description).toMatch(/X-CSRF-Token/);
    expect(doc.paths["/v1/webhooks/{id}"].delete.responses["403"]).toBeDefined();
    expect(doc.paths["/v1/accounts"].get.responses["403"]).toBeUndefined();
    expect(doc.paths["/v1/agent/report"].post.requestBody.content["application/json"].schema.$ref).toBe("#/components/schemas/AgentReport");
    expect(
      doc.components.schemas.AgentReport.properties.result.$ref ?? doc.components.schemas.AgentReport.properties.result.enum,
    ).toBeTruthy();
    expect(doc.paths["/v1/invitations"].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["status", "campaign", "page"]),
    );
    expect(doc.paths["/v1/prospects/import"].post.requestBody.content["text/csv"]).toBeDefined();
    // Every operation documents 401 except the open ones.
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>)) {
      for (const op of Object.values(ops)) if (path.startsWith("/v1/")) expect(op.responses["401"], path).toBeDefined();
    }
  });
});

describe("PUT /v1/campaigns/{name}", () => {
  it("updates to the next version (dry run first), lists unsendable texts, refuses another account (422), an unknown campaign (404) and a stopped one (409)", async () => {
    const h = await seeded();
    const claim = await h.call(h.tokenA, "POST", "/v1/agent/claim", { account: "alice" });
    expect((await h.call(h.tokenA, "POST", "/v1/agent/report", { actionId: claim.body.actionId, result: "ok" })).status).toBe(200);
    const skip = { ...CAMPAIGN, steps: [{ connect: { note: "About {{ company }}", noteFallback: "skip", withdrawAfter: "21d" } }] };
    const dry = await h.call(h.tokenA, "PUT", "/v1/campaigns/q1?dryRun=true", skip);
    expect(dry.status, dry.text).toBe(200);
    expect(dry.body).toMatchObject({
      campaign: { name: "q1", version: 2, previousVersion: 1 },
      changed: true,
      dryRun: true,
      steps: [{ from: 0, to: 0, kind: "connect", change: "changed" }],
      unsendable: { count: 1, listed: [{ profile: expect.stringContaining("joe-bloggs"), step: 1 }] },
    });
    expect((await h.call(h.tokenA, "GET", "/v1/campaigns/q1")).body.campaign.version).toBe(1);
    const real = await h.call(h.tokenA, "PUT", "/v1/campaigns/q1", skip);
    expect(real.body).toMatchObject({ campaign: { version: 2 }, dryRun: false, summary: expect.stringContaining("now version 2") });
    const shown = (await h.call(h.tokenA, "GET", "/v1/campaigns/q1")).body.campaign;
    expect(shown).toMatchObject({ version: 2, definition: { steps: [{ connect: { note: "About {{ company }}" } }] } });
    // Analytics split by version: the invitation went out under version 1.
    const analytics = (await h.call(h.tokenA, "GET", "/v1/analytics/campaigns/q1")).body;
    expect(analytics.versions).toMatchObject([
      { version: 1, sent: { connect: 1 } },
      { version: 2, sent: { connect: 0 } },
    ]);
    const same = await h.call(h.tokenA, "PUT", "/v1/campaigns/q1", skip);
    expect(same.body).toMatchObject({ changed: false, campaign: { version: 2 } });

    await h.call(h.tokenA, "POST", "/v1/accounts", { ...ACCOUNT, name: "bob" });
    const moved = await h.call(h.tokenA, "PUT", "/v1/campaigns/q1", { ...CAMPAIGN, account: "bob" });
    expect(moved.status, moved.text).toBe(422);
    expect(moved.text).toMatch(/account must stay alice/);
    expect((await h.call(h.tokenA, "PUT", "/v1/campaigns/nope", { ...CAMPAIGN, name: "nope" })).status).toBe(404);
    await h.call(h.tokenA, "POST", "/v1/campaigns/q1/stop");
    const stopped = await h.call(h.tokenA, "PUT", "/v1/campaigns/q1", CAMPAIGN);
    expect(stopped.status, stopped.text).toBe(409);
  });
});
