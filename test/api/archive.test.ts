/** POST /v1/imports/linkedin-archive: the export's zip as the body, applied and reported as the CLI's --json does. */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { ArchiveReport } from "../../src/api/routes/imports.js";
import { parseInstant } from "../../src/core/time.js";
import { zipBomb } from "../fixtures/linkedin-archive/zip-bomb.js";
import { ACCOUNT, apiHarness, type ApiHarness } from "./api-harness.js";

const FIXTURE = resolve("test/fixtures/linkedin-archive/Basic_LinkedInDataExport_03-10-2027");
const JANE = "https://www.linkedin.com/in/jane-doe";
const CAMPAIGN = {
  name: "q1",
  account: "alice",
  steps: [
    { visit: {} },
    { connect: { after: "1d", note: "Hi {{ firstName }}!", withdrawAfter: "21d" } },
    { message: { after: "2d", text: "Thanks {{ firstName }}!" } },
  ],
};
const ZERO = { connections: 0, accepted: 0, alreadyConnected: 0, invitationsAdopted: 0, replies: 0, messagesSeen: 0 };

/** The fixture folder zipped as LinkedIn sends it. */
function fixtureZip(): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const name of readdirSync(FIXTURE)) entries[name] = readFileSync(join(FIXTURE, name));
  return zipSync(entries);
}

/** The CLI test's setting (test/cli/archive.test.ts): alice (premium), q1 with Jane, on 2027-03-10. */
async function setting(): Promise<ApiHarness> {
  const h = await apiHarness();
  h.clock.set(parseInstant("2027-03-10T09:00:00Z") as number);
  await h.call(h.tokenA, "POST", "/v1/accounts", { ...ACCOUNT, type: "premium" });
  await h.call(h.tokenA, "POST", "/v1/campaigns", CAMPAIGN);
  await h.call(h.tokenA, "POST", "/v1/prospects/import?campaign=q1", `firstName,lastName,company,profileUrl\nJane,Doe,Acme,${JANE}\n`, {
    "content-type": "text/csv",
  });
  return h;
}

async function upload(h: ApiHarness, query: string, body: Uint8Array | string, token: string | null = h.tokenA, type = "application/zip") {
  const headers: Record<string, string> = { "content-type": type };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const res = await h.api.http.request(`/v1/imports/linkedin-archive?${query}`, {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : Buffer.from(body),
  });
  const text = await res.text();
  return { status: res.status, body: text === "" ? null : JSON.parse(text), headers: res.headers };
}

