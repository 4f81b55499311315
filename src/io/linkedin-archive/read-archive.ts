/**
 * Reads LinkedIn's data export (a zip, a folder, or an uploaded zip's bytes) into facts: OUTGOING invitations,
 * connections, and messages resolved against the owner. Each CSV is decoded like a lead list (UTF-8 with or
 * without BOM, UTF-16, Windows-1252) and recognised by its header; unknown tables are listed and ignored. Rows
 * that cannot be read become problems with their file and line. Throws only when the input is not an export.
 */
import { LinkpaceError } from "../../core/errors.js";
import { decodeCsvBytes } from "../prospect-csv/decode-csv-bytes.js";
import { readArchiveFiles, zipEntries, type ArchiveFile } from "./archive-files.js";
import { readConnections } from "./connections-table.js";
import { findTable, isAssistantChat, type TableHeader } from "./find-table.js";
import { readInvitations } from "./invitations-table.js";
import { readMessages, type RawMessage } from "./messages-table.js";
import { resolveOwner } from "./owner.js";
import { tableRows } from "./table-rows.js";
import type { ArchiveFacts, ArchiveOwner, ArchiveProblem, MessageFact } from "./types.js";

/** What the tables say before the owner is known. */
interface Reading {
  facts: ArchiveFacts;
  inviterUrls: string[];
  raw: RawMessage[];
  profileName: string | null;
}

export function readLinkedInArchive(path: string): ArchiveFacts {
  return readFiles(readArchiveFiles(path), path);
}

/** The same, from the zip's bytes (an upload); `name` names it in errors. */
export function readLinkedInArchiveZip(bytes: Buffer, name: string): ArchiveFacts {
  return readFiles(zipEntries(bytes, name), name);
}

function readFiles(files: ArchiveFile[], path: string): ArchiveFacts {
  const r: Reading = {
    facts: {
      files: [],
      owner: null,
      invitations: [],
      connections: [],
      messages: [],
      problems: [],
      read: { connections: 0, invitationsOutgoing: 0, invitationsIncoming: 0, messages: 0, draftsSkipped: 0 },
    },
    inviterUrls: [],
    raw: [],
    profileName: null,
  };
  for (const file of files) readFile(r, file);
  const { facts } = r;
  if (!facts.files.some((f) => f.table === "connections" || f.table === "invitations" || f.table === "messages")) {
    const seen = facts.files.map((f) => f.name);
    throw new LinkpaceError(
      "invalid_input",
      `${path}: no Connections.csv, Invitations.csv or messages.csv table found (files: ${seen.length === 0 ? "no CSV at all" : seen.slice(0, 12).join(", ") + (seen.length > 12 ? ", …" : "")}); ` +
        `expected LinkedIn's "Get a copy of your data" export (Settings › Data privacy › Get a copy of your data)`,
    );
  }
  facts.owner = resolveOwner({ inviterUrls: [...new Set(r.inviterUrls)], profileName: r.profileName, messages: r.raw });
  facts.messages = resolveMessages(r.raw, facts.owner, facts.problems);
  facts.invitations.sort((a, b) => a.sentAt - b.sentAt || a.line - b.line);
  facts.connections.sort((a, b) => a.connectedOn.at - b.connectedOn.at || a.line - b.line);
  facts.messages.sort((a, b) => a.at - b.at || a.line - b.line);
  facts.problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return facts;
}

function readFile(r: Reading, file: ArchiveFile): void {
  const { facts } = r;
  if (isAssistantChat(file.name)) {
    facts.files.push({ name: file.name, table: null, skipped: "LinkedIn assistant chat" });
    return;
  }
  const text = decodeText(file.bytes);
  const header = text === null ? null : findTable(text);
  if (text === null || header === null) {
    facts.files.push({ name: file.name, table: null, skipped: text === null ? "empty or not text" : "not a table linkpace reads" });
    return;
  }
  facts.files.push({ name: file.name, table: header.table });
  switch (header.table) {
    case "connections":
      facts.connections.push(...readConnections(file.name, text, header, facts.problems, facts.read));
      return;
    case "invitations": {
      const read = readInvitations(file.name, text, header, facts.problems, facts.read);
      facts.invitations.push(...read.facts);
      r.inviterUrls.push(...read.ownerUrls);
      return;
    }
    case "messages":
      r.raw.push(...readMessages(file.name, text, header, facts.problems, facts.read));
      return;
    case "profile":
      r.profileName ??= readProfileName(file.name, text, header);
      return;
    default: {
      const never: never = header.table;
      return never;
    }
  }
}

/** The file as text, or null when it is empty or binary (exports hold empty CSVs for unused features). */
function decodeText(bytes: Buffer): string | null {
  try {
    return decodeCsvBytes(bytes, "").data.toString("utf8");
  } catch {
    return null;
  }
}

function readProfileName(file: string, text: string, header: TableHeader): string | null {
  for (const row of tableRows(file, text, header, [])) {
    const name = `${row.get("firstname")} ${row.get("lastname")}`.trim();
    return name === "" ? null : name;
  }
  return null;
}

/** Who wrote to whom: the owner's messages name their recipients (or, in old exports, the conversation's other senders). */
function resolveMessages(raw: RawMessage[], owner: ArchiveOwner | null, problems: ArchiveProblem[]): MessageFact[] {
  if (owner === null) {
    for (const m of raw) {
      problems.push({
        file: m.file,
        line: m.line,
        reason:
          "cannot tell which sender is the account's owner (no OUTGOING invitation with a profile URL, no Profile.csv name among the senders, no sender common to every conversation)",
      });
    }
    return [];
  }
  const isOwner = (url: string): boolean => owner.identifiers.includes(url);
  const othersIn = new Map<string, Set<string>>();
  for (const m of raw) {
    if (isOwner(m.sender)) continue;
    const set = othersIn.get(m.conversationId) ?? new Set<string>();
    set.add(m.sender);
    othersIn.set(m.conversationId, set);
  }
  const out: MessageFact[] = [];
  for (const m of raw) {
    const base = { file: m.file, line: m.line, at: m.at, conversationId: m.conversationId, text: m.text };
    if (!isOwner(m.sender)) {
      out.push({ ...base, fromOwner: false, counterparts: [m.sender] });
      continue;
    }
    const listed = (m.recipients ?? []).filter((u) => !isOwner(u));
    const counterparts = listed.length > 0 ? listed : m.conversationId === "" ? [] : [...(othersIn.get(m.conversationId) ?? [])];
    if (counterparts.length === 0) {
      problems.push({
        file: m.file,
        line: m.line,
        reason:
          "a message from the owner without recipient profile URLs, in a conversation where nobody else wrote: the recipient cannot be identified",
      });
      continue;
    }
    out.push({ ...base, fromOwner: true, counterparts });
  }
  return out;
}
