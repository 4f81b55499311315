/**
 * Messages the owner wrote by hand to a connection linkpace never invited, and that person's answer, as
 * LinkedIn's data export shows them: recorded while the enrollment's task waits (assisted channel), and when the
 * conversation began shortly before the enrollment.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { App } from "../../src/app.js";
import { AssistedChannel } from "../../src/channels/assisted/assisted-channel.js";
import { DAY, HOUR, VirtualClock, parseInstant } from "../../src/core/time.js";
import { readLinkedInArchive } from "../../src/io/linkedin-archive/index.js";
import { openSqliteStore } from "../../src/store/sqlite/open-sqlite.js";
import type { EnrollmentRow } from "../../src/store/store.js";
import { messageDate, messagesCsv, profileCsv, writeArchiveFolder, type MessageRow } from "../fixtures/linkedin-archive/archive-builder.js";
import { accountDoc, campaignDoc } from "../support/docs.js";
import { harness, prospect } from "../support/harness.js";

const at = (iso: string): number => parseInstant(iso) as number;
const iso = (t: number): string => new Date(t).toISOString();
const url = (slug: string): string => `https://www.linkedin.com/in/${slug}`;

const message = (from: string, to: string, when: number, content: string): MessageRow => ({
  conversation: `conv-${to === "alice-martin" ? from : to}`,
  from: from === "alice-martin" ? "Alice Martin" : "Raj Kumar",
  senderUrl: url(from),
  to: to === "alice-martin" ? "Alice Martin" : "Raj Kumar",
  recipientUrls: url(to),
  date: messageDate(iso(when)),
  content,
});

function archive(messages: MessageRow[]): ReturnType<typeof readLinkedInArchive> {
  const dir = mkdtempSync(join(tmpdir(), "linkpace-archive-hand-"));
  return readLinkedInArchive(
    writeArchiveFolder(dir, { "messages.csv": messagesCsv(messages), "Profile.csv": profileCsv("Alice", "Martin") }),
  );
}

async function enrollmentOf(app: App, slug: string): Promise<EnrollmentRow> {
  const id = (await app.store.findPersonIds(1, [url(slug)])).get(url(slug))!;
  return (await app.store.latestEnrollment((await app.account("alice")).id, id))!;
}

/** The default channel: each action waits, in flight, for its owner to report it. */
async function assisted(): Promise<{ app: App; clock: VirtualClock }> {
  const clock = new VirtualClock(at("2027-03-01T08:00:00Z"));
  const app = new App({ store: await openSqliteStore(":memory:"), channel: new AssistedChannel(), clock });
  await app.addAccount(accountDoc());
  await app.createCampaign(campaignDoc());
  await app.enroll("c1", [{ prospect: prospect("raj", { firstName: "Raj", lastName: "Kumar", connected: true }) }]);
  await app.engine.tick(at("2027-03-01T08:00:00Z"));
  expect(await enrollmentOf(app, "raj")).toMatchObject({ status: "in_flight", nextKind: "visit" });
  return { app, clock };
}

describe("messages written by hand to a connection linkpace never invited", () => {
  it("records the owner's message and the answer that day while the visit task waits; the sequence stops", async () => {
    const { app, clock } = await assisted();
    const wrote = at("2027-03-01T09:30:00Z");
    clock.set(at("2027-03-01T16:00:00Z"));
    const r = await app.importLinkedInArchive(
      "alice",
      archive([message("alice-martin", "raj", wrote, "Hi Raj, coffee?"), message("raj", "alice-martin", wrote + 2 * HOUR, "Sure!")]),
    );
    expect(r).toMatchObject({ messagesSeen: 1, replies: 1, problems: [] });
    expect(await enrollmentOf(app, "raj")).toMatchObject({ status: "in_flight", lastMessageAt: wrote, repliedAt: wrote + 2 * HOUR });
    const [task] = await app.store.openTasks((await app.account("alice")).id);
    await app.engine.recordResult(task!.id, "ok", clock.now());
    expect(await enrollmentOf(app, "raj")).toMatchObject({ status: "done", endReason: "replied" });
  });

  it("without an answer, the campaign's message step ends the enrollment instead of sending a first message", async () => {
    const { app, clock } = await assisted();
    clock.set(at("2027-03-01T16:00:00Z"));
    const r = await app.importLinkedInArchive(
      "alice",
      archive([message("alice-martin", "raj", at("2027-03-01T09:30:00Z"), "Hi Raj, coffee?")]),
    );
    expect(r).toMatchObject({ messagesSeen: 1, replies: 0 });
    const [task] = await app.store.openTasks((await app.account("alice")).id);
    await app.engine.recordResult(task!.id, "ok", clock.now());
    expect(await enrollmentOf(app, "raj")).toMatchObject({ status: "ready", lastMessageAt: at("2027-03-01T09:30:00Z") });
    for (let t = clock.now(); t < at("2027-03-10T00:00:00Z"); t += HOUR) await app.engine.tick(t);
    expect(await enrollmentOf(app, "raj")).toMatchObject({ status: "done", endReason: "messaged_by_hand" });
    expect(await app.store.openTasks((await app.account("alice")).id)).toEqual([]);
  });

  it("counts a conversation of the week before the enrollment, not an older one", async () => {
    const h = await harness(accountDoc(), [campaignDoc()], "2027-03-10T08:00:00Z");
    const connected = { lastName: "Kumar", connected: true };
    await h.app.enroll("c1", [
      { prospect: prospect("raj", { firstName: "Raj", ...connected }) },
      { prospect: prospect("old", { firstName: "Old", ...connected }) },
    ]);
    const r = await h.app.importLinkedInArchive(
      "alice",
      archive([
        message("alice-martin", "raj", at("2027-03-10T06:00:00Z"), "Hi Raj"),
        message("raj", "alice-martin", at("2027-03-10T07:00:00Z"), "Hi Alice"),
        message("alice-martin", "old", at("2027-03-10T08:00:00Z") - 8 * DAY, "Long time"),
      ]),
    );
    expect(r).toMatchObject({ messagesSeen: 1, replies: 1 });
    expect(await enrollmentOf(h.app, "raj")).toMatchObject({
      status: "done",
      endReason: "messaged_by_hand",
      repliedAt: at("2027-03-10T07:00:00Z"),
      endedAt: at("2027-03-10T08:00:00Z"),
    });
    await h.runUntil("2027-03-20T00:00:00Z");
    expect(h.channel.requests.filter((q) => q.kind === "message").map((q) => q.text)).toEqual(["Thanks Old"]);
  });
});
