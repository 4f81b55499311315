/**
 * /v1/analytics after driving the engine through the agent protocol on the virtual clock, with outcomes
 * recorded through POST /v1/mark: exact funnel, step and hour counts, the account's daily cohorts, acceptance
 * and warm-up; validation, auth and workspace isolation.
 */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { AccountAnalytics, CampaignAnalytics } from "../../src/api/routes/analytics.js";
import { DAY } from "../../src/core/time.js";
import { ACCOUNT, apiHarness, seeded, type ApiHarness } from "./api-harness.js";

const URL = (slug: string) => `https://www.linkedin.com/in/${slug}`;
const FUNNEL = {
  name: "f",
  account: "alice",
  steps: [{ visit: {} }, { connect: { note: "Hi {{ firstName }}!" } }, { message: { after: "1h", text: "Thanks {{ firstName }}" } }],
};
const LEADS = [
  "profileUrl,firstName,lastName,location",
  'jane,Jane,Doe,"Paris, France"',
  'joe,Joe,Bloggs,"Paris, France"',
  'ann,Ann,Lee,"New York, NY"',
  'bob,Bob,Roe,"Lyon, France"',
]
  .map((line, i) => (i === 0 ? line : `${URL("")}${line}`))
  .join("\n");

/** Performs due actions (all "ok") until `done` says enough, following the 204's next-at hints. */
async function work(h: ApiHarness, account: string, done: (kinds: string[]) => boolean): Promise<string[]> {
  const kinds: string[] = [];
  for (let i = 0; i < 200 && !done(kinds); i++) {
    const claim = await h.call(h.tokenA, "POST", "/v1/agent/claim", { account });
    if (claim.status === 204) {
      const next = claim.headers.get("x-linkpace-next-at");
      if (next === null) throw new Error(`nothing more is planned after ${kinds.join(", ")}`);
      h.clock.set(Date.parse(next));
      continue;
    }
    expect((await h.call(h.tokenA, "POST", "/v1/agent/report", { actionId: claim.body.actionId, result: "ok" })).status).toBe(200);
    kinds.push(`${claim.body.kind} ${claim.body.prospect.firstName}`);
  }
  return kinds;
}

const count = (kinds: string[], kind: string) => kinds.filter((k) => k.startsWith(kind)).length;

async function mark(h: ApiHarness, slug: string, outcome: string) {
  const r = await h.call(h.tokenA, "POST", "/v1/mark", { person: URL(slug), outcome });
  expect(r.status, r.text).toBe(200);
  return r.body;
}

/** alice, campaign f (visit, connect, message) for Jane, Joe, Bob in France and Ann in New York: all four invited. */
async function invitedFour(): Promise<ApiHarness> {
  const h = await apiHarness();
  await h.call(h.tokenA, "POST", "/v1/accounts", ACCOUNT);
  expect((await h.call(h.tokenA, "POST", "/v1/campaigns", FUNNEL)).status).toBe(201);
  expect((await h.call(h.tokenA, "POST", "/v1/prospects/import?campaign=f", LEADS, { "content-type": "text/csv" })).body.enrolled).toBe(4);
  await work(h, "alice", (k) => count(k, "connect") === 4);
  return h;
}

