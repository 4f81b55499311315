/**
 * The network's future: events ordered by (at, insertion order). A withdrawn invitation cancels its pending
 * acceptance in place; cancelled events are dropped when they reach the front.
 */
import type { NetworkEventKind } from "../../core/model.js";
import type { Instant } from "../../core/time.js";
import { MinHeap } from "./min-heap.js";
import type { SimEvent } from "./types.js";

export interface ScheduledEvent {
  readonly at: Instant;
  readonly seq: number;
  readonly kind: NetworkEventKind;
  readonly account: string;
  readonly prospect: string | null;
  cancelled: boolean;
}

export class EventQueue {
  private readonly heap = new MinHeap<ScheduledEvent>((a, b) => a.at < b.at || (a.at === b.at && a.seq < b.seq));
  private seq = 0;

  schedule(at: Instant, kind: NetworkEventKind, account: string, prospect: string | null): ScheduledEvent {
    const event: ScheduledEvent = { at, seq: this.seq++, kind, account, prospect, cancelled: false };
    this.heap.push(event);
    return event;
  }

  nextAt(): Instant | null {
    this.dropCancelled();
    return this.heap.peek()?.at ?? null;
  }

  /** Removes and returns the events with at ≤ t, in order. */
  takeUntil(t: Instant): ScheduledEvent[] {
    const taken: ScheduledEvent[] = [];
    for (;;) {
      this.dropCancelled();
      const top = this.heap.peek();
      if (top === undefined || top.at > t) return taken;
      this.heap.pop();
      taken.push(top);
    }
  }

  private dropCancelled(): void {
    while (this.heap.peek()?.cancelled === true) this.heap.pop();
  }
}

export function toSimEvent(e: ScheduledEvent): SimEvent {
  return e.prospect === null
    ? { at: e.at, kind: e.kind, account: e.account }
    : { at: e.at, kind: e.kind, account: e.account, prospect: e.prospect };
}
