/**
 * End to end: the dashboard at the sizes people use. The sign-in page loads without a failed request; at 1366 px
 * the invitations table fits without scrolling sideways; at 390 px (a phone) the navigation folds behind a menu
 * button and no page is wider than the screen. Screenshots of each size are kept in test-artifacts/e2e/.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { MINUTE } from "../../src/core/time.js";
import { describeInBrowser, startE2E, type E2E } from "./browser.js";

/** A Monday, 09:00 in Paris. */
const T0 = "2027-03-01T08:00:00Z";
/** Long but ordinary values: the widths a real lead list brings. */
const PEOPLE = [
  [
    "Maximiliana",
    "Vandenberghe-Oppenheimer",
    "Internationale Handelsgesellschaft Nordrhein",
    "Vice President, Strategic Partnerships EMEA",
  ],
  ["Jean-Baptiste", "de la Fontaine-Rochefoucauld", "Compagnie Générale des Établissements", "Directeur des Systèmes d'Information"],
  ["Ada", "Lovelace", "Analytical Engines", "Engineer"],
];
const CSV =
  "profileUrl,firstName,lastName,company,title,location\n" +
  PEOPLE.map(
    ([first, last, company, title], i) =>
      `https://www.linkedin.com/in/a-rather-long-profile-slug-number-${i + 1},${first},${last},"${company}","${title}","Paris, France"`,
  ).join("\n") +
  "\n";

/** How far the page and each scrolling table reach past their box, in CSS pixels (0: it fits). */
async function overflow(page: Page): Promise<{ page: number; tables: number[] }> {
  return page.evaluate(() => ({
    page: document.documentElement.scrollWidth - window.innerWidth,
    tables: [...document.querySelectorAll(".table-scroll")].map((el) => el.scrollWidth - el.clientWidth),
  }));
}

describeInBrowser("dashboard layout: sign-in without failed requests, 1366 px and 390 px wide", () => {
  let e: E2E;

  beforeAll(async () => {
    e = await startE2E({ at: T0 });
    await e.api("POST", "/v1/accounts", { name: "alice", timezone: "Europe/Paris", type: "premium", created: "2015-06-01" });
    await e.api("POST", "/v1/campaigns", {
      name: "q1",
      account: "alice",
      steps: [{ connect: { note: "Hi {{ firstName }}, your work at {{ company }} caught my eye." } }],
    });
    await e.api("POST", "/v1/prospects/import?campaign=q1", CSV, "text/csv");
    // Three invitations sent, as the runner page would record them; the clock moves while the governor waits.
    for (let sent = 0, moves = 0; sent < PEOPLE.length;) {
      const next = await e.api("POST", "/v1/tasks/next", { account: "alice" });
      if (next.type === "task") {
        await e.api("POST", `/v1/tasks/${next.task.actionId}/report`, { key: "d" });
        sent++;
      } else {
        expect(moves++, "no task within 3 hours of server time").toBeLessThan(12);
        e.clock.advance(15 * MINUTE);
      }
    }
  });

  afterAll(async () => {
    await e?.close();
  });

  it("opens the sign-in page without a failed request or a console error", async () => {
    const context = await e.browser.newContext({ baseURL: e.server.url, viewport: { width: 1366, height: 800 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
    page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
    page.on("response", (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    await page.goto("/");
    await page.getByLabel("API token").waitFor();
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: "test-artifacts/e2e/layout-sign-in.png" });
    expect(problems).toEqual([]);
    // Signing in and out again comes back to a sign-in page that is just as quiet.
    await page.getByLabel("API token").fill(e.token);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Accounts" }).waitFor();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByLabel("API token").waitFor();
    await page.reload();
    await page.getByLabel("API token").waitFor();
    await page.waitForLoadState("networkidle");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("fits the invitations table in 1366 px", async () => {
    await e.signIn();
    const { page } = e;
    await page.setViewportSize({ width: 1366, height: 800 });
    await page.goto("/#/invitations");
    await page.getByRole("link", { name: "Maximiliana Vandenberghe-Oppenheimer" }).waitFor();
    expect(await page.locator("tbody tr").count()).toBe(3);
    await e.screenshot("layout-invitations-1366");
    expect(await overflow(page)).toEqual({ page: 0, tables: [0] });
  });

  it("folds the navigation at 390 px, and the pages fit", async () => {
    const { page } = e;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/#/accounts");
    await page.locator("[data-account=alice]").waitFor();
    const menu = page.getByRole("button", { name: "Menu" });
    await menu.waitFor();
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    const nav = page.getByRole("navigation", { name: "pages" });
    expect(await nav.getByRole("link", { name: "Invitations" }).isVisible()).toBe(false);
    await e.screenshot("layout-390-nav-folded");
    await menu.click();
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    await e.screenshot("layout-390-nav-open");
    await nav.getByRole("link", { name: "Import" }).click();
    const form = page.getByRole("region", { name: "Prospects from a CSV" });
    await form.waitFor();
    expect(await menu.getAttribute("aria-expanded")).toBe("false"); // following a link folds it again
    expect((await overflow(page)).page).toBe(0);
    // The report too: a dry run of a file with a line it cannot use.
    await form.getByLabel("Campaign").selectOption("q1");
    await form.getByLabel("Dry run").check();
    await form.getByLabel("CSV file").setInputFiles({
      name: "more-leads-from-a-tool-with-a-long-export-name.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`${CSV}not-a-profile-but-a-very-long-value-without-any-space-in-it,No,Body,,,\n`),
    });
    await form.getByRole("button", { name: "Import", exact: true }).click();
    await page.getByTestId("csv-report").waitFor();
    await e.screenshot("layout-390-import");
    expect((await overflow(page)).page).toBe(0);

    for (const [path, ready] of [
      ["/#/campaigns", () => page.getByRole("link", { name: "q1" }).first()],
      ["/#/campaigns/q1", () => page.getByTestId("funnel-enrolled")],
      ["/#/editor/q1", () => page.getByLabel("Note template")],
      ["/#/invitations", () => page.getByRole("link", { name: "Ada Lovelace" })],
      ["/#/accounts/alice", () => page.getByTestId("period-invited")],
      ["/#/runner/alice", () => page.locator('[data-testid="task"], [data-testid="wait"]').first()],
      ["/#/runner", () => page.locator('tr[data-account="alice"]')],
      ["/#/today", () => page.locator('.today-account[data-account="alice"]')],
    ] as const) {
      await page.goto(path);
      await ready().waitFor();
      await e.screenshot(`layout-390-${path.slice(3).replace(/\W+/g, "-")}`);
      expect((await overflow(page)).page, path).toBe(0);
    }
    expect(e.pageErrors).toEqual([]);
  });
});
