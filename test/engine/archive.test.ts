import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadGovernorState } from "../../src/core/governor/index.js";
import { LinkpaceError } from "../../src/core/errors.js";
import { DAY, HOUR, MINUTE, WEEK, formatInstant, parseInstant } from "../../src/core/time.js";
import { accountStatus } from "../../src/engine/account-status.js";
import { readLinkedInArchive } from "../../src/io/linkedin-archive/index.js";
import type { EnrollmentRow } from "../../src/store/store.js";
import {
  BOM,
  connectedOn,
  connectionsCsv,
  invitationsCsv,
  messageDate,
  messagesCsv,
  profileCsv,
  sentAt,
  writeArchiveFolder,
  writeArchiveZip,
  type ArchiveContent,
  type ConnectionRow,
  type InvitationRow,
  type MessageRow,
} from "../fixtures/linkedin-archive/archive-builder.js";
import { accountDoc, campaignDoc } from "../support/docs.js";
import { harness, prospect, type Harness } from "../support/harness.js";

const at = (iso: string): number => parseInstant(iso) as number;
const iso = (t: number): string => new Date(t).toISOString();
const ALICE = "https://www.linkedin.com/in/alice-martin";
const url = (slug: string): string => `https://www.linkedin.com/in/${slug}`;

interface Export {
  connections?: ConnectionRow[];
  invitations?: InvitationRow[];
  messages?: MessageRow[];
}

let n = 0;
/** Writes the export as a zip (every other time a folder) and reads it back, as the command does. */
function archive(e: Export): ReturnType<typeof readLinkedInArchive> {
  const files: ArchiveContent = {
    "Connections.csv": BOM + connectionsCsv(e.connections ?? []),
    "Invitations.csv": invitationsCsv(e.invitations ?? []),
    "messages.csv": messagesCsv(e.messages ?? []),
    "Profile.csv": profileCsv("Alice", "Martin"),
  };
  const dir = mkdtempSync(join(tmpdir(), "linkpace-archive-engine-"));
  n++;
  return readLinkedInArchive(
    n % 2 === 0 ? writeArchiveFolder(dir, files) : writeArchiveZip(join(dir, "Basic_LinkedInDataExport_03-10-2027.zip"), files),
  );
}

const outgoing = (slug: string, when: string, message = ""): InvitationRow => ({
  from: "Alice Martin",
  to: `${slug[0]!.toUpperCase()}${slug.slice(1)} Smith`,
  sentAt: sentAt(when),
  message,
  direction: "OUTGOING",
  inviter: ALICE,
  invitee: url(slug),
});
const connection = (slug: string, day: string): ConnectionRow => ({
  first: slug,
  last: "Smith",
  url: url(slug),
  company: "Acme",
  position: "CTO",
  on: connectedOn(day),
});
const message = (from: string, to: string, when: string, content: string): MessageRow => ({
  conversation: `conv-${[from, to].sort().join("-")}`,
  from: from === "alice-martin" ? "Alice Martin" : from,
  senderUrl: url(from),
  to,
  recipientUrls: url(to),
  date: messageDate(when),
  content,
});

async function enrollmentOf(h: Harness, slug: string): Promise<EnrollmentRow> {
  const ids = await h.app.store.findPersonIds(1, [url(slug)]);
  const account = await h.app.account("alice");
  const e = await h.app.store.latestEnrollment(account.id, ids.get(url(slug))!);
  if (!e) throw new Error(`no enrollment for ${slug}`);
  return e;
}

async function status(h: Harness) {
  return accountStatus(h.app.store, await h.app.account("alice"), h.clock.now());
}

/** Everything an import may write, to compare before and after a second import. */
async function snapshot(h: Harness): Promise<unknown> {
  const store = h.app.store;
  const enrollments: unknown[] = [];
  for (let id = 1; ; id++) {
    const e = await store.getEnrollment(id);
    if (!e) break;
    enrollments.push(e);
  }
  const persons: unknown[] = [];
  for (let id = 1; ; id++) {
    const p = await store.getPerson(id);
    if (!p) break;
    persons.push(p);
  }
  return {
    enrollments,
    persons,
    account: (await h.app.account("alice")).state,
    campaigns: (await store.listCampaigns(1)).map((c) => c.name),
    log: (await store.readLog(1, null, 10_000)).length,
    notifications: (await store.readNotifications(1, 0, 10_000)).length,
  };
}

