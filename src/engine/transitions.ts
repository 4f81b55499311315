/**
 * Writes the enrollment state machine's transitions (core/enrollment/transition.ts) to the store, with the
 * windows applied to every new readyAt: the only writer of an enrollment's status. Each function runs inside
 * the caller's transaction, under the account's lock.
 */
import {
  transition,
  type EnrollmentChange,
  type EnrollmentEvent,
  type EnrollmentState,
  type PersonEffect,
  type TransitionScope as CoreScope,
} from "../core/enrollment/transition.js";
import { LinkpaceError } from "../core/errors.js";
import type { AccountDoc, CampaignDoc } from "../core/model.js";
import type { Instant } from "../core/time.js";
import type { EnrollmentRow, Store } from "../store/store.js";
import type { Preparation } from "./prepare-action.js";
import { nextReachable } from "./windows.js";

export interface TransitionScope {
  store: Store;
  account: AccountDoc;
  campaign: CampaignDoc;
  now: Instant;
}

/** The core's scope for an enrollment scheduled in `prospectTz`: the campaign's and the sender's windows. */
export function coreScope(scope: Omit<TransitionScope, "store">, prospectTz: string): CoreScope {
  const { account, campaign, now } = scope;
  return { campaign, now, reachable: (kind, from) => nextReachable(kind, account, campaign, prospectTz, from) };
}

/**
 * The change of the events applied in order, or a LinkpaceError ("internal") naming the illegal move: every
 * caller checks what the user may ask for before, so an illegal move here is a bug.
 */
export function planTransition(
  scope: Omit<TransitionScope, "store">,
  e: EnrollmentState & Pick<EnrollmentRow, "prospectTz">,
  events: EnrollmentEvent[],
  id = 0,
): Planned {
  return fold(coreScope(scope, e.prospectTz), e, events, id);
}

interface Planned {
  change: EnrollmentChange;
  effects: PersonEffect[];
}

function fold(scope: CoreScope, e: EnrollmentState, events: EnrollmentEvent[], id: number): Planned {
  let state = e;
  let change: EnrollmentChange = {};
  const effects: PersonEffect[] = [];
  for (const event of events) {
    const out = transition(state, event, scope);
    if (!out.ok) throw new LinkpaceError("internal", `enrollment ${id}: ${out.error}`);
    state = { ...state, ...out.change };
    change = { ...change, ...out.change };
    effects.push(...out.effects);
  }
  return { change, effects };
}

/** Applies the events to the enrollment and writes the result (the person's part first), in one statement each. */
export async function applyTransition(scope: TransitionScope, e: EnrollmentRow, ...events: EnrollmentEvent[]): Promise<void> {
  const { change, effects } = planTransition(scope, e, events, e.id);
  for (const effect of effects) {
    switch (effect.type) {
      // Neither column has a constraint that could refuse it: deferrable as the enrollment's write below.
      case "person_connected":
        await scope.store.updatePerson(e.personId, { connected: true, connectedAt: effect.at }, { deferrable: true });
        break;
      case "person_withdrawn":
        await scope.store.updatePerson(e.personId, { lastWithdrawnAt: effect.at }, { deferrable: true });
        break;
      default: {
        const never: never = effect;
        return never;
      }
    }
  }
  // Never a status out of done (the core refuses it), so the write cannot be refused: it may be deferred.
  await scope.store.updateEnrollment(e.id, change, { deferrable: true });
}

/** Writes what prepareAction decided when it did not perform: reschedule, skip a step, or end. */
export async function applyPreparation(
  scope: TransitionScope,
  e: EnrollmentRow,
  prep: Exclude<Preparation, { type: "perform" }>,
): Promise<void> {
  switch (prep.type) {
    case "later":
      return applyTransition(scope, e, { type: "deferred", readyAt: prep.readyAt });
    case "replan":
      return applyTransition(scope, e, { type: "skipped", next: prep.next });
    case "end":
      return applyTransition(scope, e, { type: "ended", reason: prep.reason });
    default: {
      const never: never = prep;
      return never;
    }
  }
}
