import { describe, expect, it } from "vitest";
import { DAY, HOUR, formatInstant, parseInstant } from "../../src/core/time.js";
import { accountDoc, campaignDoc } from "../support/docs.js";
import { harness, prospect } from "../support/harness.js";

const at = (iso: string): number => parseInstant(iso) as number;

describe("engine", () => {
  it("visits, invites a day later with the rendered note, and messages after acceptance plus the step's delay", async () => {
    const h = await harness(accountDoc(), [campaignDoc()]);
    await h.app.enroll("c1", [{ prospect: prospect("jane") }]);
    await h.runUntil("2027-03-03T00:00:00Z");
    expect(h.channel.requests.map((r) => r.kind)).toEqual(["visit", "connect"]);
    const [visit, connect] = h.channel.requests;
    expect(connect!.at - visit!.at).toBeGreaterThanOrEqual(DAY);
    expect(connect!.note).toBe("Hi Jane!");
    expect(
      await h.app.recordNetworkEvent({
        at: at("2027-03-03T10:00:00Z"),
        kind: "accepted",
        account: "alice",
        prospect: "https://www.linkedin.com/in/jane",
      }),
    ).toBe("applied");
    await h.runUntil("2027-03-10T00:00:00Z");
    const message = h.channel.requests[2]!;
    expect(message.kind).toBe("message");
    expect(message.text).toBe("Thanks Jane");
    expect(message.at).toBeGreaterThanOrEqual(at("2027-03-05T10:00:00Z"));
    expect(h.channel.requests).toHaveLength(3);
  });

  it("skips the invitation for someone already connected and counts the message's delay from the visit", async () => {
    const h = await harness(accountDoc(), [campaignDoc()]);
    await h.app.enroll("c1", [{ prospect: prospect("friend", { connected: true }) }]);
    await h.runUntil("2027-03-08T00:00:00Z");
    expect(h.channel.requests.map((r) => r.kind)).toEqual(["visit", "message"]);
    expect(h.channel.requests[1]!.at - h.channel.requests[0]!.at).toBeGreaterThanOrEqual(2 * DAY);
  });

  it("stops the sequence on a reply", async () => {
    const h = await harness(accountDoc(), [
      campaignDoc({
        steps: [
          { kind: "connect", after: 0, note: null, noteFallback: "blank", withdrawAfter: null },
          { kind: "message", after: DAY, text: "One" },
          { kind: "message", after: DAY, text: "Two" },
        ],
      }),
    ]);
    await h.app.enroll("c1", [{ prospect: prospect("jane") }]);
    await h.runUntil("2027-03-02T00:00:00Z");
    await h.app.recordNetworkEvent({
      at: at("2027-03-02T09:00:00Z"),
      kind: "accepted",
      account: "alice",
      prospect: "https://www.linkedin.com/in/jane",
    });
    await h.runUntil("2027-03-04T00:00:00Z");
    expect(h.channel.requests.map((r) => r.text ?? r.kind)).toEqual(["connect", "One"]);
    await h.app.recordNetworkEvent({
      at: at("2027-03-04T09:00:00Z"),
      kind: "replied",
      account: "alice",
      prospect: "https://www.linkedin.com/in/jane",
    });
    await h.runUntil("2027-03-20T00:00:00Z");
    expect(h.channel.requests.map((r) => r.text ?? r.kind)).toEqual(["connect", "One"]);
  });

  it("sends a blank invitation when the note is unsendable and the fallback is blank, and ends the enrollment with skip", async () => {
    const note = "Hi {{ firstName }} at {{ company }}";
    const blank = await harness(accountDoc(), [
      campaignDoc({ steps: [{ kind: "connect", after: 0, note, noteFallback: "blank", withdrawAfter: null }] }),
    ]);
    await blank.app.enroll("c1", [{ prospect: prospect("jane", { company: "" }) }]);
    await blank.runUntil("2027-03-02T00:00:00Z");
    expect(blank.channel.requests.map((r) => r.note)).toEqual([""]);
    const skip = await harness(accountDoc(), [
      campaignDoc({ steps: [{ kind: "connect", after: 0, note, noteFallback: "skip", withdrawAfter: null }] }),
    ]);
    await skip.app.enroll("c1", [{ prospect: prospect("jane", { company: "" }) }, { prospect: prospect("joe", { firstName: "Joe" }) }]);
    await skip.runUntil("2027-03-02T00:00:00Z");
    expect(skip.channel.requests.map((r) => r.note)).toEqual(["Hi Joe at Acme"]);
    expect((await skip.app.store.enrollmentCounts({})).byEndReason).toMatchObject({ note_unsendable: 1 });
  });

  it("does not invite again for 21 days after cannot_resend_yet", async () => {
    const h = await harness(accountDoc(), [
      campaignDoc({ steps: [{ kind: "connect", after: 0, note: null, noteFallback: "blank", withdrawAfter: null }] }),
    ]);
    h.channel.answer = (r) => (r.kind === "connect" && h.channel.requests.length === 1 ? "cannot_resend_yet" : "ok");
    await h.app.enroll("c1", [{ prospect: prospect("jane") }]);
    await h.runUntil("2027-04-01T00:00:00Z");
    const [first, second] = h.channel.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(21 * DAY);
  });

  it("pauses a campaign and, on resume, keeps each waiting step's own delay", async () => {
    const h = await harness(accountDoc(), [campaignDoc()]);
    await h.app.enroll("c1", [{ prospect: prospect("jane") }]);
    await h.runUntil("2027-03-01T12:00:00Z");
    expect(h.channel.requests.map((r) => r.kind)).toEqual(["visit"]);
    const visited = h.channel.requests[0]!.at;
    await h.app.setCampaignPaused("c1", true);
    await h.runUntil("2027-03-01T15:00:00Z");
    await h.app.setCampaignPaused("c1", false);
    await h.runUntil("2027-03-02T00:00:00Z");
    // The connect waits a day after the visit even though the campaign was resumed earlier.
    expect(h.channel.requests.map((r) => r.kind)).toEqual(["visit"]);
    await h.runUntil("2027-03-03T00:00:00Z");
    expect(h.channel.requests.map((r) => r.kind)).toEqual(["visit", "connect"]);
    expect(h.channel.requests[1]!.at - visited).toBeGreaterThanOrEqual(DAY);
  });

  it("never lets an unreachable prospect block the reachable ones", async () => {
    const h = await harness(accountDoc(), [
      campaignDoc({ steps: [{ kind: "connect", after: 0, note: null, noteFallback: "blank", withdrawAfter: null }] }),
    ]);
    // Honolulu's 09:00-17:00 is 20:00-04:00 in Paris: outside the sender's hours on the first day.
    await h.app.enroll("c1", [
      { prospect: prospect("far", { timezone: "Pacific/Honolulu" }) },
      { prospect: prospect("near", { timezone: "Europe/Berlin" }) },
    ]);
    await h.runUntil("2027-03-01T12:00:00Z");
    expect(h.channel.requests.map((r) => r.prospect.url)).toEqual(["https://www.linkedin.com/in/near"]);
    expect(formatInstant(h.channel.requests[0]!.at)).toMatch(/^2027-03-01T08:/);
  });

  it("withdraws an invitation still pending after withdrawAfter, and never an accepted one", async () => {
    const h = await harness(accountDoc(), [
      campaignDoc({ steps: [{ kind: "connect", after: 0, note: null, noteFallback: "blank", withdrawAfter: 3 * DAY }] }),
    ]);
    await h.app.enroll("c1", [{ prospect: prospect("a") }, { prospect: prospect("b") }]);
    await h.runUntil("2027-03-02T00:00:00Z");
    await h.app.recordNetworkEvent({
      at: at("2027-03-02T12:00:00Z"),
      kind: "accepted",
      account: "alice",
      prospect: "https://www.linkedin.com/in/b",
    });
    await h.runUntil("2027-03-10T00:00:00Z");
    const withdrawals = h.channel.requests.filter((r) => r.kind === "withdraw");
    expect(withdrawals.map((r) => r.prospect.url)).toEqual(["https://www.linkedin.com/in/a"]);
    const sent = h.channel.requests.find((r) => r.kind === "connect" && r.prospect.url.endsWith("/a"))!;
    expect(withdrawals[0]!.at - sent.at).toBeGreaterThanOrEqual(3 * DAY);
    expect(withdrawals[0]!.at - sent.at).toBeLessThan(3 * DAY + 3 * DAY);
    void HOUR;
  });

  it("pauses an account for at least 24 h after a restriction and shows it as paused", async () => {
    const h = await harness(accountDoc(), [campaignDoc({ steps: [{ kind: "visit", after: 0 }] })]);
    h.channel.answer = () => (h.channel.requests.length === 3 ? "restricted" : "ok");
    await h.app.enroll(
      "c1",
      Array.from({ length: 20 }, (_, i) => ({ prospect: prospect(`p${i}`) })),
    );
    await h.runUntil("2027-03-01T10:00:00Z");
    expect(h.channel.requests).toHaveLength(3);
    const restrictedAt = h.channel.requests[2]!.at;
    const { accountStatus } = await import("../../src/engine/account-status.js");
    const status = await accountStatus(h.app.store, await h.app.account("alice"), h.clock.now());
    expect(status.paused).toMatchObject({ until: restrictedAt + 24 * HOUR });
    expect(status.next?.waitsFor).toContain("paused");
    await h.runUntil("2027-03-03T00:00:00Z");
    const after = h.channel.requests.slice(3);
    expect(after.length).toBeGreaterThan(0);
    expect(after[0]!.at - restrictedAt).toBeGreaterThanOrEqual(24 * HOUR);
  });

  it("keeps visits at most five days of invitations ahead of them", async () => {
    const h = await harness(accountDoc({ limits: { invitesPerDay: 4 } }), [campaignDoc()]);
    await h.app.enroll(
      "c1",
      Array.from({ length: 60 }, (_, i) => ({ prospect: prospect(`p${i}`) })),
    );
    await h.runUntil("2027-03-01T23:00:00Z");
    expect(h.channel.requests.filter((r) => r.kind === "visit")).toHaveLength(20);
  });
});