const twoMessages = campaignDoc({
  steps: [
    { kind: "connect", after: 0, note: "Hi {{ firstName }}!", noteFallback: "blank", withdrawAfter: 21 * DAY },
    { kind: "message", after: DAY, text: "One" },
    { kind: "message", after: DAY, text: "Two" },
  ],
});

describe("importing LinkedIn's data export", () => {
  it("marks a pending invitation accepted at the noon of Connected On, and the campaign's message follows", async () => {
    const h = await harness(accountDoc(), [campaignDoc()]);
    await h.app.enroll("c1", [{ prospect: prospect("jane") }]);
    await h.runUntil("2027-03-03T00:00:00Z");
    const connect = h.channel.requests.find((r) => r.kind === "connect")!;
    await h.runUntil("2027-03-04T08:00:00Z");
    expect((await status(h)).pending.count).toBe(1);
    // The export also lists linkpace's own invitation (minute precision): it is not adopted a second time.
    const facts = archive({ invitations: [outgoing("jane", iso(connect.at))], connections: [connection("jane", "2027-03-03T00:00:00Z")] });
    const r = await h.app.importLinkedInArchive("alice", facts);
    expect(r).toMatchObject({
      connections: 1,
      accepted: 1,
      alreadyConnected: 0,
      invitationsAdopted: 0,
      replies: 0,
      messagesSeen: 0,
      problems: [],
    });
    const e = await enrollmentOf(h, "jane");
    expect(e.acceptedAt).toBe(at("2027-03-03T12:00:00Z"));
    expect(e).toMatchObject({ status: "ready", nextKind: "message" });
    const s = await status(h);
    expect(s.pending.count).toBe(0);
    expect(s.acceptance.decided).toBe(1);
    expect(s.week.invites.used).toBe(1);
    await h.runUntil("2027-03-10T00:00:00Z");
    const sent = h.channel.requests.filter((q) => q.kind === "message");
    expect(sent.map((q) => q.text)).toEqual(["Thanks Jane"]);
    expect(sent[0]!.at).toBeGreaterThanOrEqual(at("2027-03-05T12:00:00Z"));
  });

  it("never dates an acceptance before the invitation, nor after now", async () => {
    const h = await harness(accountDoc(), [campaignDoc()]);
    await h.app.enroll("c1", [{ prospect: prospect("jane") }]);
    await h.runUntil("2027-03-02T15:00:00Z");
    const connect = h.channel.requests.find((r) => r.kind === "connect")!;
    // Connected "on" the invitation's own day, imported that same morning... and at noon the day before.
    const r = await h.app.importLinkedInArchive("alice", archive({ connections: [connection("jane", "2027-03-01T00:00:00Z")] }));
    expect(r.accepted).toBe(1);
    expect((await enrollmentOf(h, "jane")).acceptedAt).toBe(connect.at);
  });

  it("adopts invitations sent by hand: counted in the rolling week and the pending cap, withdrawn after 21 days", async () => {
    const h = await harness(accountDoc(), [campaignDoc()]);
    await h.runUntil("2027-03-03T10:00:00Z");
    const facts = archive({
      invitations: [
        outgoing("bob", "2027-03-02T15:14:00Z", "Hi Bob,\nmet you at the meetup."),
        outgoing("carl", "2027-02-01T09:00:00Z"),
        {
          from: "Dana Lee",
          to: "Alice Martin",
          sentAt: sentAt("2027-03-02T08:00:00Z"),
          direction: "INCOMING",
          inviter: url("dana-lee"),
          invitee: ALICE,
        },
      ],
    });
    const r = await h.app.importLinkedInArchive("alice", facts);
    expect(r).toMatchObject({
      invitationsAdopted: 2,
      adoptedInto: [{ campaign: "alice-adopted", invitations: 2 }],
      adoptedCampaign: "alice-adopted",
      problems: [],
    });
    const campaign = await h.app.campaign("alice-adopted");
    expect(campaign.doc.steps).toEqual([{ kind: "connect", after: 0, note: null, noteFallback: "blank", withdrawAfter: 21 * DAY }]);
    const bob = await enrollmentOf(h, "bob");
    expect(bob).toMatchObject({
      campaignId: campaign.id,
      status: "invited",
      invitedAt: at("2027-03-02T15:14:00Z"),
      inviteNote: "Hi Bob,\nmet you at the meetup.",
      nextKind: "withdraw",
    });
    expect(bob.readyAt).toBeGreaterThanOrEqual(at("2027-03-23T15:14:00Z"));
    expect(bob.readyAt).toBeLessThan(at("2027-03-24T18:00:00Z"));
    const bobPerson = await h.app.store.getPerson(bob.personId);
    expect(bobPerson).toMatchObject({ firstName: "Bob", lastName: "Smith", connected: false });
    const s = await status(h);
    expect(s.week.invites.used).toBe(1); // carl's is older than a week
    expect(s.pending.count).toBe(2);
    const state = loadGovernorState((await h.app.account("alice")).state);
    expect(state.inviteTimes).toEqual([at("2027-03-02T15:14:00Z")]);
    const listed = await h.app.store.listInvitations(1, {});
    expect(listed.map((i) => [i.displayUrl, i.campaignName])).toEqual([
      [url("bob"), "alice-adopted"],
      [url("carl"), "alice-adopted"],
    ]);
    // Carl's invitation is past its 21 days: withdrawn in the sender's next working hours; Bob's on day 21.
    await h.runUntil("2027-03-04T00:00:00Z");
    expect(h.channel.requests.map((q) => [q.kind, q.prospect.url])).toEqual([["withdraw", url("carl")]]);
    expect((await status(h)).pending.count).toBe(1);
    await h.runUntil("2027-03-26T00:00:00Z");
    const bobWithdrawal = h.channel.requests.find((q) => q.kind === "withdraw" && q.prospect.url === url("bob"))!;
    expect(bobWithdrawal.at).toBeGreaterThanOrEqual(at("2027-03-23T15:14:00Z"));
    // A later export still lists the old invitation: not adopted again after its withdrawal.
    const again = await h.app.importLinkedInArchive("alice", facts);
    expect(again.invitationsAdopted).toBe(0);
  });

  it("fills the rolling week so the governor sends fewer invitations", async () => {
    const h = await harness(accountDoc({ limits: { invitesPerWeek: 3, invitesPerDay: 20 } }), [
      campaignDoc({ steps: [{ kind: "connect", after: 0, note: null, noteFallback: "blank", withdrawAfter: null }] }),
    ]);
    await h.app.enroll(
      "c1",
      ["p1", "p2", "p3"].map((s) => ({ prospect: prospect(s) })),
    );
    await h.runUntil("2027-03-01T06:00:00Z");
    await h.app.importLinkedInArchive(
      "alice",
      archive({ invitations: [outgoing("bob", "2027-02-28T10:00:00Z"), outgoing("carl", "2027-02-28T11:00:00Z")] }),
    );
    await h.runUntil("2027-03-06T00:00:00Z");
    // Two of three places in the rolling week are taken by hand-sent invitations until 2027-03-07.
    expect(h.channel.requests.filter((q) => q.kind === "connect")).toHaveLength(1);
    await h.runUntil("2027-03-09T00:00:00Z");
    expect(h.channel.requests.filter((q) => q.kind === "connect")).toHaveLength(3);
  });

  it("records a hand-sent invitation on an enrollment that had not invited yet, which then follows its campaign", async () => {
    const h = await harness(accountDoc(), [campaignDoc()]);
    await h.app.enroll("c1", [{ prospect: prospect("dave", { firstName: "Dave" }) }]);
    await h.runUntil("2027-03-01T12:00:00Z");
    expect(h.channel.requests.map((q) => q.kind)).toEqual(["visit"]);
    const r = await h.app.importLinkedInArchive("alice", archive({ invitations: [outgoing("dave", "2027-03-01T11:00:00Z", "Hi Dave")] }));
    expect(r).toMatchObject({ invitationsAdopted: 1, adoptedInto: [{ campaign: "c1", invitations: 1 }] });
    const e = await enrollmentOf(h, "dave");
    expect(e).toMatchObject({
      campaignId: (await h.app.campaign("c1")).id,
      status: "invited",
      step: 2,
      invitedAt: at("2027-03-01T11:00:00Z"),
      inviteNote: "Hi Dave",
    });
    await h.runUntil("2027-03-03T09:00:00Z");
    expect(h.channel.requests.map((q) => q.kind)).toEqual(["visit"]); // no second invitation
    await h.app.importLinkedInArchive(
      "alice",
      archive({
        invitations: [outgoing("dave", "2027-03-01T11:00:00Z", "Hi Dave")],
        connections: [connection("dave", "2027-03-02T00:00:00Z")],
      }),
    );
    await h.runUntil("2027-03-08T00:00:00Z");
    expect(h.channel.requests.map((q) => q.text ?? q.kind)).toEqual(["visit", "Thanks Dave"]);
  });

  it("stops the sequence on a reply, and does not count linkpace's own message as sent by hand", async () => {
    const h = await harness(accountDoc(), [twoMessages]);
    await h.app.enroll("c1", [{ prospect: prospect("jane") }]);
    await h.runUntil("2027-03-01T18:00:00Z");
    await h.app.recordNetworkEvent({ at: at("2027-03-01T18:00:00Z"), kind: "accepted", account: "alice", prospect: url("jane") });
    await h.runUntil("2027-03-04T00:00:00Z");
    const one = h.channel.requests.find((q) => q.text === "One")!;
    const replyAt = iso(one.at + 3 * HOUR);
    const facts = archive({
      messages: [
        message("alice-martin", "jane", iso(one.at + 2 * MINUTE), "One"),
        message("jane", "alice-martin", replyAt, "<p>Thanks, happy to chat!</p>"),
      ],
    });
    const r = await h.app.importLinkedInArchive("alice", facts);
    expect(r).toMatchObject({ replies: 1, messagesSeen: 0 });
    const e = await enrollmentOf(h, "jane");
    expect(e).toMatchObject({ status: "done", endReason: "replied", repliedAt: at(replyAt) });
    await h.runUntil("2027-03-12T00:00:00Z");
    expect(h.channel.requests.map((q) => q.text ?? q.kind)).toEqual(["connect", "One"]);
    const events = (await h.app.store.readLog(1, null, 100)).filter((l) => l.type === "event").map((l) => [l.kind, formatInstant(l.at)]);
    expect(events).toEqual([
      ["accepted", "2027-03-01T18:00:00Z"],
      ["replied", formatInstant(at(replyAt))],
    ]);
  });

  it("ends an enrollment the owner took over by hand: no second first message", async () => {
    const h = await harness(accountDoc(), [campaignDoc()]);
    await h.app.enroll("c1", [{ prospect: prospect("jane") }, { prospect: prospect("kim", { firstName: "Kim" }) }]);
    await h.runUntil("2027-03-03T00:00:00Z");
    const facts = archive({
      connections: [connection("jane", "2027-03-03T00:00:00Z"), connection("kim", "2027-03-03T00:00:00Z")],
      messages: [
        message("alice-martin", "jane", "2027-03-03T14:00:00Z", "Hey Jane, great to connect! Coffee next week?"),
        // Written before the acceptance (an InMail): not a message of this enrollment's conversation.
        message("alice-martin", "kim", "2027-02-20T14:00:00Z", "Hello Kim"),
      ],
    });
    await h.runUntil("2027-03-04T08:00:00Z");
    const r = await h.app.importLinkedInArchive("alice", facts);
    expect(r).toMatchObject({ accepted: 2, messagesSeen: 1, replies: 0 });
    expect(await enrollmentOf(h, "jane")).toMatchObject({
      status: "done",
      endReason: "messaged_by_hand",
      lastMessageAt: at("2027-03-03T14:00:00Z"),
    });
    await h.runUntil("2027-03-12T00:00:00Z");
    expect(h.channel.requests.filter((q) => q.kind === "message").map((q) => q.text)).toEqual(["Thanks Kim"]);
  });

  it("marks people already connected, creating unknown ones, so their campaigns skip the invitation", async () => {
    const h = await harness(accountDoc(), [campaignDoc()]);
    await h.app.enroll("c1", [{ prospect: prospect("lea", { firstName: "Lea" }) }]);
    const r = await h.app.importLinkedInArchive(
      "alice",
      archive({ connections: [connection("lea", "2020-01-06T00:00:00Z"), connection("erin", "2021-05-01T00:00:00Z")] }),
    );
    expect(r).toMatchObject({ connections: 2, accepted: 0, alreadyConnected: 2 });
    const erin = (await h.app.store.findPersonIds(1, [url("erin")])).get(url("erin"))!;
    expect(await h.app.store.getPerson(erin)).toMatchObject({
      firstName: "erin",
      company: "Acme",
      title: "CTO",
      connected: true,
      connectedAt: at("2021-05-01T12:00:00Z"),
    });
    await h.app.enroll("c1", [{ prospect: prospect("erin", { firstName: "Erin" }) }]);
    await h.runUntil("2027-03-08T00:00:00Z");
    expect(h.channel.requests.map((q) => `${q.kind}:${q.prospect.url.slice(28)}`).sort()).toEqual([
      "message:erin",
      "message:lea",
      "visit:erin",
      "visit:lea",
    ]);
  });

  it("matches a Connections row without URL (old export) only to the one invited person of that name", async () => {
    const h = await harness(accountDoc(), [
      campaignDoc({ steps: [{ kind: "connect", after: 0, note: null, noteFallback: "blank", withdrawAfter: null }] }),
    ]);
    await h.app.enroll("c1", [
      { prospect: prospect("jane", { firstName: "Jane", lastName: "Doe" }) },
      { prospect: prospect("john-1", { firstName: "John", lastName: "Roe" }) },
      { prospect: prospect("john-2", { firstName: "John", lastName: "Roe" }) },
    ]);
    await h.runUntil("2027-03-02T00:00:00Z");
    const noUrl = (first: string, last: string): ConnectionRow => ({ first, last, url: "", on: connectedOn("2027-03-01T00:00:00Z") });
    const facts = archive({ connections: [noUrl("jane", "DOE"), noUrl("John", "Roe"), noUrl("Zed", "Nobody")] });
    const r = await h.app.importLinkedInArchive("alice", facts);
    expect(r.accepted).toBe(1);
    expect(r.problems.map((p) => p.reason)).toEqual([
      "John Roe: no profile URL, and this account invited nobody, or several people, of this name before that day",
      "Zed Nobody: no profile URL, and this account invited nobody, or several people, of this name before that day",
    ]);
    expect((await enrollmentOf(h, "jane")).acceptedAt).not.toBeNull();
    expect((await h.app.importLinkedInArchive("alice", facts)).problems).toHaveLength(2);
  });

  it("skips LinkedIn-assistant chats even though they share messages.csv's header", async () => {
    const h = await harness(accountDoc(), [twoMessages]);
    await h.app.enroll("c1", [{ prospect: prospect("jane") }]);
    await h.runUntil("2027-03-01T18:00:00Z");
    const dir = mkdtempSync(join(tmpdir(), "linkpace-archive-engine-"));
    writeArchiveFolder(dir, {
      "Invitations.csv": invitationsCsv([outgoing("jane", iso(h.channel.requests[0]!.at))]),
      "guide_messages.csv": messagesCsv([message("jane", "alice-martin", "2027-03-01T17:00:00Z", "What can I help with?")]),
    });
    const r = await h.app.importLinkedInArchive("alice", readLinkedInArchive(dir));
    expect(r).toMatchObject({ replies: 0, invitationsAdopted: 0 });
    expect((await enrollmentOf(h, "jane")).repliedAt).toBeNull();
  });

  it("is idempotent: a second import of the same export changes and counts nothing; a newer one only what is new", async () => {
    const h = await harness(accountDoc(), [twoMessages]);
    await h.app.enroll("c1", [{ prospect: prospect("jane") }, { prospect: prospect("kim", { firstName: "Kim" }) }]);
    await h.runUntil("2027-03-02T00:00:00Z");
    const first: Export = {
      invitations: [outgoing("bob", "2027-03-01T15:14:00Z", "Hi Bob"), outgoing("carl", "2027-03-01T16:00:00Z")],
      connections: [
        connection("jane", "2027-03-01T00:00:00Z"),
        connection("bob", "2027-03-01T00:00:00Z"),
        connection("old-friend", "2019-03-12T00:00:00Z"),
      ],
      messages: [
        message("bob", "alice-martin", "2027-03-01T20:00:00Z", "Hi Alice!"),
        message("alice-martin", "old-friend", "2027-03-01T21:00:00Z", "Long time"),
      ],
    };
    const r1 = await h.app.importLinkedInArchive("alice", archive(first));
    expect(r1).toMatchObject({
      connections: 3,
      accepted: 2,
      alreadyConnected: 1,
      invitationsAdopted: 2,
      replies: 1,
      messagesSeen: 0,
      problems: [],
    });
    const before = await snapshot(h);
    const r2 = await h.app.importLinkedInArchive("alice", archive(first));
    expect(r2).toMatchObject({
      connections: 0,
      accepted: 0,
      alreadyConnected: 0,
      invitationsAdopted: 0,
      replies: 0,
      messagesSeen: 0,
      problems: [],
    });
    expect(await snapshot(h)).toEqual(before);
    // A week later, a newer export: one more acceptance and one more reply.
    await h.runUntil("2027-03-09T00:00:00Z");
    const newer: Export = {
      invitations: first.invitations,
      connections: [...first.connections!, connection("carl", "2027-03-05T00:00:00Z"), connection("kim", "2027-03-06T00:00:00Z")],
      messages: [
        ...first.messages!,
        message("carl", "alice-martin", "2027-03-07T10:00:00Z", "Hello"),
        message("bob", "alice-martin", "2027-03-07T11:00:00Z", "Again"),
      ],
    };
    const r3 = await h.app.importLinkedInArchive("alice", archive(newer));
    expect(r3).toMatchObject({ connections: 2, accepted: 2, alreadyConnected: 0, invitationsAdopted: 0, replies: 1, messagesSeen: 0 });
    const again = await snapshot(h);
    expect(await h.app.importLinkedInArchive("alice", archive(newer))).toMatchObject({
      connections: 0,
      accepted: 0,
      replies: 0,
      invitationsAdopted: 0,
    });
    expect(await snapshot(h)).toEqual(again);
  });

  it("writes nothing in a dry run, and reports the same counts", async () => {
    const h = await harness(accountDoc(), [campaignDoc()]);
    await h.runUntil("2027-03-02T00:00:00Z");
    const facts = archive({
      invitations: [outgoing("bob", "2027-03-01T15:14:00Z")],
      connections: [connection("erin", "2021-05-01T00:00:00Z")],
    });
    const before = await snapshot(h);
    const dry = await h.app.importLinkedInArchive("alice", facts, { dryRun: true });
    expect(dry).toMatchObject({ invitationsAdopted: 1, alreadyConnected: 1 });
    expect(await snapshot(h)).toEqual(before);
    expect(await h.app.importLinkedInArchive("alice", facts)).toMatchObject({ invitationsAdopted: 1, alreadyConnected: 1 });
  });

  it("reports a hand-sent invitation it cannot adopt, and refuses an unknown account", async () => {
    const h = await harness(accountDoc(), [campaignDoc()]);
    await h.runUntil("2027-03-02T00:00:00Z");
    const r = await h.app.importLinkedInArchive("alice", archive({ invitations: [outgoing("zoe", "2027-03-05T10:00:00Z")] }));
    expect(r.problems).toEqual([
      { file: "Invitations.csv", line: 2, reason: `${url("zoe")}: sent after now; check the clock (LINKPACE_NOW)` },
    ]);
    await expect(h.app.importLinkedInArchive("bob", archive({}))).rejects.toThrow(LinkpaceError);
  });
});

