/**
 * The resources every part of the engine shares: one plain object, no container.
 */
import type { Channel } from "../channels/channel.js";
import type { Clock } from "../core/time.js";
import type { CampaignRow, Store, WorkspaceId } from "../store/store.js";

export interface EngineContext {
  store: Store;
  channel: Channel;
  clock: Clock;
  workspaceId: WorkspaceId;
  /** Campaign documents never change once created; status is read from the store when it matters. */
  campaigns: CampaignCache;
}

export class CampaignCache {
  private readonly byId = new Map<number, CampaignRow>();
  constructor(private readonly store: Store) {}

  async get(id: number, store: Store = this.store): Promise<CampaignRow> {
    const row = await this.find(id, store);
    if (!row) throw new Error(`campaign ${id} vanished from the store`);
    return row;
  }

  /** The campaign, or null when the store has none with this id. Its document and name never change; its status may be out of date. */
  async find(id: number, store: Store = this.store): Promise<CampaignRow | null> {
    const hit = this.byId.get(id);
    if (hit) return hit;
    const row = await store.getCampaignById(id);
    if (row) this.byId.set(id, row);
    return row;
  }

  forget(id: number): void {
    this.byId.delete(id);
  }
}
