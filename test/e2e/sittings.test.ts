/**
 * End to end, sittings in the dashboard: the Today page's empty states and the plan of a seeded account (kept as
 * a screenshot), the tab title's count of due tasks, the notification permission asked on a click and one
 * notification per suggested sitting, a sitting started and stopped in the runner page with two tasks back to
 * back (and from the list of accounts), and the pacing and sitting gap edited in an account's settings. The real server on loopback, on a virtual clock the test moves (never sleeping); the browser's
 * Notification is replaced by a recorder (a headless browser shows no desktop notifications).
 */
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { MINUTE, SECOND } from "../../src/core/time.js";
import { describeInBrowser, startE2E, type E2E } from "./browser.js";

/** A Monday, 09:00 in Paris. */
const T0 = "2027-03-01T08:00:00Z";
const PARIS = ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Edsger Dijkstra", "Barbara Liskov"];
const NEW_YORK = ["Donald Knuth", "John Backus", "Frances Allen"];
const CSV =
  "profileUrl,firstName,lastName,company,title,location\n" +
  [...PARIS.map((p) => [p, "Paris, France"]), ...NEW_YORK.map((p) => [p, "New York, United States"])]
    .map(
      ([p, where], i) => `https://www.linkedin.com/in/person-${i + 1},${p!.split(" ")[0]},${p!.split(" ")[1]},Acme ${i + 1},CTO,"${where}"`,
    )
    .join("\n") +
  "\n";

/** Stands in for the browser's Notification: records the permission asked and each notification shown (across reloads). */
const NOTIFICATION_RECORDER = `(() => {
  const read = (k) => JSON.parse(localStorage.getItem(k) || "[]");
  const push = (k, v) => localStorage.setItem(k, JSON.stringify([...read(k), v]));
  class RecordedNotification {
    static get permission() { return localStorage.getItem("e2e.permission") || "default"; }
    static requestPermission() {
      push("e2e.asked", Date.now());
      localStorage.setItem("e2e.permission", "granted");
      return Promise.resolve("granted");
    }
    constructor(title, options) { push("e2e.shown", { title, body: (options && options.body) || "" }); }
    close() {}
  }
  window.Notification = RecordedNotification;
})();`;

interface PlanJson {
  at: string;
  accounts: Array<{
    account: string;
    dueNow: number;
    nextSitting: { from: string; until: string; local: string; tasks: number } | null;
    days: Array<{ date: string; total: number; byHour: unknown[]; sittings: Array<{ local: string; tasks: number }> }>;
  }>;
}

