/**
 * Fair share of one account's budgets among its campaigns. The account's daily and weekly budgets are the
 * governor's; which campaign gets the next visit, invitation or message they allow is decided here, by each
 * campaign's `priority` (its weight, 1 by default), so that an old campaign with a big backlog does not take
 * every invitation while a newer one waits.
 *
 * The rule is stride scheduling. Per kind, each campaign has a *use*: the actions of that kind it was given, each
 * counting 1 / priority. The next action goes to the campaign, among those with due work now (the candidates),
 * whose use would be lowest after taking it (use + 1 / priority), ties by campaign id. Two campaigns of equal
 * priority alternate; priorities 2 and 1 give two actions to one for every one to the other, the rounding carried
 * from one day to the next (a 10-a-day budget split 2:1 is 7:3 one day and 6:4 or 7:3 the next, never 7:3 every
 * day). A campaign with nothing due is no candidate: the others take its share that same day. When it has work
 * again its use is brought up to the others' (less one stride), so it does not win back what it let go: it gets
 * at most about one turn of credit.
 *
 * Withdrawals are not shared: they protect the account and keep the queue's order (oldest due first). A turn is
 * counted when the action is handed out, whatever its result. Pure: the state is the governor's (`share`).
 */
import type { ActionKind, CampaignDoc } from "../model.js";
import type { GovernorState } from "./state.js";

/** The kinds whose budgets are shared among the account's campaigns. */
export const SHARED_KINDS = ["visit", "connect", "message"] as const;
export type SharedKind = (typeof SHARED_KINDS)[number];

/** Each campaign's use per shared kind: campaign id (as a string, JSON keys) -> actions given / priority. */
export type ShareUse = Partial<Record<SharedKind, Record<string, number>>>;

/** The bounds of a campaign's priority (core/campaign/doc-fields.ts checks documents against them). */
export const MIN_PRIORITY = 0.01;
export const MAX_PRIORITY = 100;
/** Uses further behind the latest charged than any stride can explain belong to campaigns long idle or gone. */
const FORGET_BEHIND = 2 / MIN_PRIORITY;
/** Two finishing uses this close are a tie (strides such as 1/3 add up with rounding). */
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

/** A candidate's turn: `from` is the use it starts from if it takes the action (its own, or raised to the others'). */
export interface ShareTurn extends ShareCandidate {
  from: number;
}

/**
 * The candidates (campaigns with due work of `kind` now), in the order the next action should be offered to
 * them: the first is the fair choice; the others follow in case none of its due enrollments can go now.
 */
export function shareOrder(state: Pick<GovernorState, "share">, kind: SharedKind, candidates: readonly ShareCandidate[]): ShareTurn[] {
  const uses = state.share?.[kind] ?? {};
  const own = (c: ShareCandidate) => uses[String(c.campaignId)] ?? Number.NEGATIVE_INFINITY;
  const top = Math.max(Number.NEGATIVE_INFINITY, ...candidates.map(own));
  // With every candidate busy all along, uses stay within one stride of each other; anything further behind was idle.
  const stride = Math.max(0, ...candidates.map((c) => 1 / c.priority));
  const floor = top === Number.NEGATIVE_INFINITY ? 0 : top - stride;
  const turns = candidates.map((c) => ({ ...c, from: Math.max(own(c), floor) }));
  const finish = (t: ShareTurn) => t.from + 1 / t.priority;
  return turns.sort((a, b) => {
    const d = finish(a) - finish(b);
    return Math.abs(d) > TIE ? d : a.campaignId - b.campaignId;
  });
}

/** The state after `turn`'s campaign was handed an action of `kind`. */
export function chargeShare(state: GovernorState, kind: SharedKind, turn: ShareTurn): GovernorState {
  const used = turn.from + 1 / turn.priority;
  const kept: Record<string, number> = {};
  for (const [id, use] of Object.entries(state.share?.[kind] ?? {})) if (use >= used - FORGET_BEHIND) kept[id] = use;
  kept[String(turn.campaignId)] = used;
  return { ...state, share: { ...state.share, [kind]: kept } };
}
