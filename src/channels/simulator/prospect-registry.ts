/**
 * The people the simulated network knows, found by any of their identifiers. Registering the same person
 * twice (same url or a shared identifier) merges the two: identifiers and connections add up, a known zone
 * is kept, and unavailable wins.
 */
import type { SimProspectSpec } from "./types.js";

export interface SimProspect {
  readonly id: number;
  /** The display url of the first registration; events name the person by it. */
  readonly url: string;
  timezone: string | null;
  unavailable: boolean;
  connectedToAll: boolean;
  readonly connectedTo: Set<string>;
}

export class ProspectRegistry {
  private readonly byIdentifier = new Map<string, SimProspect>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(spec: SimProspectSpec): SimProspect {
    const keys = [spec.url, ...spec.identifiers];
    let prospect = this.findAny(keys);
    if (prospect === undefined) {
      prospect = { id: this.count++, url: spec.url, timezone: null, unavailable: false, connectedToAll: false, connectedTo: new Set() };
    }
    prospect.timezone ??= spec.timezone;
    prospect.unavailable ||= spec.unavailable === true;
    if (spec.connected) {
      if (spec.account === undefined) prospect.connectedToAll = true;
      else prospect.connectedTo.add(spec.account);
    }
    for (const key of keys) this.byIdentifier.set(key, prospect);
    return prospect;
  }

  findAny(keys: readonly string[]): SimProspect | undefined {
    for (const key of keys) {
      const found = this.byIdentifier.get(key);
      if (found !== undefined) return found;
    }
    return undefined;
  }
}

export function isInitiallyConnected(p: SimProspect, account: string): boolean {
  return p.connectedToAll || p.connectedTo.has(account);
}
