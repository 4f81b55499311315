/** GET /v1/plan: the forecast per account, its suggested sittings, dueNow for the companion's badge. */
import { describe, expect, test } from "vitest";
import { ACCOUNT, apiHarness, CAMPAIGN } from "./api-harness.js";

const PEOPLE =
  "profileUrl,firstName,lastName,company,title,timezone\n" +
  Array.from({ length: 12 }, (_, i) => `https://www.linkedin.com/in/paris-${i},P${i},Doe,Acme,CTO,Europe/Paris`).join("\n") +
  "\n" +
  Array.from({ length: 6 }, (_, i) => `https://www.linkedin.com/in/ny-${i},N${i},Roe,Acme,VP,America/New_York`).join("\n") +
  "\n";

async function setup(pacing: "drip" | "sittings", hours = "09:00-12:00") {
  const h = await apiHarness(); // Monday 2027-03-01 08:00 UTC, 09:00 in Paris
  const a = (method: string, path: string, body?: unknown) => h.call(h.tokenA, method, path, body);
  const account = { ...ACCOUNT, type: "premium", pacing, warmup: "off" };
  expect((await a("POST", "/v1/accounts", account)).status).toBe(201);
  const campaign = { ...CAMPAIGN, schedule: { timezone: "recipient", days: ["mon", "tue", "wed", "thu", "fri"], hours } };
  expect((await a("POST", "/v1/campaigns", campaign)).status).toBe(201);
  expect((await h.call(h.tokenA, "POST", "/v1/prospects/import?campaign=q1", PEOPLE, { "content-type": "text/csv" })).status).toBe(200);
  return { h, a };
}

describe("GET /v1/plan", () => {
  test("a sittings account: today's invitations in one sitting for Paris and one for New York, in the sender's time", async () => {
    const { a } = await setup("sittings");
    const res = await a("GET", "/v1/plan?account=alice&days=3");
    expect(res.status).toBe(200);
    const plan = res.body.accounts[0];
    expect(plan).toMatchObject({ account: "alice", timezone: "Europe/Paris", pacing: "sittings", sitting: null, dueNow: 12 });
    expect(plan.days.map((d: { date: string }) => d.date)).toEqual(["2027-03-01", "2027-03-02", "2027-03-03"]);
    const today = plan.days[0];
    expect(today).toMatchObject({ total: 18, byKind: { connect: 18, visit: 0, message: 0, withdraw: 0 } });
    expect(today.sittings).toMatchObject([
      { local: "09:00-09:10", tasks: 12, zones: ["Europe/Paris"], label: "Europe" },
      { local: expect.stringMatching(/^15:00-15:/), tasks: 6, zones: ["America/New_York"], label: "US East coast" },
    ]);
    expect(today.byHour).toEqual([
      { hour: 9, count: 12 },
      { hour: 15, count: 6 },
    ]);
    expect(plan.nextSitting).toEqual(today.sittings[0]);
    expect(plan.days[1].total).toBe(0); // everyone was invited on the first day
  });

  test("the fewest sittings: when Paris's and New York's afternoons overlap, one sitting serves both", async () => {
    const { a } = await setup("sittings", "09:00-17:00");
    const today = (await a("GET", "/v1/plan?days=1")).body.accounts[0].days[0];
    expect(today.sittings).toMatchObject([
      { local: "15:00-15:10", tasks: 18, zones: ["America/New_York", "Europe/Paris"], label: "US East coast + Europe" },
    ]);
  });

  test("a drip account: no sittings, its releases spread over the day, dueNow 1 when a task is due", async () => {
    const { a } = await setup("drip", "09:00-17:00");
    const plan = (await a("GET", "/v1/plan")).body.accounts[0];
    expect(plan).toMatchObject({ pacing: "drip", dueNow: 1, nextSitting: null });
    expect(plan.days[0].sittings).toEqual([]);
    expect(plan.days[0].total).toBe(18);
    expect(plan.days[0].byHour.length).toBeGreaterThan(3);
  });

  test("the sitting the account keeps counts: during it dueNow is what is left of it", async () => {
    const { h, a } = await setup("sittings");
    await a("POST", "/v1/accounts/alice/sitting", { minutes: 30 });
    const next = await a("POST", "/v1/tasks/next", { account: "alice" });
    await a("POST", `/v1/tasks/${next.body.task.actionId}/report`, { key: "d" });
    h.clock.advance(60_000);
    const plan = (await a("GET", "/v1/plan?days=1")).body.accounts[0];
    expect(plan.sitting).toMatchObject({ from: "2027-03-01T08:00:00Z", until: "2027-03-01T08:30:00Z" });
    expect(plan.dueNow).toBe(11);
  });

  test("bad parameters are refused", async () => {
    const { a } = await setup("sittings");
    expect((await a("GET", "/v1/plan?days=0")).status).toBe(422);
    expect((await a("GET", "/v1/plan?days=15")).status).toBe(422);
    expect((await a("GET", "/v1/plan?maxSitting=1")).status).toBe(422);
    expect((await a("GET", "/v1/plan?account=nobody")).status).toBe(404);
  });
});
