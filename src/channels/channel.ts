/**
 * The Channel port: how a released action reaches LinkedIn. The engine decides what and when; a channel does
 * it (simulator, assisted owner, an external agent) and answers with `ok` or a failure code (ActionResult).
 * Network outcomes that come later (acceptances, replies, restrictions) are reported to the engine through
 * `Engine.recordNetworkEvent`, not returned here.
 */
import type { AccountType, ActionKind, ActionResult } from "../core/model.js";
import type { Instant } from "../core/time.js";

export interface ActionRequest {
  /** Unique per action (the log row id): an idempotency key for channels that may see a retry. */
  actionId: number;
  at: Instant;
  account: { name: string; type: AccountType };
  kind: ActionKind;
  prospect: {
    /** The display identifier: canonical profile URL, or another identifier URL. */
    url: string;
    identifiers: string[];
    firstName: string;
    lastName: string;
    timezone: string;
  };
  /** connect: the rendered note, "" for none. */
  note?: string;
  /** message: the rendered text. */
  text?: string;
  /** connect or message of a step with variants: the name of the one sent (what a person or an executor may note). */
  variant?: string;
}

export type ActionOutcome =
  | { status: "done"; result: ActionResult }
  /** The action was handed over (assisted task, agent lease); its result arrives later. */
  | { status: "deferred" };

export interface Channel {
  readonly name: string;
  /**
   * The channel answers at once, in process, without side effects outside linkpace (the simulator): the engine
   * may then perform and record an action inside the transaction that claimed it.
   */
  readonly inline?: boolean;
  perform(request: ActionRequest): Promise<ActionOutcome>;
}
