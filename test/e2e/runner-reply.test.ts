/**
 * End to end, a reply recorded where it is seen: in the dashboard runner the key r opens a box for the pasted
 * reply (Esc cancels it, and letters typed into it never act as the runner's keys), Enter records it through
 * POST /v1/tasks/{id}/reply, the page says the task went back and the sequence stopped and moves on; the API then
 * lists the reply with its text and the enrollment ended "replied"; the Replies page shows it, marks it
 * handled and erases the person who replied. The real server on loopback, on a virtual clock the test moves (never sleeping); screenshots in
 * test-artifacts/e2e/.
 */
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { SECOND } from "../../src/core/time.js";
import { describeInBrowser, startE2E, type E2E } from "./browser.js";

/** A Monday, 09:00 in Paris. */
const T0 = "2027-03-01T08:00:00Z";
const CSV =
  "profileUrl,firstName,lastName,company,title,location\n" +
  'https://www.linkedin.com/in/ada-lovelace,Ada,Lovelace,Analytical Engines,Mathematician,"Paris, France"\n' +
  'https://www.linkedin.com/in/grace-hopper,Grace,Hopper,Navy,Rear Admiral,"Paris, France"\n';
/** Typed key by key: its letters include the runner's keys (d, s, o, c, q, u, a, r), which must not act. */
const FIRST_LINE = "Quite busy this week, but happy to chat.";
const SECOND_LINE = "Could you send a slot for Thursday?";
const REPLY = `${FIRST_LINE}\n${SECOND_LINE}`;

