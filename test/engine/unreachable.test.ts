import { describe, expect, it } from "vitest";
import type { CampaignDoc } from "../../src/core/model.js";
import { DAY } from "../../src/core/time.js";
import { unreachableCounts } from "../../src/engine/account-status.js";
import { unreachableReason } from "../../src/engine/windows.js";
import { accountDoc, campaignDoc } from "../support/docs.js";
import { harness, prospect } from "../support/harness.js";

// New York's 08:00-18:00 is 21:00-07:00 (20:00-06:00 in summer) in Shanghai: never inside 09:00-17:00 there.
const NEW_YORK = accountDoc({ timezone: "America/New_York" });
const LI_WEI = prospect("li-wei", { timezone: "Asia/Shanghai" });
const BERLIN = prospect("anna", { timezone: "Europe/Berlin" });
const REASON =
  "unreachable: Asia/Shanghai 09:00-17:00 (mon-fri) never overlaps alice's working hours 08:00-18:00 (mon-fri) America/New_York";

async function counts(h: Awaited<ReturnType<typeof harness>>) {
  return (await unreachableCounts(h.app.store, [await h.app.account("alice")]))[0];
}

describe("prospects the campaign can never reach", () => {
  it("are refused at enrollment with the reason, never visited, and counted for status", async () => {
    const h = await harness(NEW_YORK, [campaignDoc()]);
    const results = await h.app.enroll("c1", [
      { line: 2, prospect: BERLIN },
      { line: 3, prospect: LI_WEI },
    ]);
    expect(results.map((r) => r.status)).toEqual(["enrolled", "refused"]);
    expect(results[1]).toEqual({ line: 3, status: "refused", person: "https://www.linkedin.com/in/li-wei", reason: REASON });
    await h.runUntil("2027-03-10T00:00:00Z");
    expect(new Set(h.channel.requests.map((r) => r.prospect.url))).toEqual(new Set(["https://www.linkedin.com/in/anna"]));
    // Nothing but the refusal is written: no person, no enrollment.
    expect((await h.app.store.findPersonIds(1, ["https://www.linkedin.com/in/li-wei"])).size).toBe(0);
    expect((await h.app.store.enrollmentCounts({ campaignId: (await h.app.campaign("c1")).id })).byStatus.done).toBe(0);
    expect(await counts(h)).toEqual({ count: 1, campaigns: { c1: 1 } });
  });

  it("count once however often they are imported, not at all in a dry run, and no more once enrolled", async () => {
    const h = await harness(NEW_YORK, [campaignDoc()]);
    await h.app.enroll("c1", [{ prospect: LI_WEI }], { dryRun: true });
    expect(await counts(h)).toEqual({ count: 0, campaigns: {} });
    await h.app.enroll("c1", [{ prospect: LI_WEI }]);
    await h.app.enroll("c1", [
      { prospect: { ...LI_WEI, identifiers: ["https://www.linkedin.com/in/li-wei", "https://www.linkedin.com/in/ACoAAB12345"] } },
    ]);
    expect(await counts(h)).toEqual({ count: 1, campaigns: { c1: 1 } });
    // Evening hours in New York reach Shanghai's morning: the same person is now enrolled, and no longer counted.
    await h.app.updateAccount("alice", {
      ...NEW_YORK,
      workingHours: { days: ["sun", "mon", "tue", "wed", "thu", "fri"], windows: [{ startMinute: 8 * 60, endMinute: 24 * 60 }] },
    });
    const again = await h.app.enroll("c1", [{ prospect: LI_WEI }]);
    expect(again.map((r) => r.status)).toEqual(["enrolled"]);
    expect(await counts(h)).toEqual({ count: 0, campaigns: {} });
  });

  it("are still refused when already known, and the known person is left as it was", async () => {
    const h = await harness(NEW_YORK, [campaignDoc(), campaignDoc({ name: "visits", steps: [{ kind: "visit", after: 0 }] })]);
    await h.app.enroll("visits", [{ prospect: { ...LI_WEI, company: "Old" } }]);
    await h.runUntil("2027-03-03T00:00:00Z");
    const results = await h.app.enroll("c1", [{ prospect: { ...LI_WEI, company: "New" } }]);
    // Done in the visit campaign, so free to join another: refused only for the hours.
    expect(results[0]).toMatchObject({ status: "refused", reason: REASON });
    const id = (await h.app.store.findPersonIds(1, ["https://www.linkedin.com/in/li-wei"])).get(
      "https://www.linkedin.com/in/li-wei",
    ) as number;
    expect((await h.app.store.getPerson(id))?.company).toBe("Old");
  });

  it("do not exist in a campaign of visits only: the sender's hours are enough", async () => {
    const h = await harness(NEW_YORK, [campaignDoc({ steps: [{ kind: "visit", after: 0 }] })]);
    expect((await h.app.enroll("c1", [{ prospect: LI_WEI }]))[0]?.status).toBe("enrolled");
    await h.runUntil("2027-03-03T00:00:00Z");
    expect(h.channel.requests.map((r) => r.kind)).toEqual(["visit"]);
  });
});

