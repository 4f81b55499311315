/**
 * Who the account's owner is in messages.csv, which names no "me". In order:
 * 1. the inviter URL of OUTGOING invitations (always the owner; absent in old exports);
 * 2. the sender URL(s) whose FROM name is Profile.csv's name, when that name belongs to one URL only;
 * 3. the one sender or recipient common to every conversation (an export holds only the owner's
 *    conversations), when there are at least two conversations and exactly one such URL.
 * 1 and 2 are combined (the same owner may be spelled by slug and by member id). Nothing else is tried.
 */
import type { RawMessage } from "./messages-table.js";
import type { ArchiveOwner } from "./types.js";

export interface OwnerClues {
  inviterUrls: string[];
  /** "First Last" from Profile.csv, or null. */
  profileName: string | null;
  messages: RawMessage[];
}

export function resolveOwner(clues: OwnerClues): ArchiveOwner | null {
  const byName = clues.profileName === null ? [] : sendersNamed(clues.messages, clues.profileName);
  if (clues.inviterUrls.length > 0) return { identifiers: [...new Set([...clues.inviterUrls, ...byName])], source: "invitations" };
  if (byName.length > 0) return { identifiers: byName, source: "profile" };
  const common = commonParticipant(clues.messages);
  return common === null ? null : { identifiers: [common], source: "conversations" };
}

export function sameName(a: string, b: string): boolean {
  const norm = (s: string): string => s.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
  return norm(a) !== "" && norm(a) === norm(b);
}

/** The one sender URL that writes under this name (several URLs under one name: a namesake, not trusted). */
function sendersNamed(messages: RawMessage[], name: string): string[] {
  const urls = new Set(messages.filter((m) => sameName(m.fromName, name)).map((m) => m.sender));
  return urls.size === 1 ? [...urls] : [];
}

function commonParticipant(messages: RawMessage[]): string | null {
  const byConversation = new Map<string, Set<string>>();
  for (const m of messages) {
    const key = m.conversationId || `${m.file}:${m.line}`;
    const set = byConversation.get(key) ?? new Set<string>();
    set.add(m.sender);
    for (const r of m.recipients ?? []) set.add(r);
    byConversation.set(key, set);
  }
  if (byConversation.size < 2) return null;
  const [first, ...rest] = [...byConversation.values()];
  const common = [...(first ?? [])].filter((url) => rest.every((set) => set.has(url)));
  return common.length === 1 ? (common[0] as string) : null;
}
