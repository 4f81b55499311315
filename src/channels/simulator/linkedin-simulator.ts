/**
 * A seeded, deterministic model of LinkedIn on a virtual clock: the `simulator` channel of the demo, the tests
 * and the benchmarks. It holds each account's hidden truth (weekly limit, note quota, acceptance and reply
 * rates) and answers actions as LinkedIn would; the engine sees only those answers and the network events
 * (acceptances, replies, restrictions) it takes with `takeEventsUntil`.
 *
 * Determinism: every random decision is drawn from the seed and stable keys (account name, prospect url,
 * action time), never from call order, and each account's state depends only on its own actions. Actions of
 * one account are expected in non-decreasing time (a real sender's are); the order between accounts does
 * not matter, except that events at the very same instant come out in the order they were scheduled.
 *
 * Cost: O(log n) per action and per event (sorted arrays with binary search, binary heaps, maps).
 */
import { LinkpaceError } from "../../core/errors.js";
import type { ActionResult } from "../../core/model.js";
import type { Instant } from "../../core/time.js";
import type { ActionOutcome, ActionRequest, Channel } from "../channel.js";
import { performConnect, performMessage, performVisit, performWithdraw, type ActionTarget, type SimContext } from "./actions.js";
import { EventQueue, toSimEvent } from "./event-queue.js";
import { LocalClock } from "./local-clock.js";
import { ProspectRegistry } from "./prospect-registry.js";
import { SimAccount } from "./sim-account.js";
import { resolveTruth } from "./truth.js";
import type { SimAccountSpec, SimAccountTruth, SimEvent, SimProspectSpec, SimStats } from "./types.js";

export interface LinkedInSimulatorOptions {
  seed: number | string;
  accounts: SimAccountSpec[];
}

export class LinkedInSimulator implements Channel {
  readonly name = "simulator";
  readonly inline = true;
  private readonly ctx: SimContext;
  private readonly accounts = new Map<string, SimAccount>();
  private readonly prospects = new ProspectRegistry();

  constructor(opts: LinkedInSimulatorOptions) {
    const queue = new EventQueue();
    this.ctx = { seed: opts.seed, queue, clock: new LocalClock() };
    opts.accounts.forEach((spec, i) => {
      if (this.accounts.has(spec.name)) {
        throw new LinkpaceError("invalid_input", `accounts[${i}].name: "${spec.name}" is already used by another simulated account`);
      }
      if (!this.ctx.clock.isValidZone(spec.timezone)) {
        throw new LinkpaceError(
          "invalid_input",
          `accounts[${i}].timezone: "${spec.timezone}" is not an IANA time zone (e.g. Europe/Paris)`,
        );
      }
      this.accounts.set(spec.name, new SimAccount(spec.name, spec.timezone, spec.type, resolveTruth(spec, i), queue));
    });
  }

  /** Makes a person known to the network. Their hidden fate depends on the seed and their url, not on call order. */
  addProspect(p: SimProspectSpec): void {
    if (p.timezone !== null && !this.ctx.clock.isValidZone(p.timezone)) {
      throw new LinkpaceError("invalid_input", `prospect ${p.url}: timezone "${p.timezone}" is not an IANA time zone (e.g. Europe/Berlin)`);
    }
    if (p.account !== undefined) this.account(p.account);
    this.prospects.add(p);
  }

  async perform(req: ActionRequest): Promise<ActionOutcome> {
    return { status: "done", result: this.performSync(req) };
  }

  performSync(req: ActionRequest): ActionResult {
    const account = this.account(req.account.name);
    account.advanceTo(req.at);
    const target: ActionTarget = {
      account,
      prospect: this.prospects.findAny([req.prospect.url, ...req.prospect.identifiers]),
      req,
    };
    switch (req.kind) {
      case "visit":
        return performVisit(target);
      case "connect":
        return performConnect(this.ctx, target);
      case "message":
        return performMessage(this.ctx, target);
      case "withdraw":
        return performWithdraw(target);
      default: {
        const never: never = req.kind;
        throw new LinkpaceError("internal", `simulator: unknown action kind ${String(never)}`);
      }
    }
  }

  /** The earliest scheduled network event not yet taken, or null. */
  nextEventAt(): Instant | null {
    return this.ctx.queue.nextAt();
  }

  /** Removes and returns the events with at ≤ t, ordered by (at, insertion order). */
  takeEventsUntil(t: Instant): SimEvent[] {
    return this.ctx.queue.takeUntil(t).map((e) => {
      const stats = this.account(e.account).stats;
      if (e.kind === "accepted") stats.accepted++;
      else if (e.kind === "replied") stats.replies++;
      else stats.restrictions++;
      return toSimEvent(e);
    });
  }

  /** The account's hidden truth: for tests and reports only, never for the engine. */
  truthOf(account: string): SimAccountTruth {
    return { ...this.account(account).truth };
  }

  stats(account: string): SimStats {
    return { ...this.account(account).stats };
  }

  /** Invitations of `account` still pending at the latest instant it acted (for tests and reports). */
  pendingOf(account: string): number {
    return this.account(account).pendingCount;
  }

  private account(name: string): SimAccount {
    const account = this.accounts.get(name);
    if (account === undefined) {
      const known = [...this.accounts.keys()].slice(0, 5).join(", ");
      throw new LinkpaceError(
        "not_found",
        `simulator: no simulated account "${name}" (known: ${known}${this.accounts.size > 5 ? ", …" : ""})`,
      );
    }
    return account;
  }
}
