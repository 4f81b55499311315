/** A token of workspace B sees nothing of workspace A: empty lists, and 404 for every name or id of A. */
import { describe, expect, it } from "vitest";
import { ACCOUNT, CAMPAIGN, LEADS, seeded } from "./api-harness.js";

describe("workspaces", () => {
  it("keeps workspace A's accounts, campaigns, invitations, tasks and webhooks out of B's sight", async () => {
    const h = await seeded();
    const claim = await h.call(h.tokenA, "POST", "/v1/agent/claim", { account: "alice" });
    await h.call(h.tokenA, "POST", "/v1/agent/report", { actionId: claim.body.actionId, result: "ok" });
    const hook = await h.call(h.tokenA, "POST", "/v1/webhooks", { url: "https://example.com/h", events: ["all"] });
    const invitation = (await h.call(h.tokenA, "GET", "/v1/invitations")).body.invitations[0].id as number;
    const second = await h.call(h.tokenA, "POST", "/v1/agent/claim", { account: "alice" });
    const openTask = second.status === 200 ? second.body.actionId : claim.body.actionId;

    for (const path of ["/v1/accounts", "/v1/campaigns", "/v1/invitations", "/v1/webhooks", "/v1/status", "/v1/tasks"]) {
      const r = await h.call(h.tokenB, "GET", path);
      expect(r.status, path).toBe(200);
      const list = Object.values(r.body).find(Array.isArray) as unknown[];
      expect(list, path).toEqual([]);
    }
    const notFound: Array<[string, string, unknown?]> = [
      ["GET", "/v1/accounts/alice"],
      ["GET", "/v1/campaigns/q1"],
      ["POST", "/v1/campaigns/q1/pause"],
      ["POST", "/v1/campaigns/q1/resume"],
      ["GET", "/v1/status?account=alice"],
      ["GET", "/v1/tasks?account=alice"],
      ["GET", "/v1/invitations?campaign=q1"],
      ["POST", `/v1/invitations/${invitation}/withdraw`],
      ["POST", "/v1/tasks/next", { account: "alice" }],
      ["POST", `/v1/tasks/${openTask}/report`, { key: "d" }],
      ["POST", `/v1/tasks/${openTask}/skip`],
      ["POST", "/v1/agent/claim", { account: "alice" }],
      ["POST", "/v1/agent/report", { actionId: claim.body.actionId, result: "ok" }],
      ["POST", "/v1/agent/report", { actionId: openTask, result: "ok" }],
      ["DELETE", `/v1/webhooks/${hook.body.webhook.id}`],
      ["GET", `/v1/webhooks/${hook.body.webhook.id}/deliveries`],
      ["POST", "/v1/campaigns", { ...CAMPAIGN, name: "theirs" }],
    ];
    for (const [method, path, body] of notFound) {
      const r = await h.call(h.tokenB, method, path, body);
      expect(r.status, `${method} ${path}: ${r.text}`).toBe(404);
      expect(r.body.detail).not.toMatch(/known: [^)]*(alice|q1)/); // the hint lists only B's own names
    }
    const upload = await h.call(h.tokenB, "POST", "/v1/prospects/import?campaign=q1", LEADS, { "content-type": "text/csv" });
    expect(upload.status).toBe(404);

    // Nothing B did changed A: the campaign is active, the webhook and the open task still there.
    expect((await h.call(h.tokenA, "GET", "/v1/campaigns/q1")).body.campaign.status).toBe("active");
    expect((await h.call(h.tokenA, "GET", "/v1/webhooks")).body.webhooks).toHaveLength(1);
    // B may use the same names for its own things.
    expect((await h.call(h.tokenB, "POST", "/v1/accounts", ACCOUNT)).status).toBe(201);
    expect((await h.call(h.tokenB, "GET", "/v1/accounts/alice")).status).toBe(200);
  });
});
