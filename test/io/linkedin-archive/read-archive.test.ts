import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readLinkedInArchive, type ArchiveFacts } from "../../../src/io/linkedin-archive/index.js";
import {
  BOM,
  OTHER_FILES,
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
  type MessageRow,
} from "../../fixtures/linkedin-archive/archive-builder.js";

const ALICE = "https://www.linkedin.com/in/alice-martin";
const JANE = "https://www.linkedin.com/in/jane-doe";
const BOB = "https://www.linkedin.com/in/bob-stone";
const CARL = "https://www.linkedin.com/in/carl-weiß";
const ms = (iso: string): number => Date.parse(iso);

function temp(): string {
  return mkdtempSync(join(tmpdir(), "linkpace-archive-"));
}

const messages: MessageRow[] = [
  {
    conversation: "2-AAA==",
    from: "Alice Martin",
    senderUrl: ALICE,
    to: "Jane Doe",
    recipientUrls: JANE,
    date: messageDate("2027-03-03T10:00:00Z"),
    content: "Hi Jane, thanks for connecting!",
  },
  {
    conversation: "2-AAA==",
    from: "Jane Doe",
    senderUrl: JANE,
    to: "Alice Martin",
    recipientUrls: ALICE,
    date: messageDate("2027-03-04T08:30:05Z", false),
    content: '<p>Hello Alice,</p><p>sure, let&#39;s talk &amp; see.<br>Jane</p>\nSent from my phone, "really"',
  },
  // A group thread: two recipients besides nobody else; the owner writes to both.
  {
    conversation: "2-GRP==",
    title: "Offsite",
    from: "Alice Martin",
    senderUrl: ALICE,
    to: "Jane Doe, Bob Stone",
    recipientUrls: `${JANE},${BOB}`,
    date: messageDate("2027-03-04T09:00:00Z"),
    content: "Lunch?",
  },
  {
    conversation: "2-GRP==",
    title: "Offsite",
    from: "Bob Stone",
    senderUrl: BOB,
    to: "Alice Martin, Jane Doe",
    recipientUrls: `${ALICE},${JANE}`,
    date: messageDate("2027-03-04T09:05:00Z"),
    content: "Yes!",
  },
  {
    conversation: "2-DRF==",
    from: "Alice Martin",
    senderUrl: ALICE,
    to: "Bob Stone",
    recipientUrls: BOB,
    date: messageDate("2027-03-04T11:00:00Z"),
    content: "unsent",
    draft: true,
  },
];

/** A current Basic export: every known quirk in one place. */
export function currentExport(): ArchiveContent {
  return {
    "Connections.csv":
      BOM +
      connectionsCsv([
        { first: "Jane", last: "Doe", url: JANE, company: "Acme, Inc.", position: "CTO", on: connectedOn("2027-03-02T00:00:00Z") },
        {
          first: "Carl",
          last: "Weiß",
          url: "https://de.linkedin.com/in/carl-wei%C3%9F/",
          company: "Bosch",
          position: "Engineer",
          on: connectedOn("2019-03-12T00:00:00Z", true),
        },
        { first: "No", last: "Url", url: "", company: "Private", position: "", on: "06 Nov 2023" },
        { first: "Bad", last: "Date", url: "https://www.linkedin.com/in/bad-date", on: "Nov 6th, 2023" },
      ]),
    "Invitations.csv": invitationsCsv([
      {
        from: "Alice Martin",
        to: "Bob Stone",
        sentAt: sentAt("2027-03-01T15:14:00Z"),
        message: "Hi Bob,\nmet you at the meetup, let's connect.",
        direction: "OUTGOING",
        inviter: ALICE,
        invitee: BOB,
      },
      {
        from: "Dana Lee",
        to: "Alice Martin",
        sentAt: sentAt("2027-03-01T08:00:00Z"),
        message: "",
        direction: "INCOMING",
        inviter: "https://www.linkedin.com/in/dana-lee",
        invitee: ALICE,
      },
      {
        from: "Alice Martin",
        to: "Eve Adams",
        sentAt: "sometime",
        direction: "OUTGOING",
        inviter: ALICE,
        invitee: "https://www.linkedin.com/in/eve-adams",
      },
    ]),
    "messages.csv": messagesCsv(messages),
    "guide_messages.csv": messagesCsv([
      {
        conversation: "2-BOT==",
        from: "Jane Doe",
        senderUrl: JANE,
        to: "Alice Martin",
        recipientUrls: ALICE,
        date: messageDate("2027-03-05T10:00:00Z"),
        content: "assistant chat",
      },
    ]),
    "learning_coach_messages.csv": BOM + messagesCsv([]),
    "coach_messages.csv": messagesCsv([]),
    "learning_role_play_messages.csv": messagesCsv([]),
    "Profile.csv": BOM + profileCsv("Alice", "Martin"),
    ...OTHER_FILES,
  };
}

