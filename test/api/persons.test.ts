/** GET /v1/persons?url= and DELETE /v1/persons/{id}: find a person, erase them (a dry run first), 409 while an agent holds their task. */
import { describe, expect, it } from "vitest";
import { seeded } from "./api-harness.js";

describe("persons over the API", () => {
  it("finds a person by any spelling of their URL, erases them after a dry run, and refuses while their task is held", async () => {
    const h = await seeded();
    const claim = await h.call(h.tokenA, "POST", "/v1/agent/claim", { account: "alice" });
    expect(claim.body.kind, claim.text).toBe("connect");
    const held = claim.body.prospect.url as string;
    const found = await h.call(h.tokenA, "GET", `/v1/persons?url=${encodeURIComponent(`${held.replace("https://www.", "http://")}/`)}`);
    expect(found.status, found.text).toBe(200);
    expect(found.body).toMatchObject({ id: expect.any(Number), url: held, identifiers: [held], activeEnrollments: 1 });
    const id = found.body.id as number;
    const enrollments = (await h.call(h.tokenA, "GET", "/v1/enrollments")).body.enrollments as Array<{
      personId: number;
      prospect: { url: string };
    }>;
    expect(enrollments.find((e) => e.prospect.url === held)?.personId).toBe(id);

    const refused = await h.call(h.tokenA, "DELETE", `/v1/persons/${id}`);
    expect(refused.status, refused.text).toBe(409);
    expect(refused.body.detail).toMatch(/held by .*answer or skip it first/);
    await h.call(h.tokenA, "POST", "/v1/agent/report", { actionId: claim.body.actionId, result: "ok" });

    const dry = await h.call(h.tokenA, "DELETE", `/v1/persons/${id}?dryRun=true`);
    expect(dry.status, dry.text).toBe(200);
    expect(dry.body).toMatchObject({
      dryRun: true,
      erased: { persons: 1, enrollments: 1 },
      withdrawByHand: [{ account: "alice", campaign: "q1" }],
    });
    expect((await h.call(h.tokenA, "GET", `/v1/persons?url=${encodeURIComponent(held)}`)).status).toBe(200);

    const gone = await h.call(h.tokenA, "DELETE", `/v1/persons/${id}`);
    expect(gone.status, gone.text).toBe(200);
    expect(gone.body).toMatchObject({
      person: { id, url: held },
      dryRun: false,
      erased: { persons: 1, identifiers: 1, enrollments: 1 },
      hashes: { added: 1 },
      withdrawByHand: [{ account: "alice", campaign: "q1", invitedAt: expect.stringMatching(/^2027-/) }],
      summary: expect.stringMatching(/^erased person \d+: .*withdraw by hand on LinkedIn/),
    });
    expect((await h.call(h.tokenA, "GET", `/v1/persons?url=${encodeURIComponent(held)}`)).status).toBe(404);
    expect((await h.call(h.tokenA, "DELETE", `/v1/persons/${id}`)).status).toBe(404);
    const left = (await h.call(h.tokenA, "GET", "/v1/enrollments")).body.enrollments as Array<{ prospect: { url: string } }>;
    expect(left.map((e) => e.prospect.url)).not.toContain(held);
    expect((await h.call(h.tokenA, "GET", "/v1/persons?url=not-a-url")).status).toBe(422);
  });
});
