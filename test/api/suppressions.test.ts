/**
 * /v1/suppressions: adding one or many entries (and what they end), the paged list, removal, and an import
 * through the API refusing matching rows with their lines (reason suppressed).
 */
import { describe, expect, it } from "vitest";
import { seeded } from "./api-harness.js";

const CSV = { "content-type": "text/csv" };

describe("/v1/suppressions", () => {
  it("adds entries, ending the enrolled people they match, and says what was already listed", async () => {
    const h = await seeded();
    const r = await h.call(h.tokenA, "POST", "/v1/suppressions", {
      entries: [
        { kind: "company", value: "ACME Ltd" },
        { kind: "domain", value: "https://www.globex.com/" },
        { kind: "company", value: "acme" },
      ],
      reason: "customer",
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ added: 2, alreadyListed: 1, ended: 1, withdrawals: 0, awaitingResult: 0 });
    expect(
      r.body.entries.map((e: { kind: string; value: string; input: string; added: boolean }) => [e.kind, e.value, e.input, e.added]),
    ).toEqual([
      ["company", "acme", "ACME Ltd", true],
      ["domain", "globex.com", "https://www.globex.com/", true],
      ["company", "acme", "ACME Ltd", false],
    ]);
    const enrollments = (await h.call(h.tokenA, "GET", "/v1/enrollments")).body.enrollments as Array<{
      prospect: { url: string };
      status: string;
      endReason: string | null;
    }>;
    const jane = enrollments.find((e) => e.prospect.url.endsWith("/jane-doe"));
    expect(jane).toMatchObject({ status: "done", endReason: "suppressed" });
    expect(enrollments.find((e) => e.prospect.url.endsWith("/joe-bloggs"))?.status).not.toBe("done");
  });

  it("lists newest first in pages and removes by id", async () => {
    const h = await seeded();
    const entries = ["a.com", "b.com", "c.com"].map((value) => ({ kind: "domain", value }));
    expect((await h.call(h.tokenA, "POST", "/v1/suppressions", { entries })).status).toBe(200);
    const page = await h.call(h.tokenA, "GET", "/v1/suppressions?page=1&perPage=2");
    expect(page.body.page).toEqual({ number: 1, perPage: 2, total: 3, next: 2 });
    expect(page.body.suppressions.map((s: { value: string }) => s.value)).toEqual(["c.com", "b.com"]);
    expect(page.body.suppressions[0]).toEqual({
      id: expect.any(Number),
      kind: "domain",
      value: "c.com",
      input: "c.com",
      reason: null,
      createdAt: expect.stringMatching(/^2027-/),
    });
    const id = page.body.suppressions[0].id as number;
    expect((await h.call(h.tokenA, "DELETE", `/v1/suppressions/${id}`)).body.removed).toMatchObject({ id, value: "c.com" });
    expect((await h.call(h.tokenA, "DELETE", `/v1/suppressions/${id}`)).status).toBe(404);
    expect((await h.call(h.tokenA, "GET", "/v1/suppressions")).body.page.total).toBe(2);
  });

  it("makes an import refuse matching rows with their line numbers", async () => {
    const h = await seeded();
    await h.call(h.tokenA, "POST", "/v1/suppressions", {
      entries: [
        { kind: "profile", value: "linkedin.com/in/Mia-Wong" },
        { kind: "domain", value: "globex.com" },
      ],
    });
    const list = (await h.call(h.tokenA, "GET", "/v1/suppressions")).body.suppressions as Array<{ id: number; kind: string }>;
    const profile = list.find((s) => s.kind === "profile")?.id;
    const domain = list.find((s) => s.kind === "domain")?.id;
    const leads = [
      "profileUrl,firstName,company,email",
      "https://www.linkedin.com/in/mia-wong,Mia,Initech,",
      "https://www.linkedin.com/in/sam-lee,Sam,Initech,sam@globex.com",
      "https://www.linkedin.com/in/ann-ray,Ann,Initech,ann@initech.com",
      "",
    ].join("\n");
    const r = await h.call(h.tokenA, "POST", "/v1/prospects/import?campaign=q1", leads, CSV);
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({
      enrolled: 1,
      rejected: 2,
      rejects: [
        { line: 2, reason: `https://www.linkedin.com/in/mia-wong: suppressed (profile "linkedin.com/in/Mia-Wong", entry ${profile})` },
        { line: 3, reason: `https://www.linkedin.com/in/sam-lee: suppressed (domain "globex.com", entry ${domain})` },
      ],
    });
  });
});
