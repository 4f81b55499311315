/**
 * One App per workspace, on the assisted channel (actions are handed over as tasks for runners and agents),
 * all sharing the server's store and clock. Created on first use.
 */
import { App } from "../app.js";
import { AssistedChannel } from "../channels/assisted/assisted-channel.js";
import type { Clock } from "../core/time.js";
import type { Store, WorkspaceId } from "../store/store.js";
import { NOTHING_ALLOWED, type WebhookAllow } from "../webhooks/webhook-allow.js";

export class AppPool {
  private readonly apps = new Map<WorkspaceId, App>();
  private readonly channel = new AssistedChannel();
  constructor(
    readonly store: Store,
    readonly clock: Clock,
    readonly webhookAllow: WebhookAllow = NOTHING_ALLOWED,
  ) {}

  get(workspaceId: WorkspaceId): App {
    let app = this.apps.get(workspaceId);
    if (!app) {
      app = new App({ store: this.store, channel: this.channel, clock: this.clock, workspaceId, webhookAllow: this.webhookAllow });
      this.apps.set(workspaceId, app);
    }
    return app;
  }
}
