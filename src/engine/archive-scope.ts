/**
 * What the phases of an archive import share: the engine's resources bound to the import's one transaction,
 * the account (locked), the instant of the import, and the report being built.
 */
import type { Instant } from "../core/time.js";
import type { ArchiveProblem } from "../io/linkedin-archive/index.js";
import type { AccountRow, Store } from "../store/store.js";
import type { EngineContext } from "./context.js";
import type { Engine } from "./engine.js";

/** What an import changed; every count is of changes, so importing the same archive again counts zero. */
export interface ArchiveChanges {
  /** People newly recorded as connections of the account: accepted + alreadyConnected. */
  connections: number;
  /** Pending invitations of the account that the export shows accepted. */
  accepted: number;
  /** People not known as connections (unknown ones are created) without a pending invitation, now marked connected. */
  alreadyConnected: number;
  /** OUTGOING invitations sent outside linkpace, now tracked. */
  invitationsAdopted: number;
  /** Where they went, by campaign: the person's own campaign, or the account's campaign for adopted invitations. */
  adoptedInto: Array<{ campaign: string; invitations: number }>;
  /** Messages from people the account had invited or written to, after that: replies recorded. */
  replies: number;
  /** Messages the owner sent outside linkpace to people in one of its campaigns, now recorded. */
  messagesSeen: number;
  /**
   * People on the do-not-contact list whom this import gave an enrollment or a new identifier: they end
   * `suppressed` (a pending invitation's withdrawal is made due first), as when an entry is added.
   */
  suppressed: number;
  /** Rows that could not be read or applied, with why (file and line). */
  problems: ArchiveProblem[];
}

export interface ArchiveScope {
  /** The engine context, its store bound to the transaction. */
  ctx: EngineContext;
  tx: Store;
  engine: Engine;
  account: AccountRow;
  now: Instant;
  changes: ArchiveChanges;
  /** People whose enrollment or identifiers this import changed: checked against the do-not-contact list at the end. */
  touched: Set<number>;
  /** Campaign ids created by this import (forgotten from the cache if the transaction is given up). */
  created: number[];
}
