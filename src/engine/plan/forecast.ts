/**
 * What the engine will release for one account over a stretch of time, if every action succeeds: the
 * governor's own decisions (budgets, the pending cap, warm-up, gaps, drip pacing or sittings) replayed on a copy
 * of its state against the account's queue, with the engine's rules for windows (an invitation or a message is
 * handed to a person only when its recipient's window stays open for the task's lease) and for visits (they run
 * only a little ahead of invitations). Pure: the caller reads the queue.
 *
 * What it cannot know is left out, and the plan says so: acceptances (which add messages and lower the pending
 * count), replies, LinkedIn's refusals. A visit moves its prospect on to the campaign's next step, as the
 * engine does; an invitation ends the prospect's part of the forecast (what follows waits for an acceptance).
 * Visits, invitations and messages go to the account's campaigns in their fair order, as the engine hands them
 * out (core/governor/fair-share.ts); withdrawals, oldest due first.
 */
import {
  ACTION_KINDS,
  campaignPriority,
  chargeShare,
  decideAccount,
  decideVisitBacklog,
  planWake,
  recordAction,
  recordSitting,
  isSharedKind,
  shareOrder,
  VISIT_BACKLOG_DAYS,
  type GovernorState,
  type ReadyByKind,
  type ShareTurn,
  type Sitting,
} from "../../core/governor/index.js";
import { planNextStep } from "../../core/enrollment/state-machine.js";
import type { AccountDoc, ActionKind, CampaignDoc } from "../../core/model.js";
import type { Instant } from "../../core/time.js";
import { MinHeap } from "../../channels/simulator/min-heap.js";
import { isReachableThrough, nextReachableFor, reachableUntil } from "../windows.js";

/** One enrollment waiting in the account's queue. */
export interface QueueItem {
  id: number;
  kind: ActionKind;
  readyAt: Instant;
  step: number;
  campaignId: number;
  campaign: CampaignDoc;
  zone: string;
  /** The person is a connection already (a connect step is skipped). */
  connected: boolean;
  /** Visited and waiting for an invitation (counts in the visit backlog). */
  visited: boolean;
}

export interface Release {
  at: Instant;
  kind: ActionKind;
  zone: string;
  itemId: number;
  /**
   * The earliest the task could go (its due time, or when its kind's budgets had room if later), and the end of
   * the window it went in (less the margin).
   */
  earliest: Instant;
  latest: Instant;
}

export interface ForecastInput {
  doc: AccountDoc;
  state: GovernorState;
  from: Instant;
  until: Instant;
  items: readonly QueueItem[];
  /** Visited prospects waiting for their invitation (all of them, also those due after `until`): the visit backlog. */
  visitedAwaiting: number;
  /** How long after handing out a task the person may take (the task's lease); 0 for an inline channel. */
  margin: number;
  /**
   * "always": a sitting open the whole time (what could go, at the earliest); a list: the sittings the person
   * keeps (between them a `sittings` account does nothing, a `drip` one drips); null: no sitting at all.
   */
  sittings: "always" | readonly Sitting[] | null;
}

/** Stops a runaway replay: far more actions than any account's budgets allow in a fortnight. */
const MAX_STEPS = 200_000;

export function forecast(input: ForecastInput): Release[] {
  const { doc, from, until, margin } = input;
  const sittings = input.sittings === "always" ? [{ from, until }] : (input.sittings ?? []);
  let state: GovernorState = { ...structuredClone(input.state), sitting: null };
  const queues = new Queues();
  let visitedAwaiting = input.visitedAwaiting;
  for (const item of input.items) queues.push({ ...item });
  const reachable = memoReachable(doc, margin);
  const releases: Release[] = [];
  const openSince = new Map<ActionKind, Instant>();
  let t = from;
  let sittingIndex = 0;
  for (let steps = 0; steps < MAX_STEPS && t < until; steps++) {
    // The sitting the person keeps at t: opened at its start, as the runner would.
    while (sittingIndex < sittings.length && (sittings[sittingIndex] as Sitting).until <= t) sittingIndex++;
    const current = sittings[sittingIndex];
    if (current && current.from <= t && (state.sitting === null || state.sitting.from !== current.from)) {
      state = recordSitting(doc, state, t, current.until - t);
      state.sitting = { from: current.from, until: current.until };
    }
    let decision = decideAccount(doc, state, t);
    const ready: ReadyByKind = {};
    for (const kind of ACTION_KINDS) {
      const head = queues.earliest(kind);
      if (head !== null) ready[kind] = head;
    }
    if (ready.visit !== undefined) decision = decideVisitBacklog(doc, decision, visitedAwaiting);
    // Since when each kind's budgets allow it (the least gap aside, which only queues tasks one after the other):
    // a task is not due for a sitting before its budget has room, whenever it fell due.
    let budgets = decideAccount(doc, { ...state, nextAnyAt: null }, t);
    if (ready.visit !== undefined) budgets = decideVisitBacklog(doc, budgets, visitedAwaiting);
    for (const kind of ACTION_KINDS) {
      if (!budgets.kinds[kind].allowed) openSince.delete(kind);
      else if (!openSince.has(kind)) openSince.set(kind, t);
    }
    let performed: Release | null = null;
    let moved = false;
    for (const kind of ACTION_KINDS) {
      if (!decision.kinds[kind].allowed) continue;
      for (const { queue, turn } of queues.inTurn(state, kind, t)) {
        while (queue.size > 0 && (queue.peek() as QueueItem).readyAt <= t) {
          const item = queue.pop() as QueueItem;
          if (kind === "connect" && item.connected) {
            if (item.visited) visitedAwaiting--;
            advance(item, t, queues);
            moved = true;
            continue;
          }
          const latest = reachable.until(item, t);
          if (latest === null) {
            const next = reachable.next(item, t);
            if (next !== null) {
              item.readyAt = next;
              queue.push(item);
            } else if (kind === "connect" && item.visited) visitedAwaiting--;
            moved = true;
            continue;
          }
          const earliest = Math.max(item.readyAt, openSince.get(kind) ?? t);
          performed = { at: t, kind, zone: item.zone, itemId: item.id, earliest, latest };
          // The campaign's turn is counted when the engine hands the action out, then the action itself.
          if (turn !== null && isSharedKind(kind)) state = chargeShare(state, kind, turn);
          state = recordAction(doc, state, { kind, result: "ok", at: t, withNote: false });
          if (kind === "visit") {
            advance(item, t, queues);
            const next = item.kind;
            if (next === "connect" && item.readyAt !== Number.POSITIVE_INFINITY) {
              item.visited = true;
              visitedAwaiting++;
            }
          } else if (kind === "connect" && item.visited) visitedAwaiting--;
          else if (kind === "message") advance(item, t, queues);
          break;
        }
        if (performed) break;
      }
      if (performed) break;
    }
    if (performed) {
      releases.push(performed);
      continue;
    }
    if (moved) continue;
    const wake = planWake(decision, ready, t);
    const nextSitting = sittings.find((s) => s.from > t)?.from ?? null;
    const candidates = [wake, nextSitting, state.sitting !== null && state.sitting.until > t ? state.sitting.until : null].filter(
      (x): x is Instant => x !== null,
    );
    if (candidates.length === 0) break;
    t = Math.min(...candidates);
  }
  return releases;
}

