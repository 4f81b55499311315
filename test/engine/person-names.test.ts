/** Names from lead lists, as templates see them: the full name as written, a first name only when one is known. */
import { describe, expect, it } from "vitest";
import { readProspectCsv } from "../../src/io/prospect-csv/index.js";
import { accountDoc, campaignDoc } from "../support/docs.js";
import { harness } from "../support/harness.js";

describe("names in templates", () => {
  it("uses the full name as written; a name that cannot be split has no first name, so the default applies", async () => {
    const text = "Hi {{ firstName | default: 'there' }} ({{ fullName }})";
    const h = await harness(accountDoc(), [campaignDoc({ steps: [{ kind: "message", after: 0, text }] })]);
    const csv = readProspectCsv(
      Buffer.from(
        "profileUrl,fullName,firstName,lastName,connected\n" +
          "https://www.linkedin.com/in/li-wei,李伟,,,true\n" +
          "https://www.linkedin.com/in/wang-fang,王芳,芳,王,true\n" +
          "https://www.linkedin.com/in/jane,Jane van Doe,,,true\n",
      ),
      "leads.csv",
    );
    await h.app.enroll(
      "c1",
      csv.rows.map((r) => ({ prospect: r.prospect, zoneHints: r.zoneHints })),
    );
    await h.runUntil("2027-03-03T00:00:00Z");
    expect(h.channel.requests.map((q) => q.text).sort()).toEqual(["Hi Jane (Jane van Doe)", "Hi there (李伟)", "Hi 芳 (王芳)"]);
  });

  it("a later list that names the person by first and last name only replaces the full name", async () => {
    const h = await harness(accountDoc(), [campaignDoc({ name: "c1" }), campaignDoc({ name: "c2" })]);
    const read = (csv: string) =>
      readProspectCsv(Buffer.from(csv), "leads.csv").rows.map((r) => ({ prospect: r.prospect, zoneHints: r.zoneHints }));
    await h.app.enroll("c1", read("profileUrl,fullName\nhttps://www.linkedin.com/in/li-wei,李伟\n"));
    const id = (await h.app.store.findPersonIds(1, ["https://www.linkedin.com/in/li-wei"])).get("https://www.linkedin.com/in/li-wei")!;
    expect(await h.app.store.getPerson(id)).toMatchObject({ firstName: "", lastName: "", fullName: "李伟" });
    await h.app.store.updateEnrollment(1, { status: "done", endedAt: h.clock.now(), endReason: "completed" });
    await h.app.enroll("c2", read("profileUrl,firstName,lastName,company\nhttps://www.linkedin.com/in/li-wei,Wei,Li,Acme\n"));
    expect(await h.app.store.getPerson(id)).toMatchObject({ firstName: "Wei", lastName: "Li", fullName: null, company: "Acme" });
  });
});
