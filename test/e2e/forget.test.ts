/**
 * End to end: Erase… on a campaign's enrollment list asks first (the harness accepts every dialog and keeps its
 * text), erases the person through DELETE /v1/persons/{id}, shows the summary, and the row goes; the other stays.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeInBrowser, startE2E, type E2E } from "./browser.js";

describeInBrowser("dashboard: erase a person", () => {
  let e: E2E;

  beforeAll(async () => {
    e = await startE2E({ at: "2027-03-01T08:00:00Z" });
    await e.api("POST", "/v1/accounts", { name: "alice", timezone: "Europe/Paris", type: "premium", created: "2015-06-01" });
    await e.api("POST", "/v1/campaigns", { name: "q1", account: "alice", steps: [{ visit: { after: "2d" } }] });
    await e.api(
      "POST",
      "/v1/prospects/import?campaign=q1",
      "profileUrl,firstName,lastName\nhttps://www.linkedin.com/in/jane-doe,Jane,Doe\nhttps://www.linkedin.com/in/joe,Joe,Bloggs\n",
      "text/csv",
    );
  });

  afterAll(async () => {
    await e?.close();
  });

  it("asks, erases the person everywhere and shows what was erased", async () => {
    await e.signIn();
    const { page } = e;
    await page.goto("/#/campaigns/q1");
    const jane = page.locator("tr[data-enrollment]", { hasText: "Jane Doe" });
    await jane.getByRole("button", { name: "Erase Jane Doe" }).click();
    await expect.poll(() => e.dialogs.length).toBe(2);
    expect(e.dialogs[0]).toMatch(/Erase Jane Doe everywhere\?.*do-not-contact list/);
    expect(e.dialogs[1]).toMatch(/^erased person \d+: 1 enrollment/);
    await expect.poll(() => jane.count()).toBe(0);
    await page.locator("tr[data-enrollment]", { hasText: "Joe Bloggs" }).waitFor();
    const left = await e.api("GET", "/v1/enrollments?campaign=q1");
    expect(left.enrollments.map((x: { prospect: { url: string } }) => x.prospect.url)).toEqual(["https://www.linkedin.com/in/joe"]);
    expect((await e.api("GET", "/v1/suppressions")).suppressions.map((s: { kind: string }) => s.kind)).toEqual(["hash"]);
    expect(e.pageErrors.filter((m) => !/status of 401/.test(m))).toEqual([]);
  });
});
