/**
 * End to end: Erase… on a campaign's enrollment list asks first (the harness accepts every dialog and keeps its
 * text), erases the person through DELETE /v1/persons/{id}, shows the summary, and the row goes; the other stays.
 */
import { expect, it } from "vitest";
import { describeInBrowser, e2eWithCampaign } from "./browser.js";

describeInBrowser("dashboard: erase a person", () => {
  const e = e2eWithCampaign({ at: "2027-03-01T08:00:00Z" });

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
