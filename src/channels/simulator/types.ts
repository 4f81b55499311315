/**
 * The simulator's public shapes: the hidden truth of each simulated LinkedIn account, the people the network
 * knows, and the network events it produces (a simulation scenario's `linkedin` truth; the event log's lines).
 */
import type { AccountType, NetworkEventKind } from "../../core/model.js";
import type { Instant } from "../../core/time.js";

/** What LinkedIn knows about an account and linkpace must learn from results (scenario field `linkedin`). */
export interface SimAccountTruth {
  /** Invitations accepted by LinkedIn in any rolling 7×24 h. */
  weeklyInviteLimit: number;
  /** Invitations with a note per UTC calendar month; null: unlimited (paid types). */
  noteQuotaPerMonth: number | null;
  /** Base probability that an invitation is ever accepted, before time-of-day and note factors. */
  acceptance: number;
  /** Probability that a connection replies to the first message. */
  replyRate: number;
  /**
   * How well each variant of a note or message is received, by the variant's name: a positive factor on the
   * acceptance of an invitation sent with it, or on the reply rate of a first message sent with it. Empty, or
   * a variant not named here: 1.
   */
  variantQuality: Record<string, number>;
  /**
   * Acceptance factors by the local hour at which the invitation reaches the person (24 per curve, index = hour),
   * by IANA zone of the person, `"*"` for every zone not named. On top of the built-in business-hours and night
   * factors. Empty: flat (1 at every hour).
   */
  hourCurve: Record<string, number[]>;
}

export interface SimAccountSpec {
  name: string;
  timezone: string;
  type: AccountType;
  truth?: Partial<SimAccountTruth>;
}

export interface SimProspectSpec {
  /** The display identifier, reported in events. */
  url: string;
  /** Every identifier URL of the person; a request naming any of them (or `url`) reaches this person. */
  identifiers: string[];
  /** The prospect's real zone; null: unknown, the inviting account's zone is assumed. */
  timezone: string | null;
  /** Already a first-degree connection: of `account` when given, else of every simulated account. */
  connected: boolean;
  /** The account `connected` refers to. */
  account?: string;
  /** The profile is gone or hidden: every action on it fails with `profile_unavailable`. */
  unavailable?: boolean;
}

export interface SimEvent {
  at: Instant;
  kind: NetworkEventKind;
  account: string;
  /** The prospect's display url; absent on `restricted`. */
  prospect?: string;
}

/**
 * Counters per account. `invitesOk`, `limitRefusals`, `withdrawn` count action results as they are performed;
 * `accepted`, `replies`, `restrictions` count network events already handed out by `takeEventsUntil`, so they
 * always agree with the event list the caller has seen.
 */
export interface SimStats {
  invitesOk: number;
  accepted: number;
  replies: number;
  restrictions: number;
  limitRefusals: number;
  withdrawn: number;
  notesOk: number;
}