describeInBrowser("dashboard: sittings, the Today page and notifications", () => {
  let e: E2E;
  const testId = (id: string) => e.page.getByTestId(id);
  const recorded = (key: string) => e.page.evaluate((k) => JSON.parse(localStorage.getItem(k) || "[]") as unknown[], key);
  const plan = async () => (await e.api("GET", "/v1/plan?days=7")) as PlanJson;
  const title = () => e.page.title();

  beforeAll(async () => {
    e = await startE2E({ at: T0 });
    await e.context.addInitScript(NOTIFICATION_RECORDER);
    await e.signIn();
  });

  afterAll(async () => {
    await e?.close();
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === "fail") await e.screenshot(`failed-sittings-${ctx.task.name.slice(0, 40).replace(/\W+/g, "-")}`);
  });

  it("Today says what to do with no accounts, then with nothing queued; the title shows no count", async () => {
    const { page } = e;
    await page.goto("/#/today");
    await page.getByText("No accounts yet").waitFor();
    expect(await page.getByRole("link", { name: "Today" }).getAttribute("aria-current")).toBe("page");

    await e.api("POST", "/v1/accounts", {
      name: "alice",
      timezone: "Europe/Paris",
      type: "premium",
      created: "2015-06-01",
      pacing: "sittings",
      limits: { sittingGap: "20s" },
    });
    await e.api("POST", "/v1/campaigns", {
      name: "q1",
      account: "alice",
      schedule: { timezone: "recipient", days: ["mon", "tue", "wed", "thu", "fri"], hours: "08:00-18:00" },
      steps: [{ connect: { note: "Hi {{ firstName }}, your work at {{ company }} caught my eye." } }],
    });
    await page.reload();
    const card = page.locator('.today-account[data-account="alice"]');
    await card.getByText("Nothing queued for alice").waitFor();
    expect(await card.getByRole("link", { name: "Import" }).count()).toBe(1);
    expect(await text(card.getByTestId("pacing"))).toBe("works in sittings");
    await expect.poll(title).toBe("linkpace");
    expect(await recorded("e2e.asked")).toEqual([]); // never asked on load
  });

  it("counts the due tasks in the tab title from the plan", async () => {
    const { page } = e;
    await e.api("POST", "/v1/prospects/import?campaign=q1", CSV, "text/csv");
    const p = await plan();
    const due = p.accounts.reduce((n, a) => n + a.dueNow, 0);
    expect(due).toBeGreaterThan(0);
    await page.goto("/#/runner");
    await page.locator('tr[data-account="alice"]').waitFor();
    await expect.poll(title).toBe(`(${due}) linkpace`);
    await page.goto("/#/runner/alice");
    await expect.poll(title).toBe(`(${due}) linkpace`);
    await page.goto("/#/accounts");
    await expect.poll(title).toBe("linkpace"); // a page without the count does not keep a stale one
  });

  it("shows the plan on the Today page: sittings, hours and the coming days", async () => {
    const { page } = e;
    await page.goto("/#/today");
    const card = page.locator('.today-account[data-account="alice"]');
    await card.getByTestId("coming-days").waitFor();
    const a = (await plan()).accounts[0]!;
    expect(await text(card.getByTestId("due-now"))).toBe(String(a.dueNow));
    const rows = card.getByTestId("coming-days").locator("tbody tr");
    expect(await rows.count()).toBe(7);
    expect(await rows.first().getAttribute("data-date")).toBe(a.days[0]!.date);
    expect(await text(rows.first().getByTestId("day-total"))).toBe(String(a.days[0]!.total));
    const today = a.days[0]!;
    expect(today.sittings.length).toBeGreaterThan(0);
    const items = card.getByTestId("sitting");
    expect(await items.count()).toBe(today.sittings.length);
    expect(await text(items.first().locator(".today-local"))).toBe(today.sittings[0]!.local);
    expect(await card.getByTestId("by-hour").locator("rect.bar").count()).toBeGreaterThan(0);
    // The start button stands beside the current or next sitting only.
    expect(await card.getByRole("button", { name: "Start sitting" }).count()).toBe(1);
    await e.screenshot("sittings-today");
  });

  it("asks for notification permission on a click and notifies once when a suggested sitting begins", async () => {
    const { page } = e;
    await page.goto("/#/runner/alice");
    await testId("sitting-wait").waitFor();
    const next = (await plan()).accounts[0]!.nextSitting!;
    expect(next).not.toBeNull();
    // No bare countdown for an account that works in sittings: the next suggested sitting instead.
    await expect.poll(() => text(testId("next-sitting"))).toContain(next.local);
    expect(await testId("countdown").count()).toBe(0);
    await e.screenshot("sittings-runner-wait");
    expect(await recorded("e2e.asked")).toEqual([]);
    await testId("notify-button").click();
    await testId("notify-state").waitFor();
    expect(await recorded("e2e.asked")).toHaveLength(1);

    const check = async () => {
      const answered = page.waitForResponse((r) => r.url().includes("/v1/plan"));
      await page.getByRole("button", { name: "Check now" }).click();
      await answered;
    };
    if (Date.parse(next.from) > e.clock.now()) {
      await check();
      expect(await recorded("e2e.shown")).toEqual([]); // not before it begins
      e.clock.advance(Date.parse(next.from) - e.clock.now());
    }
    await check();
    await expect.poll(() => recorded("e2e.shown")).toHaveLength(1);
    const [shown] = (await recorded("e2e.shown")) as Array<{ title: string; body: string }>;
    expect(shown!.title).toBe("alice: a sitting begins");
    expect(shown!.body).toContain(next.local);
    // Polled again, reloaded, another page: still the one notification for this sitting.
    await check();
    const planned = page.waitForResponse((r) => r.url().includes("/v1/plan"));
    await page.reload();
    await planned;
    await testId("sitting-bar").waitFor();
    const plannedToday = page.waitForResponse((r) => r.url().includes("/v1/plan?days=7"));
    await page.goto("/#/today");
    await plannedToday;
    await page.locator('.today-account[data-account="alice"]').waitFor();
    expect(await recorded("e2e.shown")).toHaveLength(1);
  });

  it("starts a sitting in the runner, hands out two tasks back to back, and stops it", async () => {
    const { page } = e;
    await page.goto("/#/runner/alice");
    await testId("sitting-wait").waitFor();
    expect(await text(testId("sitting-wait"))).toContain("works in sittings");
    await page.getByRole("button", { name: "Start sitting" }).click();
    await testId("sitting-open").waitFor();
    const until = new Date(e.clock.now() + 30 * MINUTE).toLocaleTimeString("en-GB", {
      hour: "2-digit",
      minute: "2-digit",
      timeZone: "Europe/Paris",
    });
    expect(await text(testId("sitting-until"))).toBe(until);
    expect((await e.api("GET", "/v1/tasks")).accounts[0].sitting).not.toBeNull();

    const started = e.clock.now();
    const done: string[] = [];
    while (done.length < 2) {
      await page.locator('[data-testid="task"], [data-testid="wait"]').first().waitFor();
      // Between two tasks only the sitting's gap (20 s with jitter): move the server's clock by seconds, not minutes.
      for (let moves = 0; (await testId("task").count()) === 0; moves++) {
        expect(moves, "no task within a minute of server time").toBeLessThan(4);
        e.clock.advance(15 * SECOND);
        const answered = page.waitForResponse((r) => r.url().endsWith("/v1/tasks/next"));
        await page.getByRole("button", { name: "Check now" }).click();
        await answered;
        await page.locator('[data-testid="task"], [data-testid="wait"]').first().waitFor();
      }
      const id = (await testId("task").getAttribute("data-action-id"))!;
      expect(done).not.toContain(id);
      expect(await testId("task").getAttribute("data-kind")).toBe("connect");
      if (done.length === 0) await e.screenshot("sittings-runner-task");
      await page.keyboard.press("d");
      done.push(id);
      await page.waitForFunction((gone) => !document.querySelector(`[data-testid="task"][data-action-id="${gone}"]`), id);
    }
    expect(e.clock.now() - started).toBeLessThanOrEqual(MINUTE); // back to back: no drip gap of minutes
    await expect.poll(async () => await testId("session-log").locator("li").count()).toBe(2);

    await page.getByRole("button", { name: "Stop sitting" }).click();
    await page.getByText("Sitting stopped.").waitFor();
    expect(await testId("sitting-open").count()).toBe(0);
    expect((await e.api("GET", "/v1/tasks")).accounts[0].sitting).toBeNull();

    // The list of accounts has the same control per account.
    await page.goto("/#/runner");
    const row = page.locator('tr[data-account="alice"]');
    await row.getByRole("button", { name: "Start sitting" }).click();
    await row.getByTestId("sitting-open").waitFor();
    expect((await e.api("GET", "/v1/tasks")).accounts[0].sitting).not.toBeNull();
    await row.getByRole("button", { name: "Stop sitting" }).click();
    await row.getByRole("button", { name: "Start sitting" }).waitFor();
    expect((await e.api("GET", "/v1/tasks")).accounts[0].sitting).toBeNull();
    expect(e.pageErrors.filter((m) => !/status of 401/.test(m))).toEqual([]);
  });

  it("edits the pacing and the sitting gap in the account's settings", async () => {
    const { page } = e;
    await page.goto("/#/accounts/alice");
    await page.getByTestId("edit-settings").click();
    expect(await page.getByLabel("Pacing").inputValue()).toBe("sittings");
    expect(await page.getByLabel("Least gap during a sitting (e.g. 20s)").inputValue()).toBe("20s");
    await page.getByLabel("Pacing").selectOption("drip");
    expect(await text(page.getByTestId("pacing-explain"))).toMatch(/spread over the working hours/);
    await page.getByLabel("Least gap during a sitting (e.g. 20s)").fill("soon");
    await page.getByRole("button", { name: "Save" }).click();
    await page.locator('.field-problem[data-field="limits.sittingGap"]').waitFor();
    await page.getByLabel("Least gap during a sitting (e.g. 20s)").fill("45s");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Settings saved.").waitFor();
    expect((await e.api("GET", "/v1/accounts/alice")).account).toMatchObject({ pacing: "drip", limits: { sittingGap: "45s" } });
    expect(await text(page.locator(".account-settings dl"))).toMatch(/Pacingdrip: .*Least gap during a sitting45s/);
  });
});

async function text(l: { textContent(): Promise<string | null> }): Promise<string> {
  return ((await l.textContent()) ?? "").trim();
}
