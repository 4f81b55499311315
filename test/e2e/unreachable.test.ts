/**
 * End to end: a CSV uploaded to the API with a lead the campaign can never reach (Shanghai from New York's
 * working hours) is refused with its line and reason, /v1/status counts it, and the accounts page says so.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeInBrowser, startE2E, type E2E } from "./browser.js";

/** A Monday, 09:00 in New York. */
const T0 = "2027-03-01T14:00:00Z";
const LEADS =
  "profileUrl,firstName,timezone\nhttps://www.linkedin.com/in/anna,Anna,Europe/Berlin\nhttps://www.linkedin.com/in/li-wei,Wei,Asia/Shanghai\n";

describeInBrowser("dashboard: prospects a campaign can never reach", () => {
  let e: E2E;

  beforeAll(async () => {
    e = await startE2E({ at: T0 });
    await e.api("POST", "/v1/accounts", { name: "alice", timezone: "America/New_York", type: "premium", created: "2019-05-01" });
    await e.api("POST", "/v1/campaigns", { name: "q1", account: "alice", steps: [{ visit: {} }, { connect: { after: "1d" } }] });
  });

  afterAll(async () => {
    await e?.close();
  });

  it("refuses them at import with line and reason, counts them in /v1/status, and shows the count on the account's card", async () => {
    const report = await e.api("POST", "/v1/prospects/import?campaign=q1&file=leads.csv", LEADS, "text/csv");
    expect(report).toMatchObject({
      enrolled: 1,
      rejected: 1,
      rejects: [
        { line: 3, reason: expect.stringMatching(/^https:\/\/www\.linkedin\.com\/in\/li-wei: unreachable: Asia\/Shanghai 09:00-17:00/) },
      ],
    });
    expect(await e.api("GET", "/v1/status")).toMatchObject({
      accounts: [{ name: "alice", unreachable: { count: 1, campaigns: { q1: 1 } } }],
    });
    const { page } = e;
    await e.signIn(); // the accounts page, with the status as of now
    const warning = page.locator('.account-card[data-account="alice"]').getByTestId("unreachable");
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/^1 prospect was refused at import \(q1: 1\): the campaign's hours/);
    await e.screenshot("accounts-unreachable");
  });
});