describe("prospects the campaign reaches only in some weeks of the year", () => {
  // Paris 08:00-18:00 against San Francisco 09:00-17:00: nine hours apart in winter (San Francisco opens as Paris
  // closes), eight between the American and the European clock change (14 to 28 March 2027): 17:00-18:00 in Paris.
  const PARIS = accountDoc({ timezone: "Europe/Paris" });
  const SF = prospect("sam", { timezone: "America/Los_Angeles" });

  it("are enrolled, and their connect waits for the weeks that meet instead of ending unreachable", async () => {
    const h = await harness(PARIS, [campaignDoc()], "2027-01-11T00:00:00Z");
    expect((await h.app.enroll("c1", [{ prospect: SF }]))[0]?.status).toBe("enrolled");
    await h.runUntil("2027-03-13T00:00:00Z");
    expect(h.channel.requests.map((r) => r.kind)).toEqual(["visit"]);
    await h.runUntil("2027-03-20T00:00:00Z");
    const connect = h.channel.requests.find((r) => r.kind === "connect");
    expect(connect?.at).toBe(Date.parse("2027-03-15T16:00:00Z"));
  });
});

describe("unreachableReason", () => {
  const now = Date.UTC(2027, 2, 1);
  const connectOnly: CampaignDoc = campaignDoc({
    steps: [{ kind: "connect", after: 0, note: null, noteFallback: "blank", withdrawAfter: 21 * DAY }],
  });
  const fixedZone: CampaignDoc = campaignDoc({
    schedule: { timezone: "Asia/Tokyo", hours: { days: ["sat", "sun"], windows: [{ startMinute: 10 * 60, endMinute: 12 * 60 }] } },
  });
  it.each([
    [
      "a connect in Shanghai from New York",
      { campaign: connectOnly, prospectTz: "Asia/Shanghai", connected: false },
      "Asia/Shanghai 09:00-17:00 (mon-fri) never overlaps",
    ],
    [
      "a connection skips the connect: nothing left to schedule",
      { campaign: connectOnly, prospectTz: "Asia/Shanghai", connected: true },
      null,
    ],
    ["the same from Berlin", { campaign: connectOnly, prospectTz: "Europe/Berlin", connected: false }, null],
    // 08:00 in New York is 17:00 in Dubai in winter, 16:00 from 14 March: reachable for the rest of the summer.
    [
      "Dubai, which New York reaches only once its clocks go forward",
      { campaign: connectOnly, prospectTz: "Asia/Dubai", connected: false },
      null,
    ],
    [
      "a fixed zone on weekends only, days listed",
      { campaign: fixedZone, prospectTz: "Asia/Tokyo", connected: false },
      "Asia/Tokyo 10:00-12:00 (sat, sun) never overlaps",
    ],
  ])("%s", (_what, input, expected) => {
    const reason = unreachableReason({ account: NEW_YORK, now, ...input });
    if (expected === null) expect(reason).toBeNull();
    else expect(reason).toContain(expected);
  });
});
