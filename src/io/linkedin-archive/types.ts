/**
 * What linkpace reads from LinkedIn's "Get a copy of your data" export:
 * facts, each with the file and line it came from, and the rows that could not be read, with why.
 * Instants are UTC milliseconds; profile URLs are canonical (core/prospect/profile-url.ts).
 */
import type { Instant } from "../../core/time.js";

/** The tables linkpace uses, recognised by their header, never by their file name. */
export type ArchiveTable = "connections" | "invitations" | "messages" | "profile";

export interface ArchiveFileInfo {
  /** The path inside the zip or folder. */
  name: string;
  /** The table its header names, or why it was skipped. */
  table: ArchiveTable | null;
  skipped?: string;
}

export interface ArchiveProblem {
  file: string;
  /** 1-based physical line of the row (0: the file as a whole). */
  line: number;
  reason: string;
}

/** How precise a date of the export is: Connections.csv gives days, Invitations.csv minutes. */
export type DatePrecision = "day" | "minute" | "second";

export interface ArchiveDate {
  at: Instant;
  precision: DatePrecision;
}

/** An OUTGOING row of Invitations.csv: an invitation the owner sent (by hand or through linkpace). */
export interface InvitationFact {
  file: string;
  line: number;
  sentAt: Instant;
  /** The invitee's name as LinkedIn shows it (`To`). */
  name: string;
  /** The note, "" when none. */
  message: string;
  /** The invitee's identifier URLs (never empty). */
  invitee: string[];
}

/** A row of Connections.csv. */
export interface ConnectionFact {
  file: string;
  line: number;
  firstName: string;
  lastName: string;
  company: string;
  position: string;
  /** Identifier URLs; empty when the export has no URL for this row (old exports, some privacy settings). */
  identifiers: string[];
  connectedOn: ArchiveDate;
}

/** A message of messages.csv that is not a draft, resolved against the owner. */
export interface MessageFact {
  file: string;
  line: number;
  at: Instant;
  conversationId: string;
  /** Sent by the account's owner (else by `counterparts[0]`, to the owner and maybe others). */
  fromOwner: boolean;
  /** Owner's messages: their recipients other than the owner; others' messages: the sender. */
  counterparts: string[];
  /** CONTENT as plain text: HTML tags removed, entities decoded, whitespace collapsed. */
  text: string;
}

export interface ArchiveOwner {
  /** The owner's own profile URLs as the export spells them. */
  identifiers: string[];
  /** How they were found: OUTGOING invitations' inviter URL, Profile.csv's name among senders, or the one sender in every conversation. */
  source: "invitations" | "profile" | "conversations";
}

export interface ArchiveCounts {
  connections: number;
  invitationsOutgoing: number;
  invitationsIncoming: number;
  messages: number;
  /** Drafts and LinkedIn-assistant chats are not messages between people. */
  draftsSkipped: number;
}

export interface ArchiveFacts {
  files: ArchiveFileInfo[];
  owner: ArchiveOwner | null;
  invitations: InvitationFact[];
  connections: ConnectionFact[];
  messages: MessageFact[];
  problems: ArchiveProblem[];
  read: ArchiveCounts;
}
