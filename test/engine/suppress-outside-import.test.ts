/**
 * The do-not-contact list where a person does not come in through a plain import row: a person already known
 * is judged with the identifiers and company on record too (engine/enroll.ts), and a LinkedIn-archive import
 * that adopts a hand-sent invitation to someone on the list records it (it counts against the budget) and
 * withdraws it (engine/archive-apply.ts).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { accountStatus } from "../../src/engine/account-status.js";
import { addSuppressions, suppressionEntries, type SuppressionInput } from "../../src/engine/suppress.js";
import { readLinkedInArchive } from "../../src/io/linkedin-archive/index.js";
import type { App } from "../../src/app.js";
import type { EnrollmentRow } from "../../src/store/store.js";
import {
  connectionsCsv,
  invitationsCsv,
  messagesCsv,
  profileCsv,
  sentAt,
  writeArchiveFolder,
} from "../fixtures/linkedin-archive/archive-builder.js";
import { accountDoc, campaignDoc } from "../support/docs.js";
import { harness, prospect } from "../support/harness.js";

const url = (slug: string) => `https://www.linkedin.com/in/${slug}`;
const add = (app: App, inputs: SuppressionInput[]) =>
  addSuppressions(
    app.ctx,
    suppressionEntries(inputs, null, (i) => `entry ${i + 1}`),
  );

async function enrollmentOf(app: App, slug: string): Promise<EnrollmentRow> {
  const id = (await app.store.findPersonIds(1, [url(slug)])).get(url(slug)) as number;
  return (await app.store.latestEnrollment((await app.account("alice")).id, id)) as EnrollmentRow;
}

describe("a known person imported again", () => {
  it("is refused by an entry on another of their profile URLs, or on the company on record", async () => {
    const h = await harness(accountDoc(), [campaignDoc(), campaignDoc({ name: "c2" })]);
    await h.app.enroll("c1", [
      { prospect: prospect("anna", { identifiers: [url("anna"), url("anna-old")] }) },
      { prospect: prospect("bob", { company: "Initech" }) },
      { prospect: prospect("carl", { company: "Hooli" }) },
    ]);
    for (const slug of ["anna", "bob", "carl"]) await h.app.removeProspect({ person: url(slug) });
    const added = await add(h.app, [
      { kind: "profile", input: url("anna-old") },
      { kind: "company", input: "Initech Inc" },
    ]);
    const [old, initech] = added.entries.map((e) => e.entry.id);

    // Each row alone matches nothing: anna by her current URL only, bob with no company given.
    const results = await h.app.enroll("c2", [
      { line: 2, prospect: prospect("anna") },
      { line: 3, prospect: prospect("bob", { company: "" }) },
      { line: 4, prospect: prospect("carl", { company: "" }) },
    ]);
    expect(results).toEqual([
      { line: 2, status: "refused", person: url("anna"), reason: `suppressed (profile "${url("anna-old")}", entry ${old})` },
      { line: 3, status: "refused", person: url("bob"), reason: `suppressed (company "Initech Inc", entry ${initech})` },
      expect.objectContaining({ line: 4, status: "enrolled", person: url("carl") }),
    ]);
    const c2 = await h.app.campaign("c2");
    expect((await enrollmentOf(h.app, "anna")).campaignId).not.toBe(c2.id);
    expect((await enrollmentOf(h.app, "carl")).campaignId).toBe(c2.id);
  });
});

describe("an archive import adopting a hand-sent invitation to someone on the list", () => {
  it("records it against the budget, withdraws it in working hours and ends the enrollment suppressed", async () => {
    const h = await harness(accountDoc(), [campaignDoc()]);
    await add(h.app, [{ kind: "profile", input: url("kim") }]);
    await h.runUntil("2027-03-02T10:00:00Z");
    const files = {
      "Connections.csv": connectionsCsv([]),
      "Invitations.csv": invitationsCsv([
        {
          from: "Alice Martin",
          to: "Kim Smith",
          sentAt: sentAt("2027-03-01T15:00:00Z"),
          message: "Hi Kim",
          direction: "OUTGOING",
          inviter: url("alice-martin"),
          invitee: url("kim"),
        },
        {
          from: "Alice Martin",
          to: "Lou Smith",
          sentAt: sentAt("2027-03-01T16:00:00Z"),
          message: "",
          direction: "OUTGOING",
          inviter: url("alice-martin"),
          invitee: url("lou"),
        },
      ]),
      "messages.csv": messagesCsv([]),
      "Profile.csv": profileCsv("Alice", "Martin"),
    };
    const facts = readLinkedInArchive(writeArchiveFolder(mkdtempSync(join(tmpdir(), "linkpace-suppress-archive-")), files));
    const r = await h.app.importLinkedInArchive("alice", facts);
    expect(r).toMatchObject({ invitationsAdopted: 2, suppressed: 1, problems: [] });
    const status = await accountStatus(h.app.store, await h.app.account("alice"), h.clock.now());
    expect(status.week.invites.used).toBe(2);
    expect(await enrollmentOf(h.app, "kim")).toMatchObject({ status: "invited", nextKind: "withdraw", stopReason: "suppressed" });
    expect(await enrollmentOf(h.app, "lou")).toMatchObject({ status: "invited", nextKind: "withdraw", stopReason: null });

    await h.runUntil("2027-03-05T00:00:00Z");
    const withdrawn = h.channel.requests.filter((q) => q.kind === "withdraw").map((q) => q.prospect.url);
    expect(withdrawn).toEqual([url("kim")]);
    expect(await enrollmentOf(h.app, "kim")).toMatchObject({ status: "done", endReason: "suppressed" });
    expect((await enrollmentOf(h.app, "lou")).status).toBe("invited");
  });
});
