/**
 * End to end: a campaign whose connect tests two notes (docs/variants.md). Its page shows the Variants table of
 * that step, and editing another field in the dashboard's editor and saving keeps both variants: the form
 * carries the list, it does not flatten it to one note.
 */
import { expect, it } from "vitest";
import { describeInBrowser, e2eWithCampaign } from "./browser.js";

describeInBrowser("dashboard: a campaign with note variants", () => {
  const e = e2eWithCampaign({ at: "2027-03-01T08:00:00Z" });
  const note = [
    { name: "short", text: "Hi {{ firstName }}" },
    { name: "none", text: null },
  ];

  it("shows the Variants table, and Save changes keeps both variants", async () => {
    await e.api("POST", "/v1/campaigns", {
      name: "q2",
      account: "alice",
      schedule: { hours: "09:00-17:00" },
      steps: [{ visit: {} }, { connect: { after: "1d", note } }],
    });
    await e.signIn();
    const { page } = e;
    await page.goto("/#/campaigns/q2");
    const variants = page.getByTestId("variants-step-2");
    await variants.getByRole("heading", { name: "Variants: step 2 (note)" }).waitFor();
    expect(await variants.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-variant")))).toEqual([
      "short",
      "none",
    ]);
    await expect(variants.locator('tr[data-variant="short"] td').first().textContent()).resolves.toBe("short");

    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await page.getByText("Edit campaign q2 (version 1)").waitFor();
    const rows = page.getByTestId("step-2-variants");
    await expect(rows.getByLabel("Variant 1 name").inputValue()).resolves.toBe("short");
    await expect(rows.getByLabel("Variant 1 note template").inputValue()).resolves.toBe("Hi {{ firstName }}");
    await expect(rows.getByLabel("Variant 2 name").inputValue()).resolves.toBe("none");
    await e.screenshot("campaign-variants-editor");
    await page.getByLabel("Hours").fill("09:00-18:00");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(/#\/campaigns\/q2$/);
    expect(e.dialogs.at(-1)).toMatch(/campaign q2 would become version 2/);

    const shown = await e.api("GET", "/v1/campaigns/q2");
    expect(shown.campaign.version).toBe(2);
    expect(shown.campaign.definition.schedule.hours).toBe("09:00-18:00");
    expect(shown.campaign.definition.steps[1].connect.note).toEqual(note);
    await page.getByTestId("variants-step-2").locator('tr[data-variant="none"]').waitFor();
    await e.screenshot("campaign-variants-page");
    expect(e.pageErrors.filter((m) => !/status of 401/.test(m))).toEqual([]);
  });

  it("Add variant turns the note into named rows; the server's problems show under them", async () => {
    const { page } = e;
    await page.goto("/#/editor");
    await page.getByText("New campaign").first().waitFor();
    const step = page.getByTestId("step-2");
    await step.getByRole("button", { name: "Add variant to step 2" }).click();
    const rows = page.getByTestId("step-2-variants");
    await expect(rows.getByLabel("Variant 1 name").inputValue()).resolves.toBe("a");
    await expect(rows.getByLabel("Variant 1 note template").inputValue()).resolves.toMatch(/^Hi \{\{ firstName \}\}, I came across/);
    await rows.getByLabel("Variant 2 name").fill("bad name");
    await rows
      .getByRole("alert")
      .getByText(/variant 2: name must be 1 to 40 letters/)
      .waitFor();
    await rows.getByLabel("Variant 2 name").fill("short");
    await rows.getByLabel("Variant 2 note template").fill("Hi {{ firstName }}");
    await rows.getByLabel("Pause").first().check();
    await page.getByRole("tab", { name: "JSON" }).click();
    const doc = JSON.parse(await page.locator("#campaign-json").inputValue());
    expect(doc.steps[1].connect.note).toEqual([
      { name: "a", text: expect.stringMatching(/^Hi \{\{ firstName \}\}, I came across/), paused: true },
      { name: "short", text: "Hi {{ firstName }}" },
    ]);
  });

  it("shows each variant's rate with its interval, the winner and the chart (analytics answered with results)", async () => {
    const { page } = e;
    const real = await e.api("GET", "/v1/analytics/campaigns/q2");
    const results = [
      { sent: 212, decided: 180, successes: 47, rate: 0.261, low: 0.201, high: 0.328, probabilityBest: 0.03, winner: false },
      { sent: 640, decided: 590, successes: 212, rate: 0.359, low: 0.321, high: 0.398, probabilityBest: 0.97, winner: true },
    ];
    const answer = {
      ...real,
      variants: real.variants.map((s: { variants: object[] }) => ({ ...s, variants: s.variants.map((v, i) => ({ ...v, ...results[i] })) })),
      // Invitations at 10:00 and 15:00, and what send-time learning learnt for the working hours.
      byHour: real.byHour.map((h: { hour: number }) => ({
        ...h,
        ...(h.hour === 10 || h.hour === 15 ? { invited: 20, accepted: 6, decided: 18, rate: 6 / 18 } : {}),
        learned: h.hour >= 9 && h.hour < 17 ? 0.3 : null,
      })),
    };
    await page.route("**/v1/analytics/campaigns/q2", (route) => route.fulfill({ json: answer }));
    await page.goto("/#/campaigns/q2");
    const none = page.getByTestId("variants-step-2").locator('tr[data-variant="none"]');
    await none.getByText("35.9% (32.1–39.8%)").waitFor();
    await expect(none.textContent()).resolves.toMatch(/active · winner64059021235\.9% \(32\.1–39\.8%\)97%/);
    await page.getByRole("img", { name: "Accepted over decided, with the 95% interval" }).waitFor();
    // The hours chart draws the learnt rate of each hour that has one: 09:00 to 16:00.
    await page.getByText(/what linkpace learnt across the workspace/).waitFor();
    await expect(page.locator(".by-hour .chart line.learned").count()).resolves.toBe(8);
    await e.screenshot("campaign-variants-results");
    await page.unroute("**/v1/analytics/campaigns/q2");
  });
});
