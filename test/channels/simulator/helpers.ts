import type { ActionKind, AccountType } from "../../../src/core/model.js";
import type { ActionRequest } from "../../../src/channels/channel.js";
import { LinkedInSimulator, type SimAccountTruth } from "../../../src/channels/simulator/index.js";

/** Monday 2027-03-01 00:00Z. */
export const START = Date.UTC(2027, 2, 1);

export const url = (i: number | string): string => `https://www.linkedin.com/in/p-${i}`;

let actionId = 0;

export function req(
  kind: ActionKind,
  account: string,
  prospect: string,
  at: number,
  extra: { note?: string; text?: string } = {},
): ActionRequest {
  return {
    actionId: ++actionId,
    at,
    account: { name: account, type: "free" },
    kind,
    prospect: { url: prospect, identifiers: [prospect], firstName: "A", lastName: "B", timezone: "UTC" },
    ...(kind === "connect" ? { note: extra.note ?? "" } : {}),
    ...(kind === "message" ? { text: extra.text ?? "Hello" } : {}),
  };
}

export interface OneAccount {
  sim: LinkedInSimulator;
  /** Performs an action for account "a". */
  act: (kind: ActionKind, prospect: string, at: number, extra?: { note?: string; text?: string }) => string;
}

/** A simulator with one account "a" and `prospects` unconnected people p-0 … in `zone`. */
export function oneAccount(opts: {
  truth?: Partial<SimAccountTruth>;
  type?: AccountType;
  prospects?: number;
  zone?: string | null;
  accountZone?: string;
  seed?: number | string;
}): OneAccount {
  const sim = new LinkedInSimulator({
    seed: opts.seed ?? 1,
    accounts: [{ name: "a", timezone: opts.accountZone ?? "Europe/Paris", type: opts.type ?? "free", truth: opts.truth ?? {} }],
  });
  for (let i = 0; i < (opts.prospects ?? 0); i++) {
    sim.addProspect({
      url: url(i),
      identifiers: [url(i)],
      timezone: opts.zone === undefined ? "Europe/Berlin" : opts.zone,
      connected: false,
    });
  }
  return { sim, act: (kind, prospect, at, extra) => sim.performSync(req(kind, "a", prospect, at, extra)) };
}