describe("POST /v1/imports/linkedin-archive", () => {
  it("dry-runs, imports with the CLI's report, then changes nothing on a second import", async () => {
    const h = await setting();
    const zip = fixtureZip();
    const dry = await upload(h, "account=alice&dryRun=true&file=Basic_LinkedInDataExport_03-10-2027.zip", zip);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({
      file: "Basic_LinkedInDataExport_03-10-2027.zip",
      account: "alice",
      dryRun: true,
      invitationsAdopted: 2,
    });
    expect((await h.call(h.tokenA, "GET", "/v1/invitations")).body.invitations).toEqual([]);

    const real = await upload(h, "account=alice", zip, h.tokenA, "application/octet-stream");
    expect(real.status).toBe(200);
    expect(real.body).toMatchObject({
      file: "upload.zip",
      dryRun: false,
      connections: 2,
      accepted: 1,
      alreadyConnected: 1,
      invitationsAdopted: 2,
      replies: 1,
      messagesSeen: 2,
      unreadable: 4,
      adoptedCampaign: "alice-adopted",
      adoptedInto: [
        { campaign: "alice-adopted", invitations: 1 },
        { campaign: "q1", invitations: 1 },
      ],
      owner: { identifiers: ["https://www.linkedin.com/in/alice-martin"], source: "invitations" },
      read: { connections: 4, invitationsOutgoing: 3, invitationsIncoming: 1, messages: 4, draftsSkipped: 1 },
    });
    expect(real.body.problems.map((p: { file: string; line: number }) => [p.file, p.line])).toEqual([
      ["Connections.csv", 7],
      ["Connections.csv", 8],
      ["Invitations.csv", 6],
      ["messages.csv", 7],
    ]);
    expect(ArchiveReport.strict().safeParse(real.body).error).toBeUndefined();
    expect(real.body.files).toContainEqual({ name: "Connections.csv", table: "connections" });

    expect((await upload(h, "account=alice", zip)).body).toMatchObject({ ...ZERO, unreadable: 4 });
    const sent = (await h.call(h.tokenA, "GET", "/v1/invitations")).body.invitations;
    expect(sent.map((i: Record<string, unknown>) => [i.profileUrl, i.campaign, i.status, i.sentAt])).toEqual([
      [JANE, "q1", "pending", "2027-03-08T14:05:00Z"],
      ["https://www.linkedin.com/in/bob-stone", "alice-adopted", "replied", "2027-03-04T09:41:00Z"],
    ]);
  });

  it("takes uploads larger than a JSON body (the upload limit applies), and refuses what is not an export with 422 on body", async () => {
    const h = await setting();
    const big = new Uint8Array(2 * 1024 * 1024).fill(65); // over the 1 MB JSON limit, under the upload limit
    const notZip = await upload(h, "account=alice&file=big.zip", big);
    expect(notZip.status).toBe(422);
    expect(notZip.body.detail).toContain("big.zip: not a zip archive");
    expect(notZip.body.errors.map((e: { field: string }) => e.field)).toEqual(["body"]);
    const noTable = await upload(h, "account=alice&file=other.zip", zipSync({ "Skills.csv": new TextEncoder().encode("Name\nPricing\n") }));
    expect(noTable.status).toBe(422);
    expect(noTable.body.detail).toContain("no Connections.csv, Invitations.csv or messages.csv table found (files: Skills.csv)");
    const empty = await upload(h, "account=alice", "");
    expect(empty.status).toBe(422);
    expect(empty.body.errors[0].field).toBe("body");
  });

  it("validates its query, answers 404 for an unknown account or another workspace's, 401 without a token", async () => {
    const h = await setting();
    const zip = fixtureZip();
    expect((await upload(h, "dryRun=true", zip)).body.errors.map((e: { field: string }) => e.field)).toEqual(["account"]);
    expect((await upload(h, "account=alice&dryRun=maybe", zip)).body.errors.map((e: { field: string }) => e.field)).toEqual(["dryRun"]);
    expect((await upload(h, "account=bob", zip)).status).toBe(404);
    expect((await upload(h, "account=alice", zip, h.tokenB)).status).toBe(404);
    expect((await upload(h, "account=alice", zip, null)).status).toBe(401);
    expect((await h.call(h.tokenA, "GET", "/v1/invitations")).body.invitations).toEqual([]);
  });

  it("reads the zip from a multipart form (curl -F file=@export.zip); a body that is neither a zip nor a form is 415", async () => {
    const h = await setting();
    const form = new FormData();
    form.append("file", new Blob([Buffer.from(fixtureZip())], { type: "application/zip" }), "Basic_LinkedInDataExport_03-10-2027.zip");
    const res = await h.api.http.request("/v1/imports/linkedin-archive?account=alice&dryRun=true", {
      method: "POST",
      headers: { authorization: `Bearer ${h.tokenA}` },
      body: form,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ file: "Basic_LinkedInDataExport_03-10-2027.zip", dryRun: true, invitationsAdopted: 2 });
    const csv = await upload(h, "account=alice", "First Name,URL\n", h.tokenA, "text/csv");
    expect(csv.status).toBe(415);
    expect(csv.body.detail).toBe(
      'the body is text/csv, not a zip file: send the file as the body with Content-Type: application/zip (curl --data-binary @Basic_LinkedInDataExport_03-10-2027.zip -H "Content-Type: application/zip"), or as a form (curl -F file=@Basic_LinkedInDataExport_03-10-2027.zip)',
    );
  });

  it("refuses a zip bomb with 422 before inflating it: three 400 MB entries in 1.2 MB", async () => {
    const h = await setting();
    const bomb = zipBomb(["Connections.csv", "Invitations.csv", "messages.csv"].map((name) => ({ name, megabytes: 400 })));
    const started = performance.now();
    const r = await upload(h, "account=alice&file=bomb.zip", bomb);
    expect(r.status).toBe(422);
    expect(r.body.detail).toMatch(/^bomb\.zip: its CSV files would inflate to 1200 MB, more than the 256 MB linkpace inflates from a zip/);
    expect(r.body.errors.map((e: { field: string }) => e.field)).toEqual(["body"]);
    expect(performance.now() - started).toBeLessThan(2_000); // inflating it took the server to 2.6 GB and 19 s
  });
});
