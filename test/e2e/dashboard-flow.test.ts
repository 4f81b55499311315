/**
 * End to end, as a new user would go: sign in with a token, add an account, write a campaign in the editor,
 * import a CSV, work three tasks in the runner page, and see the funnel and the charts change. The real
 * server runs on a free loopback port with the engine loop inside, on a virtual clock the test moves when the
 * governor makes the account wait (never sleeping). Each page is kept as a screenshot in test-artifacts/e2e/.
 */
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { MINUTE } from "../../src/core/time.js";
import { describeInBrowser, startE2E, type E2E } from "./browser.js";

/** A Monday, 09:00 in Paris. */
const T0 = "2027-03-01T08:00:00Z";
const PEOPLE = ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Edsger Dijkstra", "Barbara Liskov"];
const CSV =
  "profileUrl,firstName,lastName,company,title,location\n" +
  PEOPLE.map(
    (p, i) => `https://www.linkedin.com/in/person-${i + 1},${p.split(" ")[0]},${p.split(" ")[1]},Acme ${i + 1},Engineer,"Paris, France"`,
  ).join("\n") +
  "\nnot-a-profile,No,Body,,,\n";

describeInBrowser("dashboard: from sign-in to a worked campaign", () => {
  let e: E2E;
  const testId = (id: string) => e.page.getByTestId(id);
  const text = async (id: string) => (await testId(id).first().textContent())?.trim() ?? "";

  beforeAll(async () => {
    e = await startE2E({ at: T0 });
  });

  afterAll(async () => {
    await e?.close();
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === "fail") await e.screenshot(`failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, "-")}`);
  });

  it("signs in with a token and keeps an HttpOnly session cookie, not the token", async () => {
    const { page } = e;
    await page.goto("/");
    await page.getByLabel("API token").waitFor();
    await e.screenshot("01-sign-in");
    await page.getByLabel("API token").fill("lp_wrong");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").waitFor();
    await page.getByLabel("API token").fill(e.token);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Accounts" }).waitFor();
    const cookies = await e.context.cookies();
    expect(cookies).toEqual([expect.objectContaining({ name: "lp_session", httpOnly: true, sameSite: "Strict" })]);
    expect(cookies[0]!.value).not.toBe(e.token);
    expect(await page.evaluate(() => document.cookie)).toBe(""); // not readable by scripts
  });

  it("adds an account with the form", async () => {
    const { page } = e;
    await page.getByLabel("Name").fill("alice");
    await page.getByLabel("Time zone").selectOption("Europe/Paris");
    await page.getByLabel("Type").selectOption("premium");
    await page.getByLabel("Created on LinkedIn (optional)").fill("2015-06-01");
    await page.getByRole("button", { name: "Add account" }).click();
    const card = page.locator("[data-account=alice]");
    await card.waitFor();
    expect(await card.getByText("0 / 20").count()).toBeGreaterThan(0); // today's invitations against the daily cap
    await e.screenshot("02-accounts-new");
  });

  it("writes a campaign in the editor: connect with a personal note, then a message", async () => {
    const { page } = e;
    await page.goto("/#/editor");
    await page.getByLabel("Name").fill("q1");
    await page.getByLabel("Account").selectOption("alice");
    await page.getByLabel("Hours").fill("08:00-18:00");
    await page.getByRole("button", { name: "Remove step 1" }).click(); // the visit: straight to the invitation
    const connect = page.locator("ol.steps > li").first();
    await connect.getByLabel("Wait before this step").fill("");
    await connect.getByLabel("Note template").fill("Hi {{ firstName }}, your work at {{ company }} caught my eye.");
    await testId("preview-empty").waitFor(); // no prospects yet: the preview says so and invents none
    await e.screenshot("03-editor");
    await page.getByRole("button", { name: "Create campaign" }).click();
    await page.getByRole("heading", { name: "q1" }).waitFor();
    await page.getByText("Nobody enrolled yet").waitFor();
  });

  it("imports a CSV with progress and the reject report", async () => {
    const { page } = e;
    await page.goto("/#/import");
    const form = page.getByRole("region", { name: "Prospects from a CSV" });
    await form.getByLabel("Campaign").selectOption("q1");
    await form.getByLabel("CSV file").setInputFiles({ name: "leads.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
    await form.getByRole("button", { name: "Import", exact: true }).click();
    await testId("csv-report").waitFor();
    expect(await text("enrolled")).toBe("5");
    expect(await text("rejected")).toBe("1");
    expect(await testId("rejects").getByText("not-a-profile").count()).toBeGreaterThan(0);
    await e.screenshot("04-import");

    await page.goto("/#/campaigns/q1");
    await testId("funnel-enrolled").waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="funnel-enrolled"]')?.textContent?.trim() === "5");
    expect(await text("funnel-invited")).toBe("0");
  });

  it("shows the editor's live preview for the imported prospects, with the note's length", async () => {
    const { page } = e;
    await page.goto("/#/editor/q1");
    await testId("note-limit").waitFor();
    expect(await text("note-limit")).toBe("300");
    await testId("all-sendable").waitFor();
    expect(await page.getByText("Hi Ada, your work at Acme 1 caught my eye.").count()).toBeGreaterThan(0);
    await e.screenshot("05-editor-preview");
  });

  it("works three tasks in the runner page with the terminal runner's keys", async () => {
    const { page } = e;
    await page.goto("/#/runner/alice");
    const seen: string[] = [];
    while (seen.length < 3) {
      await page.locator('[data-testid="task"], [data-testid="wait"]').first().waitFor();
      // The governor spreads the day's invitations over the working hours: move the server's clock on and ask again.
      for (let moves = 0; (await testId("task").count()) === 0; moves++) {
        expect(moves, "no task within 2 hours of server time").toBeLessThan(8);
        await testId("countdown").waitFor();
        e.clock.advance(15 * MINUTE);
        const answered = page.waitForResponse((r) => r.url().endsWith("/v1/tasks/next"));
        await page.getByRole("button", { name: "Check now" }).click();
        await answered;
        await page.locator('[data-testid="task"], [data-testid="countdown"]').first().waitFor();
      }
      const task = testId("task");
      const id = (await task.getAttribute("data-action-id"))!;
      expect(seen).not.toContain(id);
      expect(await task.getAttribute("data-kind")).toBe("connect");
      const name = await text("task-name");
      expect(PEOPLE.some((p) => name.includes(p))).toBe(true);
      expect(await text("task-text")).toMatch(/^Hi \w+, your work at Acme \d caught my eye\.$/);
      if (seen.length === 0) await e.screenshot("06-runner-task");
      await page.keyboard.press("d");
      seen.push(id);
      await page.waitForFunction((done) => !document.querySelector(`[data-testid="task"][data-action-id="${done}"]`), id);
    }
    await expect.poll(async () => await testId("session-log").locator("li").count()).toBe(3);
    await e.screenshot("07-runner-after");
  });

  it("shows the funnel, the invitations and the charts changed", async () => {
    const { page } = e;
    // An acceptance learned outside the dashboard (as `linkpace mark` or the archive import records it).
    const mark = await e.api("POST", "/v1/mark", { person: "https://www.linkedin.com/in/person-1", outcome: "accepted" });
    expect(mark.status).toBe("applied");

    await page.goto("/#/campaigns/q1");
    await page.waitForFunction(() => document.querySelector('[data-testid="funnel-invited"]')?.textContent?.trim() === "3");
    expect(await text("funnel-enrolled")).toBe("5");
    expect(await text("funnel-accepted")).toBe("1");
    // Acceptance by the recipient's hour: the hour of the acceptance now has a bar.
    const hourBars = page.locator("figure.chart", { hasText: "hour" }).first().locator("rect.bar");
    const heights = await hourBars.evaluateAll((rects) => rects.map((r) => Number(r.getAttribute("height"))));
    expect(heights.some((h) => h > 0)).toBe(true);
    await e.screenshot("08-campaign");

    await page.goto("/#/invitations?campaign=q1");
    await page.getByRole("link", { name: "Ada Lovelace" }).waitFor();
    expect(await page.locator("tbody tr").count()).toBe(3);
    // Withdraw one (the confirmation is accepted by the harness); the row says so, also after a reload.
    const pending = page.locator("tbody tr[data-status=pending]").first();
    const who = (await pending.locator("td.person").getAttribute("title"))!;
    await pending.getByRole("button", { name: `Withdraw invitation to ${who}` }).click();
    const row = page.locator("tbody tr", { has: page.getByRole("link", { name: who }) });
    await row.getByText("withdrawal due").waitFor();
    await page.reload();
    await row.getByText("withdrawal due").waitFor();
    expect(e.dialogs).toEqual([expect.stringMatching(new RegExp(`^Withdraw the invitation to ${who}\\?`))]);
    e.dialogs.length = 0;
    await e.screenshot("09-invitations");

    await page.goto("/#/accounts");
    const card = page.locator("[data-account=alice]");
    await card.waitFor();
    expect(await card.getByText("3 / 20").count()).toBeGreaterThan(0);
    await e.screenshot("10-accounts");

    await page.goto("/#/accounts/alice");
    await testId("period-invited").waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="period-invited"]')?.textContent?.includes("3"));
    expect(await text("period-accepted")).toContain("1");
    expect(await page.locator("figure.chart circle.dot").count()).toBeGreaterThan(0); // the acceptance line has a point
    await e.screenshot("11-account");

    await page.goto("/#/campaigns");
    await page.getByRole("link", { name: "q1" }).first().waitFor();
    await e.screenshot("12-campaigns");
    expect(e.dialogs).toEqual([]);
    expect(e.pageErrors.filter((m) => !m.includes("401"))).toEqual([]);
  });
});
