import { it } from "vitest";
import { ACCOUNT, apiHarness } from "./api-harness.js";

it("explores", async () => {
  const h = await apiHarness();
  await h.call(h.tokenA, "POST", "/v1/accounts", ACCOUNT);
  const c = await h.call(h.tokenA, "POST", "/v1/campaigns", { name: "f", account: "alice", steps: [{ visit: {} }, { connect: { note: "Hi {{ firstName }}!" } }, { message: { after: "1h", text: "Thanks {{ firstName }}" } }] });
  console.log(c.status, c.text.slice(0, 300));
  const csv = "profileUrl,firstName,lastName,location\nhttps://www.linkedin.com/in/jane,Jane,D,\"Paris, France\"\nhttps://www.linkedin.com/in/joe,Joe,B,\"Paris, France\"\nhttps://www.linkedin.com/in/ann,Ann,C,\"New York, NY\"\nhttps://www.linkedin.com/in/bob,Bob,E,\"Lyon, France\"\n";
  console.log((await h.call(h.tokenA, "POST", "/v1/prospects/import?campaign=f", csv, { "content-type": "text/csv" })).body);
  for (let i = 0; i < 60; i++) {
    const claim = await h.call(h.tokenA, "POST", "/v1/agent/claim", { account: "alice" });
    if (claim.status === 204) {
      const at = claim.headers.get("x-linkpace-next-at");
      if (!at) break;
      h.clock.set(Date.parse(at));
      continue;
    }
    console.log(new Date(h.clock.now()).toISOString(), claim.body.kind, claim.body.prospect.firstName, claim.body.prospect.timezone);
    await h.call(h.tokenA, "POST", "/v1/agent/report", { actionId: claim.body.actionId, result: "ok" });
    if (i > 14) break;
  }
  console.log(JSON.stringify((await h.call(h.tokenA, "GET", "/v1/analytics/campaigns/f")).body));
  console.log(JSON.stringify((await h.call(h.tokenA, "GET", "/v1/analytics/accounts/alice?days=3")).body));
  console.log(JSON.stringify((await h.call(h.tokenA, "GET", "/v1/enrollments?perPage=2")).body, null, 1));
});