/**
 * The queue per kind, in (readyAt, id) order: one per campaign for the kinds shared among campaigns (the engine
 * reads each campaign's earliest due), one for withdrawals.
 */
class Queues {
  private readonly byKind = new Map<ActionKind, Map<number, MinHeap<QueueItem>>>();

  push(item: QueueItem): void {
    let heaps = this.byKind.get(item.kind);
    if (!heaps) this.byKind.set(item.kind, (heaps = new Map()));
    const key = isSharedKind(item.kind) ? item.campaignId : 0;
    let heap = heaps.get(key);
    if (!heap) heaps.set(key, (heap = new MinHeap((a, b) => a.readyAt < b.readyAt || (a.readyAt === b.readyAt && a.id < b.id))));
    heap.push(item);
  }

  /** The earliest readyAt of the kind, or null. */
  earliest(kind: ActionKind): Instant | null {
    let min: Instant | null = null;
    for (const heap of this.byKind.get(kind)?.values() ?? []) {
      const head = heap.peek();
      if (head && (min === null || head.readyAt < min)) min = head.readyAt;
    }
    return min;
  }

  /** The queues with something due at `t`, in the order the engine offers the kind to them, each with its turn. */
  inTurn(state: GovernorState, kind: ActionKind, t: Instant): Array<{ queue: MinHeap<QueueItem>; turn: ShareTurn | null }> {
    const heaps = this.byKind.get(kind);
    if (!heaps) return [];
    const due = [...heaps].filter(([, heap]) => heap.size > 0 && (heap.peek() as QueueItem).readyAt <= t);
    if (!isSharedKind(kind)) return due.map(([, queue]) => ({ queue, turn: null }));
    const candidates = due.map(([campaignId, heap]) => ({ campaignId, priority: campaignPriority((heap.peek() as QueueItem).campaign) }));
    return shareOrder(state, kind, candidates).map((turn) => ({ queue: heaps.get(turn.campaignId) as MinHeap<QueueItem>, turn }));
  }
}

/** The item moves on to its campaign's next step after acting at `at` (re-queued), or leaves the forecast. */
function advance(item: QueueItem, at: Instant, queues: Queues): void {
  const next = planNextStep(item.campaign, item.step + 1, at, item.connected);
  if (next.type !== "step") {
    item.readyAt = Number.POSITIVE_INFINITY;
    return;
  }
  item.kind = next.kind;
  item.step = next.step;
  item.readyAt = next.dueAt;
  queues.push(item);
}

/**
 * The windows asked of many prospects who share a campaign and a zone, remembered: where the stretch that
 * contains an instant ends (less the margin), and the next instant a task may be handed out.
 */
function memoReachable(doc: AccountDoc, margin: number) {
  const ends = new Map<string, Instant | null>();
  const nexts = new Map<string, Instant | null>();
  const key = (item: QueueItem, at: Instant) => `${item.kind}\u0000${item.campaign.name}\u0000${item.zone}\u0000${at}`;
  return {
    /** The last instant a task handed out at `at` may still be started so that it lands inside; null: not now. */
    until(item: QueueItem, at: Instant): Instant | null {
      const k = key(item, at);
      if (!ends.has(k)) {
        const ok = isReachableThrough(item.kind, doc, item.campaign, item.zone, at, at + margin);
        const end = ok ? reachableUntil(item.kind, doc, item.campaign, item.zone, at) : null;
        ends.set(k, end === null ? null : end - margin);
      }
      return ends.get(k) as Instant | null;
    },
    next(item: QueueItem, at: Instant): Instant | null {
      const k = key(item, at);
      if (!nexts.has(k)) nexts.set(k, nextReachableFor(item.kind, doc, item.campaign, item.zone, at, margin));
      return nexts.get(k) as Instant | null;
    },
  };
}

export { VISIT_BACKLOG_DAYS };
