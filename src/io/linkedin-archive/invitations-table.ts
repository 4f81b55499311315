/**
 * Invitations.csv: `From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl`. Only OUTGOING rows
 * matter (invitations the owner sent); INCOMING ones are counted and ignored. Old exports have no URL columns:
 * their OUTGOING rows cannot name the invitee and are reported. An OUTGOING row's inviter URL is the owner's.
 */
import { profileIdentifiers } from "../../core/prospect/profile-url.js";
import { parseArchiveDate } from "./archive-dates.js";
import type { TableHeader } from "./find-table.js";
import { hasColumn, tableRows } from "./table-rows.js";
import type { ArchiveCounts, ArchiveProblem, InvitationFact } from "./types.js";

export interface InvitationsRead {
  facts: InvitationFact[];
  /** The owner's profile URLs, from OUTGOING rows' inviter column. */
  ownerUrls: string[];
}

export function readInvitations(
  file: string,
  text: string,
  header: TableHeader,
  problems: ArchiveProblem[],
  read: ArchiveCounts,
): InvitationsRead {
  const facts: InvitationFact[] = [];
  const owner = new Set<string>();
  const hasInvitee = hasColumn(header, "inviteeprofileurl");
  for (const row of tableRows(file, text, header, problems)) {
    const direction = row.get("direction").toUpperCase();
    if (direction === "INCOMING") {
      read.invitationsIncoming++;
      continue;
    }
    if (direction !== "OUTGOING") {
      problems.push({ file, line: row.line, reason: `Direction "${row.get("direction")}" is neither OUTGOING nor INCOMING` });
      continue;
    }
    read.invitationsOutgoing++;
    for (const id of profileIdentifiers([row.get("inviterprofileurl")])) owner.add(id.url);
    const raw = row.get("sentat");
    const sent = parseArchiveDate(raw);
    if (sent === null) {
      problems.push({ file, line: row.line, reason: `Sent At "${raw}" is not a date (expected like 5/12/21, 3:14 PM)` });
      continue;
    }
    const invitee = profileIdentifiers([row.get("inviteeprofileurl")]).map((id) => id.url);
    if (invitee.length === 0) {
      const why = hasInvitee
        ? `inviteeProfileUrl "${row.get("inviteeprofileurl")}" is not a LinkedIn profile URL`
        : "this old export has no inviteeProfileUrl column, so the invitee cannot be identified; request a new export";
      problems.push({ file, line: row.line, reason: why });
      continue;
    }
    facts.push({ file, line: row.line, sentAt: sent.at, name: row.get("to"), message: row.get("message"), invitee });
  }
  return { facts, ownerUrls: [...owner] };
}
