/**
 * One App per workspace, on the assisted channel (actions are handed over as tasks for runners and agents),
 * all sharing the server's store and clock. Created on first use.
 */
import { App } from "../app.js";
import { AssistedChannel } from "../channels/assisted/assisted-channel.js";
import type { Clock } from "../core/time.js";
import type { Store, WorkspaceId } from "../store/store.js";

export class AppPool {
  private readonly apps = new Map<WorkspaceId, App>();
  private readonly channel = new AssistedChannel();
  constructor(readonly store: Store, readonly clock: Clock) {}

  get(workspaceId: WorkspaceId): App {
    let app = this.apps.get(workspaceId);
    if (!app) {
      app = new App({ store: this.store, channel: this.channel, clock: this.clock, workspaceId });
      this.apps.set(workspaceId, app);
    }
    return app;
  }
}
