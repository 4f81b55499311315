/**
 * End to end: removing a prospect from a campaign's enrollment list, stopping the campaign and deleting it, each
 * after a confirmation (the harness accepts every dialog and keeps its text). The stopped campaign loses Pause;
 * Delete takes it away.
 */
import { expect, it } from "vitest";
import { describeInBrowser, e2eWithCampaign } from "./browser.js";

describeInBrowser("dashboard: remove a prospect, stop and delete a campaign", () => {
  const e = e2eWithCampaign({ at: "2027-03-01T08:00:00Z" });

  it("asks before each, ends the enrollments and deletes the campaign", async () => {
    await e.signIn();
    const { page } = e;
    await page.goto("/#/campaigns/q1");
    const jane = page.locator("tr[data-enrollment]", { hasText: "Jane Doe" });
    await jane.getByRole("button", { name: "Remove Jane Doe" }).waitFor();

    await jane.getByRole("button", { name: "Remove Jane Doe" }).click();
    await expect.poll(() => e.dialogs.length).toBe(1);
    expect(e.dialogs[0]).toMatch(/Remove Jane Doe from q1\?/);
    await jane.getByText("removed").waitFor();
    const enrollments = await e.api("GET", "/v1/enrollments?campaign=q1");
    expect(enrollments.enrollments.map((x: { endReason: string | null }) => x.endReason).sort()).toEqual(["removed", null].sort());

    await page.getByRole("button", { name: "Stop q1" }).click();
    await expect.poll(() => page.getByTestId("campaign-action-done").textContent()).toMatch(/campaign q1 is stopped .*cannot be resumed/);
    expect(e.dialogs[1]).toMatch(/Stop campaign q1 for good\?.*pending invitations are still withdrawn on schedule/);
    await expect.poll(() => page.getByTestId("campaign-status").textContent()).toBe("stopped");
    const joe = page.locator("tr[data-enrollment]", { hasText: "Joe Bloggs" });
    await joe.getByText("stopped").waitFor(); // the enrollment list is read again
    expect(await joe.getByRole("button", { name: "Remove Joe Bloggs" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Pause q1" }).count()).toBe(0);
    await e.screenshot("campaign-stopped");

    await page.getByRole("button", { name: "Delete q1" }).click();
    await page.getByText("No campaigns yet.").waitFor();
    expect(e.dialogs[2]).toMatch(/Delete campaign q1\?/);
    expect(await e.api("GET", "/v1/campaigns")).toMatchObject({ campaigns: [] });
    expect(e.pageErrors.filter((m) => !/status of 401/.test(m))).toEqual([]);
  });
});
