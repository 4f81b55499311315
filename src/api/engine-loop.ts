/**
 * The engine inside the server: a timer looks at the store's earliest wake time and runs `engine.tick(now)`
 * when it is due (on the assisted channel the tick hands actions over as tasks for runners and agents), and
 * another delivers webhooks every few seconds for every workspace. Each timer waits for its previous run to
 * finish, so runs never overlap; `stop()` clears the timers and waits for the runs in progress.
 */
import type { Clock } from "../core/time.js";
import type { Engine } from "../engine/engine.js";
import type { Store, WorkspaceId } from "../store/store.js";
import type { WebhookAllow } from "../webhooks/webhook-allow.js";
import { WebhookDispatcher } from "../webhooks/webhook-dispatcher.js";

export interface EngineLoopOptions {
  store: Store;
  engine: Engine;
  clock: Clock;
  /** The non-public webhook targets allowed (LINKPACE_WEBHOOK_ALLOW). */
  webhookAllow: WebhookAllow;
  /** How often to look for due accounts (default 1 s). */
  tickMs?: number;
  /** How often to deliver webhooks (default 5 s). */
  deliverMs?: number;
  /** true: the timers keep the process alive (`linkpace worker`, which has no server to do it); default false. */
  keepAlive?: boolean;
  onError: (what: string, e: unknown) => void;
}

export class EngineLoop {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Set<Promise<void>>();
  private readonly dispatchers = new Map<WorkspaceId, WebhookDispatcher>();
  private busy = { tick: false, deliver: false };

  constructor(private readonly opts: EngineLoopOptions) {}

  start(): void {
    this.every(this.opts.tickMs ?? 1000, "tick", () => this.tick());
    this.every(this.opts.deliverMs ?? 5000, "deliver", () => this.deliver());
  }

  /** One engine pass if an account is due; how many actions were performed inline (0 on the assisted channel). */
  async tick(): Promise<void> {
    const now = this.opts.clock.now();
    const wake = await this.opts.store.nextWakeAt();
    if (wake !== null && wake <= now) await this.opts.engine.tickFrom(now, wake);
  }

  /** Delivers what is due for every workspace's webhooks. */
  async deliver(): Promise<void> {
    for (const w of await this.opts.store.listWorkspaces()) {
      let d = this.dispatchers.get(w.id);
      if (!d) {
        d = new WebhookDispatcher({ store: this.opts.store, clock: this.opts.clock, allow: this.opts.webhookAllow, workspaceId: w.id });
        this.dispatchers.set(w.id, d);
      }
      await d.deliverDue();
    }
  }

  async stop(): Promise<void> {
    for (const t of this.timers.splice(0)) clearInterval(t);
    await Promise.all([...this.running]);
  }

  private every(ms: number, what: "tick" | "deliver", run: () => Promise<void>): void {
    const timer = setInterval(() => {
      if (this.busy[what]) return;
      this.busy[what] = true;
      const p = run()
        .catch((e) => this.opts.onError(what, e))
        .finally(() => {
          this.busy[what] = false;
          this.running.delete(p);
        });
      this.running.add(p);
    }, ms);
    if (this.opts.keepAlive !== true) timer.unref();
    this.timers.push(timer);
  }
}
