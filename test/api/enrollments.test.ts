/** GET /v1/enrollments (filters, pages, validation, workspaces) and POST /v1/mark (the CLI's `mark`, as data). */
import { describe, expect, it } from "vitest";
import { EnrollmentSchema } from "../../src/api/routes/enrollments.js";
import { MarkResultSchema } from "../../src/api/routes/mark.js";
import { seeded } from "./api-harness.js";

const JANE = "https://www.linkedin.com/in/jane-doe";
const JOE = "https://www.linkedin.com/in/joe-bloggs";

async function inviteJane(h: Awaited<ReturnType<typeof seeded>>): Promise<void> {
  const claim = await h.call(h.tokenA, "POST", "/v1/agent/claim", { account: "alice" });
  expect(claim.body.prospect.firstName).toBe("Jane");
  await h.call(h.tokenA, "POST", "/v1/agent/report", { actionId: claim.body.actionId, result: "ok" });
}

describe("GET /v1/enrollments", () => {
  it("lists enrollments newest first with their prospect and dates, filtered by campaign and status, in pages", async () => {
    const h = await seeded();
    await inviteJane(h);
    const all = await h.call(h.tokenA, "GET", "/v1/enrollments");
    expect(all.status).toBe(200);
    expect(all.body.page).toEqual({ number: 1, perPage: 50, total: 2, next: null });
    expect(all.body.enrollments.map((e: { prospect: { firstName: string } }) => e.prospect.firstName)).toEqual(["Joe", "Jane"]);
    expect(all.body.enrollments[1]).toEqual({
      id: 1,
      personId: 1,
      campaign: "q1",
      account: "alice",
      status: "invited",
      step: 1,
      nextKind: "withdraw",
      readyAt: "2027-03-22T08:00:00Z",
      endReason: null,
      stopReason: null,
      prospect: {
        url: JANE,
        firstName: "Jane",
        lastName: "Doe",
        fullName: "Jane Doe",
        company: "Acme",
        title: "CTO",
        location: "Paris, France",
        timezone: "Europe/Paris",
      },
      enrolledAt: "2027-03-01T08:00:00Z",
      visitedAt: null,
      invitedAt: "2027-03-01T08:00:00Z",
      acceptedAt: null,
      repliedAt: null,
      withdrawnAt: null,
    });
    for (const e of all.body.enrollments) expect(EnrollmentSchema.strict().safeParse(e).error).toBeUndefined();
    expect(all.body.enrollments[0]).toMatchObject({
      id: 2,
      status: "ready",
      step: 0,
      nextKind: "connect",
      invitedAt: null,
      prospect: { company: "" },
    });

    const invited = await h.call(h.tokenA, "GET", "/v1/enrollments?campaign=q1&status=invited");
    expect(invited.body.enrollments.map((e: { id: number }) => e.id)).toEqual([1]);
    expect(invited.body.page.total).toBe(1);
    expect((await h.call(h.tokenA, "GET", "/v1/enrollments?status=done")).body).toEqual({
      enrollments: [],
      page: { number: 1, perPage: 50, total: 0, next: null },
    });
    expect(
      (await h.call(h.tokenA, "GET", "/v1/enrollments?account=alice&status=ready")).body.enrollments.map((e: { id: number }) => e.id),
    ).toEqual([2]);

    const first = await h.call(h.tokenA, "GET", "/v1/enrollments?perPage=1");
    expect(first.body.page).toEqual({ number: 1, perPage: 1, total: 2, next: 2 });
    expect(first.body.enrollments.map((e: { id: number }) => e.id)).toEqual([2]);
    const second = await h.call(h.tokenA, "GET", "/v1/enrollments?perPage=1&page=2");
    expect(second.body.page).toEqual({ number: 2, perPage: 1, total: 2, next: null });
    expect(second.body.enrollments.map((e: { id: number }) => e.id)).toEqual([1]);
    expect((await h.call(h.tokenA, "GET", "/v1/enrollments?perPage=1&page=3")).body.enrollments).toEqual([]);
  });

  it("validates its query, needs a credential and shows one workspace only", async () => {
    const h = await seeded();
    for (const [query, field] of [
      ["status=lost", "status"],
      ["page=0", "page"],
      ["perPage=501", "perPage"],
      ["campaign=", "campaign"],
    ] as const) {
      const r = await h.call(h.tokenA, "GET", `/v1/enrollments?${query}`);
      expect(r.status, query).toBe(422);
      expect(r.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    expect((await h.call(h.tokenA, "GET", "/v1/enrollments?campaign=nope")).status).toBe(404);
    expect((await h.call(null, "GET", "/v1/enrollments")).status).toBe(401);
    expect((await h.call(h.tokenB, "GET", "/v1/enrollments?campaign=q1")).status).toBe(404);
    expect((await h.call(h.tokenB, "GET", "/v1/enrollments")).body).toEqual({
      enrollments: [],
      page: { number: 1, perPage: 50, total: 0, next: null },
    });
  });
});

describe("POST /v1/mark", () => {
  it("records outcomes as `linkpace mark --json` does: applied, already, and nothing as data", async () => {
    const h = await seeded();
    await inviteJane(h);
    h.clock.advance(60_000);
    const accepted = await h.call(h.tokenA, "POST", "/v1/mark", {
      person: "https://fr.linkedin.com/in/Jane-Doe/",
      outcome: "accepted",
      at: "2027-03-01T08:00:30Z",
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({
      status: "applied",
      recorded: "accepted",
      person: JANE,
      account: "alice",
      campaign: "q1",
      at: "2027-03-01T08:00:30Z",
      message: "invitation accepted; the campaign's next steps follow",
    });
    expect(MarkResultSchema.strict().safeParse(accepted.body).error).toBeUndefined();
    expect((await h.call(h.tokenA, "POST", "/v1/mark", { person: JANE, outcome: "accepted" })).body).toMatchObject({
      status: "already",
      message: "accepted already, at 2027-03-01T08:00:30Z",
    });
    const nothing = await h.call(h.tokenA, "POST", "/v1/mark", { person: JOE, outcome: "declined", account: "alice" });
    expect(nothing.status).toBe(200);
    expect(nothing.body).toMatchObject({ status: "nothing", recorded: "declined", account: "alice" });
    const connected = await h.call(h.tokenA, "POST", "/v1/mark", {
      person: "https://www.linkedin.com/in/someone-new",
      outcome: "connected",
    });
    expect(connected.body).toMatchObject({ status: "applied", recorded: "connected", account: null });
    const list = (await h.call(h.tokenA, "GET", "/v1/enrollments?status=ready")).body.enrollments;
    expect(list.map((e: { acceptedAt: string | null }) => e.acceptedAt)).toEqual([null]); // Jane's campaign ended with the invitation
    expect((await h.call(h.tokenA, "GET", "/v1/invitations?status=accepted")).body.invitations).toHaveLength(1);
  });

  it("names the field at fault with 422, answers 404 for people and accounts it does not know, and 401 without a token", async () => {
    const h = await seeded();
    await inviteJane(h);
    const cases: Array<[body: Record<string, unknown>, field: string]> = [
      [{ outcome: "accepted" }, "person"],
      [{ person: "not a url", outcome: "accepted" }, "person"],
      [{ person: JANE, outcome: "maybe" }, "outcome"],
      [{ person: JANE, outcome: "accepted", at: "yesterday" }, "at"],
      [{ person: JANE, outcome: "accepted", at: "2027-03-02T00:00:00Z" }, "at"], // in the future
      [{ person: JANE, outcome: "accepted", at: "2027-02-01T00:00:00Z" }, "at"], // before the invitation
      [{ person: JANE, outcome: "accepted", account: "" }, "account"],
    ];
    for (const [body, field] of cases) {
      const r = await h.call(h.tokenA, "POST", "/v1/mark", body);
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(
        r.body.errors.map((e: { field: string }) => e.field),
        JSON.stringify(body),
      ).toEqual([field]);
      expect(r.body.detail).not.toContain("--");
    }
    expect((await h.call(h.tokenA, "POST", "/v1/mark", { person: "https://www.linkedin.com/in/nobody", outcome: "replied" })).status).toBe(
      404,
    );
    expect((await h.call(h.tokenA, "POST", "/v1/mark", { person: JANE, outcome: "replied", account: "bob" })).status).toBe(404);
    expect((await h.call(h.tokenB, "POST", "/v1/mark", { person: JANE, outcome: "accepted" })).status).toBe(404);
    expect((await h.call(null, "POST", "/v1/mark", { person: JANE, outcome: "accepted" })).status).toBe(401);
    expect((await h.call(h.tokenA, "GET", "/v1/invitations?status=pending")).body.invitations).toHaveLength(1); // nothing was recorded
  });
});