describeInBrowser("dashboard: they replied, from the runner to the Replies page", () => {
  let e: E2E;
  let replied: { id: string; url: string };
  const testId = (id: string) => e.page.getByTestId(id);

  beforeAll(async () => {
    e = await startE2E({ at: T0 });
    await e.api("POST", "/v1/accounts", { name: "alice", timezone: "Europe/Paris", type: "premium", created: "2015-06-01" });
    await e.api("POST", "/v1/campaigns", {
      name: "q1",
      account: "alice",
      schedule: { timezone: "Europe/Paris", days: ["mon", "tue", "wed", "thu", "fri"], hours: "08:00-18:00" },
      steps: [{ connect: { note: "Hi {{ firstName }}, your work at {{ company }} caught my eye." } }],
    });
    expect((await e.api("POST", "/v1/prospects/import?campaign=q1", CSV, "text/csv")).enrolled).toBe(2);
    // A sitting: the tasks come back to back instead of spread over the day.
    await e.api("POST", "/v1/accounts/alice/sitting", { minutes: 30 });
    await e.signIn();
  });

  afterAll(async () => {
    await e?.close();
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === "fail") await e.screenshot(`failed-reply-${ctx.task.name.slice(0, 40).replace(/\W+/g, "-")}`);
  });

  it("records a reply with the key r in the runner, then shows what happened and moves on", async () => {
    const { page } = e;
    await page.goto("/#/runner/alice");
    await page.locator('[data-testid="task"], [data-testid="wait"]').first().waitFor();
    for (let moves = 0; (await testId("task").count()) === 0; moves++) {
      expect(moves, "no task within a minute of server time").toBeLessThan(4);
      e.clock.advance(15 * SECOND);
      const answered = page.waitForResponse((r) => r.url().endsWith("/v1/tasks/next"));
      await page.getByRole("button", { name: "Check now" }).click();
      await answered;
      await page.locator('[data-testid="task"], [data-testid="wait"]').first().waitFor();
    }
    const task = testId("task");
    const id = (await task.getAttribute("data-action-id"))!;
    const url = ((await task.locator(".runner-url").textContent()) ?? "").trim();
    expect(url).toMatch(/^https:\/\/www\.linkedin\.com\/in\/(ada-lovelace|grace-hopper)$/);
    replied = { id, url };

    // r opens the box with the focus in it; Esc closes it and nothing is recorded.
    await page.keyboard.press("r");
    await testId("reply-form").waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("reply-text");
    expect(await page.getByLabel(/Their reply/).inputValue()).toBe(""); // the r itself was not typed into it
    await page.keyboard.type("x");
    await page.keyboard.press("Escape");
    await testId("reply-form").waitFor({ state: "detached" });
    await page.getByText("No reply recorded.").waitFor();
    expect((await e.api("GET", "/v1/replies")).replies).toEqual([]);

    // The button opens it too; typed letters stay text (no outcome reported, no skip, no quit).
    await page.getByRole("button", { name: "r they replied" }).click();
    const box = page.getByLabel(/Their reply/);
    await box.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === "reply-text");
    await page.keyboard.type(FIRST_LINE);
    await page.keyboard.press("Shift+Enter");
    await page.keyboard.type(SECOND_LINE);
    expect(await box.inputValue()).toBe(REPLY);
    expect(new URL(page.url()).hash).toBe("#/runner/alice");
    expect(await task.getAttribute("data-action-id")).toBe(id);
    expect(await page.locator(".runner-log .empty").textContent()).toBe("Nothing yet.");
    await e.screenshot("runner-reply");

    const recorded = page.waitForResponse((r) => r.url().endsWith(`/v1/tasks/${id}/reply`));
    await page.keyboard.press("Enter");
    const answer = await (await recorded).json();
    expect(answer).toMatchObject({ released: true, ended: true, reply: { status: "applied", reply: { text: REPLY } } });
    await expect
      .poll(async () => (await testId("notice").textContent()) ?? "")
      .toContain("Reply recorded with its text. The task was put back unperformed (nothing charged): the sequence has stopped.");
    await page.waitForFunction((gone) => !document.querySelector(`[data-testid="task"][data-action-id="${gone}"]`), id);
    expect(await testId("reply-form").count()).toBe(0);
    expect(await testId("session-log").locator("li").allTextContents()).toEqual([expect.stringContaining("replied, sequence stopped")]);
    await e.screenshot("runner-reply-recorded");
  });

  it("keeps the reply with its text and ends the enrollment, as the API says", async () => {
    const list = await e.api("GET", "/v1/replies");
    expect(list.replies).toEqual([
      expect.objectContaining({
        account: "alice",
        campaign: "q1",
        prospect: expect.objectContaining({ url: replied.url }),
        text: REPLY,
        handled: false,
      }),
    ]);
    const enrollment = (await e.api("GET", "/v1/enrollments")).enrollments.find(
      (x: { prospect: { url: string } }) => x.prospect.url === replied.url,
    );
    expect(enrollment).toMatchObject({ status: "done", endReason: "replied" });
    // The task went back unperformed: no invitation was sent.
    expect((await e.api("GET", "/v1/invitations")).invitations).toEqual([]);
  });

  it("lists the reply on the Replies page with its text, and marks it handled", async () => {
    const { page } = e;
    const [reply] = (await e.api("GET", "/v1/replies")).replies as Array<{ id: number; prospect: { fullName: string } }>;
    await page.goto("/#/replies");
    const item = page.locator(`li.reply[data-reply="${reply!.id}"]`);
    await item.waitFor();
    expect(await item.getByRole("link", { name: reply!.prospect.fullName }).count()).toBe(1);
    expect(await item.getByTestId("reply-text").textContent()).toBe(REPLY);
    expect(await item.getAttribute("data-handled")).toBe("false");

    // A click, not check(): the box shows its new state once the server has answered.
    await item.getByLabel("Handled").click();
    await page.locator(`li.reply[data-reply="${reply!.id}"][data-handled="true"]`).waitFor();
    expect(await item.getByLabel("Handled").isChecked()).toBe(true);
    expect((await e.api("GET", "/v1/replies?handled=true")).replies).toEqual([expect.objectContaining({ id: reply!.id, handled: true })]);
    expect((await e.api("GET", "/v1/replies?handled=false")).replies).toEqual([]);
    await e.screenshot("replies-page");
    expect(e.pageErrors.filter((m) => !/status of 401/.test(m))).toEqual([]);
  });

  it("erases the person who replied from the Replies page, after a confirmation", async () => {
    const { page } = e;
    const [reply] = (await e.api("GET", "/v1/replies")).replies as Array<{ id: number; prospect: { fullName: string } }>;
    const name = reply!.prospect.fullName;
    await page.goto("/#/replies?show=all");
    const item = page.locator(`li.reply[data-reply="${reply!.id}"]`);
    const dialogsBefore = e.dialogs.length;
    await item.getByRole("button", { name: `Erase ${name}` }).click();
    await expect.poll(() => e.dialogs.length).toBe(dialogsBefore + 2);
    expect(e.dialogs[dialogsBefore]).toMatch(new RegExp(`^Erase ${name} everywhere\\?.*do-not-contact list`));
    expect(e.dialogs[dialogsBefore + 1]).toMatch(/^erased person \d+: 1 enrollment/);
    await expect.poll(() => item.count()).toBe(0);
    await page.getByText("No replies match these filters.").waitFor();
    expect((await e.api("GET", "/v1/replies")).replies).toEqual([]);
    const left = (await e.api("GET", "/v1/enrollments")).enrollments.map((x: { prospect: { url: string } }) => x.prospect.url);
    expect(left).not.toContain(replied.url);
    expect(left).toHaveLength(1);
    expect(e.pageErrors.filter((m) => !/status of 401/.test(m))).toEqual([]);
  });
});