describe("GET /v1/analytics/campaigns/{name}", () => {
  it("counts the funnel, each step's outcome and the recipient's hour of each invitation exactly", async () => {
    const h = await invitedFour();
    expect(await mark(h, "jane", "accepted")).toMatchObject({ status: "applied", recorded: "accepted", account: "alice", campaign: "f" });
    await mark(h, "ann", "accepted");
    expect(await mark(h, "joe", "declined")).toMatchObject({ status: "applied", recorded: "declined" });
    await work(h, "alice", (k) => count(k, "message") === 2);
    expect(await mark(h, "jane", "replied")).toMatchObject({ status: "applied", recorded: "replied" });

    const r = await h.call(h.tokenA, "GET", "/v1/analytics/campaigns/f");
    expect(r.status).toBe(200);
    expect(r.body.campaign).toBe("f");
    expect(CampaignAnalytics.strict().safeParse(r.body).error).toBeUndefined(); // the answer is what /openapi.json says
    // Acceptance is over the decided invitations: Bob's, sent today and unanswered, is not one yet.
    expect(r.body.funnel).toEqual([
      { stage: "enrolled", count: 4, base: null, rate: null },
      { stage: "visited", count: 4, base: 4, rate: 1 },
      { stage: "invited", count: 4, base: 4, rate: 1 },
      { stage: "accepted", count: 2, base: 3, rate: 2 / 3 },
      { stage: "messaged", count: 2, base: 2, rate: 1 },
      { stage: "replied", count: 1, base: 2, rate: 0.5 },
    ]);
    expect(r.body.bySteps).toEqual([
      { step: 0, kind: "visit", reached: 4, outcome: "visited", outcomeCount: 4, base: 4, rate: 1 },
      { step: 1, kind: "connect", reached: 4, outcome: "accepted", outcomeCount: 2, base: 3, rate: 2 / 3 },
      { step: 2, kind: "message", reached: 2, outcome: "replied", outcomeCount: 1, base: 2, rate: 0.5 },
    ]);

    // Each invitation lands in the hour of its recipient's day (Ann's in New York, six hours behind Paris).
    const enrollments = (await h.call(h.tokenA, "GET", "/v1/enrollments?campaign=f")).body.enrollments as Array<{
      prospect: { firstName: string; timezone: string };
      invitedAt: string;
      acceptedAt: string | null;
      endReason: string | null;
    }>;
    // learned: null, since nothing here is 21 days old (send-time learning knows nothing yet).
    const expected = Array.from({ length: 24 }, (_, hour) => ({
      hour,
      invited: 0,
      accepted: 0,
      decided: 0,
      rate: null as number | null,
      learned: null,
    }));
    for (const e of enrollments) {
      const bucket = expected[DateTime.fromISO(e.invitedAt, { zone: e.prospect.timezone }).hour]!;
      bucket.invited++;
      if (e.acceptedAt !== null) bucket.accepted++;
      if (e.acceptedAt !== null || e.endReason === "declined") bucket.decided++;
    }
    for (const b of expected) b.rate = b.decided === 0 ? null : b.accepted / b.decided;
    expect(r.body.byHour).toEqual(expected);
    const ann = enrollments.find((e) => e.prospect.firstName === "Ann")!;
    const annHour = DateTime.fromISO(ann.invitedAt, { zone: "America/New_York" }).hour;
    const parisHour = DateTime.fromISO(ann.invitedAt, { zone: "Europe/Paris" }).hour;
    expect(parisHour - annHour).toBe(6);
    expect(r.body.byHour[annHour].invited).toBeGreaterThanOrEqual(1);
    expect(annHour).toBeGreaterThanOrEqual(9); // the campaign's 09:00-17:00 in the recipient's zone
    expect(annHour).toBeLessThan(17);
  });

  it("measures each stage against the previous one the campaign has: no visit step, invitations over enrollments", async () => {
    const h = await seeded();
    await work(h, "alice", (k) => count(k, "connect") === 2);
    await mark(h, "jane-doe", "accepted");
    const r = await h.call(h.tokenA, "GET", "/v1/analytics/campaigns/q1");
    expect(r.body.funnel).toEqual([
      { stage: "enrolled", count: 2, base: null, rate: null },
      { stage: "visited", count: 0, base: null, rate: null },
      { stage: "invited", count: 2, base: 2, rate: 1 },
      { stage: "accepted", count: 1, base: 1, rate: 1 }, // Joe's invitation is pending, not yet decided
      { stage: "messaged", count: 0, base: null, rate: null },
      { stage: "replied", count: 0, base: 1, rate: 0 },
    ]);
    expect(r.body.bySteps).toEqual([{ step: 0, kind: "connect", reached: 2, outcome: "accepted", outcomeCount: 1, base: 1, rate: 1 }]);
    // 21 days after they were sent, invitations still pending count as not accepted.
    h.clock.advance(21 * DAY);
    const later = await h.call(h.tokenA, "GET", "/v1/analytics/campaigns/q1");
    expect(later.body.funnel.find((s: { stage: string }) => s.stage === "accepted")).toEqual({
      stage: "accepted",
      count: 1,
      base: 2,
      rate: 0.5,
    });
    expect(r.body.byHour).toHaveLength(24);
  });

  it("answers 401 without a credential and 404 for another workspace's campaign", async () => {
    const h = await seeded();
    expect((await h.call(null, "GET", "/v1/analytics/campaigns/q1")).status).toBe(401);
    const other = await h.call(h.tokenB, "GET", "/v1/analytics/campaigns/q1");
    expect(other.status).toBe(404);
    expect(other.headers.get("content-type")).toBe("application/problem+json");
    expect((await h.call(h.tokenA, "GET", "/v1/analytics/campaigns/nope")).status).toBe(404);
  });
});

