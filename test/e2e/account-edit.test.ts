/**
 * End to end: an account's settings edited on its page. A bad value comes back as a 422 shown next to its
 * field; a Premium upgrade with a higher daily limit changes today's invitation budget on the status card; a
 * learned lower weekly budget stays; a value that looks like HTML is shown as text.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { initialGovernorState } from "../../src/core/governor/index.js";
import { describeInBrowser, startE2E, type E2E } from "./browser.js";

/** A Monday, 09:00 in Paris. */
const T0 = "2027-03-01T08:00:00Z";

describeInBrowser("dashboard: editing an account's settings", () => {
  let e: E2E;

  beforeAll(async () => {
    e = await startE2E({ at: T0 });
    await e.api("POST", "/v1/accounts", { name: "alice", timezone: "Europe/Paris", type: "free", created: "2019-05-01" });
    const alice = (await e.store.getAccount(1, "alice"))!;
    await e.store.updateAccount(alice.id, { state: { ...initialGovernorState(), learnedWeeklyBudget: 60 } });
    await e.signIn();
  });

  afterAll(async () => {
    await e?.close();
  });

  it("edits the type and limits: 422 next to the field, then the budget bar changes and the learned budget stays", async () => {
    const { page } = e;
    await page.goto("/#/accounts/alice");
    const card = page.locator('.account-card[data-account="alice"]');
    const todayInvites = card.locator(".account-section").first().locator(".usage").first();
    await expect.poll(() => todayInvites.locator(".usage-value").textContent()).toBe("0 / 20");

    await page.getByTestId("edit-settings").click();
    await page.getByLabel("Type").selectOption("premium");
    expect(await page.getByLabel("Notes a month (empty: unlimited)").inputValue()).toBe(""); // paid: the free quota goes
    await page.getByLabel("Invitations a day").fill("35");
    await page.getByLabel("Least gap between actions (e.g. 2m, 90s)").fill("<b>soon</b>");
    await page.getByRole("button", { name: "Save" }).click();
    const problem = page.locator('.field-problem[data-field="limits.minGap"]');
    await problem.waitFor();
    expect(await page.getByLabel("Least gap between actions (e.g. 2m, 90s)").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("main b").count()).toBe(0); // the value typed is text in the error, never markup
    await e.screenshot("account-edit-422");

    await page.getByLabel("Least gap between actions (e.g. 2m, 90s)").fill("3m");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Settings saved.").waitFor();
    await expect.poll(() => todayInvites.locator(".usage-value").textContent()).toBe("0 / 35");
    expect(await card.locator(".badge").first().textContent()).toBe("Premium");
    const week = card.locator(".account-section").nth(1);
    expect(await week.locator(".usage-value").textContent()).toBe("0 / 60"); // learned lower budget kept
    const settings = page.locator(".account-settings");
    expect(await settings.textContent()).toMatch(/35 a day, 100 a week.*unlimited.*3m/);
    await e.screenshot("account-edit-saved");

    // Cancel leaves everything as it was.
    await page.getByTestId("edit-settings").click();
    await page.getByLabel("Invitations a day").fill("5");
    await page.getByRole("button", { name: "Cancel" }).click();
    expect(await settings.textContent()).toMatch(/35 a day/);
    expect((await e.store.getAccount(1, "alice"))!.doc).toMatchObject({ type: "premium", limits: { invitesPerDay: 35 } });
    expect(e.pageErrors.filter((m) => !/status of (401|422)/.test(m))).toEqual([]); // 401: before sign-in; 422: the bad value
  });
});