describe("linkpace mark", () => {
  async function invited(): Promise<Harness> {
    const h = await harness(accountDoc(), [campaignDoc()]);
    await h.app.enroll("c1", [{ prospect: prospect("jane") }]);
    await h.runUntil("2027-03-03T00:00:00Z");
    return h;
  }

  it("accepted: the pending invitation is accepted and the message follows; again: already on record", async () => {
    const h = await invited();
    const r = await h.app.mark({ person: "http://linkedin.com/in/Jane/", outcome: "accepted", at: at("2027-03-02T16:00:00Z") });
    expect(r).toMatchObject({
      status: "applied",
      recorded: "accepted",
      person: url("jane"),
      account: "alice",
      campaign: "c1",
      at: "2027-03-02T16:00:00Z",
    });
    expect((await status(h)).pending.count).toBe(0);
    expect((await h.app.mark({ person: url("jane"), outcome: "accepted" })).status).toBe("already");
    await h.runUntil("2027-03-08T00:00:00Z");
    expect(h.channel.requests.map((q) => q.text ?? q.kind)).toEqual(["visit", "connect", "Thanks Jane"]);
  });

  it("declined: closes the invitation (done, pending −1, a decided 0) and nothing more happens", async () => {
    const h = await invited();
    const r = await h.app.mark({ person: url("jane"), outcome: "declined" });
    expect(r).toMatchObject({ status: "applied", recorded: "declined" });
    expect(await enrollmentOf(h, "jane")).toMatchObject({ status: "done", endReason: "declined", readyAt: null });
    const state = loadGovernorState((await h.app.account("alice")).state);
    expect(state).toMatchObject({ pending: 0, decided: [0] });
    expect((await h.app.mark({ person: url("jane"), outcome: "declined" })).status).toBe("already");
    expect((await h.app.mark({ person: url("jane"), outcome: "accepted" })).status).toBe("nothing");
    await h.runUntil("2027-04-01T00:00:00Z");
    expect(h.channel.requests.map((q) => q.kind)).toEqual(["visit", "connect"]);
  });

  it("replied and connected; unknown people, bad URLs and impossible instants are refused", async () => {
    const h = await invited();
    expect(await h.app.mark({ person: url("jane"), outcome: "connected" })).toMatchObject({ status: "applied", recorded: "accepted" });
    expect(await h.app.mark({ person: url("jane"), outcome: "replied" })).toMatchObject({ status: "applied", recorded: "replied" });
    expect(await enrollmentOf(h, "jane")).toMatchObject({ status: "done", endReason: "replied" });
    expect((await h.app.mark({ person: url("jane"), outcome: "replied" })).status).toBe("already");
    expect(await h.app.mark({ person: url("new-friend"), outcome: "connected" })).toMatchObject({
      status: "applied",
      recorded: "connected",
      account: null,
    });
    expect((await h.app.mark({ person: url("new-friend"), outcome: "connected" })).status).toBe("already");
    expect((await h.app.mark({ person: url("new-friend"), outcome: "replied" })).status).toBe("nothing");
    await expect(h.app.mark({ person: url("stranger"), outcome: "accepted" })).rejects.toMatchObject({ code: "not_found" });
    await expect(h.app.mark({ person: "https://example.com/jane", outcome: "accepted" })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(h.app.mark({ person: url("jane"), outcome: "accepted", at: h.clock.now() + WEEK })).rejects.toMatchObject({
      code: "invalid_input",
    });
    await expect(h.app.mark({ person: url("jane"), outcome: "accepted", account: "nobody" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses an acceptance dated before the invitation", async () => {
    const h = await invited();
    await expect(h.app.mark({ person: url("jane"), outcome: "accepted", at: at("2027-03-01T00:00:00Z") })).rejects.toThrow(
      /before the invitation was sent/,
    );
  });
});