describe("GET /v1/analytics/accounts/{name}", () => {
  it("gives `days` account-local days ending today, each day's invitations with their later acceptance, and the acceptance", async () => {
    const h = await invitedFour();
    await mark(h, "jane", "accepted");
    await mark(h, "ann", "accepted");
    await mark(h, "joe", "declined");
    h.clock.advance(2 * DAY); // the invitations' days are no longer today
    const r = await h.call(h.tokenA, "GET", "/v1/analytics/accounts/alice");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ account: "alice", timezone: "Europe/Paris", acceptance: { rate: 2 / 3, decided: 3 } });
    expect(AccountAnalytics.strict().safeParse(r.body).error).toBeUndefined();
    const days = r.body.days as Array<{ date: string; invited: number; accepted: number; withdrawn: number; rate: number | null }>;
    expect(days).toHaveLength(28);
    expect(days.at(-1)!.date).toBe(DateTime.fromMillis(h.clock.now(), { zone: "Europe/Paris" }).toISODate());
    expect(days[0]!.date).toBe(DateTime.fromMillis(h.clock.now(), { zone: "Europe/Paris" }).minus({ days: 27 }).toISODate());
    expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());

    const enrollments = (await h.call(h.tokenA, "GET", "/v1/enrollments?account=alice")).body.enrollments as Array<{
      invitedAt: string;
      acceptedAt: string | null;
      endReason: string | null;
    }>;
    const byDate = new Map<string, { invited: number; accepted: number; decided: number }>();
    for (const e of enrollments) {
      const date = DateTime.fromISO(e.invitedAt, { zone: "Europe/Paris" }).toISODate()!;
      const d = byDate.get(date) ?? { invited: 0, accepted: 0, decided: 0 };
      d.invited++;
      if (e.acceptedAt !== null) d.accepted++;
      if (e.acceptedAt !== null || e.endReason === "declined") d.decided++; // Bob's, pending two days, is not
      byDate.set(date, d);
    }
    expect(byDate.size).toBeGreaterThan(0);
    for (const day of days) {
      const want = byDate.get(day.date) ?? { invited: 0, accepted: 0, decided: 0 };
      expect(day).toEqual({ date: day.date, ...want, withdrawn: 0, rate: want.decided === 0 ? null : want.accepted / want.decided });
    }
    expect(days.reduce((s, d) => s + d.invited, 0)).toBe(4);
    expect(days.at(-1)!.invited).toBe(0);

    const short = await h.call(h.tokenA, "GET", "/v1/analytics/accounts/alice?days=1");
    expect(short.body.days).toEqual([{ date: days.at(-1)!.date, invited: 0, accepted: 0, withdrawn: 0, decided: 0, rate: null }]);
    expect((await h.call(h.tokenA, "GET", "/v1/analytics/accounts/alice?days=365")).body.days).toHaveLength(365);
    expect(r.body.warmup).toEqual({ active: false, day: null, dailyCap: 20, fullDailyCap: 20, why: null }); // created 2019: no warm-up

    // Three weeks after it was sent, Bob's unanswered invitation counts as not accepted, here and in the status.
    h.clock.advance(19 * DAY);
    const later = await h.call(h.tokenA, "GET", "/v1/analytics/accounts/alice");
    expect(later.body.acceptance).toEqual({ rate: 2 / 4, decided: 4 });
    expect((await h.call(h.tokenA, "GET", "/v1/status")).body.accounts[0].acceptance).toEqual({ rate: 2 / 4, decided: 4 });
  });

  it("counts a withdrawal in the day its invitation was sent", async () => {
    const h = await seeded();
    await work(h, "alice", (k) => count(k, "connect") === 1);
    const id = (await h.call(h.tokenA, "GET", "/v1/invitations")).body.invitations[0].id;
    await h.call(h.tokenA, "POST", `/v1/invitations/${id}/withdraw`);
    const kinds = await work(h, "alice", (k) => count(k, "withdraw") === 1);
    expect(kinds).toEqual(["withdraw Jane"]); // the withdrawal is due now, before Joe's invitation
    expect(DateTime.fromMillis(h.clock.now(), { zone: "Europe/Paris" }).toISODate()).toBe("2027-03-01");
    h.clock.advance(DAY);
    const days = (await h.call(h.tokenA, "GET", "/v1/analytics/accounts/alice?days=2")).body.days;
    expect(days).toEqual([
      { date: "2027-03-01", invited: 1, accepted: 0, withdrawn: 1, decided: 1, rate: 0 },
      { date: "2027-03-02", invited: 0, accepted: 0, withdrawn: 0, decided: 0, rate: null },
    ]);
  });

  it("shows the warm-up ramp of a young account: today's cap, the full cap, the day and why", async () => {
    const h = await apiHarness();
    await h.call(h.tokenA, "POST", "/v1/accounts", { ...ACCOUNT, created: "2027-02-01" });
    const before = await h.call(h.tokenA, "GET", "/v1/analytics/accounts/alice?days=7");
    expect(before.body.warmup).toEqual({ active: true, day: 1, dailyCap: 5, fullDailyCap: 20, why: "warm-up day 1: 5 invitations" });
    expect(before.body.acceptance).toEqual({ rate: null, decided: 0 });
    // The ramp counts from the first day linkpace acted for the account.
    await h.call(h.tokenA, "POST", "/v1/campaigns", { ...FUNNEL, steps: [{ connect: {} }] });
    await h.call(h.tokenA, "POST", "/v1/prospects/import?campaign=f", LEADS, { "content-type": "text/csv" });
    await work(h, "alice", (k) => k.length === 1);
    h.clock.advance(2 * DAY);
    const later = await h.call(h.tokenA, "GET", "/v1/analytics/accounts/alice?days=7");
    expect(later.body.warmup).toEqual({ active: true, day: 3, dailyCap: 7, fullDailyCap: 20, why: "warm-up day 3: 7 invitations" });
    const older = await apiHarness();
    await older.call(older.tokenA, "POST", "/v1/accounts", { ...ACCOUNT, created: "2027-02-01", limits: { invitesPerDay: 6 } });
    expect((await older.call(older.tokenA, "GET", "/v1/analytics/accounts/alice")).body.warmup).toEqual({
      active: true,
      day: 1,
      dailyCap: 5,
      fullDailyCap: 6,
      why: "warm-up day 1: 5 invitations",
    });
  });

  it("validates days, needs a credential and keeps workspaces apart", async () => {
    const h = await seeded();
    for (const days of ["0", "366", "1.5", "many"]) {
      const r = await h.call(h.tokenA, "GET", `/v1/analytics/accounts/alice?days=${days}`);
      expect(r.status, days).toBe(422);
      expect(r.body.errors.map((e: { field: string }) => e.field)).toEqual(["days"]);
    }
    expect((await h.call(null, "GET", "/v1/analytics/accounts/alice")).status).toBe(401);
    expect((await h.call(h.tokenB, "GET", "/v1/analytics/accounts/alice")).status).toBe(404);
    expect((await h.call(h.tokenA, "GET", "/v1/analytics/accounts/bob")).status).toBe(404);
  });
});