function expectCurrent(facts: ArchiveFacts): void {
  expect(facts.files.filter((f) => f.table !== null).map((f) => [f.name, f.table])).toEqual([
    ["Connections.csv", "connections"],
    ["Invitations.csv", "invitations"],
    ["messages.csv", "messages"],
    ["Profile.csv", "profile"],
  ]);
  expect(
    facts.files
      .filter((f) => f.skipped === "LinkedIn assistant chat")
      .map((f) => f.name)
      .sort(),
  ).toEqual(["coach_messages.csv", "guide_messages.csv", "learning_coach_messages.csv", "learning_role_play_messages.csv"]);
  expect(facts.owner).toEqual({ identifiers: [ALICE], source: "invitations" });
  expect(facts.read).toEqual({ connections: 4, invitationsOutgoing: 2, invitationsIncoming: 1, messages: 4, draftsSkipped: 1 });
  // Connections: the preamble is skipped (header on line 4), a URL with a locale host and percent-encoding is
  // canonical, a row without URL is kept without identifiers, a bad date is reported with its line.
  // Facts come in date order.
  expect(facts.connections.map((c) => [c.line, c.firstName, c.identifiers, c.company, new Date(c.connectedOn.at).toISOString()])).toEqual([
    [6, "Carl", [CARL], "Bosch", "2019-03-12T00:00:00.000Z"],
    [7, "No", [], "Private", "2023-11-06T00:00:00.000Z"],
    [5, "Jane", [JANE], "Acme, Inc.", "2027-03-02T00:00:00.000Z"],
  ]);
  // Invitations: the note keeps its line break; the INCOMING row is only counted.
  expect(facts.invitations).toEqual([
    {
      file: "Invitations.csv",
      line: 2,
      sentAt: ms("2027-03-01T15:14:00Z"),
      name: "Bob Stone",
      message: "Hi Bob,\nmet you at the meetup, let's connect.",
      invitee: [BOB],
    },
  ]);
  // Messages: HTML and newlines flattened, group thread to both, the other side's messages.
  expect(facts.messages.map((m) => [m.line, m.fromOwner, m.counterparts, m.text])).toEqual([
    [2, true, [JANE], "Hi Jane, thanks for connecting!"],
    [3, false, [JANE], 'Hello Alice, sure, let\'s talk & see. Jane Sent from my phone, "really"'],
    [5, true, [JANE, BOB], "Lunch?"],
    [6, false, [BOB], "Yes!"],
  ]);
  expect(facts.problems).toEqual([
    { file: "Connections.csv", line: 8, reason: 'Connected On "Nov 6th, 2023" is not a date (expected like 06 Nov 2023)' },
    { file: "Invitations.csv", line: 5, reason: 'Sent At "sometime" is not a date (expected like 5/12/21, 3:14 PM)' },
  ]);
}

