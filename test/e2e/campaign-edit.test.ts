/**
 * End to end: editing a live campaign in the dashboard's editor (#/editor/NAME/edit, the Edit button on the
 * campaign's page). Save changes shows what the update would do (the dry run's summary and the texts that
 * would not be sendable) for confirmation, then saves the next version and opens the campaign's page.
 */
import { expect, it } from "vitest";
import { describeInBrowser, e2eWithCampaign } from "./browser.js";

describeInBrowser("dashboard: edit a live campaign", () => {
  const e = e2eWithCampaign({ at: "2027-03-01T08:00:00Z" });

  it("Save changes confirms the dry run, then saves version 2", async () => {
    await e.signIn();
    const { page } = e;
    await page.goto("/#/campaigns/q1");
    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await page.getByText("Edit campaign q1 (version 1)").waitFor();
    await page.getByRole("tab", { name: "JSON" }).click();
    const edited = {
      name: "q1",
      account: "alice",
      steps: [{ visit: { after: "1d" } }, { message: { after: "1d", text: "Hello {{ company }}" } }],
    };
    await page.locator("#campaign-json").fill(JSON.stringify(edited));
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(/#\/campaigns\/q1$/);
    expect(e.dialogs[0]).toMatch(/dry run: campaign q1 would become version 2: .*step 2 \(message\) added/);
    expect(e.dialogs[0]).toMatch(/1 text would not be sendable/);
    expect(e.dialogs[0]).toMatch(/in\/joe: step 2: empty variable company/);
    const shown = await e.api("GET", "/v1/campaigns/q1");
    expect(shown.campaign).toMatchObject({
      version: 2,
      definition: { steps: [{ visit: { after: "1d" } }, { message: { text: "Hello {{ company }}" } }] },
    });
    expect(e.pageErrors.filter((m) => !/status of 401/.test(m))).toEqual([]);
  });
});
