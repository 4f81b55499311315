/** A campaign's priority through the API: taken from the document, shown in the definition, refused when not a weight. */
import { describe, expect, it } from "vitest";
import { ACCOUNT, apiHarness, CAMPAIGN } from "./api-harness.js";

describe("campaign priority", () => {
  it("defaults to 1, keeps what the document says, and refuses what is not a weight", async () => {
    const h = await apiHarness();
    await h.call(h.tokenA, "POST", "/v1/accounts", ACCOUNT);
    expect((await h.call(h.tokenA, "POST", "/v1/campaigns", CAMPAIGN)).status).toBe(201);
    expect((await h.call(h.tokenA, "GET", "/v1/campaigns/q1")).body.campaign.definition.priority).toBe(1);
    expect((await h.call(h.tokenA, "POST", "/v1/campaigns", { ...CAMPAIGN, name: "q2", priority: 2.5 })).status).toBe(201);
    expect((await h.call(h.tokenA, "GET", "/v1/campaigns/q2")).body.campaign.definition.priority).toBe(2.5);
    const bad = await h.call(h.tokenA, "POST", "/v1/campaigns", { ...CAMPAIGN, name: "q3", priority: 0 });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain("expected a number from 0.01 to 100");
  });
});
