/**
 * The resources every part of the engine shares: one plain object, no container.
 */
import type { Channel } from "../channels/channel.js";
import type { Clock } from "../core/time.js";
import type { CampaignRow, Store, WorkspaceId } from "../store/store.js";
import type { VariantPolicy } from "./variants.js";

export interface EngineContext {
  store: Store;
  channel: Channel;
  clock: Clock;
  workspaceId: WorkspaceId;
  /** Campaign documents by id and version; status is read from the store when it matters. */
  campaigns: CampaignCache;
  /** What the engine's random choices (variants) are seeded by: a simulation's seed; else the workspace's id. */
  seed?: string;
  /** How variants are chosen (engine/variants.ts): learnt (default), or evenly as a benchmark's baseline. */
  variantPolicy?: VariantPolicy;
  /** false: no send-time learning in any campaign (a benchmark's baseline); else each campaign's schedule.learn. */
  hourLearning?: boolean;
  /**
   * Due accounts claimed per transaction with an inline channel (engine.ts, inlineTurns); default 1. More saves
   * round trips for a process alone on its database; with several workers, one would take every due account,
   * and the due times read with the claim (Store.claimDueAccounts) could miss another process's writes.
   */
  claimBatch?: number;
}

/**
 * Campaign rows by id. A document changes only by an update (engine/update-campaign.ts), which numbers it
 * (campaigns.version) under its account's lock, possibly in another process: a cached row is used only while the
 * store's version is the same. Inside a transaction (a store other than the cache's own) the version is read
 * once per campaign and trusted for the rest of it: the engine works under the account's lock, which an update
 * takes too. Outside one, every use reads the version (one indexed lookup).
 */
export class CampaignCache {
  private readonly byId = new Map<number, CampaignRow>();
  private readonly checked = new WeakMap<Store, Map<number, number>>();
  constructor(private readonly store: Store) {}

  async get(id: number, store: Store = this.store): Promise<CampaignRow> {
    const row = await this.find(id, store);
    if (!row) throw new Error(`campaign ${id} vanished from the store`);
    return row;
  }

  /** The campaign, or null when the store has none with this id. Its document is the store's; its status may be out of date. */
  async find(id: number, store: Store = this.store): Promise<CampaignRow | null> {
    const hit = this.byId.get(id);
    if (hit && (await this.version(id, store)) === hit.version) return hit;
    const row = await store.getCampaignById(id);
    if (row) {
      this.byId.set(id, row);
      this.remember(store, id, row.version);
    } else this.byId.delete(id);
    return row;
  }

  /**
   * The stored version of campaign `id` as a query in transaction `store` just read it (a due enrollment's, read
   * under the account's lock): get and find need not read it again in that transaction.
   */
  seen(store: Store, id: number, version: number): void {
    this.remember(store, id, version);
  }

  forget(id: number): void {
    this.byId.delete(id);
  }

  private async version(id: number, store: Store): Promise<number | null> {
    const seen = store === this.store ? undefined : this.checked.get(store)?.get(id);
    if (seen !== undefined) return seen;
    const version = await store.campaignVersion(id);
    if (version !== null) this.remember(store, id, version);
    return version;
  }

  private remember(store: Store, id: number, version: number): void {
    if (store === this.store) return;
    let versions = this.checked.get(store);
    if (!versions) this.checked.set(store, (versions = new Map()));
    versions.set(id, version);
  }
}
