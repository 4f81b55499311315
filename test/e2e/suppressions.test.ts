/**
 * End to end: the dashboard's Do not contact page. From the navigation, a company is added with a reason; the
 * answer says the enrolled person it matched was ended, the list shows the entry (kind, value, reason, date),
 * and Remove takes it off again.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeInBrowser, startE2E, type E2E } from "./browser.js";

describeInBrowser("the Do not contact page", () => {
  let e: E2E;

  beforeAll(async () => {
    e = await startE2E({ at: "2027-03-01T08:00:00Z" });
    await e.api("POST", "/v1/accounts", { name: "alice", timezone: "Europe/Paris", type: "premium", created: "2015-06-01" });
    await e.api("POST", "/v1/campaigns", { name: "q1", account: "alice", steps: [{ visit: {} }] });
    await e.api(
      "POST",
      "/v1/prospects/import?campaign=q1",
      'profileUrl,firstName,company\nhttps://www.linkedin.com/in/jane-doe,Jane,"Acme, Inc."\nhttps://www.linkedin.com/in/joe,Joe,Initech\n',
      "text/csv",
    );
  });

  afterAll(async () => {
    await e?.close();
  });

  it("adds a company, says whom it ended, lists it and removes it", async () => {
    await e.signIn();
    const { page } = e;
    await page.goto("/#/accounts");
    await page.getByRole("navigation", { name: "pages" }).getByRole("link", { name: "Do not contact" }).click();
    await page.getByRole("heading", { name: "Do not contact" }).waitFor();
    await page.getByText("The list is empty.").waitFor();

    const form = page.getByRole("form", { name: "add to the do-not-contact list" });
    await form.getByLabel("Kind").selectOption("company");
    await form.getByLabel("Company").fill("ACME Ltd");
    await form.getByLabel("Reason").fill("customer");
    await form.getByRole("button", { name: "Add" }).click();
    await expect.poll(() => page.getByTestId("suppress-result").textContent()).toBe("Added. 1 enrollment ended.");
    const row = page.locator("[data-testid=suppressions] tbody tr");
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.first().locator("td").allTextContents()).toEqual([
      "company",
      "ACME Ltd",
      "customer",
      expect.stringMatching(/2027/),
      "Remove",
    ]);
    await e.screenshot("do-not-contact");
    const enrollments = await e.api("GET", "/v1/enrollments");
    expect(enrollments.enrollments.map((x: { endReason: string | null }) => x.endReason).sort()).toEqual(["suppressed", null].sort());

    await row.first().getByRole("button", { name: "Remove" }).click();
    await page.getByText("The list is empty.").waitFor();
    expect(await e.api("GET", "/v1/suppressions")).toMatchObject({ suppressions: [] });
  });
});
