/**
 * End to end: a prospect whose CSV fields look like HTML (`<img onerror>`, `<script>`, an attribute break-out)
 * appears as plain text on the invitations, campaign and accounts pages, and nothing from it runs or becomes an
 * element. CSV data like this is real input (issue 4: "names like <script> are real input").
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeInBrowser, startE2E, type E2E } from "./browser.js";

/** A Monday, 09:00 in Paris: inside the account's and the campaign's hours. */
const T0 = "2027-03-01T08:00:00Z";
const FIRST = "<img src=x onerror=alert(1)>";
const LAST = "<b>Bold</b>";
const COMPANY = "<script>alert(2)</script>";
const TITLE = '"><svg onload=alert(3)>';
const csvField = (s: string) => `"${s.replace(/"/g, '""')}"`;
const LEADS = `profileUrl,firstName,lastName,company,title,location\nhttps://www.linkedin.com/in/xss-test,${[FIRST, LAST, COMPANY, TITLE, "Paris, France"].map(csvField).join(",")}\n`;

describeInBrowser("dashboard: data from a CSV is shown as text", () => {
  let e: E2E;

  /** No element was made from the data: no <img>, <b>, <script> or onload-carrying <svg> in the page's content. */
  const elementsFromData = () => e.page.locator("main img, main b, main script, main [onload], main [onerror]").count();

  beforeAll(async () => {
    e = await startE2E({ at: T0 });
    await e.api("POST", "/v1/accounts", { name: "alice", timezone: "Europe/Paris", type: "free", created: "2019-05-01" });
    await e.api("POST", "/v1/campaigns", {
      name: "q1",
      account: "alice",
      schedule: { timezone: "Europe/Paris", days: ["mon", "tue", "wed", "thu", "fri"], hours: "08:00-18:00" },
      steps: [{ connect: { note: "Hi {{ firstName }} at {{ company }}" } }],
    });
    await e.api("POST", "/v1/prospects/import?campaign=q1", LEADS, "text/csv");
    const next = await e.api("POST", "/v1/tasks/next", { account: "alice" });
    expect(next.type).toBe("task");
    await e.api("POST", `/v1/tasks/${next.task.actionId}/report`, { key: "d" });

    await e.signIn();
  });

  afterAll(async () => {
    await e?.close();
  });

  it("the sent-invitations table", async () => {
    const { page } = e;
    await page.goto("/#/invitations");
    const person = page.getByRole("link", { name: `${FIRST} ${LAST}` });
    await person.waitFor();
    expect(await person.getAttribute("rel")).toBe("noopener noreferrer");
    expect(await page.getByText(COMPANY, { exact: true }).count()).toBe(1);
    expect(await page.getByText(TITLE, { exact: true }).count()).toBe(1);
    const row = page.locator("tr", { has: person });
    expect(await row.locator("td.note").getAttribute("title")).toBe(`Hi ${FIRST} at ${COMPANY}`);
    expect(await elementsFromData()).toBe(0);
    await e.screenshot("data-as-text-invitations");
  });

  it("the campaign page's funnel and enrollments", async () => {
    const { page } = e;
    await page.goto("/#/campaigns/q1");
    await page.getByRole("link", { name: `${FIRST} ${LAST}` }).waitFor();
    expect((await page.getByTestId("funnel-invited").textContent())?.trim()).toBe("1");
    expect(await page.getByText(COMPANY, { exact: true }).count()).toBe(1);
    expect(await elementsFromData()).toBe(0);
    await e.screenshot("data-as-text-campaign");
  });

  it("the accounts page, and no script ran anywhere", async () => {
    const { page } = e;
    await page.goto("/#/accounts");
    const card = page.locator("[data-account=alice]");
    await card.waitFor();
    expect(await card.getByText("1 / 20").count()).toBeGreaterThan(0); // today's invitations against the daily budget
    expect(e.dialogs).toEqual([]);
    // The only console error allowed is the 401 of GET /v1/session before signing in.
    expect(e.pageErrors.filter((m) => !m.includes("401"))).toEqual([]);
  });
});
