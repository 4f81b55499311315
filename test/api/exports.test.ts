/** /v1/exports and /v1/alerts: the CLI's export and alerts over HTTP, scoped to the token's workspace. */
import { describe, expect, it } from "vitest";
import { seeded } from "./api-harness.js";

describe("exports", () => {
  it("streams the prospects as the CLI's CSV: BOM, CRLF, one row per enrollment, an attachment name", async () => {
    const h = await seeded();
    const r = await h.call(h.tokenA, "GET", "/v1/exports/prospects");
    expect(r.status, r.text).toBe(200);
    expect(r.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(r.headers.get("content-disposition")).toBe('attachment; filename="linkpace-prospects-2027-03-01.csv"');
    // Response.text() drops a BOM while decoding: look at the bytes.
    const raw = await h.api.http.request("/v1/exports/prospects", { headers: { authorization: `Bearer ${h.tokenA}` } });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = r.text.split("\r\n").filter((l) => l !== "");
    expect(lines).toHaveLength(3); // header + jane + joe (the bad URL was rejected at import)
    expect(lines[0]).toMatch(/^[a-zA-Z]/);
    expect(r.text).toContain("https://www.linkedin.com/in/jane-doe");
    expect(r.text).toContain("https://www.linkedin.com/in/joe-bloggs");
  });

  it("answers JSON with ?format=json, filters by campaign, and 404s another workspace's campaign", async () => {
    const h = await seeded();
    const json = await h.call(h.tokenA, "GET", "/v1/exports/prospects?format=json&campaign=q1");
    expect(json.status).toBe(200);
    expect(json.body.prospects).toHaveLength(2);
    const activity = await h.call(h.tokenA, "GET", "/v1/exports/activity?format=json");
    expect(activity.status).toBe(200);
    expect(Array.isArray(activity.body.activity)).toBe(true);
    expect((await h.call(h.tokenB, "GET", "/v1/exports/prospects?campaign=q1")).status).toBe(404);
    const empty = await h.call(h.tokenB, "GET", "/v1/exports/prospects?format=json");
    expect(empty.body.prospects).toEqual([]);
  });

  it("gives the imported extra columns back: CSV columns by their own names, a JSON object", async () => {
    const h = await seeded();
    const leads = "First Name,Last Name,Person Linkedin Url,Email\nAna,Silva,http://www.linkedin.com/in/ana-silva,ana@example.com\n";
    expect((await h.call(h.tokenA, "POST", "/v1/prospects/import?campaign=q1", leads, { "content-type": "text/csv" })).status).toBe(200);
    const r = await h.call(h.tokenA, "GET", "/v1/exports/prospects");
    const lines = r.text.split("\r\n");
    expect(lines[0]).toMatch(/,hoursToReply,Email$/);
    expect(lines.find((l) => l.includes("ana-silva"))).toMatch(/,ana@example\.com$/);
    expect(lines.find((l) => l.includes("jane-doe"))).toMatch(/,$/);
    const json = await h.call(h.tokenA, "GET", "/v1/exports/prospects?format=json");
    expect(json.body.prospects.map((p: { custom: Record<string, string> }) => p.custom)).toEqual([{}, {}, { Email: "ana@example.com" }]);
  });

  it("refuses unknown exports and formats with 422 naming the field", async () => {
    const h = await seeded();
    const what = await h.call(h.tokenA, "GET", "/v1/exports/people");
    expect(what.status).toBe(422);
    expect(what.body.errors.map((e: { field: string }) => e.field)).toContain("what");
    const format = await h.call(h.tokenA, "GET", "/v1/exports/activity?format=xlsx");
    expect(format.status).toBe(422);
    expect(format.body.errors.map((e: { field: string }) => e.field)).toContain("format");
  });
});

describe("alerts", () => {
  it("lists no alerts for a quiet workspace and validates since and limit", async () => {
    const h = await seeded();
    const r = await h.call(h.tokenA, "GET", "/v1/alerts?account=alice");
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ alerts: [] });
    const since = await h.call(h.tokenA, "GET", "/v1/alerts?since=yesterday");
    expect(since.status).toBe(422);
    expect(since.body.errors[0].field).toBe("since");
    expect((await h.call(h.tokenA, "GET", "/v1/alerts?limit=0")).status).toBe(422);
    expect((await h.call(h.tokenB, "GET", "/v1/alerts?account=alice")).status).toBe(404);
  });
});