describe("readLinkedInArchive", () => {
  it("reads a current export from a folder: headers found by content, BOMs, preamble, quirks", () => {
    expectCurrent(readLinkedInArchive(writeArchiveFolder(temp(), currentExport())));
  });

  it("reads the same export from the zip LinkedIn sends, and finds a renamed table by its header", () => {
    const files = currentExport();
    const zip = writeArchiveZip(join(temp(), "Basic_LinkedInDataExport_03-10-2027.zip"), files);
    expectCurrent(readLinkedInArchive(zip));
    // A table is recognised by its header, not its name.
    const moved = { ...files, "export (1).csv": files["Connections.csv"] as string, "Connections.csv": "" };
    const facts = readLinkedInArchive(writeArchiveFolder(temp(), moved));
    expect(facts.files.find((f) => f.name === "export (1).csv")?.table).toBe("connections");
    expect(facts.connections).toHaveLength(3);
  });

  it("reads old column sets: Connections without URL, Invitations without URL columns, messages without recipient URLs or with attachments", () => {
    const old: ArchiveContent = {
      "Connections.csv": connectionsCsv([{ first: "Jane", last: "Doe", company: "Acme", position: "CTO", on: "12 Mar 19" }], { old: true }),
      "Invitations.csv": invitationsCsv(
        [{ from: "Alice Martin", to: "Bob Stone", sentAt: "5/12/21, 3:14 PM", message: "Hi", direction: "OUTGOING" }],
        { old: true },
      ),
      "messages.csv": messagesCsv(
        [
          { conversation: "c1", from: "Jane Doe", senderUrl: JANE, to: "Alice Martin", date: "2021-05-13 10:00:00 UTC", content: "Hi!" },
          { conversation: "c1", from: "Alice Martin", senderUrl: ALICE, to: "Jane Doe", date: "2021-05-13 11:00:00 UTC", content: "Hello" },
          { conversation: "c2", from: "Alice Martin", senderUrl: ALICE, to: "Ghost", date: "2021-05-14 11:00:00 UTC", content: "Anyone?" },
          { conversation: "c3", from: "Bob Stone", senderUrl: BOB, to: "Alice Martin", date: "2021-05-15 11:00:00", content: "Yo" },
        ],
        "no-recipient-urls",
      ),
      "Profile.csv": profileCsv("Alice", "Martin"),
    };
    const facts = readLinkedInArchive(writeArchiveFolder(temp(), old));
    expect(facts.connections.map((c) => [c.firstName, c.identifiers, new Date(c.connectedOn.at).toISOString()])).toEqual([
      ["Jane", [], "2019-03-12T00:00:00.000Z"],
    ]);
    expect(facts.invitations).toEqual([]);
    // The owner comes from Profile.csv's name among the senders.
    expect(facts.owner).toEqual({ identifiers: [ALICE], source: "profile" });
    expect(facts.messages.map((m) => [m.line, m.fromOwner, m.counterparts])).toEqual([
      [2, false, [JANE]],
      [3, true, [JANE]],
      [5, false, [BOB]],
    ]);
    expect(facts.problems.map((p) => [p.file, p.line, p.reason.slice(0, 40)])).toEqual([
      ["Invitations.csv", 2, "this old export has no inviteeProfileUrl"],
      ["messages.csv", 4, "a message from the owner without recipie"],
    ]);

    const attachments = messagesCsv(
      [
        {
          conversation: "c1",
          from: "Jane Doe",
          senderUrl: JANE,
          to: "Alice Martin",
          recipientUrls: ALICE,
          date: "2023-05-01 14:22:10 UTC",
          content: "Deck attached",
          attachments: "https://www.linkedin.com/dms/prv/deck.pdf",
        },
        {
          conversation: "c2",
          from: "Bob Stone",
          senderUrl: BOB,
          to: "Alice Martin",
          recipientUrls: ALICE,
          date: "2023-05-02 14:22:10 UTC",
          content: "Hi",
        },
      ],
      "attachments",
    );
    const withAttachments = readLinkedInArchive(writeArchiveFolder(temp(), { "messages.csv": attachments }));
    // No invitations, no profile: the owner is the one participant of every conversation.
    expect(withAttachments.owner).toEqual({ identifiers: [ALICE], source: "conversations" });
    expect(withAttachments.messages.map((m) => [m.fromOwner, m.counterparts, m.text])).toEqual([
      [false, [JANE], "Deck attached"],
      [false, [BOB], "Hi"],
    ]);
  });

  it("reports every message when the owner cannot be told, rather than guess", () => {
    const one = messagesCsv([
      {
        conversation: "c1",
        from: "Jane Doe",
        senderUrl: JANE,
        to: "Alice Martin",
        recipientUrls: ALICE,
        date: "2023-05-01 14:22:10 UTC",
        content: "Hi",
      },
    ]);
    const facts = readLinkedInArchive(writeArchiveFolder(temp(), { "messages.csv": one }));
    expect(facts.owner).toBeNull();
    expect(facts.messages).toEqual([]);
    expect(facts.problems).toEqual([
      { file: "messages.csv", line: 2, reason: expect.stringContaining("cannot tell which sender is the account's owner") },
    ]);
  });

  it("counts lines through multi-line cells and reports rows that cannot be read", () => {
    const text = messagesCsv([
      {
        conversation: "c1",
        from: "Jane Doe",
        senderUrl: JANE,
        to: "Alice Martin",
        recipientUrls: ALICE,
        date: "2023-05-01 14:22:10 UTC",
        content: "line one\nline two\nline three",
      },
      {
        conversation: "c1",
        from: "Jane Doe",
        senderUrl: JANE,
        to: "Alice Martin",
        recipientUrls: ALICE,
        date: "01/05/2023 14h22",
        content: "bad date",
      },
      {
        conversation: "c1",
        from: "LinkedIn Member",
        senderUrl: "",
        to: "Alice Martin",
        recipientUrls: ALICE,
        date: "2023-05-01 15:00:00 UTC",
        content: "no url",
      },
    ]);
    const facts = readLinkedInArchive(
      writeArchiveFolder(temp(), {
        "messages.csv": text,
        "Invitations.csv": invitationsCsv([
          { from: "Alice Martin", to: "Bob Stone", sentAt: "5/1/23, 1:00 PM", direction: "OUTGOING", inviter: ALICE, invitee: BOB },
          { from: "Alice Martin", to: "Bob Stone", sentAt: "5/1/23, 1:00 PM", direction: "SIDEWAYS", inviter: ALICE, invitee: BOB },
        ]),
      }),
    );
    expect(facts.messages.map((m) => [m.line, m.text])).toEqual([[2, "line one line two line three"]]);
    expect(facts.problems).toEqual([
      { file: "Invitations.csv", line: 3, reason: 'Direction "SIDEWAYS" is neither OUTGOING nor INCOMING' },
      { file: "messages.csv", line: 5, reason: 'DATE "01/05/2023 14h22" is not a date (expected like 2023-05-01 14:22:10 UTC)' },
      { file: "messages.csv", line: 6, reason: 'no sender profile URL (FROM "LinkedIn Member"), so the sender cannot be identified' },
    ]);
  });

  it("refuses what is not an export: a missing path, a file that is not a zip, an archive with no known table", () => {
    const dir = temp();
    expect(() => readLinkedInArchive(join(dir, "nope.zip"))).toThrow(/nope\.zip: cannot read: no such file or folder/);
    writeFileSync(join(dir, "notes.txt"), "hello");
    expect(() => readLinkedInArchive(join(dir, "notes.txt"))).toThrow(/notes\.txt: not a zip archive/);
    writeFileSync(join(dir, "broken.zip"), Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(() => readLinkedInArchive(join(dir, "broken.zip"))).toThrow(/broken\.zip: the zip archive is damaged/);
    const other = writeArchiveZip(join(dir, "other.zip"), OTHER_FILES);
    expect(() => readLinkedInArchive(other)).toThrow(
      /no Connections\.csv, Invitations\.csv or messages\.csv table found \(files: Email Addresses\.csv, Rich_Media\.csv, Skills\.csv\)/,
    );
  });
});
