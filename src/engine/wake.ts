/**
 * When the engine should next look at an account: the earliest instant at which some kind of action is both
 * allowed by the governor and has an enrollment ready for it. null: nothing can happen until an outside event
 * (an acceptance, an import, a resumed campaign) wakes the account.
 */
import { ACTION_KINDS, type AccountDecision } from "../core/governor/index.js";
import type { ActionKind } from "../core/model.js";
import type { Instant } from "../core/time.js";

export function planWake(decision: AccountDecision, readyByKind: Partial<Record<ActionKind, Instant>>, now: Instant): Instant | null {
  let wake: Instant | null = null;
  for (const kind of ACTION_KINDS) {
    const ready = readyByKind[kind];
    if (ready === undefined) continue;
    const d = decision.kinds[kind];
    const allowedFrom = d.allowed ? now : d.until;
    if (allowedFrom === null) continue;
    const at = Math.max(ready, allowedFrom);
    if (wake === null || at < wake) wake = at;
  }
  return wake;
}
