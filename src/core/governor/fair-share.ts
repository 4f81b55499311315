/**
 * Fair share of one account's budgets among its campaigns. The account's daily and weekly budgets are the
 * governor's; which campaign gets the next visit, invitation or message they allow is decided here, by each
 * campaign's `priority` (its weight, 1 by default), so that an old campaign with a big backlog does not take
 * every invitation while a newer one waits.
 *
 * The rule is start-time fair queuing. Per kind, each campaign has a *use*: the actions of that kind it was
 * given, each counting 1 / priority, and the account has a *clock*: the use the last turn started from. The next
 * action goes to the campaign, among those with due work now (the candidates), whose use is lowest (a campaign
 * with no use yet, or one left behind the clock, starts from the clock), then whose use would be lowest after
 * it, then the older (lower id). Two campaigns of equal priority alternate; priorities 2 and 1 give two actions
 * to one for every one to the other, the rounding carried from one day to the next (a 10-a-day budget split 2:1
 * goes 7:3 on some days and 6:4 on others, not 7:3 every day). A campaign with nothing due is no candidate: the
 * others take its share that same day, and as the clock moves on without it, it wins nothing back later. While
 * every candidate stays busy, none is ever behind the clock, so none loses a turn.
 *
 * Withdrawals are not shared: they protect the account and keep the queue's order (oldest due first). A turn is
 * counted when the action is handed out, whatever its result. Pure: the state is the governor's (`share`).
 */
import type { ActionKind, CampaignDoc } from "../model.js";
import type { GovernorState } from "./state.js";

/** The kinds whose budgets are shared among the account's campaigns. */
export const SHARED_KINDS = ["visit", "connect", "message"] as const;
export type SharedKind = (typeof SHARED_KINDS)[number];

/** One shared kind: the clock, and each campaign's use (campaign id as a string, JSON keys) ahead of it. */
export interface KindShare {
  clock: number;
  uses: Record<string, number>;
}

export type ShareUse = Partial<Record<SharedKind, KindShare>>;

/** The bounds of a campaign's priority (core/campaign/doc-fields.ts checks documents against them). */
export const MIN_PRIORITY = 0.01;
export const MAX_PRIORITY = 100;
/** Two uses this close are equal (strides such as 1/3 add up with rounding). */
const TIE = 1e-9;

export function isSharedKind(kind: ActionKind): kind is SharedKind {
  return (SHARED_KINDS as readonly string[]).includes(kind);
}

/** A campaign's weight: its document's priority, 1 when it has none (documents stored before the field). */
export function campaignPriority(doc: Pick<CampaignDoc, "priority">): number {
  const p = doc.priority;
  return typeof p === "number" && Number.isFinite(p) && p > 0 ? p : 1;
}

export interface ShareCandidate {
  campaignId: number;
  priority: number;
}

/** A candidate's turn: `from` is the use it starts from if it takes the action (its own, or the clock if behind). */
export interface ShareTurn extends ShareCandidate {
  from: number;
}

/**
 * The candidates (campaigns with due work of `kind` now), in the order the next action should be offered to
 * them: the first is the fair choice; the others follow in case none of its due enrollments can go now.
 */
export function shareOrder(state: Pick<GovernorState, "share">, kind: SharedKind, candidates: readonly ShareCandidate[]): ShareTurn[] {
  const share = state.share?.[kind];
  const clock = share?.clock ?? 0;
  const turns = candidates.map((c) => ({ ...c, from: Math.max(share?.uses?.[String(c.campaignId)] ?? clock, clock) }));
  const compare = (a: number, b: number) => (Math.abs(a - b) > TIE ? a - b : 0);
  return turns.sort(
    (a, b) => compare(a.from, b.from) || compare(a.from + 1 / a.priority, b.from + 1 / b.priority) || a.campaignId - b.campaignId,
  );
}

/** The state after `turn`'s campaign was handed an action of `kind`: uses left behind the clock are forgotten. */
export function chargeShare(state: GovernorState, kind: SharedKind, turn: ShareTurn): GovernorState {
  const clock = turn.from;
  const uses: Record<string, number> = {};
  for (const [id, use] of Object.entries(state.share?.[kind]?.uses ?? {})) if (use > clock) uses[id] = use;
  uses[String(turn.campaignId)] = turn.from + 1 / turn.priority;
  return { ...state, share: { ...state.share, [kind]: { clock, uses } } };
}