describe("/openapi.json", () => {
  it("documents the analytics, enrollments, mark, archive and preview routes with their parameters and response schemas", async () => {
    const h = await apiHarness();
    const doc = JSON.parse((await h.call(null, "GET", "/openapi.json")).text);
    const response = (path: string, method: string) => doc.paths[path][method].responses["200"].content["application/json"].schema.$ref;
    expect(response("/v1/analytics/accounts/{name}", "get")).toBe("#/components/schemas/AccountAnalytics");
    expect(response("/v1/analytics/campaigns/{name}", "get")).toBe("#/components/schemas/CampaignAnalytics");
    expect(response("/v1/enrollments", "get")).toBe("#/components/schemas/EnrollmentList");
    expect(response("/v1/mark", "post")).toBe("#/components/schemas/MarkResult");
    expect(response("/v1/imports/linkedin-archive", "post")).toBe("#/components/schemas/ArchiveReport");
    expect(response("/v1/campaigns/preview", "post")).toBe("#/components/schemas/CampaignPreview");
    const params = (path: string, method: string) => doc.paths[path][method].parameters.map((p: { name: string }) => p.name);
    expect(params("/v1/analytics/accounts/{name}", "get")).toEqual(["name", "days"]);
    expect(params("/v1/enrollments", "get")).toEqual(expect.arrayContaining(["campaign", "status", "page", "perPage"]));
    expect(params("/v1/imports/linkedin-archive", "post")).toEqual(["account", "dryRun", "file"]);
    expect(Object.keys(doc.paths["/v1/imports/linkedin-archive"].post.requestBody.content)).toEqual([
      "application/zip",
      "application/octet-stream",
      "multipart/form-data",
    ]);
    expect(doc.paths["/v1/mark"].post.requestBody.content["application/json"].schema.$ref).toBe("#/components/schemas/Mark");
    expect(doc.components.schemas.CampaignPreviewRequest.properties.limit).toMatchObject({ minimum: 1, maximum: 50, default: 10 });
  });
});
